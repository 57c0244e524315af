import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT } from "../infra/fixtures";

/*
 * review-comment.yml's script against a fake GitHub: the REST endpoints it calls, answering as
 * GitHub documents them ("List pull requests": `head` filters by `user:ref-name`; "List issue
 * comments": `user.login`/`user.type`; pagination through the `Link` header). Each case is an
 * attack or a race the workflow must survive, and the expectation comes from what must not
 * happen (another pull request written to, another author's comment edited, a newer review
 * overwritten), not from the script's output.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
interface Comment { id: number; user: { login: string; type: string }; body: string }
interface Pull { number: number; head: { sha: string; ref: string; repo: { id: number; full_name: string; owner: { login: string } } } }

const REPO = "platform/aks";
const FORK = { id: 777, full_name: "mallory/aks", owner: { login: "mallory" } };
const OWN = { id: 100, full_name: REPO, owner: { login: "platform" } };
const SHA = "a".repeat(40);

/** A fake of the GitHub REST API: pull requests and their comments, in memory. */
class FakeGitHub {
    pulls: Pull[] = [];
    comments = new Map<number, Comment[]>();
    writes: { method: string; path: string; body: Json }[] = [];
    private nextId = 1000;
    private server = http.createServer((req, res) => void this.handle(req, res));
    url = "";

    async start() {
        await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
        this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    }
    stop() {
        this.server.close();
    }
    comment(pr: number, login: string, body: string, type = login.endsWith("[bot]") ? "Bot" : "User") {
        const list = this.comments.get(pr) ?? [];
        list.push({ id: this.nextId++, user: { login, type }, body });
        this.comments.set(pr, list);
    }

    private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
        let text = "";
        for await (const chunk of req) text += chunk;
        const url = new URL(req.url!, this.url);
        const send = (status: number, body: Json, headers: Record<string, string> = {}) => {
            res.writeHead(status, { "content-type": "application/json", ...headers });
            res.end(JSON.stringify(body));
        };
        if (req.headers.authorization !== "Bearer token") return send(401, { message: "Bad credentials" });
        let match: RegExpExecArray | null;
        if (req.method === "GET" && url.pathname === `/repos/${REPO}/pulls`) {
            const [owner, ref] = (url.searchParams.get("head") ?? "").split(":");
            return send(200, this.pulls.filter((p) => p.head.repo.owner.login === owner && p.head.ref === ref));
        }
        if (req.method === "GET" && (match = new RegExp(`^/repos/${REPO}/pulls/(\\d+)$`).exec(url.pathname))) {
            const pull = this.pulls.find((p) => p.number === Number(match![1]));
            return pull ? send(200, pull) : send(404, { message: "Not Found" });
        }
        if ((match = new RegExp(`^/repos/${REPO}/issues/(\\d+)/comments$`).exec(url.pathname))) {
            const pr = Number(match[1]);
            if (req.method === "POST") {
                this.writes.push({ method: "POST", path: url.pathname, body: JSON.parse(text) });
                this.comment(pr, "github-actions[bot]", JSON.parse(text).body);
                return send(201, {});
            }
            // Two per page, to make the script follow `Link`.
            const page = Number(url.searchParams.get("page") ?? 1);
            const all = this.comments.get(pr) ?? [];
            const next: Record<string, string> = page * 2 < all.length ? { link: `<${this.url}${url.pathname}?per_page=100&page=${page + 1}>; rel="next"` } : {};
            return send(200, all.slice((page - 1) * 2, page * 2), next);
        }
        if (req.method === "PATCH" && (match = new RegExp(`^/repos/${REPO}/issues/comments/(\\d+)$`).exec(url.pathname))) {
            this.writes.push({ method: "PATCH", path: url.pathname, body: JSON.parse(text) });
            for (const list of this.comments.values()) for (const c of list) if (c.id === Number(match[1])) c.body = JSON.parse(text).body;
            return send(200, {});
        }
        send(404, { message: `no fake for ${req.method} ${url.pathname}` });
    }
}

const load = () => import(path.join(ROOT, "scripts", "review-comment.mjs")) as Promise<Json>;

