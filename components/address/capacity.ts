import { Cidr, cidrSize, formatCidr } from "./cidr";
import {
    AZURE_CNI_DEFAULT_MAX_PODS,
    AZURE_RESERVED_ADDRESSES_PER_SUBNET,
    AZURE_SMALLEST_SUBNET_PREFIX,
    KUBENET_DEFAULT_MAX_PODS,
    OVERLAY_MAX_NODES,
    POD_CIDR_PREFIX_PER_NODE,
    ROUTE_TABLE_ROUTE_LIMIT,
} from "./limits";

/*
 * How many nodes and pods a subnet, a pod CIDR and a route table hold, for each way pods get
 * addresses.
 */

/**
 * How pods get their addresses, which decides the arithmetic:
 * - kubenet: nodes from the subnet, pods from a /24 of the pod CIDR per node, one UDR per node;
 * - azure (classic CNI): every pod takes a subnet address, reserved up front per node;
 * - overlay (Azure CNI Overlay): nodes from the subnet, a /24 of the pod CIDR per node, no UDRs.
 */
export type PodNetworking = "kubenet" | "azure" | "overlay";

export type LimitedBy = "subnet" | "podCidr" | "routeTable" | "clusterLimit";

export interface SubnetCapacity {
    cidr: string;
    addresses: number;
    reserved: number;
    usable: number;
}

export interface CapacityInput {
    subnet: Cidr;
    podNetworking: PodNetworking;
    /** Required for kubenet and overlay; ignored by classic CNI. */
    podCidr?: Cidr;
    /** Pods per node; defaults to 110 (kubenet, overlay) or 30 (classic CNI). */
    maxPods?: number;
    /** Custom routes share the route table with AKS's per-node routes. */
    customRoutes?: number;
}

export interface CapacityPlan {
    subnet: SubnetCapacity;
    podNetworking: PodNetworking;
    podCidr: string | null;
    maxPodsPerNode: number;
    /** How many nodes each constraint allows on its own; null where it does not apply. */
    nodeSlots: {
        subnet: number;
        podCidr: number | null;
        routeTable: number | null;
        clusterLimit: number | null;
    };
    maxNodes: number;
    maxPods: number;
    limitedBy: LimitedBy;
}

export function defaultMaxPods(podNetworking: PodNetworking): number {
    return podNetworking === "azure" ? AZURE_CNI_DEFAULT_MAX_PODS : KUBENET_DEFAULT_MAX_PODS;
}

export function subnetCapacity(subnet: Cidr): SubnetCapacity {
    const addresses = cidrSize(subnet);
    const reserved = Math.min(AZURE_RESERVED_ADDRESSES_PER_SUBNET, addresses);
    return { cidr: formatCidr(subnet), addresses, reserved, usable: addresses - reserved };
}

/** Nodes a pod CIDR can serve: one /24 each, so a /p holds 2^(24−p); longer than /24 holds none. */
export function podCidrNodeSlots(podCidr: Cidr): number {
    return podCidr.prefix > POD_CIDR_PREFIX_PER_NODE ? 0 : 2 ** (POD_CIDR_PREFIX_PER_NODE - podCidr.prefix);
}

/** Nodes the route table can carry once the custom routes are in it. */
export function routeTableNodeSlots(customRoutes = 0): number {
    return Math.max(0, ROUTE_TABLE_ROUTE_LIMIT - customRoutes);
}

/** Subnet addresses one node consumes: itself, plus every pod under classic CNI. */
export function subnetAddressesPerNode(podNetworking: PodNetworking, maxPods: number): number {
    return podNetworking === "azure" ? 1 + maxPods : 1;
}

export function planCapacity(input: CapacityInput): CapacityPlan {
    const { podNetworking } = input;
    const maxPodsPerNode = input.maxPods ?? defaultMaxPods(podNetworking);
    const subnet = subnetCapacity(input.subnet);
    const usesPodCidr = podNetworking !== "azure";
    if (usesPodCidr && !input.podCidr) {
        throw new Error(`planCapacity: a pod CIDR is needed for ${podNetworking}`);
    }
    const nodeSlots = {
        subnet: Math.floor(subnet.usable / subnetAddressesPerNode(podNetworking, maxPodsPerNode)),
        podCidr: usesPodCidr && input.podCidr ? podCidrNodeSlots(input.podCidr) : null,
        routeTable: podNetworking === "kubenet" ? routeTableNodeSlots(input.customRoutes) : null,
        clusterLimit: podNetworking === "overlay" ? OVERLAY_MAX_NODES : null,
    };
    // Ties go to the first constraint in this order: the one a user is most likely to change.
    const order: LimitedBy[] = ["subnet", "podCidr", "routeTable", "clusterLimit"];
    let limitedBy: LimitedBy = "subnet";
    for (const key of order) {
        const slots = nodeSlots[key];
        if (slots !== null && slots < nodeSlots[limitedBy]!) limitedBy = key;
    }
    const maxNodes = nodeSlots[limitedBy]!;
    return {
        subnet,
        podNetworking,
        podCidr: input.podCidr ? formatCidr(input.podCidr) : null,
        maxPodsPerNode,
        nodeSlots,
        maxNodes,
        maxPods: maxNodes * maxPodsPerNode,
        limitedBy,
    };
}

/** The longest prefix (smallest subnet) Azure allows whose usable addresses cover `addresses`. */
export function smallestSubnetPrefix(addresses: number): number | null {
    for (let prefix = AZURE_SMALLEST_SUBNET_PREFIX; prefix >= 0; prefix--) {
        if (2 ** (32 - prefix) - AZURE_RESERVED_ADDRESSES_PER_SUBNET >= addresses) return prefix;
    }
    return null;
}

/** The longest pod CIDR prefix with a /24 for each of `nodes`. */
export function smallestPodCidrPrefix(nodes: number): number | null {
    for (let prefix = POD_CIDR_PREFIX_PER_NODE; prefix >= 0; prefix--) {
        if (2 ** (POD_CIDR_PREFIX_PER_NODE - prefix) >= nodes) return prefix;
    }
    return null;
}
