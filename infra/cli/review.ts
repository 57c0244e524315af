/**
 * `npm run --silent review -- --stack <name> --base <git-ref> [--head <git-ref>]`
 * `npm run --silent review -- --stack <name> --base-config <file> --head-config <file>`
 *
 * What `pulumi up` would create, update, replace (in which order), delete or refuse, going from
 * one side to the other, offline: each side synthesized with its own code, paired by URN.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { formatProblem } from "../../components/address";
import { ACTIONS, Action, Change, planChanges } from "../review/plan";
import { StackReview, renderReview, renderStackReviews } from "../review/render";
import { MockEngine } from "../synth/engine";
import { SynthOutput, synthesize } from "../synth/synthesize";
import { Command, CommandExit, parseFlags, runAsMain } from "./command";
import { projectRoot } from "./project-root";
import { readStackFileOrExit, userPath } from "./stack-files";

const USAGE = "usage: review (--stack <name> | --all-stacks) (--base <git-ref> [--head <git-ref>] | --base-config <file> --head-config <file>) [--json] [--max-chars <n> [--whole <file>]] [--fail-on blocked,delete,replace,update,create]";

const HELP = `${USAGE}

What pulumi up would do going from the base to the head, offline, without Azure or
credentials: each side is synthesized with its own code (a git ref in a temporary worktree of
that ref, the head by default the working tree) or from its own stack file, resources are paired
by URN, and each change is classified as the engine and the providers would: create, update,
replace (create-before-delete or delete-before-create), delete, or blocked (a protected resource
the engine refuses to replace or delete).

  --stack <name>          the stack (stacks/Pulumi.<name>.yaml on each side)
  --all-stacks            every stack in the head's stacks/, in one report: a summary line
                          per stack first, then each stack's section (with git refs only)
  --base <git-ref>        the base side's code and stack file
  --head <git-ref>        the head side's; default the working tree
  --base-config <file>    a stack file for the base side, with the working tree's code
  --head-config <file>    a stack file for the head side
  --json                  one JSON document: stack, base, head, changes, summary
  --fail-on <actions>     exit 1 when a change of these actions is present
  --max-chars <n>         keep the Markdown report within n characters: each stack's section
                          within its share, dropping its graph, then its least dangerous rows,
                          and saying what it left out
  --whole <file>          with --max-chars: also write the whole report, uncut, to <file>
  -h, --help              this text

Exit codes: 0 reviewed (and no change --fail-on names); 1 a side is invalid, or --fail-on
matched; 2 a usage error, an unknown ref or an unreadable file. With --all-stacks a stack that
can't be reviewed (a side invalid or unreadable) is reported in its section and exits 1.`;

const ROOT = projectRoot(__dirname);

type Side = { label: string; output: SynthOutput };

function invalid(label: string, lines: string[]): CommandExit {
    return new CommandExit(`${label} is invalid:\n${lines.join("\n")}`, 1);
}

/** A side from a stack file, with this working tree's code. */
async function sideFromFile(stack: string, file: string, label: string): Promise<Side> {
    if (!fs.existsSync(file)) throw new CommandExit(`${file}: no such file (${label})`, 2);
    const result = await synthesize(stack, readStackFileOrExit(file, label));
    if (!result.ok) throw invalid(label, result.problems.map(formatProblem));
    return { label, output: result.output };
}

/**
 * A side from a git ref, with that ref's own code: a temporary worktree of the ref, sharing the
 * installed dependencies, running that ref's synth.
 */
