import { ClusterIdentity, KubenetCluster, KubenetClusterArgs, KubenetNetwork, KubenetNetworkArgs, ClusterIdentityArgs } from "../../components";

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
        vnetId: network.vnetScopeId,
        subnetId: network.subnetId,
        routeTableId: network.routeTableId,
        tags: { env: "test" },
        ...overrides.identity,
    });
    const cluster = new KubenetCluster("k", {
        resourceGroupName: "rg-aks",
        location: "koreacentral",
        clusterName: "aks-test",
        subnetId: network.subnetId,
        identityId: identity.identityId,
        networkAddressing: network.addressing,
        nodePools: [{ name: "system", mode: "System", count: 3, availabilityZones: ["1", "2", "3"] }],
        tags: { env: "test" },
        ...overrides.cluster,
    });
    return { network, identity, cluster };
}
