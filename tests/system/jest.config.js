// The platform as separate OS processes: one file at a time, as each starts a whole stack.
module.exports = {
  ...require("../../jest.preset.js"),
  displayName: "system-tests",
  rootDir: __dirname,
  maxWorkers: 1,
};
