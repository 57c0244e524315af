// Runs the program the way `pulumi preview` starts it, under Pulumi's mocks instead of an
// engine, mirroring @pulumi/pulumi's cmd/run with the project's Pulumi.yaml: `main` required as
// it is when the runtime's `typescript` option is false, or, when it is true, after ts-node is
// registered as cmd/run registers it (transpile-only when the tsconfig's own noCheck says so).
// `--ts-node <tsconfig>` runs infra/index.ts through ts-node with that tsconfig instead, to
// compare.
//   node scripts/pulumi-runtime.cjs [--ts-node tsconfig.json|tsconfig.pulumi.json] [stack]
// Prints one JSON line: { main, typescript, transpileOnly, resources, ms }.
"use strict";
const started = process.hrtime.bigint();
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
process.chdir(ROOT);
const args = process.argv.slice(2);
const tsNodeAt = args.indexOf("--ts-node");
const tsconfigOverride = tsNodeAt >= 0 ? args.splice(tsNodeAt, 2)[1] : undefined;
const stack = args[0] ?? "prod";

const { parse } = require("yaml");
const project = parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8"));
const options = project.runtime.options ?? {};
const typescript = tsconfigOverride !== undefined || options.typescript !== false;
const main = path.join(ROOT, tsconfigOverride !== undefined ? "infra/index.ts" : project.main);

let transpileOnly = false;
if (typescript) {
    const tsconfig = tsconfigOverride ?? options.tsconfig ?? "tsconfig.json";
    const tsutils = require("@pulumi/pulumi/tsutils");
    // As cmd/run does: transpileOnly follows the tsconfig's own noCheck.
    transpileOnly = tsutils.loadTypeScriptCompilerOptions(tsconfig).noCheck === true;
    const { tsnodeRequire, typescriptRequire } = tsutils.typeScriptRequireStrings();
    require(tsnodeRequire).register({ compiler: typescriptRequire, transpileOnly, project: tsconfig, skipProject: false, compilerOptions: {} });
}

(async () => {
    const pulumi = require("@pulumi/pulumi");
    // The mock engine and the stack-file reader, compiled as the commands run them.
    const { compileStale, outputOf } = require("./compile-ts.cjs");
    compileStale();
    const { MockEngine } = require(outputOf("infra/synth/engine.ts"));
    const { readStackFile } = require(outputOf("infra/synth/stack-file.ts"));
    const engine = await MockEngine.install({ stack });
    pulumi.runtime.setAllConfig(readStackFile(path.join(ROOT, "stacks", `Pulumi.${stack}.yaml`)).all);
    pulumi.log.warn = async () => undefined; // the warnings are synth's business, not this report's
    require(main);
    await engine.settle();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(JSON.stringify({ main: path.relative(ROOT, main), typescript, transpileOnly, resources: engine.resources.length, ms: Math.round(ms) }));
})().catch((error) => {
    console.error(error.message);
    process.exit(1);
});
