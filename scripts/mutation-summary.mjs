// Summarises reports/mutation.json (StrykerJS's JSON report) per folder: mutants, killed,
// survived, no coverage, and the mutation score (killed and timed out over all valid mutants).
//   node scripts/mutation-summary.mjs [--survivors]
import { readFileSync } from "node:fs";

const report = JSON.parse(readFileSync(new URL("../reports/mutation.json", import.meta.url), "utf8"));
const folders = new Map();
const survivors = [];
for (const [file, { mutants }] of Object.entries(report.files)) {
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
const byFile = new Map();
for (const line of survivors) {
    const file = line.split(":")[0];
    byFile.set(file, (byFile.get(file) ?? 0) + 1);
}
console.log("\n| file | surviving or uncovered mutants |\n|---|---|");
for (const [file, n] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`| ${file} | ${n} |`);
if (process.argv.includes("--survivors")) for (const line of survivors.sort()) console.log(line);
