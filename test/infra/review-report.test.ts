import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCommand } from "../../infra/cli/command";
import { reviewCommand } from "../../infra/cli/review";
import { Change, planChanges } from "../../infra/review/plan";
import { renderReview } from "../../infra/review/render";
import { SynthOutput } from "../../infra/synth/synthesize";
import { stackFile, synthShipped, throughKubernetes } from "./fixtures";
import { actions, byName, variant } from "./review-fixtures";

/*
 * What the report says: secrets that changed, a stack added or removed, what a refused change
 * leaves done under the shipped workflow, and what each change means for the running cluster.
 * Each expectation follows from the rule cited beside it.
 */

const empty = (stack: string): SynthOutput => ({ stack, resources: [], outputs: {}, warnings: [], capacity: undefined as never });
const sides = { stack: "prod", base: "main", head: "branch" };

async function reviewCli(args: string[]) {
    let stdout = "";
    let stderr = "";
    const status = await runCommand(reviewCommand, args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
    return { status, stdout, stderr };
}

describe("review report: secrets", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-kubenet-review-secrets-"));
    const dev = fs.readFileSync(stackFile("dev"), "utf8");
    /** dev with its owner tag a secure value (the Pulumi CLI's ciphertext). */
    const withSecret = (name: string, ciphertext: string) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, dev.replace("    owner: platform", `    owner:\n      secure: ${ciphertext}`));
        return file;
    };

    it("says that secret inputs differ and could not be compared, never that nothing changes, and shows no secret", async () => {
        const before = withSecret("before.yaml", "v1:c2VjcmV0LW9uZQ==");
        const after = withSecret("after.yaml", "v1:c2VjcmV0LXR3bw==");
        const json = await reviewCli(["--stack", "dev", "--base-config", before, "--head-config", after, "--json"]);
        assert.equal(json.status, 0, json.stderr);
        const changes = JSON.parse(json.stdout).changes as Change[];
        // The tag reaches every tagged resource (the stack's tags are on every Azure resource).
        assert.ok(changes.length >= 5, actions(changes).join(", "));
        for (const change of changes) {
            assert.equal(change.action, "update", change.name);
            assert.ok(change.secrets!.includes("tags.owner"), change.name);
            assert.match(change.impact.at(-1)!, /^secret inputs differ or could not be compared \(.*tags\.owner\): the review never sees their values/);
        }
        const markdown = await reviewCli(["--stack", "dev", "--base-config", before, "--head-config", after]);
        for (const output of [json.stdout, markdown.stdout]) {
            assert.doesNotMatch(output, /c2VjcmV0|\[secret:[0-9a-f]/, "neither the ciphertext nor a digest of it");
        }
        assert.doesNotMatch(markdown.stdout, /would change nothing/);
        const same = await reviewCli(["--stack", "dev", "--base-config", before, "--head-config", withSecret("same.yaml", "v1:c2VjcmV0LW9uZQ==")]);
        assert.match(same.stdout, /No resource changes/, "the same ciphertext is the same secret");
    });
});

describe("review report: a stack added or removed", () => {
    it("creates everything of a stack the change adds", async () => {
        const head = await synthShipped("staging");
        const { changes } = planChanges(empty("staging"), head);
        const declared = head.resources.filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("aks-kubenet:"));
        assert.deepEqual(actions(changes), declared.map((r) => `create ${r.name}`).sort());
        const text = renderReview(planChanges(empty("staging"), head), { ...sides, stack: "staging", baseMissing: true }, head.resources);
        assert.match(text, /The stack file is new: `pulumi up` on a new stack creates everything\./);
    });

    it("deletes everything of a stack the change removes, as pulumi destroy would: the protected refused", async () => {
        const base = await synthShipped("prod");
        const { changes } = planChanges(base, empty("prod"));
        // DeleteStep.Apply refuses a protected resource; the step executor goes on past it.
        const declared = base.resources.filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("aks-kubenet:"));
        assert.deepEqual(actions(changes), declared.map((r) => `${r.protect ? "blocked" : "delete"} ${r.name}`).sort());
        assert.ok(declared.some((r) => r.protect) && declared.some((r) => !r.protect), "prod protects some and not others");
        const cluster = byName(changes, "cluster-aks");
        assert.match(cluster.todo!, /^set cluster\.allowReplacement: true and run pulumi up first/);
        assert.match(cluster.impact.at(-1)!, /^pulumi up applies every other change first, then refuses this deletion and fails/);
        const text = renderReview(planChanges(base, empty("prod")), { ...sides, headMissing: true }, base.resources);
        assert.match(text, /The stack file is removed: this is what `pulumi destroy` would do to the stack/);
    });
});

