// Prints the CHANGELOG.md section of one version (the release notes of its tag), or fails when
// the changelog has none: a release without notes on what changed is not made.
//   node scripts/changelog-section.mjs 0.2.0
import { readFileSync } from "node:fs";

const version = process.argv[2];
if (!/^\d+\.\d+\.\d+$/.test(version ?? "")) {
    console.error("usage: node scripts/changelog-section.mjs MAJOR.MINOR.PATCH");
    process.exit(2);
}
const lines = readFileSync(new URL("../CHANGELOG.md", import.meta.url), "utf8").split("\n");
const start = lines.findIndex((line) => line.startsWith(`## ${version}`));
if (start < 0) {
    console.error(`CHANGELOG.md has no "## ${version}" section`);
    process.exit(1);
}
const end = lines.findIndex((line, i) => i > start && line.startsWith("## "));
process.stdout.write(lines.slice(start + 1, end < 0 ? undefined : end).join("\n").trim() + "\n");
