/** Stack files as the commands take them: paths from where the user stands, read or refused in one line. */
import * as path from "node:path";
import { echo, showable } from "../config/issues";
import { StackFileConfig, StackFileError, readStackFile } from "../synth/stack-file";
import { CommandExit } from "./command";

/**
 * Pulumi's rule for a stack's name (pulumi/pulumi sdk/go/common/tokens/stack_name.go,
 * ParseStackName): 1 to 100 letters, digits, '-', '_' or '.'. Anything else can't be a stack,
 * and a name with a '/' would read a file outside stacks/.
 */
const STACK_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** A --stack value, or exit 2 saying Pulumi's rule. */
export function checkStackName(stack: string, usage: string): string {
    if (!STACK_NAME.test(stack)) {
        throw new CommandExit(`--stack: ${echo(stack)} is not a stack name: Pulumi's stack names are 1 to 100 letters, digits, '-', '_' or '.'\n${usage}`, 2);
    }
    return stack;
}

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
        throw new CommandExit(`${showable(file)}: ${message}${context ? ` (${showable(context)})` : ""}`, 2);
    }
}
