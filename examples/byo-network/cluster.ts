import * as pulumi from "@pulumi/pulumi";
import { ClusterIdentity, KubenetCluster, KubenetNetwork } from "aks-kubenet";

export interface ByoClusterArgs {
    resourceGroupName: pulumi.Input<string>;
    location: pulumi.Input<string>;
    /** The cluster's Azure name. */
    clusterName: string;
    /** The network team's subnet and the route table already associated with it. */
    subnetId: string;
    routeTableId: string;
    /** Their ranges, so the cluster's own ranges are checked against them. */
    vnetCidr: string;
    subnetCidr: string;
    /** The firewall that egress must go through. */
    firewallIp: string;
}

/**
 * A cluster in someone else's network: nothing of the network is created, the egress route is
 * added to their table, and the identity is granted on their vnet and table before the cluster.
 */
export function byoCluster(args: ByoClusterArgs) {
    const network = new KubenetNetwork("shared", {
        resourceGroupName: args.resourceGroupName,
        existingSubnetId: args.subnetId,
        existingRouteTableId: args.routeTableId,
        vnetCidr: args.vnetCidr,
        subnetCidr: args.subnetCidr,
        routes: [{ name: "egress-firewall", addressPrefix: "0.0.0.0/0", nextHopType: "VirtualAppliance", nextHopIpAddress: args.firewallIp }],
    });
    const identity = new ClusterIdentity("aks", {
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        vnetId: network.vnetId,
        subnetId: network.subnetId,
        routeTableId: network.routeTableId,
        roleScope: "subnet",
    });
    const cluster = new KubenetCluster("aks", {
        resourceGroupName: args.resourceGroupName,
        name: args.clusterName,
        location: args.location,
        subnetId: network.subnetId,
        identityId: identity.identityId,
        networkAddressing: network.addressing,
        podCidr: "100.64.0.0/16",
        serviceCidr: "100.65.0.0/16",
        dnsServiceIP: "100.65.0.10",
        outboundType: "userDefinedRouting",
        networkPolicy: "calico",
        nodePools: [
            { name: "system", mode: "System", count: 3, availabilityZones: ["1", "2", "3"] },
            { name: "apps", mode: "User", enableAutoScaling: true, minCount: 1, maxCount: 10 },
        ],
    });
    return { clusterName: cluster.clusterName, clusterId: cluster.clusterId, identityId: identity.identityId };
}
