import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes/provider";
import * as resources from "@pulumi/azure-native/resources";
import { NamespaceBootstrap } from "../../components/bootstrap";
import { planChanges } from "../../infra/review/plan";
import { renderReview } from "../../infra/review/render";
import { runningClusterOf } from "../../infra/review/running-cluster";
import { previewRefusals } from "../../infra/synth/preview-refusals";
import { SynthOutput } from "../../infra/synth/synthesize";
import { SHIPPED_DAY, synthShipped, throughKubernetes } from "./fixtures";
import { actions, byName, declared, variant, variantWithModel } from "./review-fixtures";

/*
 * The engine's rules, each expected action derived from the rule it cites, never from the
 * review's output. The engine: pulumi/pulumi v3.248.0 (pkg/resource/deploy/deployment.go,
 * generateURN; pkg/resource/deploy/step_generator.go, getOldResource, generateAliases,
 * generateStepsFromDiff, calculateDependentReplacements); azure-native's diff
 * (provider/pkg/provider/diff.go, calculateChangesAndReplacements); pulumi-kubernetes'
 * DiffConfig; and the program's own checks against the running cluster
 * (components/cluster/upgrades/live-checks.ts).
 */

const TEAM_A = { name: "team-a", podSecurity: "restricted" as const, quota: { requestsCpu: "1", requestsMemory: "1Gi", limitsCpu: "2", limitsMemory: "2Gi" }, defaultDenyIngress: true, admins: ["8c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"] };

/** A namespace bootstrap on its own provider, declared with the options given. */
function bootstrapProgram(options: { parent?: boolean; name?: string; aliases?: pulumi.Input<pulumi.Alias | string>[] } = {}) {
    return () => {
        const kubernetes = new k8s.Provider("kubernetes", { kubeconfig: "apiVersion: v1", clusterIdentifier: "cluster-id" });
        const platform = options.parent ? new pulumi.ComponentResource("aks-kubenet:index:Platform", "platform") : undefined;
        new NamespaceBootstrap(options.name ?? "bootstrap", { namespaces: [TEAM_A] }, { providers: { kubernetes }, parent: platform, aliases: options.aliases });
    };
}

/** The Kubernetes objects a bootstrap declares (its custom children), by logical name. */
const objectsOf = (output: Awaited<ReturnType<typeof declared>>) => output.resources.filter((r) => r.type.startsWith("kubernetes:")).map((r) => r.name).sort();

describe("review by the engine's rules: URNs and aliases", () => {
    it("sees a component given a parent as the engine does: every object it made deleted and created again", async () => {
        const base = await declared(bootstrapProgram());
        const head = await declared(bootstrapProgram({ parent: true }));
        // generateURN: a child's URN carries its parent's whole type chain, so each object of the
        // re-parented component has a new URN, and without an alias the engine finds no old one.
        const objects = objectsOf(base);
        assert.ok(objects.includes("bootstrap-team-a") && objects.length >= 5, objects.join(", "));
        const { changes } = planChanges(base, head);
        assert.deepEqual(actions(changes), [...objects.map((name) => `create ${name}`), ...objects.map((name) => `delete ${name}`)].sort());
        assert.match(byName(changes.filter((c) => c.action === "delete"), "bootstrap-team-a").impact[0], /^namespace team-a is deleted, with every object in it$/);
    });

    it("continues a component re-parented with an alias, and all its children through it", async () => {
        const base = await declared(bootstrapProgram());
        // { parent: rootStackResource } is noParent (resource.js): the old URN had no parent type
        // (collapseAliasToUrn); each child inherits the parent's alias (inheritedChildAlias).
        const head = await declared(bootstrapProgram({ parent: true, aliases: [{ parent: pulumi.rootStackResource }] }));
        assert.deepEqual(planChanges(base, head).changes, []);
    });

    it("continues a component renamed with an alias, and its children whose names carry its name", async () => {
        const base = await declared(bootstrapProgram());
        const head = await declared(bootstrapProgram({ name: "namespaces", aliases: [{ name: "bootstrap" }] }));
        assert.ok(objectsOf(head).every((name) => name.startsWith("namespaces-")), "the children are renamed with it");
        // inheritedChildAlias: a child named '<parent>-...' answers to '<old parent name>-...'.
        assert.deepEqual(planChanges(base, head).changes, []);
    });

    it("continues a protected resource moved by an alias that only changes its parent: no deletion to refuse", async () => {
        const group = (moved: boolean) => () => {
            const parent = moved ? new pulumi.ComponentResource("aks-kubenet:index:Platform", "platform") : undefined;
            new resources.ResourceGroup("rg", { resourceGroupName: "rg-aks" }, { parent, protect: true, aliases: moved ? [{ parent: pulumi.rootStackResource }] : [] });
        };
        const { changes } = planChanges(await declared(group(false)), await declared(group(true)));
        assert.deepEqual(changes, [], "collapseAliasToUrn takes the alias's parent; name and type stay the resource's");
        const withoutAlias = planChanges(await declared(group(false)), await declared(() => {
            new resources.ResourceGroup("rg", { resourceGroupName: "rg-aks" }, { parent: new pulumi.ComponentResource("aks-kubenet:index:Platform", "platform"), protect: true });
        }));
        // The engine refuses to delete the protected old one (DeleteStep.Apply), and the new one,
        // the same Azure resource group, is created before any deletion: azure-native refuses to
        // create what exists (azureCanCreate). Both say to alias it.
        const [created, deleted] = [...withoutAlias.changes].sort((a, b) => b.urn.length - a.urn.length);
        assert.deepEqual([created.action, deleted.action], ["blocked", "blocked"]);
        assert.match(deleted.todo!, /^if rg is this resource renamed or moved, give it an alias to urn:pulumi:review::aks-kubenet::azure-native:resources:ResourceGroup::rg/);
        assert.match(created.refusedBecause![0], /^azure-native refuses to create it: rg of the base is the same Azure resource/);
        assert.match(created.todo!, /^give it an alias to urn:pulumi:review::aks-kubenet::azure-native:resources:ResourceGroup::rg /);
    });
});

