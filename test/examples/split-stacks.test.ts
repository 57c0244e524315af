import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { spokeCluster } from "../../examples/split-stacks/cluster/cluster";
import { spokeNetwork } from "../../examples/split-stacks/network/network";
import { MockEngine } from "../../infra/synth/engine";
import { deploymentError } from "../components/deployment";

const ROLE = "azure-native:authorization:RoleAssignment";
const CLUSTER = "azure-native:containerservice:ManagedCluster";
const NETWORK_STACK = "platform/aks-spoke-network/prod";

/** The network stack's outputs as its own `pulumi up` would record them, resolved. */
async function networkStackOutputs(): Promise<Record<string, unknown>> {
    const engine = await MockEngine.install({ project: "aks-spoke-network", stack: "prod" });
    const outputs = spokeNetwork({
        resourceGroupName: "rg-net", location: "koreacentral", vnetCidr: "172.18.0.0/16", subnetCidr: "172.18.0.0/22",
        firewallPrivateIp: "172.20.0.4", firewallPublicIp: "20.194.0.4", reservedCidrs: ["10.0.0.0/8"],
    });
    await engine.settle();
    const resolved: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(outputs)) {
        const output = value as pulumi.Output<unknown>;
        resolved[key] = pulumi.Output.isInstance(output) ? await new Promise((resolve) => output.apply(resolve)) : value;
    }
    return resolved;
}

const clusterArgs = { networkStack: NETWORK_STACK, resourceGroupName: "rg-aks", location: "koreacentral", clusterName: "aks-prod", authorizedIPRanges: ["203.0.113.0/24"] };

describe("examples/split-stacks: a network stack and a cluster stack", () => {
    it("builds the cluster on the network stack's outputs, granting its subnet and route table", async () => {
        const network = await networkStackOutputs();
        const engine = await MockEngine.install({ project: "aks-spoke-cluster", stack: "prod", stackOutputs: { [NETWORK_STACK]: network } });
        spokeCluster(clusterArgs);
        await engine.settle();
        assert.equal(engine.byType("azure-native:network:VirtualNetwork").length, 0, "the cluster stack creates no network");
        assert.deepEqual(engine.byType(ROLE).map((r) => r.inputs.scope).sort(), [network.subnetId, network.routeTableId].sort());
        const cluster = engine.one(CLUSTER);
        assert.equal((cluster.inputs.agentPoolProfiles as { vnetSubnetID: string }[])[0].vnetSubnetID, network.subnetId);
        for (const grant of engine.byType(ROLE)) assert.ok(cluster.dependencies.includes(grant.urn), "created after the grants");
        assert.deepEqual((cluster.inputs.apiServerAccessProfile as { authorizedIPRanges: string[] }).authorizedIPRanges, ["203.0.113.0/24", "20.194.0.4/32"]);
    });

    it("checks the cluster's ranges against the network stack's, once read, before creating anything", async () => {
        const network = await networkStackOutputs();
        const overlapping = { ...network, addressing: { ...(network.addressing as object), vnetCidr: "100.64.0.0/10" } };
        const engine = await MockEngine.install({ project: "aks-spoke-cluster", stack: "prod", stackOutputs: { [NETWORK_STACK]: overlapping } });
        spokeCluster(clusterArgs);
        assert.match(await deploymentError(engine) ?? "", /podCidr: 100\.64\.0\.0\/16 overlaps networkAddressing\.vnetCidr 100\.64\.0\.0\/10/);
        assert.equal(engine.byType(CLUSTER).length, 0);
        assert.equal(engine.byType("azure-native:containerservice:AgentPool").length, 0);
    });

    it("fails the deployment, naming the output, when the network stack has none yet", async () => {
        const engine = await MockEngine.install({ project: "aks-spoke-cluster", stack: "prod", stackOutputs: { [NETWORK_STACK]: {} } });
        spokeCluster(clusterArgs);
        // Pulumi's own message for a StackReference output that isn't there.
        assert.match(await deploymentError(engine) ?? "", /Required output '(vnetId|subnetId|routeTableId|addressing|egressPublicIPs)' does not exist on stack 'platform\/aks-spoke-network\/prod'/);
        assert.equal(engine.byType(CLUSTER).length, 0);
    });
});
