import { strict as assert } from "node:assert";
import { NodePool } from "../../components";
import { DURATION_ALLOWANCES, agentPoolTimeouts, clusterTimeouts, clusterUpgradeMinutes, poolUpgradeMinutes } from "../../components/cluster/upgrades/durations";
import { synthShipped } from "../infra/fixtures";

/*
 * The worst case of a rolling upgrade, from Microsoft's rules (upgrade-aks-node-pools-rolling.md):
 * a pool upgrades "as many nodes at the same time as the number of buffer nodes", a percentage
 * "rounded up to the nearest node count"; each batch waits for new nodes (the allowance), at most
 * the drain timeout (AKS's default 30 minutes) and the soak time (default 0). A cluster upgrade is
 * the control plane, then "each node pool sequentially" (upgrade-aks-control-plane.md).
 */
const batch = DURATION_ALLOWANCES.nodeBatch;

describe("components/cluster: how long AKS may take, for Pulumi's timeouts", () => {
    it("counts a pool's batches at its largest size, each with its drain and soak", () => {
        const apps: NodePool = { name: "apps", mode: "User", enableAutoScaling: true, minCount: 3, maxCount: 30, upgradeSettings: { maxSurge: "10%" } };
        // 10% of 30 is 3 at a time: 10 batches, each the allowance and the default 30-minute drain.
        assert.equal(poolUpgradeMinutes(apps), 10 * (batch + 30));
        const system: NodePool = { name: "system", mode: "System", enableAutoScaling: true, minCount: 3, maxCount: 5, upgradeSettings: { maxSurge: "33%", drainTimeoutInMinutes: 60, nodeSoakDurationInMinutes: 5 } };
        // 33% of 5 is 1.65, rounded up to 2: batches of 2, 2 and 1.
        assert.equal(poolUpgradeMinutes(system), 3 * (batch + 60 + 5));
        const fixed: NodePool = { name: "fixed", mode: "User", count: 4, upgradeSettings: { maxSurge: "10" } };
        assert.equal(poolUpgradeMinutes(fixed), 1 * (batch + 30), "a surge larger than the pool takes it at once");
        // No surge, two nodes unavailable at a time instead.
        const unavailable: NodePool = { name: "batch", mode: "User", count: 10, upgradeSettings: { maxSurge: "0", maxUnavailable: "2" } };
        assert.equal(poolUpgradeMinutes(unavailable), 5 * (batch + 30));
        // AKS's default surge, 10%, is one node for a small pool.
        assert.equal(poolUpgradeMinutes({ name: "small", mode: "User", count: 3 }), 3 * (batch + 30));
    });

    it("upgrades a Spot pool a node at a time, without surge or drain", () => {
        // "There are no surge nodes available for Spot node pool upgrades", "no drain is applied".
        assert.equal(poolUpgradeMinutes({ name: "cheap", mode: "User", count: 4, spot: {} }), 4 * batch);
    });

    it("waits for the control plane and every pool in turn, and for each pool alone", () => {
        const pools: NodePool[] = [
            { name: "system", mode: "System", count: 2 },
            { name: "apps", mode: "User", enableAutoScaling: true, minCount: 1, maxCount: 20, upgradeSettings: { maxSurge: "25%" } },
        ];
        const expected = DURATION_ALLOWANCES.controlPlane + 2 * (batch + 30) + 4 * (batch + 30);
        assert.equal(clusterUpgradeMinutes(pools), expected);
        assert.deepEqual(clusterTimeouts(pools), { create: `${DURATION_ALLOWANCES.clusterCreate}m`, update: `${expected}m`, delete: `${DURATION_ALLOWANCES.clusterDelete}m` });
        assert.deepEqual(agentPoolTimeouts(pools[1]), { create: `${DURATION_ALLOWANCES.poolCreate}m`, update: `${4 * (batch + 30)}m`, delete: `${batch + 30}m` });
    });

    it("gives the shipped stacks' cluster and pools their timeouts, longer than azure-native's 2 hours where the upgrade is", async () => {
        const prod = await synthShipped("prod");
        const cluster = prod.resources.find((r) => r.type === "azure-native:containerservice:ManagedCluster")!;
        const update = Number(/^(\d+)m$/.exec(cluster.customTimeouts.update!)![1]);
        assert.ok(update > 120, `${update} minutes`);
        for (const pool of prod.resources.filter((r) => r.type === "azure-native:containerservice:AgentPool")) {
            assert.match(pool.customTimeouts.update ?? "", /^\d+m$/, pool.name);
        }
    });
});
