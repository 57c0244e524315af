// Runs one of the project's TypeScript commands as plain JavaScript. Sources under components/,
// infra/ and bench/ are transpiled by esbuild into .build/ when they change, without type checking
// (`npm run typecheck` does that), so a command costs what Node needs to load its modules
// rather than a loader hook on every require of azure-native's thousands of files.
//   node scripts/run-ts.cjs infra/cli/synth.ts [args...]
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, ".build");
const SOURCES = ["components", "infra", "bench"];

const outputOf = (source) => path.join(OUT, path.relative(ROOT, source)).replace(/\.ts$/, ".js");

function typescriptFiles(dir) {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return typescriptFiles(full);
        return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
    });
}

function isStale(source) {
    try {
        return fs.statSync(outputOf(source)).mtimeMs < fs.statSync(source).mtimeMs;
    } catch {
        return true;
    }
}

function transpileStale() {
    const stale = SOURCES.flatMap((dir) => typescriptFiles(path.join(ROOT, dir))).filter(isStale);
    if (stale.length === 0) return;
    const esbuild = require("esbuild"); // loaded only when something changed
    for (const source of stale) {
        const { code } = esbuild.transformSync(fs.readFileSync(source, "utf8"), {
            loader: "ts",
            format: "cjs",
            target: "node20",
            sourcemap: "inline",
            sourcefile: source,
        });
        fs.mkdirSync(path.dirname(outputOf(source)), { recursive: true });
        fs.writeFileSync(outputOf(source), code);
    }
}

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
    console.error("usage: node scripts/run-ts.cjs <file.ts> [args...]");
    process.exit(2);
}
transpileStale();
// Run the compiled entry as the main module, so `require.main === module` holds as with tsx.
process.argv = [process.argv[0], outputOf(path.resolve(entry)), ...args];
Module.runMain();
