import { strict as assert } from "node:assert";
import { KubenetClusterArgs } from "../../components";
import { clusterArgsPath } from "../../components/cluster";
import { inPlaceChangeChecks } from "../../components/cluster/network-profile/move-checks";
import { LiveCluster } from "../../components/cluster/upgrades/live";
import { formatProblem } from "../../components/address";
import { declareAgainst, runningClusterOf } from "./running-cluster";

/*
 * The pre-flight of the move off kubenet against the running cluster and its network, from
 * Microsoft's "Update Azure CNI" (update-azure-cni.md): Kubernetes 1.27 or later, a
 * user-assigned identity, every pool reimaged at once, the azure-ip-masq-agent configuration;
 * MicrosoftDocs/azure-aks-docs#334: a route table shared with another subnet.
 */

const SUBNET = "/subscriptions/0/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/aks";
const TABLE = "/subscriptions/0/resourceGroups/rg-net/providers/Microsoft.Network/routeTables/rt-aks";
const running: LiveCluster = {
    kubernetesVersion: "1.36", currentKubernetesVersion: "1.36.4", identityType: "UserAssigned",
    agentPoolProfiles: [{ name: "system", osType: "Linux" }],
    networkProfile: { networkPlugin: "kubenet", networkPolicy: "none", podCidr: "10.244.0.0/16", serviceCidr: "10.0.0.0/16", dnsServiceIP: "10.0.0.10", outboundType: "loadBalancer" },
};
const move = { kind: "overlayMigration", podCidrChanged: false } as const;
const lines = (problems: { path: string; message: string }[]) => problems.map(formatProblem);

describe("components/cluster: the move off kubenet, checked against the running cluster", () => {
    it("says what the move does, and that no maintenance window governs it", () => {
        const { problems, warnings } = inPlaceChangeChecks(move, { subnetId: SUBNET, maintenance: { autoUpgrade: { dayOfWeek: "Sunday", startTime: "02:00" } } as never }, running, { routeTableId: TABLE, subnetIds: [SUBNET] }, clusterArgsPath);
        assert.deepEqual(problems, []);
        assert.match(warnings[0].message, /^pulumi up makes an in-place network migration from kubenet to Azure CNI Overlay: one update of the cluster, every node pool reimaged at once/);
        assert.match(warnings[0].message, /maintenance windows \(autoUpgrade\) govern AKS's own upgrades, not this update/);
        assert.match(warnings[1].message, /azure-ip-masq-agent-config/);
    });

    it("refuses a cluster older than 1.27, a system-assigned identity, and a route table another subnet shares", () => {
        const other = "/subscriptions/0/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/appgw";
        const { problems } = inPlaceChangeChecks(move, { subnetId: SUBNET }, { ...running, currentKubernetesVersion: "1.26.6", identityType: "SystemAssigned" }, { routeTableId: TABLE, subnetIds: [SUBNET.toUpperCase(), other] }, clusterArgsPath);
        assert.deepEqual(lines(problems).map((line) => line.split(": ")[0]), ["kubernetesVersion", "migrateFromKubenet", "migrateFromKubenet"]);
        assert.match(problems[0].message, /on 1\.26\.6, and the move to Azure CNI Overlay needs 1\.27 or later/);
        assert.match(problems[1].message, /identity is SystemAssigned: AKS removes the kubenet route table only with a user-assigned identity/);
        assert.match(problems[2].message, new RegExp(`also associated with ${other}: .*azure-aks-docs#334`));
    });

    it("refuses Cilium on a cluster with Windows pools", () => {
        const { problems } = inPlaceChangeChecks({ kind: "ciliumDataplane" }, { subnetId: SUBNET }, { ...running, agentPoolProfiles: [...running.agentPoolProfiles, { name: "win1", osType: "Windows" }] }, undefined, clusterArgsPath);
        assert.deepEqual(lines(problems), ["networkPolicy: the data plane can't move to Cilium on a cluster with Windows pools (win1): remove them first"]);
    });

    it("reads the route table through ARM during preview and refuses the move before anything is sent", async () => {
        const fresh = await declareAgainst(undefined, {});
        const live = runningClusterOf(fresh.engine);
        const subnetId = String(fresh.engine.one("azure-native:network:Subnet").computed.id ?? "");
        assert.match(subnetId, /\/subnets\//);
        const overlay: Partial<KubenetClusterArgs> = { networkPlugin: "azure", networkPluginMode: "overlay", migrateFromKubenet: true };
        const shared = { [subnetId]: { id: TABLE, subnetIds: [subnetId, `${subnetId}-appgw`] } };
        const refused = await declareAgainst({ ...live, identityType: "UserAssigned" }, overlay, { preview: true, liveRouteTables: shared });
        assert.match(refused.error?.message ?? "", /migrateFromKubenet: the cluster subnet's route table .* is also associated with .*-appgw/);
        assert.deepEqual(refused.engine.invokes.map((i) => i.token).filter((t) => t.startsWith("azure-native:network:")), ["azure-native:network:getSubnet", "azure-native:network:getRouteTable"]);
        const alone = await declareAgainst({ ...live, identityType: "UserAssigned" }, overlay, { preview: true, liveRouteTables: { [subnetId]: { id: TABLE, subnetIds: [subnetId] } } });
        assert.equal(alone.error, undefined, alone.error?.message);
        // Without the move, the route table isn't read.
        const unchanged = await declareAgainst(live, {}, { preview: true });
        assert.deepEqual(unchanged.engine.invokes.filter((i) => i.token.startsWith("azure-native:network:")), []);
    });
});
