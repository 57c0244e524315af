import * as pulumi from "@pulumi/pulumi";
import { ClusterIdentity, KubenetCluster, NetworkRanges } from "aks-kubenet";

export interface SpokeClusterArgs {
    /** The network stack, `<org>/aks-spoke-network/<stack>` (or `aks-spoke-network/<stack>` on a self-managed backend). */
    networkStack: string;
    resourceGroupName: string;
    location: string;
    clusterName: string;
    authorizedIPRanges: string[];
}

/**
 * The platform team's side: the cluster identity, its Network Contributor grants on the network
 * team's subnet and route table, and the cluster, all from the network stack's outputs.
 */
export function spokeCluster(args: SpokeClusterArgs) {
    const network = new pulumi.StackReference(args.networkStack);
    const output = <T>(name: string) => network.requireOutput(name) as pulumi.Output<T>;

    const identity = new ClusterIdentity("aks", {
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        vnetId: output<string>("vnetId"),
        subnetId: output<string>("subnetId"),
        routeTableId: output<string>("routeTableId"),
        roleScope: "subnet",
    });
    const cluster = new KubenetCluster("aks", {
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        name: args.clusterName,
        subnetId: output<string>("subnetId"),
        identityId: identity.identityId,
        // The network stack's ranges and firewall IPs, straight from its outputs: the cluster's
        // ranges are checked against them once they are read, before anything is created.
        networkAddressing: output<NetworkRanges>("addressing"),
        podCidr: "100.64.0.0/16",
        serviceCidr: "100.65.0.0/16",
        dnsServiceIP: "100.65.0.10",
        networkPolicy: "calico",
        outboundType: "userDefinedRouting",
        apiServer: { authorizedIPRanges: args.authorizedIPRanges },
        egressPublicIPs: output<string[]>("egressPublicIPs"),
        skuTier: "Standard",
        nodePools: [
            { name: "system", mode: "System", count: 3, availabilityZones: ["1", "2", "3"], nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"] },
            { name: "apps", mode: "User", enableAutoScaling: true, minCount: 2, maxCount: 10, availabilityZones: ["1", "2", "3"] },
        ],
    });
    return { clusterName: cluster.clusterName, clusterId: cluster.clusterId, identityPrincipalId: identity.principalId };
}
