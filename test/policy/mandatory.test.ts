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

describe("policy: mandatory rules on partial and unrelated resources", () => {
    /** Props that break every mandatory rule at once, to show which types each rule reads. */
    const everythingWrong = {
        resourceName: "aks-prod",
        identity: { type: "SystemAssigned" },
        networkProfile: { networkPlugin: "kubenet", networkPolicy: "azure", podCidr: "172.30.0.0/16", serviceCidr: "10.0.0.0/16", dnsServiceIP: "10.9.0.10" },
        agentPoolProfiles: [{ name: "system", maxPods: 300, osType: "Windows" }],
        maxPods: 300,
        osType: "Windows",
        routes: [{ name: "fw" }],
        roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7",
    };
    const TYPES = {
        cluster: CLUSTER,
        pool: POOL,
        table: "azure-native:network:RouteTable",
        role: "azure-native:authorization:RoleAssignment",
        vnet: "azure-native:network:VirtualNetwork",
    };
    const resourceRules = {
        reservedRanges: ["cluster"],
        dnsServiceIpInServiceCidr: ["cluster"],
        maxPodsInRange: ["cluster", "pool"],
        kubenetUserAssignedIdentity: ["cluster"],
        kubenetNetworkPolicy: ["cluster"],
        routeTableWithoutInlineRoutes: ["table"],
        networkContributorPrincipalType: ["role"],
    } as const;

    for (const [rule, readsTypes] of Object.entries(resourceRules)) {
        it(`${rule} reads ${readsTypes.join(" and ")} resources only`, async () => {
            for (const [kind, type] of Object.entries(TYPES)) {
                const found = await violations(mandatory[rule as keyof typeof resourceRules], { type, props: everythingWrong });
                assert.equal(found.length > 0, (readsTypes as readonly string[]).includes(kind), `${kind}: ${found.join("; ")}`);
            }
        });
    }

    it("check the range that is there when the other is unset", async () => {
        assert.deepEqual(await violations(mandatory.reservedRanges, { type: CLUSTER, props: { networkProfile: { serviceCidr: "172.31.0.0/16" } } }), [
            "networkProfile.serviceCidr: 172.31.0.0/16 overlaps 172.31.0.0/16, a range AKS reserves",
        ]);
        assert.deepEqual(await violations(mandatory.reservedRanges, { type: CLUSTER, props: {} }), []);
        assert.deepEqual(await violations(mandatory.dnsServiceIpInServiceCidr, { type: CLUSTER, props: { networkProfile: { dnsServiceIP: "10.0.0.10" } } }), [], "no service CIDR to compare with");
        assert.deepEqual(await violations(mandatory.dnsServiceIpInServiceCidr, { type: CLUSTER, props: { networkProfile: { serviceCidr: "10.0.0.0/16" } } }), [], "no DNS IP");
        assert.deepEqual(await violations(mandatory.dnsServiceIpInServiceCidr, { type: CLUSTER, props: { networkProfile: { serviceCidr: "10.0.0/16", dnsServiceIP: "10.0.0.10" } } }), [
            `networkProfile.serviceCidr: 10.0.0/16 is not an IPv4 CIDR: "10.0.0" is not an IPv4 address (expected four decimal octets such as 10.0.0.10)`,
        ], "an unreadable service CIDR is reported instead");
    });

    it("name a missing identity and read a cluster without a network profile", async () => {
        assert.deepEqual(await violations(mandatory.kubenetUserAssignedIdentity, kubenetCluster({ identity: undefined })), [
            "identity.type: unset; a kubenet cluster in your own subnet needs a UserAssigned identity holding Network Contributor before the cluster is created",
        ]);
        assert.deepEqual(await violations(mandatory.kubenetNetworkPolicy, { type: CLUSTER, props: { networkProfile: undefined } }), []);
        assert.deepEqual(await violations(mandatory.kubenetNetworkPolicy, kubenetCluster({}, { networkPolicy: "cilium" })), [
            "networkProfile.networkPolicy: cilium network policy isn't supported with kubenet; use calico or none",
        ]);
    });

    it("match Windows AgentPools to kubenet clusters by name only", async () => {
        const windows = (props: Record<string, unknown>) => ({ type: POOL, name: "win", props: { osType: "Windows", ...props } });
        const unnamedCluster = kubenetCluster({ resourceName: undefined });
        assert.deepEqual(await stackViolations(mandatory.kubenetNoWindowsPools, [unnamedCluster, windows({})]), [], "neither has a name");
        assert.deepEqual(await stackViolations(mandatory.kubenetNoWindowsPools, [kubenetCluster(), windows({ resourceName: "aks-other" })]), [], "another cluster's pool");
        const lookalike = { type: "azure-native:compute:VirtualMachineScaleSet", props: { osType: "Windows", resourceName: "aks-prod" } };
        assert.deepEqual(await stackViolations(mandatory.kubenetNoWindowsPools, [kubenetCluster(), lookalike]), [], "only AgentPools are pools");
    });

    it("find the Network Contributor role whatever the case of its id", async () => {
        const upper = "/SUBSCRIPTIONS/0000/PROVIDERS/MICROSOFT.AUTHORIZATION/ROLEDEFINITIONS/4D97B98B-1D4F-4787-A291-C67834D212E7";
        assert.equal((await violations(mandatory.networkContributorPrincipalType, { type: "azure-native:authorization:RoleAssignment", props: { roleDefinitionId: upper } })).length, 1);
    });
});
