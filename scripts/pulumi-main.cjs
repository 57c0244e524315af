// The program's entry for the Pulumi CLI (Pulumi.yaml `main`, with the runtime's TypeScript
// support off): the sources that changed since the last run are transpiled by esbuild
// (compile-ts.cjs), then the compiled program runs, its exports the stack's outputs. Loading
// ts-node and the TypeScript compiler to transpile the same files cost `pulumi preview` more
// than the program itself (docs/performance.md). Type errors are CI's job (npm run typecheck).
"use strict";
const { compileStale, outputOf } = require("./compile-ts.cjs");

compileStale();
module.exports = require(outputOf("infra/index.ts"));
