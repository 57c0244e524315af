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
