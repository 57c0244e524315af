// Runs one of the project's TypeScript commands as plain JavaScript (compile-ts.cjs), so a
// command costs what Node needs to load its modules rather than a loader hook on every require
// of azure-native's thousands of files.
//   node scripts/run-ts.cjs infra/cli/synth.ts [args...]
"use strict";
const path = require("node:path");
const Module = require("node:module");
const { compileStale, outputOf } = require("./compile-ts.cjs");

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
    console.error("usage: node scripts/run-ts.cjs <file.ts> [args...]");
    process.exit(2);
}
compileStale();
// Run the compiled entry as the main module, so `require.main === module` holds as with tsx.
process.argv = [process.argv[0], outputOf(path.resolve(entry)), ...args];
Module.runMain();
