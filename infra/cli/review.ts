/**
 * `npm run --silent review -- --stack <name> --base <git-ref> [--head <git-ref>]`
 * `npm run --silent review -- --stack <name> --base-config <file> --head-config <file>`
 * `npm run --silent review -- --all-stacks --base <git-ref> [--head <git-ref>]`
 *
 * What `pulumi up` would create, update, replace (in which order), delete or refuse, going from
 * one side to the other, offline: each side synthesized with its own code, in one process per
 * side whatever the number of stacks, paired and judged by the engine's and the providers' rules.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { showable } from "../config/issues";
import { ACTIONS, Action, Change, Review, planChanges } from "../review/plan";
import { StackReview, renderReview, renderStackReviews } from "../review/render";
import { runningClusterOf } from "../review/running-cluster";
import { MockEngine } from "../synth/engine";
import { SECRET_DIGEST_KEY_ENV, newSecretDigestKey, withoutDigests } from "../synth/secret-digest";
import { SynthOutput } from "../synth/synthesize";
import { Command, CommandExit, parseFlags, runAsMain } from "./command";
import { ReviewScratch, resolveCommit, stackNames, stacksAt, treeHas } from "./git-sides";
import { projectRoot } from "./project-root";
import { SideAnswer, SideRequest, StackSide, synthesizeSide, synthesizeStack } from "./review-side";
import { checkStackName, userPath } from "./stack-files";

const USAGE = "usage: review (--stack <name> | --all-stacks) (--base <git-ref> [--head <git-ref>] | --base-config <file> --head-config <file>) [--json] [--max-chars <n> [--whole <file>]] [--fail-on blocked,delete,replace,update,create]";

const HELP = `${USAGE}

What pulumi up would do going from the base to the head, offline, without Azure or
credentials: each side is synthesized with its own code (a git ref in a temporary worktree of
that ref, the head by default the working tree) or from its own stack file, resources are paired
by URN and alias as the engine pairs them, and each change is classified as the engine and the
providers would: create, update, replace (create-before-delete or delete-before-create, with
what a delete-first replacement takes with it), delete, or blocked (refused by the engine, by
azure-native, or by the program's own checks against the running cluster; pulumi up fails).

  --stack <name>          the stack (stacks/Pulumi.<name>.yaml on each side); a stack only in
                          the head is created, one only in the base deleted as pulumi destroy would
  --all-stacks            every stack of either side, in one report: a summary line per stack
                          first, then each stack's section (with git refs only)
  --base <git-ref>        the base side's code and stack files
  --head <git-ref>        the head side's; default the working tree
  --base-config <file>    a stack file for the base side, with the working tree's code
  --head-config <file>    a stack file for the head side
  --json                  one JSON document: stack, base, head, changes, summary, protectionRemoved
  --fail-on <actions>     exit 1 when a change of these actions is present
  --max-chars <n>         keep the Markdown report within n characters: each stack's section
                          within its share, dropping its graph, then its least dangerous rows,
                          and saying what it left out
  --whole <file>          with --max-chars: also write the whole report, uncut, to <file>
  -h, --help              this text

Exit codes: 0 reviewed (and no change --fail-on names); 1 a side is invalid, or --fail-on
matched; 2 a usage error, an unknown ref, a ref without the project, or an unreadable file.
With --all-stacks a stack that can't be reviewed (a side invalid or unreadable) is reported in
its section and exits 1. An interrupted review removes its temporary worktrees first.`;

const ROOT = projectRoot(__dirname);

type Flags = {
    stack?: string; "all-stacks": boolean; base?: string; head?: string; "base-config"?: string; "head-config"?: string;
    json: boolean; "max-chars"?: string; whole?: string; "fail-on"?: string; help: boolean;
};

/** Where a side's code and stack files come from. */
type Source =
    | { kind: "ref"; ref: string; commit: string; label: string }
    | { kind: "working tree"; label: string }
    | { kind: "file"; file: string; label: string };

/** The files a tree needs for its code to synthesize a stack. */
const PROJECT_FILES = ["Pulumi.yaml", "scripts/run-ts.cjs", "infra/cli/synth.ts"];

