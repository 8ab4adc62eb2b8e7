module.exports = {
  ...require("../../jest.preset.js"),
  displayName: "timers",
  rootDir: __dirname,
};
