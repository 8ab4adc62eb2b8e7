import type { Activity } from "./activity";
import { DefinitionRegistry } from "./registry";
import type { Workflow } from "./workflow";

/** Every workflow defined in this realm, by name. */
export const workflows = new DefinitionRegistry<Workflow<any, any>>();

/** Every activity defined in this realm, by name. */
export const activities = new DefinitionRegistry<Activity<any[], any>>();
