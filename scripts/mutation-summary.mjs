// Summarises StrykerJS's JSON reports per folder: mutants, killed, survived, no coverage, and the
// mutation score (killed and timed out over all valid mutants).
//   node scripts/mutation-summary.mjs [--survivors] [report.json ...]
// Without a report it reads reports/mutation.json. With several, a file's results come from the
// last report that has it: a full run, then runs limited with --mutate to the files changed since.
import { readFileSync } from "node:fs";

const paths = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const reports = (paths.length > 0 ? paths : [new URL("../reports/mutation.json", import.meta.url)])
    .map((path) => JSON.parse(readFileSync(path, "utf8")));
const files = Object.assign({}, ...reports.map((report) => report.files));
const folders = new Map();
const survivors = [];
for (const [file, { mutants }] of Object.entries(files)) {
    const folder = file.split("/").slice(0, 2).join("/");
    const counts = folders.get(folder) ?? { mutants: 0, detected: 0, survived: 0, noCoverage: 0 };
    for (const mutant of mutants) {
        if (mutant.status === "CompileError" || mutant.status === "RuntimeError" || mutant.status === "Ignored") continue;
        counts.mutants++;
        if (mutant.status === "Killed" || mutant.status === "Timeout") counts.detected++;
        if (mutant.status === "Survived") counts.survived++;
        if (mutant.status === "NoCoverage") counts.noCoverage++;
        if (mutant.status === "Survived" || mutant.status === "NoCoverage") {
            survivors.push(`${file}:${mutant.location.start.line} ${mutant.mutatorName}${mutant.replacement ? ` → ${JSON.stringify(mutant.replacement).slice(0, 60)}` : ""} (${mutant.status})`);
        }
    }
    folders.set(folder, counts);
}
const score = (c) => (c.mutants === 0 ? 100 : (100 * c.detected) / c.mutants).toFixed(1);
const total = { mutants: 0, detected: 0, survived: 0, noCoverage: 0 };
console.log("| folder | mutants | detected | survived | no coverage | score |\n|---|---|---|---|---|---|");
for (const [folder, c] of [...folders].sort()) {
    for (const key of Object.keys(total)) total[key] += c[key];
    console.log(`| ${folder} | ${c.mutants} | ${c.detected} | ${c.survived} | ${c.noCoverage} | ${score(c)}% |`);
}
console.log(`| **all** | ${total.mutants} | ${total.detected} | ${total.survived} | ${total.noCoverage} | **${score(total)}%** |`);
// The target is per mutated folder: components/, infra/config/ and policy/.
const targets = new Map();
for (const [folder, c] of folders) {
    const target = folder.startsWith("infra/") ? "infra/config" : folder.split("/")[0];
    const sum = targets.get(target) ?? { mutants: 0, detected: 0 };
    targets.set(target, { mutants: sum.mutants + c.mutants, detected: sum.detected + c.detected });
}
console.log("\n| target folder | mutants | detected | score |\n|---|---|---|---|");
for (const [target, c] of [...targets].sort()) console.log(`| ${target}/ | ${c.mutants} | ${c.detected} | ${score(c)}% |`);
const byFile = new Map();
for (const line of survivors) {
    const file = line.split(":")[0];
    byFile.set(file, (byFile.get(file) ?? 0) + 1);
}
console.log("\n| file | surviving or uncovered mutants |\n|---|---|");
for (const [file, n] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`| ${file} | ${n} |`);
if (process.argv.includes("--survivors")) for (const line of survivors.sort()) console.log(line);
