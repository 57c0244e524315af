/**
 * `npm run --silent synth -- --stack <name> [--json] [--config-file <file>]`
 *
 * What `pulumi up` would declare for a stack, offline: no Azure, no Pulumi CLI.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { formatProblem } from "../../components/address";
import { renderSynth } from "../synth/render";
import { readStackFile } from "../synth/stack-file";
import { synthesize } from "../synth/synthesize";
import { projectRoot } from "./project-root";

const USAGE = "usage: synth --stack <name> [--json] [--config-file <file>]";
const ROOT = projectRoot(__dirname);

function fail(message: string, code: number): never {
    process.stderr.write(`${message}\n`);
    process.exit(code);
}

async function main(): Promise<void> {
    let values: { stack?: string; json?: boolean; "config-file"?: string };
    try {
        ({ values } = parseArgs({
            args: process.argv.slice(2),
            options: { stack: { type: "string" }, json: { type: "boolean", default: false }, "config-file": { type: "string" } },
            strict: true,
        }));
    } catch (error) {
        fail(`${(error as Error).message}\n${USAGE}`, 2);
    }
    if (!values.stack) fail(`--stack is required\n${USAGE}`, 2);
    const file = values["config-file"] ?? path.join(ROOT, "stacks", `Pulumi.${values.stack}.yaml`);
    if (!fs.existsSync(file)) fail(`no stack configuration at ${file}`, 2);

    let config;
    try {
        config = readStackFile(file);
    } catch (error) {
        fail(`${file}: ${(error as Error).message}`, 2);
    }
    const result = await synthesize(values.stack, config);
    if (!result.ok) fail(result.problems.map(formatProblem).join("\n"), 1);
    process.stdout.write(values.json ? JSON.stringify(result.output, null, 2) + "\n" : renderSynth(result.output));
}

main().catch((error: Error) => fail(error.message, 1));
