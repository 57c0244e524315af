/**
 * `npm run bench`: what users wait for, measured against the cost Node can't avoid.
 *
 * - the import floor: a bare node process requiring @pulumi/pulumi, the azure-native submodules
 *   the program imports, and @pulumi/kubernetes;
 * - `npm run --silent synth` of each shipped stack, alternating with the floor after a warm-up,
 *   as medians, ratios to the floor and peak memory; synth through tsx for comparison;
 * - the Pulumi runtime's start (ts-node as `pulumi preview` registers it) type-checked vs
 *   transpile-only;
 * - synth's growth per namespace and per node pool;
 * - the wall time of `npm test` and `npm run typecheck`.
 * Options: --rounds N (default 7), --skip-suite (no npm test / typecheck).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../infra/cli/project-root";
import { measureGrowth, withNamespaces, withNodePools } from "./growth";
import { Sample, median, run } from "./measure";

const ROOT = projectRoot(__dirname);
const { values } = parseArgs({ options: { rounds: { type: "string", default: "7" }, "skip-suite": { type: "boolean", default: false } } });
const rounds = Number(values.rounds);

/** The azure-native submodules the program's sources import, read from the sources themselves. */
function azureModules(): string[] {
    const found = new Set<string>();
    const walk = (dir: string) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (e.name.endsWith(".ts")) for (const m of fs.readFileSync(full, "utf8").matchAll(/from "@pulumi\/azure-native\/([a-z0-9]+)"/g)) found.add(m[1]);
    });
    ["components", "infra"].forEach((dir) => walk(path.join(ROOT, dir)));
    return [...found].sort();
}

const modules = azureModules();
const floorScript = ["@pulumi/pulumi", ...modules.map((m) => `@pulumi/azure-native/${m}`), "@pulumi/kubernetes"].map((m) => `require(${JSON.stringify(m)});`).join("");
const cases: Record<string, string[]> = {
    floor: [process.execPath, "-e", floorScript],
    "synth dev": ["npm", "run", "--silent", "synth", "--", "--stack", "dev"],
    "synth staging": ["npm", "run", "--silent", "synth", "--", "--stack", "staging"],
    "synth prod": ["npm", "run", "--silent", "synth", "--", "--stack", "prod"],
    "synth prod (tsx)": [process.execPath, "--import", "tsx", "infra/cli/synth.ts", "--stack", "prod"],
};

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
    console.log(`node ${process.version}, ${rounds} rounds after a warm-up; floor requires @pulumi/pulumi, @pulumi/azure-native/{${modules.join(",")}}, @pulumi/kubernetes\n`);
    const names = Object.keys(cases);
    for (const name of names) run(cases[name], ROOT); // warm-up: disk cache, .build/
    const samples: Record<string, Sample[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let round = 0; round < rounds; round++) {
        // Rotate the order so no case always runs right after the same neighbour.
        for (let i = 0; i < names.length; i++) {
            const name = names[(i + round) % names.length];
            samples[name].push(run(cases[name], ROOT));
        }
    }
    const floorMs = median(samples.floor.map((s) => s.ms));
    const floorMb = median(samples.floor.map((s) => s.maxRssMb ?? NaN));
    console.log("command                 median    × floor   peak memory   × floor");
    for (const name of names) {
        const ms = median(samples[name].map((s) => s.ms));
        const mb = median(samples[name].map((s) => s.maxRssMb ?? NaN));
        console.log(`${name.padEnd(22)}  ${fmt(ms).padStart(7)}   ${(ms / floorMs).toFixed(2).padStart(6)}   ${Number.isNaN(mb) ? "    n/a" : `${mb.toFixed(0).padStart(6)} MB`}   ${Number.isNaN(mb) ? "" : (mb / floorMb).toFixed(2).padStart(6)}`);
    }

    // ts-node keeps a compile cache in the temp folder; a fresh CI runner has none, so measure without it.
    console.log("\nPulumi runtime start (ts-node as `pulumi preview` registers it, prod, no ts-node cache, one run each)");
    for (const tsconfig of ["tsconfig.json", "tsconfig.pulumi.json"]) {
        const sample = run([process.execPath, "scripts/pulumi-runtime.cjs", tsconfig, "prod"], ROOT, { TS_NODE_CACHE: "false" });
        console.log(`  ${tsconfig.padEnd(22)} ${tsconfig === "tsconfig.json" ? "type-checked   " : "transpile-only "} ${fmt(sample.ms)}`);
    }

    console.log("\nsynth growth (in one process, median of 5 after a warm-up)");
    const devFile = path.join(ROOT, "stacks", "Pulumi.dev.yaml");
    for (const growth of [
        await measureGrowth("namespace", [1, 10, 50], (n) => withNamespaces(devFile, n), 5),
        await measureGrowth("node pool", [1, 5, 20], (n) => withNodePools(devFile, n), 5),
    ]) {
        console.log(`  ${growth.points.map((p) => `${p.count} ${growth.item}(s): ${p.ms.toFixed(0)} ms`).join(", ")}  →  ${growth.msPerItem.toFixed(2)} ms per ${growth.item}`);
    }

    if (!values["skip-suite"]) {
        console.log("\nsuite (one run each)");
        for (const [name, command] of [["npm test", ["npm", "test", "--silent"]], ["npm run typecheck", ["npm", "run", "--silent", "typecheck"]]] as const) {
            console.log(`  ${name.padEnd(20)} ${fmt(run([...command], ROOT).ms)}`);
        }
    }
}

main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
});
