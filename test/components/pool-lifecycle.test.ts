import { strict as assert } from "node:assert";
import { KubenetClusterArgs, NodePool } from "../../components";
import { validateClusterArgs } from "../../components/rules";
import { MockEngine, RecordedResource } from "../../infra/synth/engine";
import { actionableChanges, replacingChanges } from "./declared-diff";
import { SUPPORTED_VERSION, buildStack, minorAfter } from "./fixtures";
import { declareAgainst, runningClusterOf } from "./running-cluster";

/**
 * Day two: a change to a pool in the stack file must reach Azure through `pulumi up` (an input
 * outside ignoreChanges changes), or be refused before anything runs. Each case declares the
 * stack before and after the change and compares what the engine receives.
 */

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const POOL = "azure-native:containerservice:AgentPool";

const system: NodePool = { name: "system", mode: "System", count: 3, availabilityZones: ["1", "2", "3"], upgradeSettings: { maxSurge: "33%" } };
const apps: NodePool = { name: "apps", mode: "User", enableAutoScaling: true, minCount: 1, maxCount: 10, maxPods: 50 };

async function declare(cluster: Partial<KubenetClusterArgs>): Promise<MockEngine> {
    const engine = await MockEngine.install();
    buildStack({ cluster });
    await engine.settle();
    return engine;
}

function byName(engine: MockEngine, name: string): RecordedResource {
    const found = engine.resources.filter((r) => r.name === name);
    assert.equal(found.length, 1, `one resource named ${name}`);
    return found[0];
}

type PoolEdit = (pool: NodePool) => NodePool;