describe("review report: what each change means", () => {
    it("says a refused replacement happens after what it waits for under the shipped workflow, with what to do and no order", async () => {
        const base = await synthShipped("dev");
        const head = await variant("dev", (c) => { c.cluster.podCidr = "10.245.0.0/16"; c.tags.team = "platform"; });
        const review = planChanges(base, head);
        const cluster = byName(review.changes, "cluster-aks");
        // pulumi/actions v7 `up` runs `pulumi up --skip-preview`; the engine applies each resource
        // as it registers and stops at the refused one: the tag updates of what the cluster waits
        // for (its identity and subnet, and the group they are in) come first.
        assert.match(cluster.impact.at(-1)!, /^pulumi up fails: under the shipped deploy workflow \(pulumi\/actions up runs pulumi up --skip-preview\) the changes to what it waits for are applied first \((.*)\), then it stops here; pulumi preview reports it and changes nothing$/);
        for (const name of ["rg", "control-plane-identity", "network-vnet"]) assert.ok(cluster.impact.at(-1)!.includes(`${name} (update)`), name);
        const row = renderReview(review, { ...sides, stack: "dev" }, [...head.resources, ...base.resources]).split("\n").find((line) => line.includes("cluster-aks |"))!;
        assert.match(row, /^\| `containerservice:ManagedCluster` cluster-aks \| /, "no replacement order for a replacement that won't happen");
        assert.match(row, /\*\*refused\*\*: the engine refuses to replace a resource the state protects while the program still protects it; \*\*to do\*\*: set cluster\.allowReplacement: true in the same change/);
    });

    it("upgrades nothing when the version is no longer pinned under an auto-upgrade channel", async () => {
        const { changes } = planChanges(await synthShipped("staging"), await variant("staging", (c) => { delete c.cluster.kubernetesVersion; }));
        // staging's upgradeChannel is patch: AKS moves the version; a request without one upgrades nothing.
        assert.equal(byName(changes, "cluster-aks").impact[0], "the control plane is no longer pinned to 1.36: not upgraded by this change; AKS's patch auto-upgrade channel moves it from now on");
        assert.equal(byName(changes, "cluster-pool-apps").impact[0], "the nodes of pool \"apps\" are no longer pinned to 1.36: not upgraded by this change; AKS's patch auto-upgrade channel moves it from now on");
        assert.ok(!changes.some((c) => c.impact.some((line) => /undefined/.test(line))));
    });

    it("says pods that select a renamed pool by its label stay Pending", async () => {
        const { changes } = planChanges(await synthShipped("staging"), await variant("staging", (c) => { c.cluster.nodePools[1].name = "apps2"; }));
        // Every pool carries aks-kubenet/pool: <its name> (agent-pools.ts); the renamed one a new value.
        assert.deepEqual(actions(changes), ["create cluster-pool-apps2", "delete cluster-pool-apps"]);
        assert.match(byName(changes, "cluster-pool-apps").impact[0], /no pool left carries aks-kubenet\/pool: apps, so pods that select it stay Pending/);
        assert.match(byName(changes, "cluster-pool-apps2").impact[0], /labelled aks-kubenet\/pool: apps2$/);
    });

    it("says moving a running kubenet cluster to a route table of your own is unsupported", async () => {
        const byo = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/routeTables/rt-hub";
        const { changes } = planChanges(await synthShipped("dev"), await variant("dev", (c) => { delete c.network.routeTableName; c.network.existingRouteTableId = byo; }));
        // The AKS kubenet guide: the route table association can't be changed after the cluster is created.
        assert.match(byName(changes, "network-subnet").impact[0], /^the cluster subnet's route table changes under the running cluster: AKS doesn't support moving a running kubenet cluster to another route table/);
        assert.equal(byName(changes, "network-routes").action, "delete");
        assert.match(byName(changes, "network-routes").impact[0], /^the route table the running cluster's pod routes are in is deleted: AKS doesn't support/);
    });

    it("says who loses access with a deleted RoleBinding", async () => {
        // prod bootstrapping through the Kubernetes API, where access is RoleBindings.
        const base = await variant("prod", throughKubernetes);
        const admins = base.resources.find((r) => r.name === "bootstrap-team-a-admins")!;
        const groups = (admins.inputs.subjects as { name: string }[]).map((s) => `group ${s.name}`).join(", ");
        const { changes } = planChanges(base, await variant("prod", (c) => { throughKubernetes(c); c.namespaces.find((ns: { name: string }) => ns.name === "team-a").admins = []; }));
        assert.deepEqual(byName(changes, "bootstrap-team-a-admins").impact, [`${groups} ${groups.includes(",") ? "lose" : "loses"} ClusterRole admin in namespace team-a`]);
    });
});
