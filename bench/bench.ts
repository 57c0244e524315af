/**
 * `npm run bench`: what users wait for, measured against the cost Node can't avoid.
 *
 * - the import floor: a bare node process requiring @pulumi/pulumi, the azure-native submodules
 *   the program imports, and @pulumi/kubernetes;
 * - `npm run --silent synth` of each shipped stack and the program started as `pulumi preview`
 *   starts it (scripts/pulumi-runtime.cjs), alternating with the floor after a warm-up, as
 *   medians, ratios to the floor and peak memory; synth through tsx for comparison;
 * - the program through ts-node instead, transpile-only and type-checked, for comparison;
 * - synth's growth per namespace and per node pool;
 * - `review` of prod and of every stack against HEAD, as the pull-request workflow runs it (the
 *   base in a worktree of its own, the head the working tree);
 * - the wall time of `npm test` and `npm run typecheck`;
 * - the targets: npm test ≤ 30×, program start ≤ 2.2× and synth of prod ≤ 2.2× the floor;
 *   reviewing every stack ≤ 2× reviewing one (one process and one worktree per side, not per stack);
 * - `kubenet-report` over the shipped stacks and over 100 stack files: at most 100 ms more per
 *   stack file (one process for all of them).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../infra/cli/project-root";
import { measureGrowth, withNamespaces, withNodePools } from "./growth";
import { Sample, median, run } from "./measure";

const ROOT = projectRoot(__dirname);
const USAGE = "usage: bench [--rounds N] [--skip-suite]";
const HELP = `${USAGE}

Measures synth of each shipped stack, the program's start as pulumi preview starts it, the
review of one stack and of every stack against HEAD, synth's growth, npm test and the type
check, against the import floor measured in the same run.

  --rounds N      rounds after the warm-up (default 7)
  --skip-suite    leave out npm test and npm run typecheck
  -h, --help      this text`;

function options(): { rounds: number; skipSuite: boolean } {
    let parsed;
    try {
        parsed = parseArgs({ options: { rounds: { type: "string", default: "7" }, "skip-suite": { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } } }).values;
    } catch (error) {
        process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
        process.exit(2);
    }
    if (parsed.help) {
        process.stdout.write(`${HELP}\n`);
        process.exit(0);
    }
    const rounds = Number(parsed.rounds);
    if (!Number.isInteger(rounds) || rounds < 1) {
        process.stderr.write(`--rounds: ${JSON.stringify(parsed.rounds)} is not a whole number of at least 1\n${USAGE}\n`);
        process.exit(2);
    }
    return { rounds, skipSuite: parsed["skip-suite"] === true };
}
const { rounds, skipSuite } = options();

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
/** A fleet of 100 stack files, the shipped three repeated under other names, for kubenet-report's growth. */
const FLEET_SIZE = 100;
const fleet = fs.mkdtempSync(path.join(os.tmpdir(), "aks-kubenet-fleet-"));
process.on("exit", () => fs.rmSync(fleet, { recursive: true, force: true }));
for (let i = 0; i < FLEET_SIZE; i++) {
    const shipped = ["dev", "staging", "prod"][i % 3];
    fs.copyFileSync(path.join(ROOT, "stacks", `Pulumi.${shipped}.yaml`), path.join(fleet, `Pulumi.${shipped}-${i}.yaml`));
}
const cases: Record<string, string[]> = {
    floor: [process.execPath, "-e", floorScript],
    "synth dev": ["npm", "run", "--silent", "synth", "--", "--stack", "dev"],
    "synth staging": ["npm", "run", "--silent", "synth", "--", "--stack", "staging"],
    "synth prod": ["npm", "run", "--silent", "synth", "--", "--stack", "prod"],
    "synth prod (tsx)": [process.execPath, "--import", "tsx", "infra/cli/synth.ts", "--stack", "prod"],
    "program start (prod)": [process.execPath, "scripts/pulumi-runtime.cjs", "prod"],
    "review prod": ["npm", "run", "--silent", "review", "--", "--stack", "prod", "--base", "HEAD"],
    "review all stacks": ["npm", "run", "--silent", "review", "--", "--all-stacks", "--base", "HEAD"],
    "kubenet-report (3)": ["npm", "run", "--silent", "kubenet-report"],
    [`kubenet-report (${FLEET_SIZE})`]: ["npm", "run", "--silent", "kubenet-report", "--", "--stacks", fleet],
};

/** The targets, as ratios to the floor; reviewing every stack as a ratio to reviewing one. */
const TARGETS = { suite: 30, programStart: 2.2, synthProd: 2.2, reviewAllStacks: 2, reportMsPerStack: 100 };

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
    console.log("\nthe program through ts-node instead (the runtime's TypeScript support, prod, no ts-node cache, one run each)");
    for (const tsconfig of ["tsconfig.json", "tsconfig.pulumi.json"]) {
        const sample = run([process.execPath, "scripts/pulumi-runtime.cjs", "--ts-node", tsconfig, "prod"], ROOT, { TS_NODE_CACHE: "false" });
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

    let suiteMs: number | undefined;
    if (!skipSuite) {
        console.log("\nsuite (one run each)");
        for (const [name, command] of [["npm test", ["npm", "test", "--silent"]], ["npm run typecheck", ["npm", "run", "--silent", "typecheck"]]] as const) {
            const ms = run([...command], ROOT).ms;
            if (name === "npm test") suiteMs = ms;
            console.log(`  ${name.padEnd(20)} ${fmt(ms)}`);
        }
    }

    console.log("\ntargets (× the floor measured above)");
    const verdict = (ratio: number, target: number) => `${ratio.toFixed(2).padStart(6)}   target ≤ ${target}   ${ratio <= target ? "met" : "NOT MET"}`;
    const ratioOf = (name: string) => median(samples[name].map((s) => s.ms)) / floorMs;
    if (suiteMs !== undefined) console.log(`  npm test              ${verdict(suiteMs / floorMs, TARGETS.suite)}`);
    console.log(`  program start (prod)  ${verdict(ratioOf("program start (prod)"), TARGETS.programStart)}`);
    console.log(`  synth prod            ${verdict(ratioOf("synth prod"), TARGETS.synthProd)}`);
    console.log(`  review all stacks     ${verdict(ratioOf("review all stacks") / ratioOf("review prod"), TARGETS.reviewAllStacks)}   (× review prod)`);
    const perStack = (ratioOf(`kubenet-report (${FLEET_SIZE})`) - ratioOf("kubenet-report (3)")) * floorMs / (FLEET_SIZE - 3);
    console.log(`  kubenet-report        ${perStack.toFixed(1).padStart(6)} ms per stack file   target ≤ ${TARGETS.reportMsPerStack}   ${perStack <= TARGETS.reportMsPerStack ? "met" : "NOT MET"}`);
}

main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
});
