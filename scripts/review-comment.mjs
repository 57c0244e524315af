// Posts the offline review of a pull request as one comment, from review-comment.yml: the
// trusted side of the review. It runs on `workflow_run` with `pull-requests: write`, from the
// default branch's copy of this file, and treats everything the pull request's run left (the
// report, the pull request number) as untrusted text:
// - the pull request is derived from the `workflow_run` event (its head repository, branch and
//   commit), never taken from the artifact; an artifact naming another number is refused;
// - the comment it edits is its own (the bot's, with the marker), never another author's;
// - a run for a commit that is no longer the pull request's head, or older than the run that
//   wrote the comment, posts nothing: an older review never overwrites a newer one;
// - the text is posted under a header saying whose code wrote it and which commit it reviewed,
//   with @-mentions and issue references neutralised, and within GitHub's comment size.
// No dependencies: it runs on the runner's Node.js without `npm ci`.
//
// Environment: GITHUB_EVENT_PATH, GITHUB_REPOSITORY, GITHUB_TOKEN, GITHUB_API_URL,
// GITHUB_SERVER_URL (set by Actions), REVIEW_DIR (the downloaded artifact).
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const MARKER = "<!-- aks-kubenet offline review -->";
/** The author of comments made with a workflow's GITHUB_TOKEN. */
export const BOT_LOGIN = "github-actions[bot]";
/** GitHub refuses a comment body over 65,536 characters; the header and the cut note fit in the rest. */
export const MAX_BODY_CHARS = 65_000;

const ZERO_WIDTH_SPACE = "\u200b";

/**
 * The report's text made inert: an @-mention would notify whoever the pull request names, an
 * issue reference (`#12`, `GH-12`, `owner/repo#12`, a link to an issue or pull request) would
 * add a cross-reference to that timeline. A zero-width space keeps them readable.
 */
