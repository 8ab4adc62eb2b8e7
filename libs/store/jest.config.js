module.exports = {
  ...require("../../jest.preset.js"),
  displayName: "store",
  rootDir: __dirname,
  testTimeout: 120_000,
  globalSetup: "<rootDir>/jest.global-setup.js",
  globalTeardown: "<rootDir>/jest.global-teardown.js",
};
