import { ClusterIdentity, KubenetCluster, KubenetClusterArgs, KubenetNetwork, KubenetNetworkArgs, ClusterIdentityArgs, NodePool } from "../../components";
import { AKS_MINOR_VERSIONS, versionSupport } from "../../components/rules";

/** The kubenet guide's example: 192.168.0.0/16 vnet, a /24 cluster subnet, egress to a firewall. */
export const guideNetwork: KubenetNetworkArgs = {
    resourceGroupName: "rg-aks",
    location: "koreacentral",
    vnetCidr: "192.168.0.0/16",
    subnetCidr: "192.168.1.0/24",
    vnetName: "vnet-aks",
    subnetName: "snet-aks",
    routeTableName: "rt-aks",
    routes: [{ name: "egress-firewall", addressPrefix: "0.0.0.0/0", nextHopType: "VirtualAppliance", nextHopIpAddress: "192.168.0.4" }],
    tags: { env: "test" },
};

/** Network, identity and cluster wired as a stack would wire them. */
export function buildStack(overrides: {
    network?: Partial<KubenetNetworkArgs>;
    identity?: Partial<ClusterIdentityArgs>;
    cluster?: Partial<KubenetClusterArgs>;
} = {}) {
    const network = new KubenetNetwork("net", { ...guideNetwork, ...overrides.network });
    const identity = new ClusterIdentity("id", {
        resourceGroupName: "rg-aks",
        location: "koreacentral",
        vnetId: network.vnetId,
        subnetId: network.subnetId,
        routeTableId: network.routeTableId,
        apiServerSubnetId: network.apiServerSubnetId,
        tags: { env: "test" },
        ...overrides.identity,
    });
    const cluster = new KubenetCluster("k", {
        resourceGroupName: "rg-aks",
        location: "koreacentral",
        name: "aks-test",
        subnetId: network.subnetId,
        identityId: identity.identityId,
        networkAddressing: network.addressing,
        nodePools: [{ name: "system", mode: "System", count: 3, availabilityZones: ["1", "2", "3"] }],
        tags: { env: "test" },
        ...overrides.cluster,
    });
    return { network, identity, cluster };
}

/** A zoned System pool and an autoscaled User pool: the shape most clusters start from. */
export const basePools: NodePool[] = [
    { name: "system", mode: "System", count: 3, availabilityZones: ["1", "2", "3"], upgradeSettings: { maxSurge: "33%" } },
    { name: "apps", mode: "User", enableAutoScaling: true, minCount: 0, maxCount: 10, maxPods: 50 },
];

export const SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-000000000000";
export const WORKSPACE_ID = `${SUBSCRIPTION}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/law-ops`;
export const REGISTRY_ID = `${SUBSCRIPTION}/resourceGroups/rg-ops/providers/Microsoft.ContainerRegistry/registries/acrOps`;
export const METRICS_WORKSPACE_ID = `${SUBSCRIPTION}/resourceGroups/rg-ops/providers/Microsoft.Monitor/accounts/amw-ops`;

export const fixedSystemPool: NodePool = { name: "system", mode: "System", count: 3 };
export const autoscaledPool: NodePool = { name: "apps", mode: "User", enableAutoScaling: true, minCount: 1, maxCount: 5 };

/** Every production feature on. */
export const hardenedCluster: Partial<KubenetClusterArgs> = {
    upgradeChannel: "patch",
    nodeOSUpgradeChannel: "SecurityPatch",
    workloadIdentity: true,
    acrPullRegistryIds: [REGISTRY_ID],
    apiServer: { authorizedIPRanges: ["203.0.113.0/24"], disableRunCommand: true },
    addons: { azurePolicy: true, keyVaultSecretsProvider: { rotationPollInterval: "5m" }, imageCleaner: { intervalHours: 48 } },
    monitoring: { logAnalyticsWorkspaceId: WORKSPACE_ID, defender: true, prometheus: { azureMonitorWorkspaceId: METRICS_WORKSPACE_ID } },
    maintenance: {
        autoUpgrade: { dayOfWeek: "Sunday", startTime: "02:00", durationHours: 4, utcOffset: "+09:00" },
        nodeOSUpgrade: { dayOfWeek: "Wednesday", startTime: "03:30", durationHours: 6, intervalWeeks: 2 },
    },
    autoscalerProfile: { expander: "least-waste", scaleDownUnneededTime: "20m", scaleDownUtilizationThreshold: 0.6 },
    nodePools: [fixedSystemPool, autoscaledPool],
};

/**
 * A Kubernetes version AKS supports today: the newest minor of the shipped calendar that is GA
 * and in support on the day the tests run. Tests that declare a cluster pin it, so they fail,
 * with the stacks, once the calendar (components/cluster/upgrades/kubernetes-versions.ts) goes stale.
 */
export const SUPPORTED_VERSION: string = (() => {
    const today = new Date();
    const current = AKS_MINOR_VERSIONS.filter((row) => new Date(`${row.ga}-01T00:00:00Z`) <= today && versionSupport(row.version, "KubernetesOfficial", today).status === "supported");
    if (current.length === 0) throw new Error("no version of the AKS calendar is supported today: refresh components/cluster/upgrades/kubernetes-versions.ts");
    return current[current.length - 1].version;
})();

/** The minor version after `version`: `"1.36"` → `"1.37"`. */
export function minorAfter(version: string): string {
    const [major, minor] = version.split(".").map(Number);
    return `${major}.${minor + 1}`;
}
