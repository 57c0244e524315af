// The program's entry for the Pulumi CLI (Pulumi.yaml `main`, with the runtime's TypeScript
// support off): the sources that changed since the last run are transpiled by esbuild
// (scripts/compile-ts.cjs), then the compiled program runs, its exports the stack's outputs.
// Loading ts-node and the TypeScript compiler to transpile the same files cost `pulumi preview`
// more than the program itself (docs/performance.md). Type errors are CI's job (npm run
// typecheck).
//
// It sits at the project's root because Pulumi takes the directory of `main` as the program's
// directory (pulumi/pulumi pkg/engine/project.go, getPwdMain: "pwd = filepath.Dir(main)"), and
// the Node.js language host looks for the providers a program needs only in node_modules under
// that directory (sdk/nodejs/cmd/pulumi-language-nodejs/main.go, GetRequiredPackages →
// getPackagesFromDir(req.Info.ProgramDirectory, ...)): from scripts/ it found none.
"use strict";
const { compileStale, outputOf } = require("./scripts/compile-ts.cjs");

compileStale();
module.exports = require(outputOf("infra/index.ts"));