function refSource(ref: string, side: "base" | "head"): Source {
    const label = `${side} ${showable(ref)}`;
    const commit = resolveCommit(ROOT, ref, side);
    const missing = PROJECT_FILES.filter((file) => !treeHas(ROOT, commit, file));
    if (missing.length > 0) {
        const what = missing.includes("Pulumi.yaml") ? "(a commit before the project, or an unrelated history)" : "(a commit from before the offline synth this review runs)";
        throw new CommandExit(`${label} (${commit.slice(0, 12)}) has no aks-kubenet project to synthesize: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing there ${what}; review against a commit that has it`, 2);
    }
    return { kind: "ref", ref, commit, label };
}

/** The stacks a side has, by name. */
function stacksOf(source: Source): string[] {
    if (source.kind === "ref") return stacksAt(ROOT, source.commit);
    if (source.kind === "working tree") return fs.existsSync(path.join(ROOT, "stacks")) ? stackNames(fs.readdirSync(path.join(ROOT, "stacks"))) : [];
    return [];
}

/**
 * A side's answer, with its own code. A ref runs in a temporary worktree, every stack in one
 * process of infra/cli/review-side.ts; a ref from before that entry existed runs synth once per
 * stack (without secret digests or the running-cluster checks). The working tree and stack files
 * run in this process.
 */
async function answerOf(source: Source, request: SideRequest, scratch: ReviewScratch, key: Buffer): Promise<SideAnswer> {
    if (source.kind === "working tree") return synthesizeSide(ROOT, request, key);
    if (source.kind === "file") {
        const stack = request.stacks[0];
        return { stacks: { [stack]: await synthesizeStack(stack, source.file, new Date(request.today), request.running?.[stack], key) } };
    }
    const tree = scratch.worktree(source.commit, source.label);
    const node = (args: string[], input = "") => scratch.runProcess(process.execPath, ["scripts/run-ts.cjs", ...args], {
        cwd: tree, input, env: { ...process.env, [SECRET_DIGEST_KEY_ENV]: key.toString("hex") },
    });
    const parsed = <T>(text: string): T => {
        try {
            return JSON.parse(text) as T;
        } catch {
            throw new CommandExit(`${source.label}: its code answered something other than one JSON document: ${showable(text.slice(0, 80))}`, 2);
        }
    };
    if (treeHas(ROOT, source.commit, "infra/cli/review-side.ts")) {
        const result = await node(["infra/cli/review-side.ts"], JSON.stringify(request));
        if (result.status !== 0) throw new CommandExit(`${source.label}: its code can't synthesize: ${showable(result.stderr.trim().split("\n")[0] ?? "")}`, 2);
        return parsed<SideAnswer>(result.stdout);
    }
    const present = new Set(stacksAt(ROOT, source.commit));
    const stacks: Record<string, StackSide> = {};
    for (const stack of request.stacks) {
        if (!present.has(stack)) {
            stacks[stack] = { absent: true };
            continue;
        }
        const result = await node(["infra/cli/synth.ts", "--stack", stack, "--json"]);
        const lines = result.stderr.trimEnd().split("\n");
        stacks[stack] = result.status === 0 ? { output: parsed<SynthOutput>(result.stdout), refusals: [] } : result.status === 1 ? { problems: lines } : { unreadable: showable(lines[0] ?? "") };
    }
    return { stacks };
}

const emptySide = (stack: string): SynthOutput => ({ stack, resources: [], outputs: {}, warnings: [], capacity: undefined as never });

/** Why a stack can't be reviewed on a side; undefined when it can. */
function failureOf(side: StackSide, source: Source, stack: string): CommandExit | undefined {
    if ("problems" in side) return new CommandExit(`${source.label} is invalid:\n${side.problems.join("\n")}`, 1);
    if ("unreadable" in side) {
        const file = source.kind === "file" ? showable(source.file) : `stacks/Pulumi.${stack}.yaml`;
        return new CommandExit(`${file}: ${side.unreadable} (${source.label})`, 2);
    }
    return undefined;
}

