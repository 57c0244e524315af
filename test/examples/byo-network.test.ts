import { strict as assert } from "node:assert";
import { byoCluster } from "../../examples/byo-network/cluster";
import { MockEngine } from "../../infra/synth/engine";

const SUBNET = "/subscriptions/s1/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-aks";
const TABLE = "/subscriptions/s1/resourceGroups/rg-net/providers/Microsoft.Network/routeTables/rt-aks";

describe("examples/byo-network", () => {
    it("builds a cluster in an existing subnet and route table, creating none of the network", async () => {
        const engine = await MockEngine.install({ stack: "byo" });
        byoCluster({ resourceGroupName: "rg-aks-byo", location: "koreacentral", clusterName: "aks-byo", subnetId: SUBNET, routeTableId: TABLE, vnetCidr: "172.20.0.0/16", subnetCidr: "172.20.4.0/22", firewallIp: "172.21.0.4" });
        await engine.settle();
        const types = engine.resources.filter((r) => r.custom).map((r) => r.type).sort();
        assert.deepEqual(types, [
            "azure-native:authorization:RoleAssignment",
            "azure-native:authorization:RoleAssignment",
            "azure-native:containerservice:AgentPool",
            "azure-native:containerservice:ManagedCluster",
            "azure-native:managedidentity:UserAssignedIdentity",
            "azure-native:network:Route",
        ]);
        const route = engine.one("azure-native:network:Route");
        assert.deepEqual([route.inputs.resourceGroupName, route.inputs.routeTableName, route.inputs.nextHopIpAddress], ["rg-net", "rt-aks", "172.21.0.4"]);
        assert.deepEqual(engine.byType("azure-native:authorization:RoleAssignment").map((r) => r.inputs.scope).sort(), [SUBNET, TABLE].sort());
        const cluster = engine.one("azure-native:containerservice:ManagedCluster");
        for (const dep of [...engine.byType("azure-native:authorization:RoleAssignment"), route]) assert.ok(cluster.dependencies.includes(dep.urn));
        assert.equal((cluster.inputs.agentPoolProfiles as { vnetSubnetID: string }[])[0].vnetSubnetID, SUBNET);
    });

    it("gets the components' protection: ranges overlapping the existing network are refused", async () => {
        await MockEngine.install({ stack: "byo" });
        assert.throws(
            () => byoCluster({ resourceGroupName: "rg", location: "koreacentral", clusterName: "aks-byo", subnetId: SUBNET, routeTableId: TABLE, vnetCidr: "100.64.0.0/10", subnetCidr: "100.64.4.0/22", firewallIp: "172.21.0.4" }),
            /podCidr: 100.64.0.0\/16 overlaps networkAddressing.vnetCidr 100.64.0.0\/10/,
        );
    });
});