export function neutralize(text) {
    return text
        .replace(/(^|[^\w`])@(?=[A-Za-z0-9])/g, `$1@${ZERO_WIDTH_SPACE}`)
        .replace(/(?<!&)#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
        .replace(/\bGH-(?=\d)/gi, (m) => `${m.slice(0, 2)}${ZERO_WIDTH_SPACE}-`)
        .replace(/(\/(?:issues|pull|discussions))\/(?=\d)/g, `$1/${ZERO_WIDTH_SPACE}`);
}

/**
 * At most `max` characters of `text`, cut at a line end; a Markdown code block left open (a
 * Mermaid graph, say) is closed, and a last line says how much was left out and where it is.
 */
export function cutToLength(text, max, whereWhole) {
    if (text.length <= max) return text;
    const note = (shown) => `\n\n**The report was cut here:** ${shown} of ${text.length} characters shown. The whole report is ${whereWhole}.\n`;
    const room = Math.max(0, max - note(text.length).length - 4);
    let cut = text.slice(0, room);
    // Never end inside a surrogate pair or a line.
    cut = cut.slice(0, Math.max(0, cut.lastIndexOf("\n")));
    const fences = cut.split("\n").filter((line) => /^\s*(```|~~~)/.test(line)).length;
    if (fences % 2 === 1) cut += "\n```";
    return cut + note(cut.length);
}

/** The comment: the trusted header, then the pull request's report as inert text. */
export function commentBody({ report, headSha, runId, runUrl, repository }) {
    const header = [
        MARKER,
        `<!-- run: ${runId} -->`,
        `> [!NOTE]`,
        `> Offline review of \`${headSha.slice(0, 12)}\`, written by this pull request's own code in [run ${runId}](${runUrl}) and posted as text: the pull request can change what it says. What makes a gate binding: docs/pipeline.md in ${repository}.`,
        "",
        "",
    ].join("\n");
    const whereWhole = `the \`offline-review\` artifact of [run ${runId}](${runUrl})`;
    return header + cutToLength(neutralize(report.replace(/\r\n?/g, "\n")), MAX_BODY_CHARS - header.length, whereWhole);
}

/** The run id recorded in a comment this script wrote, or 0. */
export function recordedRun(body) {
    return Number(/^<!-- run: (\d+) -->$/m.exec(body)?.[1] ?? 0);
}

/** A small client of GitHub's REST API: JSON in and out, pages followed through `Link`. */
export function githubApi({ url, token }) {
    const request = async (method, path, body) => {
        const response = await fetch(path.startsWith("http") ? path : `${url}${path}`, {
            method,
            headers: {
                accept: "application/vnd.github+json",
                authorization: `Bearer ${token}`,
                "x-github-api-version": "2022-11-28",
                ...(body ? { "content-type": "application/json" } : {}),
            },
            body: body ? JSON.stringify(body) : undefined,
        });
        if (!response.ok) throw new Error(`GitHub answered ${response.status} to ${method} ${path.replace(url, "")}`);
        return { data: await response.json(), next: /<([^>]+)>;\s*rel="next"/.exec(response.headers.get("link") ?? "")?.[1] };
    };
    return {
        get: async (path) => (await request("GET", path)).data,
        all: async (path) => {
            const items = [];
            for (let next = path; next; ) {
                const page = await request("GET", next);
                items.push(...page.data);
                next = page.next;
            }
            return items;
        },
        post: async (path, body) => (await request("POST", path, body)).data,
        patch: async (path, body) => (await request("PATCH", path, body)).data,
    };
}

/**
 * The open pull request whose head is the run's commit on the run's head repository and
 * branch, or undefined. `workflow_run.pull_requests` is empty for forks, so the base
 * repository's pull requests are listed by head and matched on commit and repository id.
 */
export async function pullRequestOf(api, repository, run) {
    const headRepo = run.head_repository;
    if (!headRepo?.owner?.login || !run.head_branch || !run.head_sha) return undefined;
    const head = encodeURIComponent(`${headRepo.owner.login}:${run.head_branch}`);
    const pulls = await api.all(`/repos/${repository}/pulls?state=open&head=${head}&per_page=100`);
    return pulls.find((pull) => pull.head?.sha === run.head_sha && pull.head?.repo?.id === headRepo.id);
}

/** The comment this script wrote on the pull request before, if any: the bot's, with the marker. */
export async function ownComment(api, repository, number) {
    const comments = await api.all(`/repos/${repository}/issues/${number}/comments?per_page=100`);
    return comments.find((c) => c.user?.login === BOT_LOGIN && c.user?.type === "Bot" && typeof c.body === "string" && c.body.startsWith(MARKER));
}

/** Posts or updates the comment; returns what it did, in one line. */
export async function postReview({ api, repository, event, reviewDir, serverUrl, log }) {
    const run = event.workflow_run;
    if (run?.event !== "pull_request") return "not a pull request's run: nothing posted";
    const pull = await pullRequestOf(api, repository, run);
    if (!pull) return `no open pull request has ${run.head_sha} as its head any more: nothing posted (a newer run reviews the newer commit)`;
    const claimed = existsSync(join(reviewDir, "pr-number")) ? readFileSync(join(reviewDir, "pr-number"), "utf8").trim() : undefined;
    if (claimed !== undefined && claimed !== String(pull.number)) {
        throw new Error(`the artifact names pull request ${JSON.stringify(claimed.slice(0, 20))}, but run ${run.id} reviewed #${pull.number}'s head: refused`);
    }
    const report = readFileSync(join(reviewDir, "review.md"), "utf8");
    const body = commentBody({ report, headSha: run.head_sha, runId: run.id, runUrl: `${serverUrl}/${repository}/actions/runs/${run.id}`, repository });
    const existing = await ownComment(api, repository, pull.number);
    if (existing && recordedRun(existing.body) > run.id) return `#${pull.number} already shows the review of a newer run (${recordedRun(existing.body)}): nothing posted`;
    // The head may have moved while this ran: check again just before writing.
    const current = await api.get(`/repos/${repository}/pulls/${pull.number}`);
    if (current.head?.sha !== run.head_sha) return `#${pull.number} moved on to ${current.head?.sha}: nothing posted`;
    if (existing) {
        await api.patch(`/repos/${repository}/issues/comments/${existing.id}`, { body });
        log?.(`updated comment ${existing.id}`);
        return `updated the review on #${pull.number}`;
    }
    await api.post(`/repos/${repository}/issues/${pull.number}/comments`, { body });
    return `posted the review on #${pull.number}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
    const env = process.env;
    const api = githubApi({ url: env.GITHUB_API_URL ?? "https://api.github.com", token: env.GITHUB_TOKEN ?? "" });
    postReview({
        api,
        repository: env.GITHUB_REPOSITORY,
        event: JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")),
        reviewDir: env.REVIEW_DIR,
        serverUrl: env.GITHUB_SERVER_URL ?? "https://github.com",
        log: (line) => console.log(line),
    }).then(
        (outcome) => console.log(`::notice title=Offline review::${outcome}`),
        (error) => {
            console.log(`::error title=Offline review::${error.message}`);
            process.exitCode = 1;
        },
    );
}
