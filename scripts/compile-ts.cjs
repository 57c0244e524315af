// The project's TypeScript as plain JavaScript: sources under components/, infra/ and bench/
// are transpiled by esbuild into .build/ when they change, without type checking (`npm run
// typecheck` does that). Used by the commands (run-ts.cjs) and by the program as `pulumi
// preview` and `pulumi up` start it (pulumi-main.cjs), so both run what the sources say now.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, ".build");
const SOURCES = ["components", "infra", "bench"];

/** Where a source's JavaScript goes. */
const outputOf = (source) => path.join(OUT, path.relative(ROOT, path.resolve(ROOT, source))).replace(/\.ts$/, ".js");

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

/** Transpiles every source newer than its output; esbuild is loaded only when one is. */
function compileStale() {
    const stale = SOURCES.flatMap((dir) => typescriptFiles(path.join(ROOT, dir))).filter(isStale);
    if (stale.length === 0) return;
    const esbuild = require("esbuild");
    for (const source of stale) {
        const { code } = esbuild.transformSync(fs.readFileSync(source, "utf8"), {
            loader: "ts",
            format: "cjs",
            target: "node20",
            sourcemap: "inline",
            sourcefile: source,
        });
        const output = outputOf(source);
        fs.mkdirSync(path.dirname(output), { recursive: true });
        // Written beside, then renamed: a second run at the same time never reads half a file.
        const partial = `${output}.${process.pid}.tmp`;
        fs.writeFileSync(partial, code);
        fs.renameSync(partial, output);
    }
}

module.exports = { ROOT, compileStale, outputOf };