describe("review by the engine's rules: a base synthesized by an older version", () => {
    /**
     * A synth output as synth recorded it before it took the engine's URNs: the SDK's mock
     * monitor's (runtime/mocks.js, newUrn: the parent's last type, the stack's type at the top),
     * without property dependencies or computed values.
     */
    function asOlderSynth(output: SynthOutput): SynthOutput {
        const mockUrns = new Map<string, string>();
        for (const r of output.resources) {
            const parentType = r.parent ? mockUrns.get(r.parent)!.split("::")[2].split("$").pop() : undefined;
            const { stack, project } = { stack: r.urn.split("::")[0].replace("urn:pulumi:", ""), project: r.urn.split("::")[1] };
            mockUrns.set(r.urn, `urn:pulumi:${stack}::${project}::${parentType ? `${parentType}$` : ""}${r.type}::${r.name}`);
        }
        const urn = (value: string) => mockUrns.get(value) ?? value;
        return {
            ...output,
            resources: output.resources.map(({ propertyDependencies: _p, computed: _c, ...r }) => ({
                ...r, urn: urn(r.urn), parent: r.parent && urn(r.parent), dependencies: r.dependencies.map(urn),
                ...(r.provider ? { provider: r.provider.replace(/^(.*)::([^:]*)$/, (_, ref: string, id: string) => `${urn(ref)}::${id}`) } : {}),
                aliases: r.aliases.map((alias) => (alias.parentUrn ? { ...alias, parentUrn: urn(alias.parentUrn) } : alias)),
            }) as SynthOutput["resources"][number]),
        };
    }

    it("compares like with like: the engine's URNs rebuilt, the head's property dependencies standing in", async () => {
        // prod bootstrapping through the Kubernetes API, so the provider and its objects are there.
        const current = await variant("prod", throughKubernetes);
        const base = asOlderSynth(current);
        assert.ok(base.resources.some((r) => r.urn.includes("::pulumi:pulumi:Stack$")), "the older URNs");
        assert.deepEqual(planChanges(base, current).changes, []);
        // The cluster rebuilt still takes its dependents, found through the head's property dependencies.
        const head = await variant("prod", (c) => { throughKubernetes(c); c.cluster.podCidr = "100.66.0.0/16"; c.cluster.allowReplacement = true; });
        const withCluster = planChanges(base, head).changes.filter((c) => c.replacedWith === "cluster-aks").map((c) => c.name);
        assert.ok(withCluster.includes("cluster-pool-apps") && withCluster.includes("kubernetes") && withCluster.includes("bootstrap-team-a"), withCluster.join(", "));
    });
});

