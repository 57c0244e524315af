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
        assert.equal(project.main, "pulumi-main.cjs");
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
        assert.deepEqual([report.main, report.typescript], ["pulumi-main.cjs", false]);
        assert.equal(report.resources, synth.output.resources.length - 1, "everything synth shows for prod but the stack itself");
    });
});

/**
 * The directory Pulumi runs the program from, as the engine derives it from Pulumi.yaml's `main`
 * (pulumi/pulumi pkg/engine/project.go, getPwdMain: a file's directory, or the directory itself).
 */
function programDirectory(root: string, main: string | undefined): string {
    if (main === undefined) return root;
    const full = path.resolve(root, main);
    return fs.statSync(full).isDirectory() ? full : path.dirname(full);
}

/**
 * The provider plugins pulumi-language-nodejs finds for a program, as GetRequiredPackages finds
 * them (sdk/nodejs/cmd/pulumi-language-nodejs/main.go, getPackagesFromDir): every directory under
 * the program's directory, deeply, skipping nested policy packs, and in it every package.json
 * inside a node_modules folder whose `pulumi.resource` is true. The repository's .git and the
 * test run's Node.js downloads (.cache) hold no package.json under node_modules and are skipped
 * for time.
 */
function requiredPackages(dir: string, inNodeModules = false, found = new Map<string, string>()): Map<string, string> {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if ([".git", ".cache"].includes(entry.name) || fs.existsSync(path.join(full, "PulumiPolicy.yaml"))) continue;
            requiredPackages(full, inNodeModules || path.basename(dir) === "node_modules", found);
        } else if (inNodeModules && entry.name === "package.json") {
            const info = JSON.parse(fs.readFileSync(full, "utf8")) as { name?: string; version?: string; pulumi?: { resource?: boolean; name?: string; version?: string } };
            if (info.pulumi?.resource) found.set(info.pulumi.name ?? String(info.name).replace(/^@pulumi\//, ""), info.pulumi.version ?? String(info.version));
        }
    }
    return found;
}

describe("Pulumi runtime: what the CLI finds and needs before the program runs", () => {
    const project = parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as { main?: string };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lock = require("../../package-lock.json") as { packages: Record<string, { version: string }> };

    it("finds the providers the program uses, at the versions package-lock.json pins, from the program's directory", function () {
        this.timeout(30_000);
        const found = requiredPackages(programDirectory(ROOT, project.main));
        for (const provider of ["azure-native", "kubernetes"]) {
            assert.equal(found.get(provider), lock.packages[`node_modules/@pulumi/${provider}`].version, `${provider} is discovered`);
        }
        // Where `main` used to be, discovery saw nothing and the engine fetched plugins on demand.
        assert.equal(requiredPackages(path.join(ROOT, "scripts")).size, 0);
    });

    it("runs with the production dependencies alone (npm ci --omit=dev): everything the entry loads is a dependency", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
        const sources = [project.main!, "scripts/compile-ts.cjs"].map((file) => fs.readFileSync(path.join(ROOT, file), "utf8"));
        const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [fs.readFileSync(path.join(dir, e.name), "utf8")] : []));
        sources.push(...walk(path.join(ROOT, "infra")).filter((text) => !text.includes("runAsMain(")), ...walk(path.join(ROOT, "components")));
        const packages = new Set<string>();
        for (const text of sources) {
            for (const match of text.matchAll(/^(?:import|export)\s(?!type\s)[^;]*?\sfrom\s"([^"]+)"|require\("([^"]+)"\)/gm)) {
                const specifier = match[1] ?? match[2];
                if (specifier.startsWith("node:") || specifier.startsWith(".")) continue;
                packages.add(specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]);
            }
        }
        assert.ok(packages.has("esbuild"), "the entry transpiles with esbuild");
        for (const name of packages) assert.ok(name in manifest.dependencies, `${name} is loaded at run time but is not in dependencies`);
    });
});
