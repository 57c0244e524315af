import { strict as assert } from "node:assert";
import { KubenetClusterArgs, NodePool } from "../../components";
import { LiveCluster } from "../../components/cluster/upgrades/live";
import { agentPoolName } from "../../components/cluster/node-pools/names";
import { isUpgrade, liveClusterProblems } from "../../components/cluster/upgrades/live-checks";
import { clusterArgsPath, clusterPaths } from "../../components/cluster";
import { clusterRequestPools } from "../../components/cluster/node-pools/agent-pools";
import { replacingChanges } from "./declared-diff";
import { SUPPORTED_VERSION, minorAfter } from "./fixtures";
import { declareAgainst, runningClusterOf } from "./running-cluster";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const POOL = "azure-native:containerservice:AgentPool";
const DEC_2026 = new Date("2026-12-01T00:00:00Z");

const system: NodePool = { name: "system", mode: "System", vmSize: "Standard_D4ds_v5", enableAutoScaling: true, minCount: 3, maxCount: 5, availabilityZones: ["1", "2", "3"] };
const apps: NodePool = { name: "apps", mode: "User", enableAutoScaling: true, minCount: 1, maxCount: 10, maxPods: 50 };
const batch: NodePool = { name: "batch", mode: "User", count: 2 };
const args: KubenetClusterArgs = { resourceGroupName: "rg-aks", name: "aks-test", subnetId: "s", identityId: "i", nodePools: [system, apps, batch], kubernetesVersion: "1.36" };

/** The cluster as AKS reports it: every pool, the default pool in the middle of AKS's order. */
const running: LiveCluster = {
    kubernetesVersion: "1.36",
    currentKubernetesVersion: "1.36.4",
    agentPoolProfiles: [
        { name: agentPoolName(apps), vmSize: "Standard_DS2_v2", maxPods: 50, osType: "Linux", currentOrchestratorVersion: "1.36.4" },
        { name: "system", vmSize: "Standard_D4ds_v5", maxPods: 110, osType: "Linux", availabilityZones: ["3", "1", "2"], currentOrchestratorVersion: "1.36.4" },
        { name: agentPoolName(batch), vmSize: "Standard_DS2_v2", maxPods: 110, osType: "Linux", currentOrchestratorVersion: "1.36.4" },
    ],
};

const problems = (changes: Partial<KubenetClusterArgs>, live: LiveCluster | "none" = running) =>
    liveClusterProblems({ ...args, ...changes }, live === "none" ? undefined : live, DEC_2026, clusterArgsPath).map((p) => `${p.path}: ${p.message}`);
const withSystem = (change: Partial<NodePool>) => ({ nodePools: [{ ...system, ...change }, apps, batch] });

