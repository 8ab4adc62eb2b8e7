// Shared Jest setup: SWC transpiles TypeScript (type checking is the `typecheck` target's job,
// so tests stay fast on two cores), and tsconfig path aliases resolve to library sources.
const path = require("node:path");
const { compilerOptions } = require("./tsconfig.base.json");

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias}$`] = path.join(__dirname, target);
}

module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: "es2022",
        },
        module: { type: "commonjs" },
        sourceMaps: "inline",
      },
    ],
    // @platformatic/kafka ships ESM only; Jest's CommonJS runtime needs it (and only it) transpiled.
    "^.+\\.m?js$": ["@swc/jest", { jsc: { target: "es2022" }, module: { type: "commonjs" } }],
  },
  transformIgnorePatterns: ["/node_modules/(?!(@platformatic)/)"],
  moduleFileExtensions: ["ts", "js", "mjs", "json"],
  moduleNameMapper,
  testMatch: ["**/?(*.)+(spec|test).ts"],
  reporters: ["default", path.join(__dirname, "tools/jest-summary-reporter.js")],
};