describe("review comment workflow's script", () => {
    let github: FakeGitHub;
    let script: Json;
    let dir: string;
    const event = (run: Json = {}) => ({
        workflow_run: { id: 5000, event: "pull_request", head_sha: SHA, head_branch: "feature", head_repository: FORK, ...run },
    });
    const artifact = (report: string, prNumber?: string) => {
        fs.writeFileSync(path.join(dir, "review.md"), report);
        if (prNumber === undefined) fs.rmSync(path.join(dir, "pr-number"), { force: true });
        else fs.writeFileSync(path.join(dir, "pr-number"), prNumber);
    };
    const post = (ev: Json = event()) => script.postReview({
        api: script.githubApi({ url: github.url, token: "token" }), repository: REPO, event: ev, reviewDir: dir, serverUrl: "https://github.com",
    });

    beforeEach(async () => {
        script = await load();
        github = new FakeGitHub();
        await github.start();
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "review-comment-"));
        github.pulls = [
            { number: 7, head: { sha: SHA, ref: "feature", repo: FORK } },
            { number: 9, head: { sha: "b".repeat(40), ref: "main", repo: OWN } },
        ];
    });
    afterEach(() => {
        github.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("posts on the pull request the event's head commit belongs to, whatever number the artifact names", async () => {
        artifact("## Offline review\n", "9");
        await assert.rejects(post(), /the artifact names pull request "9", but run 5000 reviewed #7's head: refused/);
        assert.equal(github.writes.length, 0, "nothing written to #9, nor to #7");
        artifact("## Offline review\n", "7");
        assert.equal(await post(), "posted the review on #7");
        assert.deepEqual(github.writes.map((w) => w.path), [`/repos/${REPO}/issues/7/comments`]);
    });

    it("finds no pull request for a fork's branch whose head is another commit or another repository's", async () => {
        artifact("report", "7");
        assert.match(await post(event({ head_sha: "c".repeat(40) })), /no open pull request has c{40} as its head any more: nothing posted/);
        // Same owner and branch name, another repository (a second fork of the same user).
        assert.match(await post(event({ head_repository: { ...FORK, id: 778 } })), /nothing posted/);
        assert.match(await post(event({ event: "push" })), /not a pull request's run/);
        assert.deepEqual(github.writes, []);
    });

    it("edits only its own marked comment, never one another author wrote with the marker", async () => {
        artifact("new report", "7");
        github.comment(7, "mallory", `${script.MARKER}\n0 blocked`);
        github.comment(7, "reviewer", "looks fine");
        github.comment(7, "github-actions[bot]", "another bot comment");
        github.comment(7, "github-actions[bot]", `${script.MARKER}\n<!-- run: 4000 -->\nold report`);
        assert.equal(await post(), "updated the review on #7");
        assert.equal(github.writes.length, 1);
        assert.equal(github.writes[0].method, "PATCH");
        const own = github.comments.get(7)!.find((c) => c.user.login === "github-actions[bot]" && c.body.includes("<!-- run: 5000 -->"));
        assert.ok(own, "the bot's marked comment, found on the second page, carries the new run");
        assert.equal(github.comments.get(7)![0].body, `${script.MARKER}\n0 blocked`, "mallory's comment untouched");
    });

    it("never lets an older run overwrite a newer review, nor post for a head that moved on", async () => {
        artifact("older report", "7");
        github.comment(7, "github-actions[bot]", `${script.MARKER}\n<!-- run: 6000 -->\nnewer report`);
        assert.match(await post(), /already shows the review of a newer run \(6000\): nothing posted/);
        assert.deepEqual(github.writes, []);
    });

    it("posts under a header of its own: the commit reviewed, the run, and that the pull request's code wrote it", async () => {
        artifact("### `pulumi up` on prod\n\ncc @octocat and @platform/admins, see #12, GH-3, other/repo#4 and https://github.com/o/r/issues/5; mail a@b.io; `&#35;` stays\n", "7");
        await post();
        const body: string = github.writes[0].body.body;
        assert.ok(body.startsWith(`${script.MARKER}\n<!-- run: 5000 -->\n`));
        assert.match(body, new RegExp(`Offline review of \`${SHA.slice(0, 12)}\`, written by this pull request's own code in \\[run 5000\\]\\(https://github.com/${REPO}/actions/runs/5000\\)`));
        for (const live of [/@octocat/, /@platform\//, /#12/, /GH-3/, /repo#4/, /issues\/5/]) assert.doesNotMatch(body, live, `${live} is neutralised`);
        for (const kept of ["@\u200boctocat", "#\u200b12", "a@b.io", "&#35;"]) assert.ok(body.includes(kept), kept);
    });

    it("keeps the comment within GitHub's limit, cut at a line, a code block closed, saying what was left out", async () => {
        const graph = ["```mermaid", "graph LR", ...Array.from({ length: 4000 }, (_, i) => `  r${i}["containerservice:AgentPool pool-${i} ✓"]`), "```"].join("\n");
        const report = `## Offline review\n\n| stack | … |\n${graph}\n`;
        assert.ok(report.length > 65_536);
        artifact(report, "7");
        await post();
        const body: string = github.writes[0].body.body;
        assert.ok(body.length <= 65_536, `${body.length} characters`);
        const fences = body.split("\n").filter((line) => line.startsWith("```")).length;
        assert.equal(fences % 2, 0, "every code block closed");
        assert.match(body, /\*\*The report was cut here:\*\* \d+ of \d+ characters shown\. The whole report is the `offline-review` artifact of \[run 5000\]/);
        assert.doesNotMatch(body, /\uFFFD/);
        const beforeNote = body.slice(0, body.indexOf("\n\n**The report was cut here"));
        assert.match(beforeNote, /(✓"\]|```)$/, "the last line shown is whole");
    });

    it("fails the step on an API error, saying which call", async () => {
        artifact("report", "7");
        const api = script.githubApi({ url: github.url, token: "wrong" });
        await assert.rejects(script.postReview({ api, repository: REPO, event: event(), reviewDir: dir, serverUrl: "https://github.com" }), /GitHub answered 401 to GET \/repos\/platform\/aks\/pulls/);
    });
});
