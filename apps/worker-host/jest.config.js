module.exports = {
  ...require("../../jest.preset.js"),
  displayName: "worker-host",
  rootDir: __dirname,
};
