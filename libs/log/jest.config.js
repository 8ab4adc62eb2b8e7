module.exports = {
  ...require("../../jest.preset.js"),
  displayName: "log",
  rootDir: __dirname,
  testTimeout: 120_000,
};
