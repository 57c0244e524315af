import { strict as assert } from "node:assert";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCommand } from "../../infra/cli/command";
import { reviewCommand } from "../../infra/cli/review";
import { ROOT, stackFile } from "../infra/fixtures";

/*
 * The review over git refs, as CI runs it: pairs of commits made for the test in this
 * repository's object store (no branch or ref moves, nothing in the working tree changes), each
 * side in a temporary worktree that must be gone afterwards however the review ends.
 */

const AUTHOR = { GIT_AUTHOR_NAME: "review test", GIT_AUTHOR_EMAIL: "review@test.invalid", GIT_COMMITTER_NAME: "review test", GIT_COMMITTER_EMAIL: "review@test.invalid" };
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "aks-kubenet-review-git-"));
let indexes = 0;

function git(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): string {
    const result = spawnSync("git", args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...AUTHOR, ...options.env }, input: options.input });
    assert.equal(result.status, 0, `git ${args.join(" ")}: ${result.stderr}`);
    return result.stdout.trim();
}

/** A commit of `parent`'s tree with files set (or, given null, removed); no ref points at it. */
function commitWith(files: Record<string, string | null>, parent = "HEAD"): string {
    const env = { GIT_INDEX_FILE: path.join(scratch, `index-${indexes++}`) };
    git(["read-tree", parent], { env });
    for (const [file, content] of Object.entries(files)) {
        if (content === null) {
            git(["rm", "--cached", "--quiet", file], { env });
        } else {
            const blob = git(["hash-object", "-w", "--stdin"], { input: content });
            git(["update-index", "--add", "--cacheinfo", `100644,${blob},${file}`], { env });
        }
    }
    return git(["commit-tree", git(["write-tree"], { env }), "-p", parent, "-m", "review test"], { env });
}

/** The review's worktrees still registered, or their folders still on disk. */
function leftovers(): string[] {
    const registered = git(["worktree", "list", "--porcelain"]).split("\n").filter((line) => line.startsWith("worktree ") && line.includes("aks-kubenet-review-"));
    const folders = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith("aks-kubenet-review-") && fs.existsSync(path.join(os.tmpdir(), name, "tree")));
    return [...registered, ...folders];
}

async function review(args: string[]) {
    let stdout = "";
    let stderr = "";
    const status = await runCommand(reviewCommand, args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
    return { status, stdout, stderr };
}

describe("review over git refs", function () {
    this.timeout(60_000);
    before(function () {
        // The mutation run's sandbox is a copy of the files, not a repository.
        if (spawnSync("git", ["rev-parse", "--verify", "--quiet", "HEAD"], { cwd: ROOT }).status !== 0) this.skip();
    });
    afterEach(() => assert.deepEqual(leftovers(), [], "no worktree or folder left behind"));

    it("reviews every stack of either side in one report: an added stack created, a removed one destroyed, a changed secret said", async () => {
        const dev = fs.readFileSync(stackFile("dev"), "utf8");
        const base = commitWith({ "stacks/Pulumi.dev.yaml": dev.replace("    owner: platform", "    owner:\n      secure: v1:b25l") });
        const head = commitWith({
            "stacks/Pulumi.qa.yaml": dev,
            "stacks/Pulumi.staging.yaml": null,
            "stacks/Pulumi.dev.yaml": dev.replace("    owner: platform", "    owner:\n      secure: v1:dHdv"),
        }, base);
        const result = await review(["--all-stacks", "--base", base, "--head", head, "--json"]);
        assert.equal(result.status, 0, result.stderr);
        const report = JSON.parse(result.stdout) as { stacks: { stack: string; baseMissing?: boolean; headMissing?: boolean; changes: { action: string; secrets?: string[]; name: string }[] }[] };
        const byStack = Object.fromEntries(report.stacks.map((s) => [s.stack, s]));
        assert.deepEqual(Object.keys(byStack).sort(), ["dev", "prod", "qa", "staging"], "every stack of either side");
        // A new stack: pulumi up creates everything. A removed one: what pulumi destroy would do,
        // a protected resource refused (DeleteStep.Apply).
        assert.equal(byStack.qa.baseMissing, true);
        assert.ok(byStack.qa.changes.length > 5 && byStack.qa.changes.every((c) => c.action === "create"));
        assert.equal(byStack.staging.headMissing, true);
        assert.ok(byStack.staging.changes.every((c) => c.action === "delete" || c.action === "blocked"));
        assert.ok(byStack.staging.changes.some((c) => c.action === "blocked" && c.name === "cluster-aks"), "staging's cluster is protected");
        assert.deepEqual(byStack.prod.changes, [], "the same code and stack file on both sides");
        // Both sides mask the secure values with the review's key: different ciphertexts differ.
        assert.ok(byStack.dev.changes.length > 0 && byStack.dev.changes.every((c) => c.action === "update" && c.secrets?.includes("tags.owner")), JSON.stringify(byStack.dev.changes.map((c) => c.name)));
        assert.doesNotMatch(result.stdout, /b25l|dHdv|\[secret:/, "no ciphertext, no digest");
    });

    it("says so, exit 2, when the base has no project (an orphan commit, a commit before the project)", async () => {
        const emptyTree = git(["hash-object", "-t", "tree", "-w", "--stdin"], { input: "" });
        const orphan = git(["commit-tree", emptyTree, "-m", "unrelated history"]);
        const result = await review(["--stack", "dev", "--base", orphan]);
        assert.equal(result.status, 2);
        assert.match(result.stderr, new RegExp(`^base ${orphan} \\(${orphan.slice(0, 12)}\\) has no aks-kubenet project to synthesize: Pulumi\\.yaml, scripts/run-ts\\.cjs, infra/cli/synth\\.ts are missing there`));
        assert.ok(!/\bat .*\(.*:\d+:\d+\)/.test(result.stderr), "no stack trace");
    });

    it("removes its worktree when a side's code fails", async () => {
        const broken = commitWith({ "infra/cli/review-side.ts": "throw new Error(\"this side's code is broken\");\n" });
        const result = await review(["--stack", "dev", "--base", broken]);
        assert.equal(result.status, 2);
        assert.match(result.stderr, new RegExp(`^base ${broken}: its code can't synthesize: `));
    });

    it("removes its worktree and exits as interrupted on SIGINT", async () => {
        const child = spawn(process.execPath, ["scripts/run-ts.cjs", "infra/cli/review.ts", "--all-stacks", "--base", "HEAD"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
        // Interrupted while the base side runs in its worktree.
        const deadline = Date.now() + 30_000;
        while (leftovers().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
        assert.notDeepEqual(leftovers(), [], "the review made its worktree");
        child.kill("SIGINT");
        assert.equal(await exited, 130, stderr);
        assert.equal(stderr, "");
    });
});
