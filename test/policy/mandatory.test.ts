import { strict as assert } from "node:assert";
import * as mandatory from "../../policy/mandatory";
import { stackViolations, violations } from "./run";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const POOL = "azure-native:containerservice:AgentPool";

/** The kubenet guide's cluster, as its inputs reach the policy engine. */
const kubenetCluster = (overrides: Record<string, unknown> = {}, network: Record<string, unknown> = {}) => ({
    type: CLUSTER,
    props: {
        resourceName: "aks-prod",
        identity: { type: "UserAssigned", userAssignedIdentities: ["/subscriptions/…/id"] },
        networkProfile: { networkPlugin: "kubenet", podCidr: "10.244.0.0/16", serviceCidr: "10.0.0.0/16", dnsServiceIP: "10.0.0.10", ...network },
        agentPoolProfiles: [{ name: "system", mode: "System", osType: "Linux", maxPods: 110 }],
        ...overrides,
    },
});

describe("policy: mandatory rules of the kubenet guide", () => {
    it("aks-reserved-ranges", async () => {
        assert.deepEqual(await violations(mandatory.reservedRanges, kubenetCluster()), []);
        assert.deepEqual(await violations(mandatory.reservedRanges, kubenetCluster({}, { podCidr: "172.30.0.0/16", serviceCidr: "169.254.0.0/20" })), [
            "networkProfile.podCidr: 172.30.0.0/16 overlaps 172.30.0.0/16, a range AKS reserves",
            "networkProfile.serviceCidr: 169.254.0.0/20 overlaps 169.254.0.0/16, a range AKS reserves",
        ]);
        assert.deepEqual(await violations(mandatory.reservedRanges, kubenetCluster({}, { podCidr: "10.244.1.0/16" })), [
            "networkProfile.podCidr: 10.244.1.0/16: host bits set; did you mean 10.244.0.0/16?",
        ]);
        assert.deepEqual(await violations(mandatory.reservedRanges, { type: "azure-native:containerservice/v20240901:ManagedCluster", props: kubenetCluster({}, { podCidr: "172.31.0.0/16" }).props }), [
            "networkProfile.podCidr: 172.31.0.0/16 overlaps 172.31.0.0/16, a range AKS reserves",
        ], "any API version");
    });

    it("aks-dns-service-ip", async () => {
        assert.deepEqual(await violations(mandatory.dnsServiceIpInServiceCidr, kubenetCluster()), []);
        assert.deepEqual(await violations(mandatory.dnsServiceIpInServiceCidr, kubenetCluster({}, { dnsServiceIP: "10.1.0.10" })), [
            "networkProfile.dnsServiceIP: 10.1.0.10 is outside networkProfile.serviceCidr 10.0.0.0/16; use an address inside it, by convention 10.0.0.10",
        ]);
    });

    it("aks-max-pods, inline and on AgentPools", async () => {
        assert.deepEqual(await violations(mandatory.maxPodsInRange, kubenetCluster()), []);
        assert.deepEqual(await violations(mandatory.maxPodsInRange, kubenetCluster({ agentPoolProfiles: [{ name: "system", maxPods: 300 }] })), [
            "agentPoolProfiles[0].maxPods: 300 is out of range: max pods per node must be a whole number from 10 to 250",
        ]);
        assert.deepEqual(await violations(mandatory.maxPodsInRange, { type: POOL, props: { maxPods: 250 } }), []);
        assert.deepEqual(await violations(mandatory.maxPodsInRange, { type: POOL, props: { maxPods: 5 } }), [
            "maxPods: 5 is out of range: max pods per node must be a whole number from 10 to 250",
        ]);
    });

    it("kubenet-user-assigned-identity", async () => {
        assert.deepEqual(await violations(mandatory.kubenetUserAssignedIdentity, kubenetCluster()), []);
        assert.deepEqual(await violations(mandatory.kubenetUserAssignedIdentity, kubenetCluster({ identity: { type: "SystemAssigned" } })), [
            "identity.type: SystemAssigned; a kubenet cluster in your own subnet needs a UserAssigned identity holding Network Contributor before the cluster is created",
        ]);
        assert.deepEqual(await violations(mandatory.kubenetUserAssignedIdentity, kubenetCluster({ identity: { type: "SystemAssigned" } }, { networkPlugin: "azure", networkPluginMode: "overlay" })), [], "not kubenet");
    });

    it("kubenet-no-azure-network-policy", async () => {
        assert.deepEqual(await violations(mandatory.kubenetNetworkPolicy, kubenetCluster({}, { networkPolicy: "calico" })), []);
        assert.deepEqual(await violations(mandatory.kubenetNetworkPolicy, kubenetCluster({}, { networkPolicy: "azure" })), [
            "networkProfile.networkPolicy: azure network policy isn't supported with kubenet; use calico or none",
        ]);
        assert.deepEqual(await violations(mandatory.kubenetNetworkPolicy, kubenetCluster({}, { networkPlugin: "azure", networkPolicy: "azure" })), []);
    });

    it("kubenet-no-windows-pools, inline and as AgentPools of a kubenet cluster", async () => {
        const windowsPool = { type: POOL, name: "win", props: { resourceName: "aks-prod", osType: "Windows" } };
        assert.deepEqual(await stackViolations(mandatory.kubenetNoWindowsPools, [kubenetCluster(), { ...windowsPool, props: { ...windowsPool.props, osType: "Linux" } }]), []);
        assert.deepEqual(await stackViolations(mandatory.kubenetNoWindowsPools, [kubenetCluster(), windowsPool]), [
            { message: "osType: Windows node pools need Azure CNI; cluster aks-prod uses kubenet", urn: `urn:pulumi:test::test::${POOL}::win` },
        ]);
        const inline = kubenetCluster({ agentPoolProfiles: [{ name: "system", osType: "Linux" }, { name: "win", osType: "Windows" }] });
        assert.deepEqual((await stackViolations(mandatory.kubenetNoWindowsPools, [inline])).map((v) => v.message), [
            "agentPoolProfiles[1].osType: Windows node pools need Azure CNI; kubenet supports Linux only",
        ]);
        const overlay = kubenetCluster({}, { networkPlugin: "azure", networkPluginMode: "overlay" });
        assert.deepEqual(await stackViolations(mandatory.kubenetNoWindowsPools, [overlay, windowsPool]), [], "Overlay runs Windows");
    });

    it("route-table-no-inline-routes", async () => {
        const table = "azure-native:network:RouteTable";
        assert.deepEqual(await violations(mandatory.routeTableWithoutInlineRoutes, { type: table, props: { location: "koreacentral" } }), []);
        assert.deepEqual(await violations(mandatory.routeTableWithoutInlineRoutes, { type: table, props: { routes: [{ name: "fw", addressPrefix: "0.0.0.0/0" }] } }), [
            "routes: 1 inline route(s); AKS owns this table's routes, so declare custom routes as separate Route resources",
        ]);
    });

    it("network-contributor-principal-type", async () => {
        const role = "azure-native:authorization:RoleAssignment";
        const networkContributor = "/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7";
        assert.deepEqual(await violations(mandatory.networkContributorPrincipalType, { type: role, props: { roleDefinitionId: networkContributor, principalType: "ServicePrincipal" } }), []);
        assert.deepEqual(await violations(mandatory.networkContributorPrincipalType, { type: role, props: { roleDefinitionId: "/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7" } }), [], "another role");
        assert.deepEqual(await violations(mandatory.networkContributorPrincipalType, { type: role, props: { roleDefinitionId: networkContributor } }), [
            "principalType: unset on a Network Contributor assignment; set it (ServicePrincipal for a managed identity)",
        ]);
    });
});
