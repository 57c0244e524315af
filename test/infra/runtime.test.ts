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

describe("Pulumi runtime: transpile-only, type-checked in CI instead", () => {
    const project = parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as { runtime: { options: { typescript: boolean; tsconfig: string } } };

    it("points the runtime at a tsconfig whose own options say noCheck", () => {
        const { typescript, tsconfig } = project.runtime.options;
        assert.equal(typescript, true);
        // The runtime reads this one file, without following `extends`.
        assert.equal(loadTypeScriptCompilerOptions(path.join(ROOT, tsconfig)).noCheck, true);
        assert.equal(loadTypeScriptCompilerOptions(path.join(ROOT, "tsconfig.json")).noCheck, undefined, "npm run typecheck still checks");
    });

    it("starts every TypeScript example transpile-only too", () => {
        const examples = fs.readdirSync(path.join(ROOT, "examples"), { recursive: true }).map(String).filter((f) => f.endsWith("Pulumi.yaml"));
        const typescript = examples.filter((file) => (parse(fs.readFileSync(path.join(ROOT, "examples", file), "utf8")) as { runtime: { name?: string } }).runtime.name === "nodejs");
        assert.ok(typescript.length >= 3, typescript.join(", "));
        for (const file of typescript) {
            const example = parse(fs.readFileSync(path.join(ROOT, "examples", file), "utf8")) as typeof project;
            const tsconfig = path.join(ROOT, "examples", path.dirname(file), example.runtime.options.tsconfig);
            assert.ok(fs.existsSync(tsconfig), `${file}: ${example.runtime.options.tsconfig} exists`);
            assert.equal(loadTypeScriptCompilerOptions(tsconfig).noCheck, true, file);
        }
    });

    it("runs the program through ts-node as the runtime registers it", async function () {
        this.timeout(60000);
        const synth = await synthesize("prod", readStackFile(stackFile("prod")));
        assert.ok(synth.ok);
        const result = spawnSync(process.execPath, ["scripts/pulumi-runtime.cjs", project.runtime.options.tsconfig, "prod"], { cwd: ROOT, encoding: "utf8" });
        assert.equal(result.status, 0, result.stderr);
        const report = JSON.parse(result.stdout) as { transpileOnly: boolean; resources: number };
        assert.equal(report.transpileOnly, true);
        assert.equal(report.resources, synth.output.resources.length - 1, "everything synth shows for prod but the stack itself");
    });

    it("quotes in the README the start-up times docs/performance.md records", () => {
        const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
        const performance = fs.readFileSync(path.join(ROOT, "docs/performance.md"), "utf8");
        const quoted = /starts\s+in ([\d.]+ s) instead of ([\d.]+ s) in the run/.exec(readme);
        assert.ok(quoted, "the README quotes the start-up times");
        const recorded = (config: string) => new RegExp(`${config.replace(".", "\\.")}\\s+\\S+\\s+([\\d.]+ s)`).exec(performance)?.[1];
        assert.equal(quoted[1], recorded("tsconfig.pulumi.json"), "transpile-only");
        assert.equal(quoted[2], recorded("tsconfig.json"), "type-checked");
    });
});