describe("components/cluster: what only the running cluster can decide", () => {
    it("finds the default pool by its name wherever AKS lists it, and accepts what AKS has", () => {
        assert.deepEqual(problems({}), []);
        assert.deepEqual(problems({}, { ...running, agentPoolProfiles: [...running.agentPoolProfiles].reverse() }), []);
    });

    it("refuses a change to a setting AKS fixed when it created the default pool, naming the pool's key", () => {
        assert.deepEqual(problems(withSystem({ vmSize: "Standard_D8ds_v5" })), [
            "nodePools[0].vmSize: \"Standard_D8ds_v5\" differs from \"Standard_D4ds_v5\", which the running default pool was created with and AKS can't change in place; keep \"Standard_D4ds_v5\" and add a System pool with the new setting, then retire this one (docs/operations.md, section 8)",
        ]);
        assert.deepEqual(problems(withSystem({ availabilityZones: ["1", "2"] })).map((p) => p.split(": ")[0]), ["nodePools[0].availabilityZones"]);
        assert.deepEqual(problems(withSystem({ maxPods: 60 })).map((p) => p.split(": ")[0]), ["nodePools[0].maxPods"]);
        assert.deepEqual(problems(withSystem({ osSKU: "AzureLinux" })).map((p) => p.split(": ")[0]), ["nodePools[0].osSKU"]);
        assert.deepEqual(problems(withSystem({ enableEncryptionAtHost: true })).map((p) => p.split(": ")[0]), ["nodePools[0].enableEncryptionAtHost"]);
        assert.deepEqual(problems(withSystem({ vmSize: "standard_d4ds_v5" })), [], "AKS compares sizes without case");
    });

    it("names the key under the stack file's section when the program gives its prefix", () => {
        const prefixed = liveClusterProblems({ ...args, ...withSystem({ vmSize: "Standard_D8ds_v5" }) }, running, DEC_2026, clusterPaths("network.", "cluster."));
        assert.deepEqual(prefixed.map((p) => p.path), ["cluster.nodePools[0].vmSize"]);
    });

    it("refuses to rename the pool the cluster was created with", () => {
        assert.deepEqual(problems(withSystem({ name: "system1" })), [
            `nodePools[0].name: "system1" is not a pool of the running cluster (its pools: ${agentPoolName(apps)}, system, ${agentPoolName(batch)}): the pool the cluster was created with stays in the cluster's request for its life and can't be renamed; name it as it is, and set defaultNodePool to it if several pools are System pools`,
        ]);
    });

    it("refuses a version below the running one, which AKS reached by itself or outside Pulumi", () => {
        assert.deepEqual(problems({ kubernetesVersion: "1.35" }), [
            "kubernetesVersion: \"1.35\" is below the version the cluster runs, 1.36.4: AKS doesn't downgrade, and a cluster AKS upgraded by itself (out of support, or an auto-upgrade channel) or that was upgraded outside Pulumi stays there; set \"1.36\"",
        ]);
        assert.deepEqual(problems({ kubernetesVersion: "1.36.2" }).map((p) => p.split(": ")[0]), ["kubernetesVersion"], "a pinned patch below the running one");
        assert.deepEqual(problems({ kubernetesVersion: "1.36" }), [], "the same minor: nothing to do");
    });

    it("upgrades one minor version at a time", () => {
        assert.deepEqual(problems({ kubernetesVersion: "1.38" }), [
            "kubernetesVersion: \"1.38\" is 2 minor versions above the running 1.36.4: AKS upgrades one minor version at a time; set \"1.37\" first, pulumi up, then the next",
        ]);
        assert.deepEqual(problems({ kubernetesVersion: "1.37" }), []);
    });

    it("refuses an upgrade while a pool the stack file no longer declares still runs", () => {
        const leftover = { ...running, agentPoolProfiles: [...running.agentPoolProfiles, { name: "appsold1" }] };
        assert.deepEqual(problems({ kubernetesVersion: "1.37" }, leftover), [
            "kubernetesVersion: the upgrade to 1.37 must name every pool of the cluster, and appsold1 is no longer in nodePools (a rotation or removal not finished, or a pool made outside Pulumi): pulumi up without the version change first, or delete it with az aks nodepool delete, then change kubernetesVersion",
        ]);
        assert.deepEqual(problems({}, leftover), [], "without an upgrade a leftover pool is no concern");
    });

    it("refuses to create a cluster on a version on platform support, and lets an existing one run on it", () => {
        assert.deepEqual(problems({ kubernetesVersion: "1.34" }, "none"), [
            "kubernetesVersion: 1.34 is on AKS platform support, on which AKS creates no cluster: use \"1.35\" or later for the new cluster, or turn on long-term support (skuTier Premium with supportPlan AKSLongTermSupport)",
        ]);
        assert.deepEqual(problems({ kubernetesVersion: "1.34" }, { ...running, currentKubernetesVersion: "1.34.8" }), []);
        assert.deepEqual(problems({ kubernetesVersion: "1.36" }, "none"), []);
    });
});

