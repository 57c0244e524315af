import { CapacityPlan, LimitedBy, smallestPodCidrPrefix, smallestSubnetPrefix, subnetAddressesPerNode } from "./capacity";
import { MaxSurge, surgeNodes } from "./surge";

/* Whether a number of nodes fits a capacity plan, and what limits it. */

/** Whether a number of nodes, plus the nodes an upgrade surges, fits a capacity plan. */
export interface NodeFit {
    nodes: number;
    surgeNodes: number;
    nodesNeeded: number;
    subnetAddressesNeeded: number;
    fits: boolean;
    /** The constraints that can't hold `nodesNeeded`. */
    shortOf: LimitedBy[];
    /**
     * Smallest subnet / pod CIDR prefix that would hold `nodesNeeded`; null if none can, which
     * is also the case when a limit no range lifts (the route table, the cluster limit) is short.
     */
    smallestSubnet: string | null;
    smallestPodCidr: string | null;
}

export function fitNodes(plan: CapacityPlan, nodes: number, surge: MaxSurge): NodeFit {
    const extra = surgeNodes(nodes, surge);
    const nodesNeeded = nodes + extra;
    const subnetAddressesNeeded = nodesNeeded * subnetAddressesPerNode(plan.podNetworking, plan.maxPodsPerNode);
    const shortOf = (Object.keys(plan.nodeSlots) as LimitedBy[]).filter((key) => {
        const slots = plan.nodeSlots[key];
        return slots !== null && slots < nodesNeeded;
    });
    const rangesCanHelp = !shortOf.some((key) => key === "routeTable" || key === "clusterLimit");
    const subnetPrefix = rangesCanHelp ? smallestSubnetPrefix(subnetAddressesNeeded) : null;
    const podPrefix = plan.podCidr === null || !rangesCanHelp ? null : smallestPodCidrPrefix(nodesNeeded);
    return {
        nodes,
        surgeNodes: extra,
        nodesNeeded,
        subnetAddressesNeeded,
        fits: shortOf.length === 0,
        shortOf,
        smallestSubnet: subnetPrefix === null ? null : `/${subnetPrefix}`,
        smallestPodCidr: podPrefix === null ? null : `/${podPrefix}`,
    };
}
