import { strict as assert } from "node:assert";
import { validateNetworkArgs } from "../../components/network/validate";
import { apiServerAccessProfileOf } from "../../components/cluster/api-server/profile";
import { vnetIntegrationProblems } from "../../components/cluster/api-server/live-checks";
import { clusterArgsPath } from "../../components/cluster";
import { MockEngine } from "../../infra/synth/engine";
import { buildStack, guideNetwork } from "./fixtures";

/*
 * API Server VNet Integration, from Microsoft's "API Server VNet Integration"
 * (articles/aks/api-server-vnet-integration.md, 2026-04-15): a subnet delegated to
 * Microsoft.ContainerService/managedClusters, "The minimum supported API server subnet size is
 * /28", "The cluster identity needs permissions to both the API server subnet and the node
 * subnet", and a one-way feature. Its limitations name no network plugin: kubenet takes it.
 */

const SUBNET = "Microsoft.ContainerService/managedClusters";
const messages = (overrides: Record<string, unknown>) => validateNetworkArgs({ ...guideNetwork, ...overrides }).map((p) => `${p.path}: ${p.message}`);

describe("components: API Server VNet Integration", () => {
    it("plans the API server's subnet in the network's vnet: at least a /28, apart from the cluster subnet", () => {
        assert.deepEqual(messages({ apiServerSubnetCidr: "192.168.2.0/28" }), []);
        assert.deepEqual(messages({ apiServerSubnetCidr: "192.168.2.0/29" }), ["apiServerSubnetCidr: 192.168.2.0/29 is smaller than the /28 AKS needs for the API server's subnet"]);
        assert.deepEqual(messages({ apiServerSubnetCidr: "10.9.0.0/28" }), ["apiServerSubnetCidr: 10.9.0.0/28 is not inside vnetCidr 192.168.0.0/16"]);
        assert.deepEqual(messages({ apiServerSubnetCidr: "192.168.1.0/28" }).map((m) => m.split(":")[0]), ["apiServerSubnetCidr"], "inside the cluster subnet");
        assert.deepEqual(messages({ apiServerSubnetName: "snet-api" }), ["apiServerSubnetName: names the API server subnet, which only apiServerSubnetCidr creates"]);
        const yours = "/subscriptions/0/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/aks";
        assert.match(messages({ existingSubnetId: yours, vnetCidr: undefined, subnetCidr: undefined, apiServerSubnetCidr: "192.168.2.0/28" }).join("\n"), /apiServerSubnetCidr: creates a subnet in the vnet this component creates/);
    });

    it("creates the subnet delegated to AKS, after the cluster subnet, and grants the identity on it with roleScope subnet", async () => {
        const engine = await MockEngine.install();
        const { network } = buildStack({
            network: { apiServerSubnetCidr: "192.168.2.0/28" },
            identity: { roleScope: "subnet" },
        });
        await engine.settle();
        const apiServerSubnet = engine.one("azure-native:network:Subnet", "net-apiserver-subnet");
        assert.equal(apiServerSubnet.inputs.addressPrefix, "192.168.2.0/28");
        assert.deepEqual(apiServerSubnet.inputs.delegations, [{ name: "aks-apiserver", serviceName: SUBNET }]);
        assert.ok(apiServerSubnet.dependencies.includes(engine.one("azure-native:network:Subnet", "net-subnet").urn), "after the cluster subnet: one subnet operation at a time in a vnet");
        assert.ok(network.apiServerSubnetId, "the network hands its id on");
        const id = String(apiServerSubnet.computed.id);
        const grants = engine.byType("azure-native:authorization:RoleAssignment").filter((r) => r.inputs.scope === id);
        assert.equal(grants.length, 1, "the identity's network role on the API server's subnet");
    });

    it("sends the subnet and the integration only when given, and refuses leaving out what the running cluster has", () => {
        const id = "/subscriptions/0/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/apiserver";
        const profile = apiServerAccessProfileOf({ apiServer: { subnetId: id } }) as Record<string, unknown>;
        assert.deepEqual([profile.enableVnetIntegration, profile.subnetId], [true, id]);
        assert.ok(!("enableVnetIntegration" in apiServerAccessProfileOf({})), "not sent without it: AKS keeps what it has");
        const running = { agentPoolProfiles: [], enableVnetIntegration: true, apiServerSubnetId: id };
        assert.deepEqual(vnetIntegrationProblems(undefined, running, clusterArgsPath).map((p) => p.path), ["apiServer.subnetId"]);
        assert.deepEqual(vnetIntegrationProblems(id, running, clusterArgsPath), []);
        assert.deepEqual(vnetIntegrationProblems(undefined, { agentPoolProfiles: [] }, clusterArgsPath), []);
    });
});
