import { parseArgs } from "node:util";
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

/**
 * Runs a command as the process's main module. The exit code is set, not forced: process.exit()
 * would end the process before a pipe has taken all of stderr.
 */
export function runAsMain(command: Command): void {
    const io: CommandIo = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };
    void runCommand(command, process.argv.slice(2), io).then((code) => {
        process.exitCode = code;
    });
}

type FlagOptions = Record<string, { type: "string" | "boolean"; short?: string; default?: string | boolean }>;

/**
 * A command's flags, parsed strictly. Mistakes are usage errors (exit 2) in the project's own
 * words: an unknown flag gets the flag meant, and a negative number after a flag that takes a
 * value (`--nodes -3`) is taken as that value, for the command's own range check to refuse.
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
    try {
        return parseArgs({ args: joined, options, strict: true, allowPositionals: false }).values;
    } catch (error) {
        const unknown = /Unknown option '(-{1,2}[^']+)'/.exec((error as Error).message)?.[1];
        if (unknown !== undefined) {
            const meant = closestName(unknown.replace(/^-+/, ""), Object.keys(options));
            throw new CommandExit(`${unknown}: is not a flag of this command${meant ? `: did you mean --${meant}?` : ""}\n${usage}`, 2);
        }
        const positional = /Unexpected argument '([^']+)'/.exec((error as Error).message)?.[1];
        if (positional !== undefined) throw new CommandExit(`${positional}: the command takes flags only\n${usage}`, 2);
        throw new CommandExit(`${(error as Error).message.split("\n")[0]}\n${usage}`, 2);
    }
}
