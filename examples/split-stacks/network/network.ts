import * as pulumi from "@pulumi/pulumi";
import { KubenetNetwork } from "aks-kubenet";

export interface SpokeNetworkArgs {
    resourceGroupName: string;
    location: string;
    vnetCidr: string;
    subnetCidr: string;
    /** The hub firewall's private IP (the 0.0.0.0/0 next hop) and its public egress IP. */
    firewallPrivateIp: string;
    firewallPublicIp: string;
    reservedCidrs: string[];
}

/**
 * The network team's side: the spoke vnet, the cluster subnet, the route table associated with
 * it and the route sending all egress to the hub firewall. Its outputs are what the cluster
 * team's stack reads through a StackReference.
 */
export function spokeNetwork(args: SpokeNetworkArgs) {
    const network = new KubenetNetwork("spoke", {
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        vnetCidr: args.vnetCidr,
        subnetCidr: args.subnetCidr,
        reservedCidrs: args.reservedCidrs,
        routes: [{ name: "egress-firewall", addressPrefix: "0.0.0.0/0", nextHopType: "VirtualAppliance", nextHopIpAddress: args.firewallPrivateIp }],
    });
    return {
        vnetId: network.vnetId,
        subnetId: network.subnetId,
        routeTableId: network.routeTableId!,
        // Plain values: the cluster stack checks its pod and service ranges against them.
        addressing: network.addressing,
        egressPublicIPs: pulumi.output([args.firewallPublicIp]),
    };
}
