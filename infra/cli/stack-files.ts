/** Stack files as the commands take them: paths from where the user stands, read or refused in one line. */
import * as path from "node:path";
import { StackFileConfig, StackFileError, readStackFile } from "../synth/stack-file";
import { CommandExit } from "./command";

/** Where the user stands: npm runs scripts from the project root and keeps that in INIT_CWD. */
export const userDirectory = () => process.env.INIT_CWD ?? process.cwd();
export const userPath = (file: string) => path.resolve(userDirectory(), file);

/**
 * A stack file, or exit 2 with one line naming the file once (and `context`, which side of a
 * review it is): anything unexpected is still a file problem, not a crash.
 */
export function readStackFileOrExit(file: string, context?: string): StackFileConfig {
    try {
        return readStackFile(file);
    } catch (error) {
        const message = error instanceof StackFileError ? error.message : `can't be read: ${(error as Error).message.split("\n")[0].slice(0, 160)}`;
        throw new CommandExit(`${file}: ${message}${context ? ` (${context})` : ""}`, 2);
    }
}