function sideFromRef(stack: string, ref: string, label: string): Side {
    const git = (args: string[], cwd = ROOT) => spawnSync("git", args, { cwd, encoding: "utf8" });
    const commit = git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    if (commit.status !== 0) throw new CommandExit(`${ref}: not a commit of this repository (${label})`, 2);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-kubenet-review-"));
    const tree = path.join(dir, "tree");
    try {
        const added = git(["worktree", "add", "--detach", "--quiet", tree, commit.stdout.trim()]);
        if (added.status !== 0) throw new CommandExit(`${ref}: can't check out a worktree: ${added.stderr.trim().split("\n")[0]}`, 2);
        fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(tree, "node_modules"), "dir");
        const synth = spawnSync(process.execPath, ["scripts/run-ts.cjs", "infra/cli/synth.ts", "--stack", stack, "--json"], { cwd: tree, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
        if (synth.status === 1) throw invalid(label, synth.stderr.trimEnd().split("\n"));
        if (synth.status !== 0) throw new CommandExit(`${label}: synth failed: ${synth.stderr.trim().split("\n")[0]}`, 2);
        return { label, output: JSON.parse(synth.stdout) as SynthOutput };
    } finally {
        git(["worktree", "remove", "--force", tree]);
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

function failOnActions(text: string | undefined): Set<Action> {
    if (text === undefined) return new Set();
    const actions = text.split(",").map((a) => a.trim()).filter(Boolean);
    const unknown = actions.filter((a) => !(ACTIONS as readonly string[]).includes(a));
    if (unknown.length > 0) throw new CommandExit(`--fail-on: ${unknown.join(", ")} is not one of ${ACTIONS.join(", ")}\n${USAGE}`, 2);
    return new Set(actions as Action[]);
}

type Flags = {
    stack?: string; "all-stacks": boolean; base?: string; head?: string; "base-config"?: string; "head-config"?: string;
    json: boolean; "max-chars"?: string; whole?: string; "fail-on"?: string; help: boolean;
};

/** The stacks a git ref's tree (or, without one, the working tree) holds, by name. */
function stacksAt(ref: string | undefined): string[] {
    const files = ref === undefined
        ? fs.readdirSync(path.join(ROOT, "stacks"))
        : spawnSync("git", ["ls-tree", "--name-only", `${ref}:stacks`], { cwd: ROOT, encoding: "utf8" }).stdout.split("\n");
    return files.map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1]).filter((name): name is string => name !== undefined).sort();
}

/** One stack's review, both sides synthesized. */
async function reviewStack(stack: string, values: Flags): Promise<{ base: Side; head: Side }> {
    if (values["base-config"] !== undefined) {
        return {
            base: await sideFromFile(stack, userPath(values["base-config"]), `base ${values["base-config"]}`),
            head: await sideFromFile(stack, userPath(values["head-config"]!), `head ${values["head-config"]}`),
        };
    }
    return {
        base: sideFromRef(stack, values.base!, `base ${values.base}`),
        head: values.head !== undefined
            ? sideFromRef(stack, values.head, `head ${values.head}`)
            : await sideFromFile(stack, path.join(ROOT, "stacks", `Pulumi.${stack}.yaml`), "head (working tree)"),
    };
}

function maxChars(text: string | undefined): number {
    if (text === undefined) return Infinity;
    if (!/^[1-9]\d{0,8}$/.test(text)) throw new CommandExit(`--max-chars: ${text.slice(0, 20)} is not a whole number from 1 to 999999999\n${USAGE}`, 2);
    return Number(text);
}

export const reviewCommand: Command = async (argv, io) => {
    const values = parseFlags(argv, {
        stack: { type: "string" },
        "all-stacks": { type: "boolean", default: false },
        base: { type: "string" },
        head: { type: "string" },
        "base-config": { type: "string" },
        "head-config": { type: "string" },
        json: { type: "boolean", default: false },
        "max-chars": { type: "string" },
        whole: { type: "string" },
        "fail-on": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
    }, USAGE) as Flags;
    if (values.help) {
        io.out(`${HELP}\n`);
        return 0;
    }
    if (values.stack === undefined && !values["all-stacks"]) throw new CommandExit(`--stack or --all-stacks is required\n${USAGE}`, 2);
    if (values.stack !== undefined && values["all-stacks"]) throw new CommandExit(`--stack and --all-stacks exclude each other\n${USAGE}`, 2);
    const byRef = values.base !== undefined || values.head !== undefined;
    const byFile = values["base-config"] !== undefined || values["head-config"] !== undefined;
    if (byRef === byFile) throw new CommandExit(`give --base (and --head), or --base-config and --head-config\n${USAGE}`, 2);
    if (byRef && values.base === undefined) throw new CommandExit(`--base is required with --head\n${USAGE}`, 2);
    if (byFile && (values["base-config"] === undefined || values["head-config"] === undefined)) throw new CommandExit(`--base-config and --head-config go together\n${USAGE}`, 2);
    if (byFile && values["all-stacks"]) throw new CommandExit(`--all-stacks reviews git refs: give --base (and --head)\n${USAGE}`, 2);
    const failOn = failOnActions(values["fail-on"]);
    const limit = maxChars(values["max-chars"]);
    if (values.whole !== undefined && (limit === Infinity || values.json)) throw new CommandExit(`--whole goes with --max-chars, for the Markdown report\n${USAGE}`, 2);
    /** The report within the limit, and the whole of it where --whole asks. */
    const markdown = (render: (max: number) => string) => {
        if (values.whole !== undefined) fs.writeFileSync(userPath(values.whole), render(Infinity));
        return render(limit);
    };

    if (values.stack !== undefined) {
        const { base, head } = await reviewStack(values.stack, values);
        const review = planChanges(base.output, head.output);
        const sides = { stack: values.stack, base: base.label.replace(/^base /, ""), head: head.label.replace(/^head /, "") };
        io.out(values.json
            ? JSON.stringify({ ...sides, changes: review.changes, summary: review.summary }, null, 2) + "\n"
            : markdown((max) => renderReview(review, sides, [...head.output.resources, ...base.output.resources], max)));
        return failed(review.changes, failOn, io) ? 1 : 0;
    }

    for (const ref of [values.base, values.head]) {
        if (ref !== undefined && spawnSync("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd: ROOT }).status !== 0) {
            throw new CommandExit(`${ref}: not a commit of this repository`, 2);
        }
    }
    const reviews: StackReview[] = [];
    let worst = 0;
    for (const stack of stacksAt(values.head)) {
        try {
            const { base, head } = await reviewStack(stack, values);
            const review = planChanges(base.output, head.output);
            const sides = { stack, base: values.base!, head: values.head ?? "working tree" };
            reviews.push({ stack, review, sides, resources: [...head.output.resources, ...base.output.resources] });
        } catch (error) {
            if (!(error instanceof CommandExit)) throw error;
            // Reported in the stack's section; the run goes on with the other stacks.
            reviews.push({ stack, failure: error.message });
            worst = 1;
        }
    }
    const title = `## Offline review: ${values.base} → ${values.head ?? "working tree"}`;
    io.out(values.json
        ? JSON.stringify({
            base: values.base, head: values.head ?? "working tree",
            stacks: reviews.map((r) => ("failure" in r ? { stack: r.stack, failure: r.failure } : { stack: r.stack, changes: r.review.changes, summary: r.review.summary })),
        }, null, 2) + "\n"
        : markdown((max) => renderStackReviews(reviews, title, max)));
    const changes = reviews.flatMap((r) => ("review" in r ? r.review.changes.map((c) => ({ ...c, name: `${r.stack}: ${c.name}` })) : []));
    return Math.max(worst, failed(changes, failOn, io) ? 1 : 0);
};

/** Whether --fail-on matched, saying which changes on stderr. */
function failed(changes: Change[], failOn: Set<Action>, io: { err(text: string): void }): boolean {
    const failing = changes.filter((c) => failOn.has(c.action));
    if (failing.length === 0) return false;
    io.err(`--fail-on: ${failing.length} change(s) of ${[...new Set(failing.map((c) => c.action))].join(", ")}: ${failing.map((c) => c.name).join(", ")}\n`);
    return true;
}

if (require.main === module) {
    MockEngine.declareWithoutStackTraces = true;
    runAsMain(reviewCommand);
}
