import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCommand } from "../../infra/cli/command";
import { reviewCommand } from "../../infra/cli/review";
import { Change, planChanges } from "../../infra/review/plan";
import { REPLACEMENT_TABLE_VERSIONS, replacementRuleFor } from "../../infra/review/replacements";
import { StackReview, renderReview, renderStackReviews } from "../../infra/review/render";
import { SynthOutput } from "../../infra/synth/synthesize";
import { ROOT, stackFile, synthShipped, throughKubernetes } from "./fixtures";
import { Sections, actions, byName, variant } from "./review-fixtures";

/*
 * Pairs of stack files a reviewer meets. Each expected action follows from a rule, not from the
 * code's output: azure-native replaces a resource when a property of its URL path (its name)
 * changes or one the provider marks forceNew (the ManagedCluster's networkProfile ranges,
 * pulumi/pulumi-azure-native#4771); the engine refuses to replace or delete a protected resource;
 * it creates the replacement first unless deleteBeforeReplace; a resource only in the head is
 * created, one only in the base deleted.
 */

async function review(stack: string, edit: (config: Sections) => void) {
    return planChanges(await synthShipped(stack), await variant(stack, edit));
}

describe("review: what pulumi up would do between two declarations", () => {
    it("finds nothing to do in an unchanged stack file", async () => {
        const result = await review("prod", () => undefined);
        assert.deepEqual(result.changes, []);
        assert.deepEqual(result.summary, { blocked: 0, delete: 0, replace: 0, update: 0, create: 0 });
    });

    it("pairs a resource with its old URN through the aliases, as the engine does", async () => {
        const head = await synthShipped("prod");
        // The state of a stack made before the components' type tokens moved to aks-kubenet:index.
        const rename = (urn: string) => urn.replace("aks-kubenet:index:KubenetCluster", "aks-kubenet:cluster:KubenetCluster");
        const base: SynthOutput = {
            ...head,
            resources: head.resources.map((r) => ({ ...r, urn: rename(r.urn), parent: r.parent && rename(r.parent), dependencies: r.dependencies.map(rename) })),
        };
        assert.ok(base.resources.some((r) => r.urn.includes("aks-kubenet:cluster:KubenetCluster$azure-native:containerservice:ManagedCluster")));
        assert.deepEqual(planChanges(base, head).changes, [], "every child of the renamed component continues under its alias");
    });

    it("keeps the deployer's grant through its move into the cluster component", async () => {
        const head = await synthShipped("staging");
        // The grant as the program declared it before 0.3.0: right under the stack, named alone.
        const moved = head.resources.find((r) => r.name === "cluster-deployer-cluster-admin")!;
        const stack = head.resources.find((r) => r.type === "pulumi:pulumi:Stack")!;
        const oldUrn = `${stack.urn.split("::").slice(0, 2).join("::")}::pulumi:pulumi:Stack$azure-native:authorization:RoleAssignment::deployer-cluster-admin`;
        const base: SynthOutput = {
            ...head,
            resources: head.resources.map((r) => (r === moved ? { ...r, urn: oldUrn, name: "deployer-cluster-admin", parent: stack.urn, aliases: [] } : r)),
        };
        assert.deepEqual(planChanges(base, head).changes, [], "the alias pairs it with its old URN: no delete, no create");
    });

    it("updates the cluster in place for the default pool's count", async () => {
        const { changes } = await review("dev", (c) => { c.cluster.nodePools[0].count = 3; });
        assert.deepEqual(actions(changes), ["update cluster-aks"]);
        const change = byName(changes, "cluster-aks");
        assert.deepEqual(change.properties, ["agentPoolProfiles[0].count"]);
        assert.deepEqual(change.impact, [
            "pool \"system\" (the default pool) is scaled from 2 to 3 nodes",
            "AKS shows every pool as Scaling while the cluster's request is applied (pulumi/pulumi-azure-native#4264)",
        ]);
    });

    it("updates an AgentPool in place for its autoscaled range", async () => {
        const { changes } = await review("staging", (c) => { c.cluster.nodePools[1].maxCount = 8; });
        assert.deepEqual(actions(changes), ["update cluster-pool-apps"]);
        assert.deepEqual(byName(changes, "cluster-pool-apps").properties, ["maxCount"]);
        assert.deepEqual(byName(changes, "cluster-pool-apps").impact, ["the autoscaler sizes pool \"apps\" between 1 and 8 nodes"]);
    });

    it("rotates a pool for a new VM size, the new pool first", async () => {
        const { changes } = await review("staging", (c) => { c.cluster.nodePools[1].vmSize = "Standard_D8s_v5"; });
        assert.deepEqual(actions(changes), ["replace cluster-pool-apps"]);
        const change = byName(changes, "cluster-pool-apps");
        assert.equal(change.replaceOrder, "create-before-delete");
        assert.deepEqual(change.forcedBy, ["agentPoolName", "vmSize"], "a new Azure name and the provider's own forceNew vmSize");
        assert.match(change.impact[0], /^pool "apps" is rotated onto new nodes: apps[a-z0-9]{4} \(Standard_D8s_v5, 1–6 nodes, autoscaled\) is created before apps[a-z0-9]{4} is deleted and drained; workloads that select aks-kubenet\/pool: apps follow it$/);
    });

    it("creates an added pool and deletes a removed one", async () => {
        const added = await review("dev", (c) => { c.cluster.nodePools.push({ name: "batch", mode: "User", count: 2, vmSize: "Standard_D4s_v5" }); });
        assert.deepEqual(actions(added.changes), ["create cluster-pool-batch"]);
        assert.deepEqual(byName(added.changes, "cluster-pool-batch").impact, ["pool \"batch\" is created: Standard_D4s_v5, 2 nodes, labelled aks-kubenet/pool: batch"]);
        const removed = await review("staging", (c) => { c.cluster.nodePools.splice(1, 1); });
        assert.deepEqual(actions(removed.changes), ["delete cluster-pool-apps"]);
        assert.match(byName(removed.changes, "cluster-pool-apps").impact[0], /^pool "apps" \(Azure name apps[a-z0-9]{4}\) is deleted: AKS cordons and drains its nodes/);
    });

    it("upgrades the control plane and the pools for a Kubernetes minor version", async () => {
        const { changes } = await review("staging", (c) => { c.cluster.kubernetesVersion = "1.37"; });
        assert.deepEqual(actions(changes), ["update cluster-aks", "update cluster-pool-apps"]);
        const cluster = byName(changes, "cluster-aks");
        assert.deepEqual(cluster.properties, ["agentPoolProfiles[0].orchestratorVersion", "kubernetesVersion"]);
        assert.equal(cluster.impact[0], "the control plane is upgraded from 1.36 to 1.37");
        assert.equal(cluster.impact[1], "the nodes of pool \"system\" (the default pool) are upgraded from 1.36 to 1.37, a surge of 33% at a time");
        assert.deepEqual(byName(changes, "cluster-pool-apps").impact, ["the nodes of pool \"apps\" are upgraded from 1.36 to 1.37, a surge of 33% at a time"]);
    });

    it("reports a new pod CIDR or DNS service IP as a replacement the protected cluster refuses", async () => {
        const pods = await review("dev", (c) => { c.cluster.podCidr = "10.245.0.0/16"; });
        const cluster = byName(pods.changes, "cluster-aks");
        // The state protects the cluster and so does the head (no allowReplacement): the engine
        // refuses (step_generator.go, generateStepsFromDiff: new.Protect && old.Protect).
        assert.equal(cluster.action, "blocked");
        assert.equal(cluster.replaceOrder, undefined, "a replacement that won't happen has no order");
        assert.deepEqual(cluster.forcedBy, ["networkProfile.podCidr"]);
        assert.match(cluster.impact[0], /^replacing it would delete the cluster and create it again, with every workload on it \(forced by networkProfile\.podCidr\)$/);
        assert.match(cluster.todo!, /^set cluster\.allowReplacement: true in the same change if rebuilding the cluster is meant/);
        assert.ok(!cluster.impact.some((line) => /before changing anything/.test(line)), "the shipped workflow applies what comes before it");
        const dns = await review("dev", (c) => { c.cluster.dnsServiceIP = "10.0.0.20"; });
        assert.deepEqual(byName(dns.changes, "cluster-aks").forcedBy, ["networkProfile.dnsServiceIP"]);
        assert.equal(byName(dns.changes, "cluster-aks").action, "blocked");
    });

    it("replaces a renamed subnet delete-first, as azure-native does for a name the program gives", async () => {
        const { changes } = await review("dev", (c) => { c.network.subnetName = "snet-aks2"; });
        const subnet = byName(changes, "network-subnet");
        assert.deepEqual([subnet.action, subnet.replaceOrder, subnet.forcedBy], ["replace", "delete-before-create", ["subnetName"]]);
        const prod = await review("prod", (c) => { c.network.subnetName = "snet-aks2"; });
        assert.equal(byName(prod.changes, "network-subnet").action, "blocked", "prod protects its network");
    });

    it("updates every tagged resource in place for a new tag", async () => {
        const { changes } = await review("dev", (c) => { c.tags.team = "platform"; });
        assert.ok(changes.length >= 5, actions(changes).join(", "));
        for (const change of changes) {
            assert.equal(change.action, "update", change.name);
            assert.ok(change.properties.every((p) => /(^|\.)tags\.team$/.test(p)), `${change.name}: ${change.properties.join(", ")}`);
        }
        for (const name of ["rg", "network-vnet", "network-routes", "control-plane-identity", "cluster-aks"]) byName(changes, name);
    });

    it("says where a route's traffic goes now", async () => {
        const { changes } = await review("prod", (c) => { c.network.routes[0].nextHopIpAddress = "172.20.0.5"; });
        assert.deepEqual(actions(changes), ["update network-route-egress-firewall"]);
        assert.deepEqual(byName(changes, "network-route-egress-firewall").impact, ["traffic to 0.0.0.0/0 goes to VirtualAppliance 172.20.0.5 instead of VirtualAppliance 172.20.0.4"]);
    });

    it("creates an added namespace and deletes a removed one with its objects", async () => {
        const { changes } = await review("prod", (c) => {
            c.namespaces = c.namespaces.filter((ns: Sections) => ns.name !== "ingress");
            c.namespaces.push({ name: "team-b", podSecurity: "restricted" });
        });
        assert.deepEqual(actions(changes), ["create bootstrap-team-b", "delete bootstrap-ingress"]);
        assert.deepEqual(byName(changes, "bootstrap-ingress").impact, ["namespace ingress is deleted, with every object in it"]);
    });

    it("replaces a grant whose principal changes delete-first, and says the principal is without it meanwhile", async () => {
        // staging bootstrapping through the Kubernetes API, where the deployer has its grant.
        const base = await variant("staging", throughKubernetes);
        const { changes } = planChanges(base, await variant("staging", (c) => { throughKubernetes(c); c.cluster.aad.deployer.objectId = "7c2e3d4f-8091-4ab2-c3d4-e5f6a7b8c9d0"; }));
        const grant = byName(changes, "cluster-deployer-cluster-admin");
        assert.equal(grant.action, "replace");
        assert.equal(grant.replaceOrder, "delete-before-create", "Azure allows one assignment per scope, principal and role");
        assert.deepEqual(grant.forcedBy, ["principalId", "roleAssignmentName"]);
        assert.match(grant.impact[0], /^Azure Kubernetes Service RBAC Cluster Admin on aks-staging is removed before its replacement exists/);
    });

    it("grants the new role before removing the old one when the network role changes", async () => {
        const { changes } = await review("dev", (c) => { c.identity.networkRole = "leastPrivilege"; });
        assert.deepEqual(actions(changes), [
            "create control-plane-kubenet-network-role",
            "create control-plane-kubenet-network-route-table",
            "create control-plane-kubenet-network-vnet",
            "delete control-plane-network-contributor-route-table",
            "delete control-plane-network-contributor-vnet",
        ]);
    });

    it("renders the changes most dangerous first, with a graph of what they depend on", async () => {
        const base = await synthShipped("dev");
        const head = await variant("dev", (c) => { c.cluster.podCidr = "10.245.0.0/16"; c.tags.team = "platform"; });
        const text = renderReview(planChanges(base, head), { stack: "dev", base: "main", head: "branch" }, [...head.resources, ...base.resources]);
        assert.ok(text.indexOf("#### Refused: pulumi up fails here") < text.indexOf("#### Updated in place"));
        assert.match(text, /^### `pulumi up` on dev: main → branch\n\n\*\*1 blocked, 0 deleted, 0 replaced, \d+ updated, 0 created\*\*/);
        assert.match(text, /```mermaid\ngraph LR\n/);
        assert.match(text, /\["containerservice:ManagedCluster cluster-aks<br\/>blocked"\]:::blocked/);
    });
});

describe("review: a report that fits a pull-request comment", () => {
    /** dev with many changes: every pool-free tag changed, and the pod CIDR (a blocked cluster). */
    async function busy() {
        const base = await synthShipped("prod");
        const head = await variant("prod", (c) => { c.tags.team = "platform"; c.cluster.podCidr = "100.66.0.0/16"; });
        const review = planChanges(base, head);
        return { review, resources: [...head.resources, ...base.resources] };
    }
    const sides = { stack: "prod", base: "main", head: "branch" };

    it("drops the graph first, then the least dangerous rows, and says how many it left out", async () => {
        const { review, resources } = await busy();
        const full = renderReview(review, sides, resources);
        assert.ok(review.changes.length > 5 && review.changes[0].action === "blocked");
        const noGraph = renderReview(review, sides, resources, full.length - 1);
        assert.doesNotMatch(noGraph, /```mermaid/);
        assert.match(noGraph, /The dependency graph is left out for length/);
        // Short of the whole by a few rows: the last rows go, the first stays.
        const limit = noGraph.length - 300;
        const small = renderReview(review, sides, resources, limit);
        assert.ok(small.length <= limit, `${small.length} characters`);
        assert.match(small, /cluster-aks/, "the blocked cluster, read first, is kept");
        const shownRows = small.split("\n").filter((line) => line.startsWith("| `")).length;
        const left = Number(/\*(\d+) more change\(s\) not shown here \(/.exec(small)![1]);
        assert.equal(shownRows + left, review.changes.length, "every change is either shown or counted");
    });

    it("puts a summary line per stack first and keeps every stack's section within its share", async () => {
        const { review, resources } = await busy();
        const reviews: StackReview[] = [
            { stack: "dev", review: { changes: [], summary: { blocked: 0, delete: 0, replace: 0, update: 0, create: 0 }, protectionRemoved: [] }, sides: { ...sides, stack: "dev" }, resources: [] },
            { stack: "prod", review, sides, resources },
            { stack: "staging", failure: "base main is invalid:\ncluster.podCidr: 172.30.0.0/16 overlaps 172.30.0.0/16, a range AKS reserves" },
        ];
        const text = renderStackReviews(reviews, "## Offline review: main → branch", 3000);
        assert.ok(text.length <= 3000, `${text.length} characters`);
        const summary = text.slice(0, text.indexOf("### "));
        assert.match(summary, /\| dev \| 0 blocked, 0 deleted, 0 replaced, 0 updated, 0 created \|/);
        assert.match(summary, new RegExp(`\\| prod \\| 1 blocked, 0 deleted, 0 replaced, ${review.summary.update} updated, 0 created \\|`));
        assert.match(summary, /\| staging \| \*\*not reviewed\*\*: base main is invalid: \|/);
        for (const heading of ["### `pulumi up` on dev", "### `pulumi up` on prod", "### staging: not reviewed"]) assert.ok(text.includes(heading), heading);
        assert.match(text, /cluster\.podCidr: 172\.30\.0\.0\/16 overlaps/, "the short failure is whole, after the long prod section");
    });
});

describe("review: the replacement rules", () => {
    it("were read for the provider versions package-lock.json installs", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const lock = require("../../package-lock.json") as { packages: Record<string, { version: string }> };
        for (const [name, version] of Object.entries(REPLACEMENT_TABLE_VERSIONS)) {
            assert.equal(lock.packages[`node_modules/${name}`].version, version, `${name} moved: read its replace-on-change properties again (infra/review/replacements.ts)`);
        }
    });

    it("know every resource type the shipped stacks declare", async () => {
        for (const stack of ["dev", "staging", "prod"]) {
            for (const resource of (await synthShipped(stack)).resources) {
                if (resource.type === "pulumi:pulumi:Stack" || resource.type.startsWith("aks-kubenet:")) continue;
                assert.ok(replacementRuleFor(resource.type).replaceOn.length > 0, resource.type);
            }
        }
        assert.throws(() => replacementRuleFor("azure-native:web:WebApp"), /knows no replacement rules for azure-native:web:WebApp/);
    });
});

describe("review command", () => {
    const run = async (args: string[]) => {
        let stdout = "";
        let stderr = "";
        const status = await runCommand(reviewCommand, args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
        return { status, stdout, stderr };
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-kubenet-review-"));
    const write = (name: string, text: string) => {
        fs.writeFileSync(path.join(dir, name), text);
        return path.join(dir, name);
    };
    const dev = fs.readFileSync(stackFile("dev"), "utf8");

    it("gates a merge with --fail-on, exit 1 naming the changes", async () => {
        const head = write("pods.yaml", dev.replace("podCidr: 10.244.0.0/16", "podCidr: 10.245.0.0/16"));
        const gated = await run(["--stack", "dev", "--base-config", stackFile("dev"), "--head-config", head, "--fail-on", "blocked,delete", "--json"]);
        assert.equal(gated.status, 1);
        assert.equal(gated.stderr, "--fail-on: 1 change(s) of blocked: cluster-aks\n");
        const report = JSON.parse(gated.stdout);
        assert.deepEqual(Object.keys(report), ["stack", "base", "head", "changes", "summary", "protectionRemoved"]);
        assert.deepEqual(report.changes.map((c: Change) => [c.action, c.name]), [["blocked", "cluster-aks"]]);
        const passes = await run(["--stack", "dev", "--base-config", stackFile("dev"), "--head-config", head, "--fail-on", "delete"]);
        assert.equal(passes.status, 0);
    });

    it("reports an invalid side with its key paths and which side it is", async () => {
        const head = write("bad.yaml", dev.replace("maxPods: 110", "maxPods: 300"));
        const result = await run(["--stack", "dev", "--base-config", stackFile("dev"), "--head-config", head]);
        assert.equal(result.status, 1);
        assert.equal(result.stderr, `head ${head} is invalid:\ncluster.nodePools[0].maxPods: 300 is out of range: max pods per node must be a whole number from 10 to 250\n`);
    });

    it("answers usage mistakes with exit 2", async () => {
        assert.equal((await run(["--stack", "dev"])).status, 2, "no sides");
        assert.equal((await run(["--stack", "dev", "--base-config", stackFile("dev")])).status, 2, "one file");
        const unknown = await run(["--stack", "dev", "--base-config", stackFile("dev"), "--head-config", stackFile("dev"), "--fail-on", "replaced"]);
        assert.deepEqual([unknown.status, unknown.stderr.split("\n")[0]], [2, "--fail-on: replaced is not one of blocked, delete, replace, update, create"]);
        assert.equal((await run(["--stack", "dev", "--base", "no-such-ref-anywhere"])).status, 2);
    });

});

describe("review command over every stack", () => {
    it("refuses --all-stacks with stack files, and --whole without --max-chars", async () => {
        const run = (args: string[]) => runCommand(reviewCommand, args, { out: () => undefined, err: () => undefined });
        assert.equal(await run(["--all-stacks", "--base-config", stackFile("dev"), "--head-config", stackFile("dev")]), 2);
        assert.equal(await run(["--all-stacks", "--stack", "dev", "--base", "HEAD"]), 2);
        assert.equal(await run(["--stack", "dev", "--base-config", stackFile("dev"), "--head-config", stackFile("dev"), "--whole", "x.md"]), 2);
        assert.equal(await run(["--stack", "dev", "--base-config", stackFile("dev"), "--head-config", stackFile("dev"), "--max-chars", "0"]), 2);
    });
});

describe("review in the README", () => {
    it("shows the report the command prints for its example pair", async () => {
        const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
        const block = /````markdown\n([\s\S]*?)````/.exec(readme);
        assert.ok(block, "the README has a review report");
        const command = /npm run --silent review -- (--stack staging --base-config \S+ --head-config \S+)/.exec(readme)![1].split(" ");
        let stdout = "";
        const saved = process.env.INIT_CWD;
        process.env.INIT_CWD = ROOT;
        try {
            assert.equal(await runCommand(reviewCommand, command, { out: (t) => (stdout += t), err: () => undefined }), 0);
        } finally {
            if (saved === undefined) delete process.env.INIT_CWD;
            else process.env.INIT_CWD = saved;
        }
        assert.equal(block[1], stdout);
    });
});