describe("review by the engine's rules: protection", () => {
    it("replaces the cluster when the change itself turns its protection off: the most dangerous change, said first", async () => {
        const base = await synthShipped("prod");
        const head = await variant("prod", (c) => { c.cluster.podCidr = "100.66.0.0/16"; c.cluster.allowReplacement = true; });
        const review = planChanges(base, head);
        // generateStepsFromDiff refuses only when new.Protect && old.Protect; allowReplacement
        // takes the cluster's protect off in the head, so podCidr (forceNew, #4771) replaces it,
        // delete-first (the program's deleteBeforeReplace: the name stays).
        const cluster = byName(review.changes, "cluster-aks");
        assert.deepEqual([cluster.action, cluster.replaceOrder, cluster.forcedBy], ["replace", "delete-before-create", ["networkProfile.podCidr"]]);
        assert.equal(review.changes[0], cluster, "the cluster comes first");
        assert.deepEqual(review.protectionRemoved.map((r) => r.name), ["cluster-aks"]);
        const text = renderReview(review, { stack: "prod", base: "main", head: "branch" }, [...head.resources, ...base.resources]);
        assert.match(text, /> \[!CAUTION\]\n> \*\*pulumi up deletes the cluster cluster-aks and creates it again\*\*/);
        assert.ok(text.indexOf("[!CAUTION]") < text.indexOf("#### Replaced"), "before every table");
        assert.match(text, /\*\*Protection removed\*\* from `containerservice:ManagedCluster` cluster-aks/);
    });

    it("takes with a delete-first replacement of the cluster every dependent whose provider then replaces it", async () => {
        // prod bootstrapping through the Kubernetes API: its provider is the cluster's dependent.
        const base = await variant("prod", throughKubernetes);
        const head = await variant("prod", (c) => { throughKubernetes(c); c.cluster.podCidr = "100.66.0.0/16"; c.cluster.allowReplacement = true; });
        const { changes } = planChanges(base, head);
        const withCluster = changes.filter((c) => c.replacedWith === "cluster-aks");
        // calculateDependentReplacements: inputs that come from the cluster become unknown. URL
        // path properties replace (azure-native diff.go: every `path` parameter is a replace key):
        // an AgentPool's and a MaintenanceConfiguration's resourceName, an association's and a
        // diagnostic setting's resourceUri, a role assignment's scope. The Kubernetes provider's
        // clusterIdentifier becomes unknown: DiffConfig replaces it, and with it every object it
        // manages ("If the resource's provider is in the replace set, we must replace this resource").
        const expected = [
            ...base.resources.filter((r) => ["azure-native:containerservice:AgentPool", "azure-native:containerservice:MaintenanceConfiguration", "azure-native:monitor:DataCollectionRuleAssociation", "azure-native:monitor:DiagnosticSetting"].includes(r.type)),
            ...base.resources.filter((r) => r.type === "azure-native:authorization:RoleAssignment" && String(r.inputs.scope).includes("managedClusters")),
            ...base.resources.filter((r) => r.type === "pulumi:providers:kubernetes" || r.type.startsWith("kubernetes:")),
        ].map((r) => r.name).sort();
        assert.ok(expected.length >= 15, expected.join(", "));
        assert.deepEqual(withCluster.map((c) => c.name).sort(), expected);
        for (const change of withCluster) assert.deepEqual([change.action, change.replaceOrder], ["replace", "delete-before-create"], change.name);
        assert.deepEqual(byName(changes, "bootstrap-team-a").forcedBy, ["provider"]);
        assert.match(byName(changes, "cluster-pool-apps").impact.at(-1)!, /^is replaced because cluster-aks is replaced delete-first: the engine deletes it before cluster-aks and creates it again after \(its resourceName comes from cluster-aks\)$/);
    });

    it("refuses to rename the resource group when a dependent the state protects would be replaced with it", async () => {
        const base = await synthShipped("dev");
        const head = await variant("dev", (c) => { c.resourceGroupName = "rg-aks-dev2"; c.cluster.allowReplacement = true; });
        const { changes } = planChanges(base, head);
        // The resource group's name is its URL path: replaced, delete-first (azure-native deletes
        // first what the program names). Its dependents' resourceGroupName becomes unknown; the
        // cluster is one, and the engine checks the *state's* protection of a dependent ("unable to
        // replace resource ... as part of replacing ... as it is currently marked for protection"):
        // allowReplacement in the same change doesn't reach the state in time.
        const rg = byName(changes, "rg");
        assert.equal(rg.action, "blocked");
        assert.match(rg.refusedBecause![0], /^replacing it deletes cluster-aks first \(it depends on it\), and the state protects cluster-aks$/);
        assert.match(rg.todo!, /^for cluster-aks: set cluster\.allowReplacement: true and run pulumi up first/);
        assert.equal(byName(changes, "cluster-aks").action, "blocked");
        assert.equal(byName(changes, "cluster-aks").replacedWith, "rg");
    });

    it("replaces every dependent of the renamed resource group once nothing it takes is protected", async () => {
        const base = await variant("dev", (c) => { c.cluster.allowReplacement = true; });
        const head = await variant("dev", (c) => { c.resourceGroupName = "rg-aks-dev2"; c.cluster.allowReplacement = true; });
        const { changes } = planChanges(base, head);
        assert.deepEqual([byName(changes, "rg").action, byName(changes, "rg").replaceOrder], ["replace", "delete-before-create"]);
        // Every Azure resource whose resourceGroupName comes from the group (a URL path property).
        const inGroup = base.resources.filter((r) => r.propertyDependencies.resourceGroupName?.some((urn) => urn.endsWith("::rg"))).map((r) => r.name);
        assert.ok(inGroup.length >= 5, inGroup.join(", "));
        for (const name of inGroup) assert.deepEqual([byName(changes, name).action, byName(changes, name).replaceOrder, byName(changes, name).replacedWith], ["replace", "delete-before-create", "rg"], name);
    });
});

