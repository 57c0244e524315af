import * as pulumi from "@pulumi/pulumi";
import { ClusterIdentity, KubenetCluster, NetworkAddressing } from "aks-kubenet";

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
export async function spokeCluster(args: SpokeClusterArgs) {
    const network = new pulumi.StackReference(args.networkStack);
    const output = (name: string) => network.requireOutput(name) as pulumi.Output<string>;
    // Read as plain values, so the cluster's ranges are checked against the network's before
    // anything is created, exactly as in a single stack.
    const addressing = (await network.getOutputDetails("addressing")).value as NetworkAddressing | undefined;
    const egress = (await network.getOutputDetails("egressPublicIPs")).value as string[] | undefined;
    if (addressing === undefined || egress === undefined) {
        throw new pulumi.RunError(`${args.networkStack} has no addressing or egressPublicIPs output: run pulumi up on the network stack first`);
    }

    const identity = new ClusterIdentity("aks", {
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        vnetId: output("vnetId"),
        subnetId: output("subnetId"),
        routeTableId: output("routeTableId"),
        roleScope: "subnet",
    });
    const cluster = new KubenetCluster("aks", {
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        name: args.clusterName,
        subnetId: output("subnetId"),
        identityId: identity.identityId,
        networkAddressing: addressing,
        podCidr: "100.64.0.0/16",
        serviceCidr: "100.65.0.0/16",
        dnsServiceIP: "100.65.0.10",
        networkPolicy: "calico",
        outboundType: "userDefinedRouting",
        apiServer: { authorizedIPRanges: args.authorizedIPRanges },
        egressPublicIPs: egress,
        skuTier: "Standard",
        nodePools: [
            { name: "system", mode: "System", count: 3, availabilityZones: ["1", "2", "3"], nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"] },
            { name: "apps", mode: "User", enableAutoScaling: true, minCount: 2, maxCount: 10, availabilityZones: ["1", "2", "3"] },
        ],
    });
    return { clusterName: cluster.clusterName, clusterId: cluster.clusterId, identityPrincipalId: identity.principalId };
}
