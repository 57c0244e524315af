/*
 * The git side of a review: the commit a ref names, what its tree holds, and temporary worktrees
 * of it that are gone again on every way out: the review's end, a side that fails, an interrupt
 * (SIGINT, SIGTERM, SIGHUP). A side's process runs asynchronously, so an interrupt is handled at
 * once: the process is stopped, the worktree removed and unregistered, then the review exits as
 * an interrupted process does (128 + the signal's number).
 */
import { ChildProcess, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { showable } from "../config/issues";
import { CommandExit } from "./command";

const git = (root: string, args: string[]) => spawnSync("git", args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

/** The commit a ref names, or exit 2 saying which side's ref isn't one. */
export function resolveCommit(root: string, ref: string, label: string): string {
    const commit = git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
    if (commit.status !== 0) throw new CommandExit(`${showable(ref)}: not a commit of this repository (${label})`, 2);
    return commit.stdout.trim();
}

/** Whether the commit's tree holds a file at `file`. */
export function treeHas(root: string, commit: string, file: string): boolean {
    return git(root, ["cat-file", "-e", `${commit}:${file}`]).status === 0;
}

/** The stacks a commit's stacks/ holds, by name; none when it has no stacks/. */
export function stacksAt(root: string, commit: string): string[] {
    const listed = git(root, ["ls-tree", "--name-only", `${commit}:stacks`]);
    return stackNames(listed.status === 0 ? listed.stdout.split("\n") : []);
}

/** Stack names from stack files' names (`Pulumi.<stack>.yaml`), sorted. */
export function stackNames(files: string[]): string[] {
    return files.map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1]).filter((name): name is string => name !== undefined).sort();
}

export interface ProcessResult {
    status: number | null;
    stdout: string;
    stderr: string;
}

const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

/** At most this much output from a side's process: every stack's synth, with room to spare. */
const MAX_SIDE_OUTPUT = 256 * 1024 * 1024;

/**
 * Worktrees and processes a review made, undone on every way out. Use `run`: it removes them when
 * the work ends, however it ends, and on an interrupt before exiting.
 */
export class ReviewScratch {
    private readonly trees = new Map<string, string>();
    private readonly children = new Set<ChildProcess>();

    private constructor(private readonly root: string) {}

    static async run<T>(root: string, work: (scratch: ReviewScratch) => Promise<T>): Promise<T> {
        const scratch = new ReviewScratch(root);
        const handlers = Object.entries(SIGNALS).map(([signal, number]) => {
            const handler = () => {
                scratch.cleanUp();
                process.exit(128 + number);
            };
            process.on(signal as NodeJS.Signals, handler);
            return [signal, handler] as const;
        });
        try {
            return await work(scratch);
        } finally {
            for (const [signal, handler] of handlers) process.off(signal as NodeJS.Signals, handler);
            scratch.cleanUp();
        }
    }

    /** A detached worktree of the commit, sharing the installed dependencies. */
    worktree(commit: string, label: string): string {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-kubenet-review-"));
        const tree = path.join(dir, "tree");
        this.trees.set(tree, dir);
        const added = git(this.root, ["worktree", "add", "--detach", "--quiet", tree, commit]);
        if (added.status !== 0) throw new CommandExit(`${label}: can't check out a worktree: ${showable(added.stderr.trim().split("\n")[0] ?? "")}`, 2);
        fs.symlinkSync(path.join(this.root, "node_modules"), path.join(tree, "node_modules"), "dir");
        return tree;
    }

    /** A process, its input given and its output gathered; stopped if the review is interrupted. */
    runProcess(command: string, args: string[], options: { cwd: string; input: string; env: NodeJS.ProcessEnv }): Promise<ProcessResult> {
        return new Promise((resolve, reject) => {
            const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["pipe", "pipe", "pipe"] });
            this.children.add(child);
            const out: Buffer[] = [];
            const err: Buffer[] = [];
            let size = 0;
            const gather = (into: Buffer[]) => (chunk: Buffer) => {
                size += chunk.length;
                if (size > MAX_SIDE_OUTPUT) child.kill("SIGTERM");
                else into.push(chunk);
            };
            child.stdout.on("data", gather(out));
            child.stderr.on("data", gather(err));
            child.on("error", (error) => {
                this.children.delete(child);
                reject(error);
            });
            child.on("close", (status) => {
                this.children.delete(child);
                resolve({ status, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") });
            });
            // A process that ends before reading its input closes the pipe: nothing to report there.
            child.stdin.on("error", () => undefined);
            child.stdin.end(options.input);
        });
    }

    /** Stops what still runs, removes every worktree and its folder, and unregisters it. */
    private cleanUp(): void {
        for (const child of this.children) child.kill("SIGTERM");
        this.children.clear();
        for (const [tree, dir] of this.trees) {
            const removed = git(this.root, ["worktree", "remove", "--force", tree]);
            fs.rmSync(dir, { recursive: true, force: true });
            // A worktree half made (interrupted while checking out) is unregistered by pruning.
            if (removed.status !== 0) git(this.root, ["worktree", "prune"]);
        }
        this.trees.clear();
    }
}