describe("review by azure-native's diff rules", () => {
    it("updates, not replaces, a cluster whose nodeResourceGroup is set to the name AKS chose", async () => {
        const base = await synthShipped("dev");
        // AKS names the node resource group MC_<group>_<cluster>_<region> (kubenet-facts), which
        // the program didn't set: the ADD_REPLACE case of calculateChangesAndReplacements ("If the
        // output contains this property and it's X, that's not a replacement").
        const same = planChanges(base, await variant("dev", (c) => { c.cluster.nodeResourceGroup = "MC_rg-aks-dev_aks-dev_koreacentral"; }));
        assert.deepEqual(actions(same.changes), ["update cluster-aks"]);
        assert.equal(byName(same.changes, "cluster-aks").forcedBy, undefined);
        // Another name is a forceNew change: a replacement, which the protected cluster refuses.
        const other = planChanges(base, await variant("dev", (c) => { c.cluster.nodeResourceGroup = "rg-aks-dev-nodes"; }));
        assert.deepEqual([byName(other.changes, "cluster-aks").action, byName(other.changes, "cluster-aks").forcedBy], ["blocked", ["nodeResourceGroup"]]);
    });

    it("takes a forceNew property the program stops setting as no opinion, not a replacement", async () => {
        // prod sets nodeResourceGroup; leaving it out is a DELETE, not a DELETE_REPLACE (#4785, #4789).
        const { changes } = planChanges(await synthShipped("prod"), await variant("prod", (c) => { delete c.cluster.nodeResourceGroup; }));
        assert.deepEqual([byName(changes, "cluster-aks").action, byName(changes, "cluster-aks").properties], ["update", ["nodeResourceGroup"]]);
    });
});

describe("review: what the program refuses at preview", () => {
    /** The head's checks against the base's cluster as the running one, as the review runs them. */
    async function refusedChanges(stack: string, edit: Parameters<typeof variant>[1]) {
        const base = await synthShipped(stack);
        const head = await variantWithModel(stack, edit);
        const refusals = previewRefusals(head.model, runningClusterOf(base)!, SHIPPED_DAY);
        return { refusals, review: planChanges(base, head.output, { refusals }) };
    }

    it("refuses a new VM size for the default pool, which AKS fixed at creation", async () => {
        const { refusals, review } = await refusedChanges("staging", (c) => { c.cluster.nodePools[0].vmSize = "Standard_D4s_v5"; });
        // live-checks.ts, defaultPoolProblems: a create-only setting of the default pool differs
        // from what the running pool was created with.
        assert.deepEqual(refusals.map((line) => line.split(":")[0]), ["cluster.nodePools[0].vmSize"]);
        const cluster = byName(review.changes, "cluster-aks");
        assert.equal(cluster.action, "blocked");
        assert.deepEqual(cluster.refusedBecause, refusals.map((line) => `the program refuses it against the running cluster: ${line}`));
    });

    it("refuses a version below the running one, and an upgrade that leaves out a running pool", async () => {
        const down = await refusedChanges("staging", (c) => { c.cluster.kubernetesVersion = "1.35"; });
        assert.match(down.refusals.join("\n"), /^cluster\.kubernetesVersion: "1\.35" is below the version the cluster runs, 1\.36/);
        assert.equal(byName(down.review.changes, "cluster-aks").action, "blocked");
        // The running cluster has pool "apps"; an upgrade must name every pool (versionProblems).
        const dropped = await refusedChanges("staging", (c) => { c.cluster.kubernetesVersion = "1.37"; c.cluster.nodePools.splice(1, 1); });
        assert.match(dropped.refusals.join("\n"), /^cluster\.kubernetesVersion: the upgrade to 1\.37 must name every pool of the cluster, and apps[a-z0-9]{4} is no longer in nodePools/);
    });

    it("takes no dependents with a cluster the program refuses: the program stops before the cluster is sent", async () => {
        const { review } = await refusedChanges("staging", (c) => {
            c.cluster.nodePools[0].vmSize = "Standard_D4s_v5";
            c.cluster.podCidr = "10.245.0.0/16";
            c.cluster.allowReplacement = true;
        });
        assert.equal(byName(review.changes, "cluster-aks").action, "blocked");
        assert.deepEqual(review.changes.filter((c) => c.replacedWith !== undefined).map((c) => c.name), []);
    });

    it("refuses nothing when the running cluster takes the change", async () => {
        const { refusals, review } = await refusedChanges("staging", (c) => { c.cluster.nodePools[1].maxCount = 8; });
        assert.deepEqual(refusals, []);
        assert.deepEqual(actions(review.changes), ["update cluster-pool-apps"]);
    });
});

