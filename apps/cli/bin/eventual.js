#!/usr/bin/env node
// The `eventual` command. The CLI runs from its TypeScript sources (like every service in this
// workspace), so this shim registers SWC's on-the-fly compiler first. SWC_NODE_PROJECT is set
// unconditionally: the sources need this workspace's path aliases (@eventual/*), whatever
// project the user's shell happens to point SWC at.
const path = require("node:path");
process.env.SWC_NODE_PROJECT = path.join(__dirname, "..", "..", "..", "tsconfig.base.json");
require("@swc-node/register");
require("../src/main.ts");