interface StackResult {
    stack: string;
    review: Review;
    sides: { stack: string; base: string; head: string; baseMissing?: boolean; headMissing?: boolean };
    resources: SynthOutput["resources"];
}

/** One stack's review from both sides' answers, or why there is none. */
function reviewStack(stack: string, base: StackSide, head: StackSide, sources: { base: Source; head: Source }): StackResult | CommandExit {
    const failure = failureOf(base, sources.base, stack) ?? failureOf(head, sources.head, stack);
    if (failure) return new CommandExit(withoutDigests(failure.message), failure.code);
    const baseOutput = "output" in base ? base.output : emptySide(stack);
    const headOutput = "output" in head ? head.output : emptySide(stack);
    const review = withoutDigestsInText(planChanges(baseOutput, headOutput, { refusals: "output" in head && "output" in base ? head.refusals : [] }));
    const shown = (source: Source) => source.label.replace(/^(base|head) /, "").replace(/^\((.*)\)$/, "$1");
    return {
        stack,
        review,
        sides: { stack, base: shown(sources.base), head: shown(sources.head), ...("absent" in base ? { baseMissing: true } : {}), ...("absent" in head ? { headMissing: true } : {}) },
        resources: withoutDigests([...headOutput.resources, ...baseOutput.resources]),
    };
}

/** A review as a reader sees it: secrets' digests back to "[secret]" wherever a value is quoted. */
function withoutDigestsInText(review: Review): Review {
    return { ...review, changes: review.changes.map((change) => withoutDigests(change)) };
}

function failOnActions(text: string | undefined): Set<Action> {
    if (text === undefined) return new Set();
    const actions = text.split(",").map((a) => a.trim()).filter(Boolean);
    const unknown = actions.filter((a) => !(ACTIONS as readonly string[]).includes(a));
    if (unknown.length > 0) throw new CommandExit(`--fail-on: ${showable(unknown.join(", "))} is not one of ${ACTIONS.join(", ")}\n${USAGE}`, 2);
    return new Set(actions as Action[]);
}

function maxChars(text: string | undefined): number {
    if (text === undefined) return Infinity;
    if (!/^[1-9]\d{0,8}$/.test(text)) throw new CommandExit(`--max-chars: ${showable(text.slice(0, 20))} is not a whole number from 1 to 999999999\n${USAGE}`, 2);
    return Number(text);
}

/** The flags, checked together: which sides, which stacks. */
function checkedFlags(argv: string[]): Flags {
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
    if (values.help) return values;
    if (values.stack === undefined && !values["all-stacks"]) throw new CommandExit(`--stack or --all-stacks is required\n${USAGE}`, 2);
    if (values.stack !== undefined && values["all-stacks"]) throw new CommandExit(`--stack and --all-stacks exclude each other\n${USAGE}`, 2);
    if (values.stack !== undefined) checkStackName(values.stack, USAGE);
    const byRef = values.base !== undefined || values.head !== undefined;
    const byFile = values["base-config"] !== undefined || values["head-config"] !== undefined;
    if (byRef === byFile) throw new CommandExit(`give --base (and --head), or --base-config and --head-config\n${USAGE}`, 2);
    if (byRef && values.base === undefined) throw new CommandExit(`--base is required with --head\n${USAGE}`, 2);
    if (byFile && (values["base-config"] === undefined || values["head-config"] === undefined)) throw new CommandExit(`--base-config and --head-config go together\n${USAGE}`, 2);
    if (byFile && values["all-stacks"]) throw new CommandExit(`--all-stacks reviews git refs: give --base (and --head)\n${USAGE}`, 2);
    if (values.whole !== undefined && (values["max-chars"] === undefined || values.json)) throw new CommandExit(`--whole goes with --max-chars, for the Markdown report\n${USAGE}`, 2);
    return values;
}

function fileSource(flag: "base-config" | "head-config", file: string): Source {
    const resolved = userPath(file);
    const label = `${flag === "base-config" ? "base" : "head"} ${showable(file)}`;
    if (!fs.existsSync(resolved)) throw new CommandExit(`${showable(resolved)}: no such file (${label})`, 2);
    return { kind: "file", file: resolved, label };
}

