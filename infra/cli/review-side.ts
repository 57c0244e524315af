/**
 * One side of a review, in one process: every stack the review asks for, synthesized with this
 * tree's own code, one JSON document out. Not a user command: `review` runs it in a temporary
 * worktree of a git ref (node scripts/run-ts.cjs infra/cli/review-side.ts, the request as JSON on
 * stdin, the review's secret-digest key in the environment), and calls synthesizeSide directly
 * for the working tree. One process per side, whatever the number of stacks: each stack's synth
 * in it costs a fraction of the process's start (docs/performance.md).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { LiveCluster } from "../../components/cluster";
import { problemLines } from "../config/issues";
import { MockEngine } from "../synth/engine";
import { previewRefusals } from "../synth/preview-refusals";
import { SECRET_DIGEST_KEY_ENV, secretDigestKeyFrom } from "../synth/secret-digest";
import { StackFileError, readStackFile } from "../synth/stack-file";
import { SynthOutput, synthesize } from "../synth/synthesize";
import { exitQuietlyOnBrokenOutput } from "./command";
import { projectRoot } from "./project-root";

/** What the review asks a side for. */
export interface SideRequest {
    stacks: string[];
    /** The day both sides are judged on, ISO 8601. */
    today: string;
    /** For the head: each stack's base cluster as if it ran, to run the program's checks against it. */
    running?: Record<string, LiveCluster>;
}

/** One stack on one side. */
export type StackSide =
    | { output: SynthOutput; refusals: string[] }
    /** The side has no stack file for it: the change adds or removes the stack. */
    | { absent: true }
    /** The configuration is invalid: `key.path: message` lines. */
    | { problems: string[] }
    /** The stack file can't be read (one line, without the file's name). */
    | { unreadable: string };

export interface SideAnswer {
    stacks: Record<string, StackSide>;
}

/** One stack from a stack file, or why there is none. */
export async function synthesizeStack(stack: string, file: string, today: Date, running: LiveCluster | undefined, secretDigestKey: Buffer | undefined): Promise<StackSide> {
    if (!fs.existsSync(file)) return { absent: true };
    let config;
    try {
        config = readStackFile(file, { secretDigestKey });
    } catch (error) {
        if (error instanceof StackFileError) return { unreadable: error.message };
        return { unreadable: `can't be read: ${(error as Error).message.split("\n")[0].slice(0, 160)}` };
    }
    const result = await synthesize(stack, config, today, { secretDigestKey });
    if (!result.ok) return { problems: problemLines(result.problems).split("\n") };
    return { output: result.output, refusals: running ? previewRefusals(result.model, running, today) : [] };
}

/** Every stack of the request, from `root`'s stacks/ folder. */
export async function synthesizeSide(root: string, request: SideRequest, secretDigestKey: Buffer | undefined): Promise<SideAnswer> {
    const today = new Date(request.today);
    const stacks: Record<string, StackSide> = {};
    for (const stack of request.stacks) {
        stacks[stack] = await synthesizeStack(stack, path.join(root, "stacks", `Pulumi.${stack}.yaml`), today, request.running?.[stack], secretDigestKey);
    }
    return { stacks };
}

async function main(): Promise<void> {
    exitQuietlyOnBrokenOutput();
    MockEngine.declareWithoutStackTraces = true;
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const request = JSON.parse(Buffer.concat(chunks).toString("utf8")) as SideRequest;
    const key = secretDigestKeyFrom(process.env);
    delete process.env[SECRET_DIGEST_KEY_ENV];
    const answer = await synthesizeSide(projectRoot(__dirname), request, key);
    process.stdout.write(JSON.stringify(answer));
}

if (require.main === module) {
    main().catch((error: Error) => {
        process.stderr.write(`${error.message.split("\n")[0]}\n`);
        process.exitCode = 1;
    });
}
