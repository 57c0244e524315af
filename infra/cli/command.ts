import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { echo, showable } from "../config/issues";
import { closestName } from "../config/suggest";

export { MAX_PROBLEM_LINES, problemLines } from "../config/issues";

/**
 * How the commands meet the process: each is a function of its arguments that writes through an
 * `io` and returns its exit code, so tests run it in-process and only the process boundary
 * itself needs a real spawn.
 */
export interface CommandIo {
    out(text: string): void;
    err(text: string): void;
}

export type Command = (argv: string[], io: CommandIo) => number | Promise<number>;

/** A command's early end: its message for stderr and its exit code. */
export class CommandExit extends Error {
    constructor(message: string, readonly code: number) {
        super(message);
    }
}

/** Runs a command, turning a CommandExit into its message and code, anything else into exit 1. */
export async function runCommand(command: Command, argv: string[], io: CommandIo): Promise<number> {
    try {
        return await command(argv, io);
    } catch (error) {
        io.err(`${(error as Error).message}\n`);
        return error instanceof CommandExit ? error.code : 1;
    }
}

/** Exit code of a command whose reader went away (`| head`): as a process killed by SIGPIPE, 128 + 13. */
export const BROKEN_PIPE_EXIT = 141;

/**
 * Output that can't be written ends the process as other command-line tools end: a reader that
 * went away (EPIPE: `| head -c 0`) quietly, with 141 as for SIGPIPE; any other failure (a full
 * disk, ENOSPC) with one line on stderr and exit 2, never a stack trace. Node reports a failed
 * write as an 'error' event on the stream, which unhandled ends the process with a trace.
 */
export function exitQuietlyOnBrokenOutput(): void {
    for (const stream of [process.stdout, process.stderr]) {
        stream.on("error", (error: NodeJS.ErrnoException) => {
            if (error.code === "EPIPE") process.exit(BROKEN_PIPE_EXIT);
            if (stream === process.stdout) {
                try {
                    fs.writeSync(2, `can't write the output: ${showable(error.message.split("\n")[0])}\n`);
                } catch {
                    // stderr is gone too: the exit code is all that is left to say it.
                }
            }
            process.exit(2);
        });
    }
}

/**
 * Runs a command as the process's main module. The exit code is set, not forced: process.exit()
 * would end the process before a pipe has taken all of stderr.
 */
export function runAsMain(command: Command): void {
    exitQuietlyOnBrokenOutput();
    const io: CommandIo = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };
    void runCommand(command, process.argv.slice(2), io).then((code) => {
        process.exitCode = code;
    });
}

type FlagOptions = Record<string, { type: "string" | "boolean"; short?: string; default?: string | boolean }>;

/**
 * A flag given more than once with different values: node's parseArgs keeps the last silently,
 * which in a pipeline that appends a flag hides the first. The same value twice is harmless.
 */
function repeatedFlag(tokens: { kind: string; name?: string; value?: string }[], usage: string): void {
    const values = new Map<string, Set<string | undefined>>();
    for (const token of tokens) {
        if (token.kind !== "option" || token.name === undefined) continue;
        values.set(token.name, (values.get(token.name) ?? new Set()).add(token.value));
    }
    for (const [name, given] of values) {
        if (given.size > 1) throw new CommandExit(`--${name}: given more than once, as ${[...given].map((value) => echo(value ?? "")).join(" and ")}: give it once\n${usage}`, 2);
    }
}

/**
 * A command's flags, parsed strictly. Mistakes are usage errors (exit 2) in the project's own
 * words: an unknown flag gets the flag meant, a flag given twice with two values is refused, and
 * a negative number after a flag that takes a value (`--nodes -3`) is taken as that value, for
 * the command's own range check to refuse.
 */
export function parseFlags(argv: string[], options: FlagOptions, usage: string): Record<string, string | boolean | undefined> {
    const joined: string[] = [];
    for (let i = 0; i < argv.length; i++) {
        const name = /^--([a-z-]+)$/.exec(argv[i])?.[1];
        if (name !== undefined && options[name]?.type === "string" && /^-\d/.test(argv[i + 1] ?? "")) {
            joined.push(`--${name}=${argv[i + 1]}`);
            i++;
        } else {
            joined.push(argv[i]);
        }
    }
    let parsed;
    try {
        parsed = parseArgs({ args: joined, options, strict: true, allowPositionals: false, tokens: true });
    } catch (error) {
        const unknown = /Unknown option '(-{1,2}[^']+)'/.exec((error as Error).message)?.[1];
        if (unknown !== undefined) {
            const meant = closestName(unknown.replace(/^-+/, ""), Object.keys(options));
            throw new CommandExit(`${showable(unknown)}: is not a flag of this command${meant ? `: did you mean --${meant}?` : ""}\n${usage}`, 2);
        }
        const positional = /Unexpected argument '([^']+)'/.exec((error as Error).message)?.[1];
        if (positional !== undefined) throw new CommandExit(`${showable(positional)}: the command takes flags only\n${usage}`, 2);
        throw new CommandExit(`${showable((error as Error).message.split("\n")[0])}\n${usage}`, 2);
    }
    repeatedFlag(parsed.tokens, usage);
    return parsed.values;
}