export const reviewCommand: Command = async (argv, io) => {
    const values = checkedFlags(argv);
    if (values.help) {
        io.out(`${HELP}\n`);
        return 0;
    }
    const failOn = failOnActions(values["fail-on"]);
    const limit = maxChars(values["max-chars"]);
    const sources = values.base !== undefined
        ? { base: refSource(values.base, "base"), head: values.head !== undefined ? refSource(values.head, "head") : { kind: "working tree" as const, label: "head (working tree)" } }
        : { base: fileSource("base-config", values["base-config"]!), head: fileSource("head-config", values["head-config"]!) };
    const stacks = values.stack !== undefined ? [values.stack] : [...new Set([...stacksOf(sources.base), ...stacksOf(sources.head)])].sort();
    if (values.stack !== undefined && sources.base.kind !== "file" && ![sources.base, sources.head].some((source) => stacksOf(source).includes(values.stack!))) {
        throw new CommandExit(`no stack named ${values.stack} on either side: stacks/Pulumi.${values.stack}.yaml is in neither ${sources.base.label} nor ${sources.head.label}`, 2);
    }
    // One key per review, shared by both sides and never written down (secret-digest.ts).
    const key = newSecretDigestKey();
    const today = new Date().toISOString();

    const results = await ReviewScratch.run(ROOT, async (scratch) => {
        const base = await answerOf(sources.base, { stacks, today }, scratch, key);
        const running = Object.fromEntries(Object.entries(base.stacks).flatMap(([stack, side]) => {
            const cluster = "output" in side ? runningClusterOf(side.output) : undefined;
            return cluster ? [[stack, cluster]] : [];
        }));
        const head = await answerOf(sources.head, { stacks, today, running }, scratch, key);
        return stacks.map((stack) => reviewStack(stack, base.stacks[stack] ?? { absent: true }, head.stacks[stack] ?? { absent: true }, sources));
    });
    const markdown = (render: (max: number) => string) => {
        if (values.whole !== undefined) writeWhole(values.whole, render(Infinity));
        return render(limit);
    };

    if (values.stack !== undefined) {
        const [result] = results;
        if (result instanceof CommandExit) throw result;
        io.out(values.json
            ? JSON.stringify({ ...result.sides, changes: result.review.changes, summary: result.review.summary, protectionRemoved: result.review.protectionRemoved }, null, 2) + "\n"
            : markdown((max) => renderReview(result.review, result.sides, result.resources, max)));
        return failed(result.review.changes, failOn, io) ? 1 : 0;
    }

    const reviews: StackReview[] = results.map((result, i) => (result instanceof CommandExit ? { stack: stacks[i], failure: result.message } : { ...result }));
    const baseShown = showable(values.base!);
    const headShown = values.head !== undefined ? showable(values.head) : "working tree";
    io.out(values.json
        ? JSON.stringify({
            base: baseShown, head: headShown,
            stacks: reviews.map((r) => ("failure" in r ? { stack: r.stack, failure: r.failure } : {
                stack: r.stack, ...(r.sides.baseMissing ? { baseMissing: true } : {}), ...(r.sides.headMissing ? { headMissing: true } : {}),
                changes: r.review.changes, summary: r.review.summary, protectionRemoved: r.review.protectionRemoved,
            })),
        }, null, 2) + "\n"
        : markdown((max) => renderStackReviews(reviews, `## Offline review: ${baseShown} → ${headShown}`, max)));
    const changes = reviews.flatMap((r) => ("review" in r ? r.review.changes.map((c) => ({ ...c, name: `${r.stack}: ${c.name}` })) : []));
    const unreviewed = reviews.some((r) => "failure" in r);
    return Math.max(unreviewed ? 1 : 0, failed(changes, failOn, io) ? 1 : 0);
};

/** --whole: the whole report, or exit 2 with one line when the file can't be written (a full disk). */
function writeWhole(file: string, text: string): void {
    try {
        fs.writeFileSync(userPath(file), text);
    } catch (error) {
        throw new CommandExit(`--whole ${showable(file)}: can't be written: ${showable((error as Error).message.split("\n")[0])}`, 2);
    }
}

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
