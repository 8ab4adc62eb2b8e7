/**
 * @eventual/testing — run workflows in virtual time with the real core and replayer.
 */
export { TestEnvironment, WorkflowExecutionError, WorkflowTaskFailedError, type TestEnvironmentOptions, type StartOptions, type WorkflowHandle } from "./test-environment";
export { ActivityMock, type MockBehavior } from "./activity-mock";
