// The unit specs run in-process; cli.int.spec.ts starts a whole platform and runs the real
// `eventual` binary against it, so one file at a time keeps two cores from thrashing.
module.exports = {
  ...require("../../jest.preset.js"),
  displayName: "cli",
  rootDir: __dirname,
  maxWorkers: 1,
};
