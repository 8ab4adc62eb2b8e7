// One lint config for the workspace. The module-boundary rule is how DESIGN §7's arrows are
// enforced: core depends on nothing, sdk only on core, worker/testing never on services,
// services only on libraries.
import nx from "@nx/eslint-plugin";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";
import { builtinModules } from "node:module";

export default [
  { ignores: ["**/node_modules/**", "**/dist/**", "**/tmp/**", ".nx/**", "**/*.js", "**/*.mjs"] },
  // Written by proto-loader-gen-types (npm run proto:gen); its style is the generator's.
  { ignores: ["libs/proto/src/generated/**"] },
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ["**/*.ts"],
    plugins: { "@nx": nx },
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/switch-exhaustiveness-check": "off",
      "@nx/enforce-module-boundaries": [
        "error",
        {
          enforceBuildableLibDependency: false,
          // Tests import their own library through its public alias, as users do.
          allowCircularSelfDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: "scope:core", onlyDependOnLibsWithTags: [] },
            { sourceTag: "scope:sdk", onlyDependOnLibsWithTags: ["scope:core"] },
            // The worker talks to the gateway through the typed client.
            { sourceTag: "scope:worker", onlyDependOnLibsWithTags: ["scope:core", "scope:sdk", "scope:client", "scope:proto"] },
            {
              sourceTag: "scope:testing",
              onlyDependOnLibsWithTags: ["scope:core", "scope:sdk", "scope:worker"],
            },
            // The API definition stands alone; the typed client speaks it in the core's terms.
            { sourceTag: "scope:proto", onlyDependOnLibsWithTags: [] },
            { sourceTag: "scope:client", onlyDependOnLibsWithTags: ["scope:proto", "scope:core"] },
            // The log port stands alone: services and the embedded runtime depend on it.
            // Its tests (never its sources) start a broker through infra.
            { sourceTag: "scope:log", onlyDependOnLibsWithTags: ["scope:infra"] },
            // Postgres read models and timers speak the core's events and the log's offsets.
            // Infra only for its tests, which start a real Postgres through it.
            { sourceTag: "scope:store", onlyDependOnLibsWithTags: ["scope:core", "scope:log", "scope:infra"] },
            { sourceTag: "scope:service-kit", onlyDependOnLibsWithTags: [] },
            // Launches the services as processes (tests, benchmarks, the dev stack); imports none of them.
            { sourceTag: "scope:stack", onlyDependOnLibsWithTags: ["scope:infra", "scope:log", "scope:core"] },
            { sourceTag: "type:lib", notDependOnLibsWithTags: ["type:service"] },
            { sourceTag: "type:service", onlyDependOnLibsWithTags: ["type:lib"] },
            { sourceTag: "type:example", onlyDependOnLibsWithTags: ["type:lib"] },
            // The embedded runtime hosts every service in one process: it may import them.
            { sourceTag: "type:runtime", onlyDependOnLibsWithTags: ["type:lib", "type:service"] },
            // The CLI speaks the client API and starts the embedded runtime for `eventual dev`.
            { sourceTag: "type:cli", onlyDependOnLibsWithTags: ["type:lib", "type:runtime"] },
            // The manifests are checked against the services' own config readers.
            { sourceTag: "type:deploy", onlyDependOnLibsWithTags: ["type:lib", "type:service"] },
            // The whole platform driven from outside: libraries only, services as processes.
            { sourceTag: "type:system-test", onlyDependOnLibsWithTags: ["type:lib"] },
          ],
        },
      ],
    },
  },
  {
    // The core is pure and the SDK is bundled into the workflow sandbox: neither may import
    // Node built-ins (DESIGN §3.4); the sandbox would refuse them at run time anyway.
    files: ["libs/core/src/**/*.ts", "libs/sdk/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: builtinModules.map((name) => ({ name, message: "core and sdk do no I/O; put this in libs/worker or a service" })),
          patterns: [{ group: ["node:*"], message: "core and sdk do no I/O; put this in libs/worker or a service" }],
        },
      ],
    },
  },
];
