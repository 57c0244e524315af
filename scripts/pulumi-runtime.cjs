// Runs the program the way `pulumi preview` starts it, under Pulumi's mocks instead of an
// engine: ts-node registered exactly as @pulumi/pulumi/cmd/run registers it, with the tsconfig
// named in Pulumi.yaml (or another one given as the first argument).
//   node scripts/pulumi-runtime.cjs [tsconfig.pulumi.json|tsconfig.json] [stack]
// Prints one JSON line: { tsconfig, transpileOnly, tsNode, resources, ms }.
"use strict";
const path = require("node:path");

const started = process.hrtime.bigint();
const ROOT = path.resolve(__dirname, "..");
process.chdir(ROOT);
const tsconfig = process.argv[2] ?? "tsconfig.pulumi.json";
const stack = process.argv[3] ?? "prod";

const tsutils = require("@pulumi/pulumi/tsutils");
const compilerOptions = tsutils.loadTypeScriptCompilerOptions(tsconfig);
const { tsnodeRequire, typescriptRequire } = tsutils.typeScriptRequireStrings();
// As cmd/run does: transpileOnly follows the tsconfig's own noCheck.
const transpileOnly = compilerOptions.noCheck;
require(tsnodeRequire).register({ compiler: typescriptRequire, transpileOnly, project: tsconfig, skipProject: false, compilerOptions: {} });

(async () => {
    const pulumi = require("@pulumi/pulumi");
    const { MockEngine } = require(path.join(ROOT, "infra/synth/engine.ts"));
    const { readStackFile } = require(path.join(ROOT, "infra/synth/stack-file.ts"));
    const engine = await MockEngine.install({ stack });
    pulumi.runtime.setAllConfig(readStackFile(path.join(ROOT, "stacks", `Pulumi.${stack}.yaml`)).all);
    pulumi.log.warn = async () => undefined; // the warnings are synth's business, not this report's
    require(path.join(ROOT, "infra/index.ts"));
    await engine.settle();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(JSON.stringify({ tsconfig, transpileOnly: transpileOnly === true, tsNode: path.relative(ROOT, tsnodeRequire) || tsnodeRequire, resources: engine.resources.length, ms: Math.round(ms) }));
})().catch((error) => {
    console.error(error.message);
    process.exit(1);
});
