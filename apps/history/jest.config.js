module.exports = {
  ...require("../../jest.preset.js"),
  displayName: "history",
  rootDir: __dirname,
};