describe("components/cluster: versions against the running cluster, at their edges", () => {
    const on = (running: string | undefined, current?: string): LiveCluster => ({ ...liveWith(), kubernetesVersion: running, currentKubernetesVersion: current });
    function liveWith(): LiveCluster {
        return { agentPoolProfiles: running.agentPoolProfiles };
    }

    it("compares majors, minors and, for a pinned patch, patches", () => {
        assert.equal(isUpgrade({ kubernetesVersion: "2.0" }, on("1.36", "1.36.4")), true, "a new major");
        assert.equal(isUpgrade({ kubernetesVersion: "1.36.5" }, on("1.36", "1.36.4")), true, "a new patch, pinned");
        assert.equal(isUpgrade({ kubernetesVersion: "1.36.4" }, on("1.36", "1.36.4")), false);
        assert.equal(isUpgrade({ kubernetesVersion: "1.36.1" }, on("1.36")), true, "AKS reports no patch: 1.36 counts as 1.36.0");
        assert.equal(isUpgrade({ kubernetesVersion: "1.37" }, on(undefined)), false, "a cluster that reports no version");
        assert.equal(isUpgrade({ kubernetesVersion: undefined }, on("1.36")), false);
        assert.equal(isUpgrade({ kubernetesVersion: "1.37" }, undefined), false);
    });

    it("refuses a downgrade across majors and accepts a new major, reading the current version before the requested one", () => {
        assert.deepEqual(problems({ kubernetesVersion: "1.36" }, on("2.0", "2.0.1")).map((p) => p.split(": ")[0]), ["kubernetesVersion"]);
        assert.deepEqual(problems({ kubernetesVersion: "2.0" }, on("1.36", "1.36.4")), [], "one step up a major is not minors skipped");
        assert.deepEqual(problems({ kubernetesVersion: "1.36" }, on("1.35", "1.36.2")), [], "AKS moved it to 1.36 already: no upgrade, no downgrade");
        assert.deepEqual(problems({ kubernetesVersion: undefined }, on("1.36", "1.36.4")), []);
        assert.deepEqual(problems({ kubernetesVersion: "1.37" }, on(undefined)), [], "nothing to compare with");
    });

    it("names several pools left behind", () => {
        const leftovers = { ...running, agentPoolProfiles: [...running.agentPoolProfiles, { name: "appsold1" }, { name: "appsold2" }] };
        assert.deepEqual(problems({ kubernetesVersion: "1.37" }, leftovers), [
            "kubernetesVersion: the upgrade to 1.37 must name every pool of the cluster, and appsold1, appsold2 are no longer in nodePools (a rotation or removal not finished, or a pool made outside Pulumi): pulumi up without the version change first, or delete them with az aks nodepool delete, then change kubernetesVersion",
        ]);
    });

    it("reads AKS's spelling of the default pool's settings: no zones as none, host encryption off as unset, any case", () => {
        const plain: NodePool = { name: "system", mode: "System", count: 2, vmSize: "Standard_DS2_v2" };
        const live: LiveCluster = { kubernetesVersion: "1.36", agentPoolProfiles: [{ name: "SYSTEM", vmSize: "standard_ds2_v2", osType: "Linux", maxPods: 110, osSKU: "Ubuntu" }] };
        const check = (pool: NodePool) => liveClusterProblems({ ...args, nodePools: [pool] }, live, DEC_2026, clusterArgsPath).map((p) => `${p.path}: ${p.message}`);
        assert.deepEqual(check(plain), [], "zones unset on both sides, the OS SKU left to AKS, names and sizes in another case");
        assert.deepEqual(check({ ...plain, enableEncryptionAtHost: false }), []);
        assert.deepEqual(check({ ...plain, availabilityZones: ["2", "1"] }), [
            "nodePools[0].availabilityZones: zones [1, 2] differs from zones [], which the running default pool was created with and AKS can't change in place; keep zones [] and add a System pool with the new setting, then retire this one (docs/operations.md, section 8)",
        ]);
        assert.deepEqual(check({ ...plain, osDiskSizeGB: 128 }), [
            "nodePools[0].osDiskSizeGB: 128 differs from null, which the running default pool was created with and AKS can't change in place; keep null and add a System pool with the new setting, then retire this one (docs/operations.md, section 8)",
        ]);
    });

    it("judges nothing when the default pool can't be told", () => {
        const twoSystems = { ...args, nodePools: [system, { ...system, name: "system2" }] };
        assert.deepEqual(liveClusterProblems(twoSystems, running, DEC_2026, clusterArgsPath), []);
    });

    it("lets long-term support create a cluster on a version out of community support, and names the next minor to create on", () => {
        assert.deepEqual(problems({ kubernetesVersion: "1.34", supportPlan: "AKSLongTermSupport", skuTier: "Premium" }, "none"), []);
        const at = (day: string) => liveClusterProblems({ ...args, kubernetesVersion: "1.29" }, undefined, new Date(day), clusterArgsPath).map((p) => p.message);
        assert.deepEqual(at("2025-05-01T00:00:00Z"), [
            "1.29 is on AKS platform support, on which AKS creates no cluster: use \"1.30\" or later for the new cluster, or turn on long-term support (skuTier Premium with supportPlan AKSLongTermSupport)",
        ]);
    });
});

describe("components/cluster: the pools of the cluster's own request", () => {
    it("names the default pool alone when nothing is upgraded, and sends no count for an autoscaled pool", () => {
        const pools = clusterRequestPools(args, running, "s");
        assert.deepEqual(pools.map((p) => [p.name, p.orchestratorVersion, p.count]), [["system", "1.36", undefined]]);
        assert.deepEqual(clusterRequestPools(args, undefined, "s").map((p) => p.name), ["system"], "a cluster not yet created");
        assert.equal(isUpgrade(args, running), false);
    });

    it("names every pool at the new version, in AKS's order, for an upgrade, as az aks upgrade does", () => {
        const upgrade = { ...args, kubernetesVersion: "1.37" };
        assert.equal(isUpgrade(upgrade, running), true);
        const pools = clusterRequestPools(upgrade, running, "s");
        assert.deepEqual(pools.map((p) => [p.name, p.orchestratorVersion]), running.agentPoolProfiles.map((p) => [p.name, "1.37"]));
        assert.deepEqual(pools.map((p) => p.count), [undefined, undefined, 2], "each pool with its own settings: only batch has a fixed count");
        assert.deepEqual(pools.map((p) => p.maxPods), [50, 110, 110]);
    });
});

