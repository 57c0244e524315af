import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { synthesize } from "../../infra/synth/synthesize";
import { readStackFile } from "../../infra/synth/stack-file";
import { ROOT, stackFile } from "./fixtures";

// The same function the Pulumi Node.js runtime calls to read the tsconfig it is given.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadTypeScriptCompilerOptions } = require("@pulumi/pulumi/tsutils") as { loadTypeScriptCompilerOptions(file: string): Record<string, unknown> };

describe("Pulumi runtime: the program as compiled JavaScript, type-checked in CI instead", () => {
    const project = parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as { main: string; runtime: { options: { typescript: boolean; tsconfig?: string } } };

    it("turns the runtime's TypeScript support off and starts the esbuild entry", () => {
        assert.equal(project.runtime.options.typescript, false, "no ts-node, no TypeScript compiler at start-up");
        assert.equal(project.main, "scripts/pulumi-main.cjs");
        assert.equal(loadTypeScriptCompilerOptions(path.join(ROOT, "tsconfig.json")).noCheck, undefined, "npm run typecheck still checks");
    });

    it("starts every TypeScript example transpile-only too", () => {
        const examples = fs.readdirSync(path.join(ROOT, "examples"), { recursive: true }).map(String).filter((f) => f.endsWith("Pulumi.yaml"));
        const typescript = examples.filter((file) => (parse(fs.readFileSync(path.join(ROOT, "examples", file), "utf8")) as { runtime: { name?: string } }).runtime.name === "nodejs");
        assert.ok(typescript.length >= 3, typescript.join(", "));
        for (const file of typescript) {
            const example = parse(fs.readFileSync(path.join(ROOT, "examples", file), "utf8")) as typeof project;
            const tsconfig = path.join(ROOT, "examples", path.dirname(file), example.runtime.options.tsconfig ?? "tsconfig.json");
            assert.ok(fs.existsSync(tsconfig), `${file}: ${example.runtime.options.tsconfig} exists`);
            assert.equal(loadTypeScriptCompilerOptions(tsconfig).noCheck, true, file);
        }
    });

    it("runs the program as the runtime starts it, declaring what synth shows", async function () {
        this.timeout(60000);
        const synth = await synthesize("prod", readStackFile(stackFile("prod")));
        assert.ok(synth.ok);
        const result = spawnSync(process.execPath, ["scripts/pulumi-runtime.cjs", "prod"], { cwd: ROOT, encoding: "utf8" });
        assert.equal(result.status, 0, result.stderr);
        const report = JSON.parse(result.stdout) as { main: string; typescript: boolean; resources: number };
        assert.deepEqual([report.main, report.typescript], ["scripts/pulumi-main.cjs", false]);
        assert.equal(report.resources, synth.output.resources.length - 1, "everything synth shows for prod but the stack itself");
    });
});