describe("components/cluster: day-two pool changes", () => {
    describe("the default pool (in the cluster's own request)", () => {
        const change = async (edit: PoolEdit, base: NodePool = system) => {
            const before = (await declare({ nodePools: [base, apps] })).one(CLUSTER);
            const after = (await declare({ nodePools: [edit({ ...base }), apps] })).one(CLUSTER);
            assert.equal(after.urn, before.urn);
            return { before, after, actionable: actionableChanges(before, after), replacing: replacingChanges(before, after) };
        };

        const applied: [string, PoolEdit, NodePool?][] = [
            ["count", (p) => ({ ...p, count: 4 })],
            ["maxSurge", (p) => ({ ...p, upgradeSettings: { maxSurge: "50%" } })],
            ["maxSurge removed (back to 10%)", (p) => ({ ...p, upgradeSettings: undefined })],
            ["drainTimeoutInMinutes", (p) => ({ ...p, upgradeSettings: { ...p.upgradeSettings, drainTimeoutInMinutes: 45 } })],
            ["nodeSoakDurationInMinutes", (p) => ({ ...p, upgradeSettings: { ...p.upgradeSettings, nodeSoakDurationInMinutes: 10 } })],
            ["undrainableNodeBehavior", (p) => ({ ...p, upgradeSettings: { ...p.upgradeSettings, undrainableNodeBehavior: "Cordon" } })],
            ["upgrade settings removed (back to AKS's defaults)", (p) => ({ ...p, upgradeSettings: undefined }), { ...system, upgradeSettings: { maxSurge: "1", drainTimeoutInMinutes: 60, nodeSoakDurationInMinutes: 5, undrainableNodeBehavior: "Cordon" } }],
            ["nodeLabels", (p) => ({ ...p, nodeLabels: { tier: "system" } })],
            ["nodeTaints", (p) => ({ ...p, nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"] })],
            ["enableAutoScaling", (p) => ({ ...p, count: undefined, enableAutoScaling: true, minCount: 3, maxCount: 5 })],
            ["minCount", (p) => ({ ...p, minCount: 2 }), { ...system, count: undefined, enableAutoScaling: true, minCount: 3, maxCount: 5 }],
            ["maxCount", (p) => ({ ...p, maxCount: 9 }), { ...system, count: undefined, enableAutoScaling: true, minCount: 3, maxCount: 5 }],
        ];
        for (const [setting, edit, base] of applied) {
            it(`applies a change to ${setting} through the cluster, in place`, async () => {
                const { actionable, replacing, after } = await change(edit, base);
                assert.ok(actionable.length > 0, `pulumi up would act on ${setting}`);
                assert.ok(actionable.every((path) => path.startsWith("agentPoolProfiles[0].")), actionable.join(", "));
                assert.deepEqual(replacing, [], "no replacement");
                assert.equal(after.protect, true);
            });
        }

        it("applies tags to the pool as well as the cluster", async () => {
            const before = (await declare({ nodePools: [system, apps] })).one(CLUSTER);
            const after = (await declare({ nodePools: [system, apps], tags: { env: "test", owner: "platform" } })).one(CLUSTER);
            assert.ok(actionableChanges(before, after).includes("agentPoolProfiles[0].tags.owner"));
        });

        for (const [setting, edit] of [
            ["vmSize", (p) => ({ ...p, vmSize: "Standard_D4s_v5" })],
            ["maxPods", (p) => ({ ...p, maxPods: 60 })],
            ["availabilityZones", (p) => ({ ...p, availabilityZones: ["1", "2"] })],
        ] as [string, PoolEdit][]) {
            it(`refuses a change to ${setting} at preview, against the running pool: AKS can't change it in place and the pool can't leave the cluster`, async () => {
                const { engine: first } = await declareAgainst(undefined, { nodePools: [system, apps] });
                const { error } = await declareAgainst(runningClusterOf(first), { nodePools: [edit({ ...system }), apps] });
                assert.match(String(error?.message), new RegExp(String.raw`invalid KubenetCluster arguments:\nnodePools\[0\]\.${setting}: .* differs from .*, which the running default pool was created with`));
            });
        }

        it("lets the autoscaler own an autoscaled default pool's count: none is sent, none ignored", async () => {
            const autoscaled = { ...system, count: undefined, enableAutoScaling: true, minCount: 3, maxCount: 5 };
            const cluster = (await declare({ nodePools: [autoscaled, apps] })).one(CLUSTER);
            assert.deepEqual(cluster.ignoreChanges, []);
            const [profile] = cluster.inputs.agentPoolProfiles as Record<string, unknown>[];
            assert.ok(!("count" in profile), "no count: AKS sizes it between minCount and maxCount");
            assert.deepEqual([profile.minCount, profile.maxCount], [3, 5]);
        });

        it("can be retired to an empty User pool once another System pool exists, through the stack file", async () => {
            const system2: NodePool = { name: "system2", mode: "System", vmSize: "Standard_D4s_v5", count: 3, availabilityZones: ["1", "2", "3"] };
            const added = await declare({ nodePools: [system, system2, apps], defaultNodePool: "system" });
            const retired = await declare({ nodePools: [{ ...system, mode: "User", count: 0 }, system2, apps], defaultNodePool: "system" });
            const changes = actionableChanges(added.one(CLUSTER), retired.one(CLUSTER)).sort();
            // As a User pool it takes unavailable nodes during upgrades, which AKS refuses on System pools: 0, AKS's default, is now sent.
            assert.deepEqual(changes, ["agentPoolProfiles[0].count", "agentPoolProfiles[0].mode", "agentPoolProfiles[0].upgradeSettings.maxUnavailable"]);
            assert.deepEqual(replacingChanges(added.one(CLUSTER), retired.one(CLUSTER)), []);
            assert.equal(byName(retired, "k-pool-system2").inputs.mode, "System", "the cluster keeps a System pool");
        });
    });

    describe("pools declared as AgentPools", () => {
        const change = async (edit: PoolEdit, base: NodePool = apps) => {
            const before = byName(await declare({ nodePools: [system, base], defaultNodePool: "system" }), "k-pool-apps");
            const after = byName(await declare({ nodePools: [system, edit({ ...base })], defaultNodePool: "system" }), "k-pool-apps");
            assert.equal(after.urn, before.urn, "the pool's identity depends on its name only");
            return { before, after, actionable: actionableChanges(before, after) };
        };

        for (const [setting, edit] of [
            ["minCount", (p) => ({ ...p, minCount: 2 })],
            ["maxCount", (p) => ({ ...p, maxCount: 20 })],
            ["maxSurge", (p) => ({ ...p, upgradeSettings: { maxSurge: "1" } })],
            ["maxUnavailable, without surge", (p) => ({ ...p, upgradeSettings: { maxSurge: "0", maxUnavailable: "2" } })],
            ["drainTimeoutInMinutes", (p) => ({ ...p, upgradeSettings: { drainTimeoutInMinutes: 90 } })],
            ["nodeSoakDurationInMinutes", (p) => ({ ...p, upgradeSettings: { nodeSoakDurationInMinutes: 3 } })],
            ["undrainableNodeBehavior", (p) => ({ ...p, upgradeSettings: { undrainableNodeBehavior: "Cordon" } })],
            ["nodeLabels", (p) => ({ ...p, nodeLabels: { team: "a" } })],
            ["nodeTaints", (p) => ({ ...p, nodeTaints: ["dedicated=batch:NoSchedule"] })],
            ["mode", (p) => ({ ...p, mode: "System", minCount: 1 })],
            ["enableAutoScaling off", (p) => ({ ...p, enableAutoScaling: false, minCount: undefined, maxCount: undefined, count: 4 })],
        ] as [string, PoolEdit][]) {
            it(`applies a change to ${setting} in place`, async () => {
                const { before, after, actionable } = await change(edit);
                assert.ok(actionable.length > 0, `pulumi up would act on ${setting}`);
                assert.equal(after.inputs.agentPoolName, before.inputs.agentPoolName, "same Azure pool: an update, not a replacement");
            });
        }

        it("applies a fixed pool's count", async () => {
            const fixed: NodePool = { name: "apps", mode: "User", count: 2 };
            const { actionable } = await change((p) => ({ ...p, count: 5 }), fixed);
            assert.deepEqual(actionable, ["count"]);
        });

        for (const [setting, edit] of [
            ["vmSize", (p) => ({ ...p, vmSize: "Standard_D8s_v5" })],
            ["maxPods", (p) => ({ ...p, maxPods: 110 })],
            ["availabilityZones", (p) => ({ ...p, availabilityZones: ["1", "2", "3"] })],
        ] as [string, PoolEdit][]) {
            it(`rotates the pool for a change to ${setting}: the new pool is created before the old one is deleted`, async () => {
                const { before, after } = await change(edit);
                assert.notEqual(after.inputs.agentPoolName, before.inputs.agentPoolName, "a new Azure name: azure-native replaces the pool");
                assert.match(String(after.inputs.agentPoolName), /^apps[a-z0-9]{4}$/);
                assert.equal(after.deleteBeforeReplace, false, "create before delete");
                assert.deepEqual(after.inputs.nodeLabels, before.inputs.nodeLabels, "workloads keep selecting aks-kubenet/pool: apps");
            });
        }

        it("rotates a System pool's VM size through the stack file, keeping a System pool throughout", async () => {
            const system2: NodePool = { name: "system2", mode: "System", count: 3 };
            const before = await declare({ nodePools: [system, system2], defaultNodePool: "system" });
            const after = await declare({ nodePools: [system, { ...system2, vmSize: "Standard_D4s_v5" }], defaultNodePool: "system" });
            const [old, rotated] = [byName(before, "k-pool-system2"), byName(after, "k-pool-system2")];
            assert.notEqual(rotated.inputs.agentPoolName, old.inputs.agentPoolName);
            assert.equal(rotated.deleteBeforeReplace, false);
            assert.equal(actionableChanges(before.one(CLUSTER), after.one(CLUSTER)).length, 0, "the default System pool is untouched meanwhile");
        });

        it("keeps the Azure name while only mutable settings change", async () => {
            const a = byName(await declare({ nodePools: [system, apps] }), "k-pool-apps");
            const b = byName(await declare({ nodePools: [system, { ...apps, maxCount: 30, nodeLabels: { x: "y" }, upgradeSettings: { maxSurge: "5", drainTimeoutInMinutes: 10 } }] }), "k-pool-apps");
            assert.equal(b.inputs.agentPoolName, a.inputs.agentPoolName);
        });
    });

    describe("upgrades", () => {
        it("declares the new version on the control plane and on every pool, each pool once in the cluster's request", async () => {
            const batch: NodePool = { name: "batch", mode: "User", count: 1 };
            const before = await declare({ nodePools: [system, apps, batch], kubernetesVersion: SUPPORTED_VERSION });
            const next = minorAfter(SUPPORTED_VERSION);
            const { engine: after } = await declareAgainst(runningClusterOf(before), { nodePools: [system, apps, batch], kubernetesVersion: next });
            const request = after.one(CLUSTER).inputs.agentPoolProfiles as Record<string, unknown>[];
            assert.deepEqual(request.map((p) => p.orchestratorVersion), [next, next, next]);
            assert.deepEqual(request.map((p) => p.name).sort(), ["system", String(byName(after, "k-pool-apps").inputs.agentPoolName), String(byName(after, "k-pool-batch").inputs.agentPoolName)].sort());
            for (const name of ["k-pool-apps", "k-pool-batch"]) {
                assert.deepEqual(actionableChanges(byName(before, name), byName(after, name)), ["orchestratorVersion"], name);
                assert.ok(byName(after, name).dependencies.includes(after.one(CLUSTER).urn), "pools upgrade after the control plane");
            }
        });
    });

    describe("identity by name, never by position", () => {
        it("keeps every pool's resource and inputs when the list is reordered or a System pool is listed first", async () => {
            const batch: NodePool = { name: "batch", mode: "User", count: 1 };
            const before = await declare({ nodePools: [system, apps, batch] });
            const newSystem: NodePool = { name: "sysnew", mode: "System", count: 3 };
            const after = await declare({ nodePools: [newSystem, batch, apps, system], defaultNodePool: "system" });
            assert.deepEqual(actionableChanges(before.one(CLUSTER), after.one(CLUSTER)), [], "the default pool stays the one the cluster was created with");
            for (const name of ["k-pool-apps", "k-pool-batch"]) {
                assert.deepEqual(actionableChanges(byName(before, name), byName(after, name)), [], name);
            }
            assert.equal(byName(after, "k-pool-sysnew").inputs.mode, "System", "the new System pool is created as its own AgentPool");
        });

        it("refuses a second System pool until the default pool is named, so it can't move", () => {
            const problems = validateClusterArgs({
                resourceGroupName: "rg",
                name: "aks-test",
                subnetId: "s",
                identityId: "i",
                nodePools: [{ name: "sysnew", mode: "System", count: 3 }, system],
            }).map((p) => `${p.path}: ${p.message}`);
            assert.deepEqual(problems, [
                "defaultNodePool: is required when several pools have mode System (sysnew, system): name the pool the cluster is, or was, created with, so adding a System pool never changes it",
            ]);
        });

        it("refuses a default pool that isn't in the list, or runs Windows", () => {
            const base = { resourceGroupName: "rg", name: "aks-test", subnetId: "s", identityId: "i" };
            const messages = (args: Partial<KubenetClusterArgs>) => validateClusterArgs({ ...base, nodePools: [system], ...args }).map((p) => `${p.path}: ${p.message}`);
            assert.deepEqual(messages({ defaultNodePool: "sytem" }), [
                "defaultNodePool: \"sytem\" is not the name of a pool in nodePools; the default pool can't be removed while the cluster exists (retire it with mode: User and count: 0 instead)",
            ]);
            assert.deepEqual(messages({
                networkPlugin: "azure", networkPluginMode: "overlay", defaultNodePool: "win",
                nodePools: [system, { name: "win", mode: "User", osType: "Windows", count: 1 }],
            }), ["nodePools[1].osType: the default pool must run Linux: AKS creates a cluster with a Linux System pool"]);
        });

        it("refuses the pool label the program sets", () => {
            const problems = validateClusterArgs({
                resourceGroupName: "rg", name: "aks-test", subnetId: "s", identityId: "i",
                nodePools: [{ ...system, nodeLabels: { "aks-kubenet/pool": "other" } }],
            }).map((p) => `${p.path}: ${p.message}`);
            assert.deepEqual(problems, ["nodePools[0].nodeLabels.aks-kubenet/pool: is set by the program to the pool's name, so workloads can follow the pool through rotations; remove it"]);
        });
    });

    it("declares no other AgentPool than the user's pools", async () => {
        const engine = await declare({ nodePools: [system, apps] });
        assert.deepEqual(engine.byType(POOL).map((p) => p.name), ["k-pool-apps"]);
    });
});