describe("components/cluster: against a running cluster, end to end", () => {
    it("declares no lifecycle option on a pool's position, and survives a refresh that stored every pool in AKS's order", async () => {
        const { engine: first } = await declareAgainst(undefined, { nodePools: [system, apps, batch], kubernetesVersion: SUPPORTED_VERSION });
        const live = runningClusterOf(first);
        const { engine, error } = await declareAgainst(live, { nodePools: [system, apps, batch], kubernetesVersion: SUPPORTED_VERSION });
        assert.equal(error, undefined);
        const cluster = engine.one(CLUSTER);
        for (const option of [...cluster.ignoreChanges, ...cluster.replaceOnChanges]) assert.ok(!option.startsWith("agentPoolProfiles"), option);
        // What `pulumi refresh` stores as the cluster's inputs: every pool, in AKS's order.
        const refreshed = { ...first.one(CLUSTER), inputs: { ...first.one(CLUSTER).inputs, agentPoolProfiles: live.agentPoolProfiles } };
        assert.deepEqual(replacingChanges(refreshed, cluster), [], "no replacement of the protected cluster after a refresh");
        const request = cluster.inputs.agentPoolProfiles as Record<string, unknown>[];
        assert.deepEqual(request.map((p) => [p.name, p.minCount, p.maxCount, p.count]), [["system", 3, 5, undefined]], "the default pool's own settings, nothing of another pool");
    });

    it("fails the preview on a create-only change to the default pool, naming the argument", async () => {
        const { engine: first } = await declareAgainst(undefined, { nodePools: [system, apps], kubernetesVersion: SUPPORTED_VERSION });
        const { error } = await declareAgainst(runningClusterOf(first), { nodePools: [{ ...system, vmSize: "Standard_D8ds_v5" }, apps], kubernetesVersion: SUPPORTED_VERSION });
        assert.match(String(error?.message), /invalid KubenetCluster arguments:\nnodePools\[0\]\.vmSize: "Standard_D8ds_v5" differs from "Standard_D4ds_v5"/);
    });

    it("upgrades the control plane and every pool with one cluster request, then each AgentPool one at a time", async () => {
        const { engine: first } = await declareAgainst(undefined, { nodePools: [system, apps, batch], kubernetesVersion: SUPPORTED_VERSION });
        const live = runningClusterOf(first);
        const next = minorAfter(SUPPORTED_VERSION);
        const { engine, error } = await declareAgainst(live, { nodePools: [system, apps, batch], kubernetesVersion: next });
        assert.equal(error, undefined);
        const cluster = engine.one(CLUSTER);
        assert.equal(cluster.inputs.kubernetesVersion, next);
        const request = cluster.inputs.agentPoolProfiles as Record<string, unknown>[];
        assert.deepEqual(request.map((p) => [p.name, p.orchestratorVersion]), live.agentPoolProfiles.map((p) => [p.name, next]));
        const [appsPool, batchPool] = ["k-pool-apps", "k-pool-batch"].map((name) => engine.byType(POOL).find((p) => p.name === name)!);
        for (const pool of [appsPool, batchPool]) {
            assert.equal(pool.inputs.orchestratorVersion, next);
            assert.ok(pool.dependencies.includes(cluster.urn), "after the cluster's request");
        }
        assert.ok(batchPool.dependencies.includes(appsPool.urn), "AKS takes one pool operation at a time: batch waits for apps");
        assert.ok(!appsPool.dependencies.includes(batchPool.urn));
    });
});

describe("components/cluster: reading the running cluster", () => {
    it("fails the deployment when Azure refuses the read, instead of taking the cluster for absent", async () => {
        const refused = new Error("GET …/managedClusters/aks-test\nRESPONSE 403: 403 Forbidden\nERROR CODE: AuthorizationFailed");
        const { error } = await declareAgainst(refused as unknown as LiveCluster, { nodePools: [system, apps], kubernetesVersion: SUPPORTED_VERSION });
        assert.match(String(error?.message), /AuthorizationFailed/);
    });

    it("takes a reply without pools (a unit test's mocks answering {}) for no cluster", async () => {
        const { engine, error } = await declareAgainst({} as LiveCluster, { nodePools: [system, apps], kubernetesVersion: SUPPORTED_VERSION });
        assert.equal(error, undefined);
        assert.deepEqual((engine.one(CLUSTER).inputs.agentPoolProfiles as { name: string }[]).map((p) => p.name), ["system"]);
    });
});