describe("review: network changes AKS makes in place", () => {
    /*
     * The cluster component's state migration takes the recorded network profile out before the
     * engine diffs (components/cluster/network-profile/in-place.ts); azure-native then sees an
     * added networkProfile, which is no replacement once the profile itself isn't force-new
     * (pulumi-azure-native#4771: only its leaves are): an update. Microsoft makes each of these
     * changes in place (update-azure-cni.md, use-network-policies.md).
     */
    async function reviewed(base: SynthOutput, stack: string, edit: Parameters<typeof variant>[1]) {
        const head = await variantWithModel(stack, edit);
        const refusals = previewRefusals(head.model, runningClusterOf(base)!, SHIPPED_DAY);
        return { refusals, review: planChanges(base, head.output, { refusals }) };
    }
    const withoutPolicy = (c: Parameters<Parameters<typeof variant>[1]>[0]) => { c.cluster.networkPolicy = "none"; };
    const toOverlay = (c: Parameters<Parameters<typeof variant>[1]>[0]) => {
        withoutPolicy(c);
        Object.assign(c.cluster, { networkPlugin: "azure", networkPluginMode: "overlay", migrateFromKubenet: true });
    };

    it("removes calico in place, the move's first step", async () => {
        const { refusals, review } = await reviewed(await synthShipped("staging"), "staging", withoutPolicy);
        assert.deepEqual(refusals, []);
        const cluster = byName(review.changes, "cluster-aks");
        assert.equal(cluster.action, "update");
        assert.match(cluster.impact[0], /^network policy calico removed in place: every node pool reimaged at once/);
    });

    it("moves the cluster to Azure CNI Overlay in place: an update, never blocked or replaced", async () => {
        const base = await variant("staging", withoutPolicy);
        const { refusals, review } = await reviewed(base, "staging", toOverlay);
        assert.deepEqual(refusals, []);
        const cluster = byName(review.changes, "cluster-aks");
        assert.deepEqual([cluster.action, cluster.forcedBy], ["update", undefined]);
        assert.match(cluster.impact[0], /^an in-place network migration from kubenet to Azure CNI Overlay: one update of the cluster, every node pool reimaged at once/);
        assert.equal(review.summary.replace + review.summary.blocked, 0);
    });

    it("finds nothing to do when migrateFromKubenet goes after the move", async () => {
        // The flag is the program's own and reaches no resource; after the move the state
        // records the Overlay profile the head declares.
        const moved = await variant("staging", toOverlay);
        const { refusals, review } = await reviewed(moved, "staging", (c) => { toOverlay(c); delete c.cluster.migrateFromKubenet; });
        assert.deepEqual(refusals, []);
        assert.deepEqual(review.changes, []);
    });

    it("refuses the move at preview until the stack file says migrateFromKubenet", async () => {
        const base = await variant("staging", withoutPolicy);
        const { refusals, review } = await reviewed(base, "staging", (c) => { toOverlay(c); delete c.cluster.migrateFromKubenet; });
        assert.deepEqual(refusals.map((line) => line.split(":")[0]), ["cluster.migrateFromKubenet"]);
        assert.equal(byName(review.changes, "cluster-aks").action, "blocked");
    });

    it("still refuses what only a new cluster takes, with the move or without", async () => {
        const base = await variant("staging", withoutPolicy);
        const { review } = await reviewed(base, "staging", (c) => { toOverlay(c); c.cluster.serviceCidr = "10.1.0.0/16"; c.cluster.dnsServiceIP = "10.1.0.10"; });
        const cluster = byName(review.changes, "cluster-aks");
        assert.equal(cluster.action, "blocked");
        assert.ok(cluster.forcedBy?.includes("networkProfile.serviceCidr"), JSON.stringify(cluster.forcedBy));
    });
});
