import { PodNetworking, podCidrNodeSlots, routeTableNodeSlots, subnetAddressesPerNode, subnetCapacity } from "./capacity";
import { Cidr, formatCidr, parseCidr } from "./cidr";
import { DEFAULT_MAX_SURGE, OVERLAY_MAX_NODES, ROUTE_TABLE_ROUTE_LIMIT } from "./limits";
import { PathOf, Problem, samePath } from "./problem";
import {
    NamedCidr,
    checkCidr,
    checkDisjoint,
    checkDnsServiceIp,
    checkMaxPods,
    checkNotReserved,
    checkPodCidrSize,
    checkPoolPodRoom,
    checkRouteOutsidePodCidr,
    checkNextHopOutsidePodCidr,
    checkServiceCidrSize,
    checkSubnetInVnet,
    checkSubnetSize,
} from "./rules";
import { parseMaxSurge, surgeNodes } from "./surge";
import { checkNotForbiddenInVnet } from "./forbidden-ranges";

/*
 * The address rules composed for the two places they apply: the network (vnet, subnet, routes,
 * reserved ranges) and the cluster (pod and service ranges, DNS IP, pools and their capacity,
 * checked against the network they land in). Problems carry the field names below, mapped
 * through `pathOf` to the names the caller's users wrote.
 */

/** A custom route's destination. */
export interface RouteAddressing {
    /** A CIDR, or an Azure service tag such as `AzureCloud` (not address-checked). */
    addressPrefix: string;
    /** A VirtualAppliance route's next hop: an appliance's private address in the network. */
    nextHopIpAddress?: string;
}

/** A network's ranges, for checking a cluster's ranges and capacity against them. */
export interface NetworkAddressing {
    /** The vnet's address space. */
    vnetCidr?: string;
    /** The cluster subnet. */
    subnetCidr?: string;
    /** On-premises or peered ranges nothing may overlap. */
    reservedCidrs?: string[];
    /** Custom routes in the cluster's route table: they take route-table slots from nodes. */
    routes?: RouteAddressing[];
    /**
     * The route table is yours (`existingRouteTableId`): `routes` lists only the routes declared
     * with the network, not those the table already has.
     */
    externalRouteTable?: boolean;
}

export interface PoolSizing {
    maxPods: number;
    /** Nodes at the pool's smallest and largest size (count, or minCount / maxCount). */
    minNodes: number;
    maxNodes: number;
    maxSurge?: string;
}

export interface ClusterAddressing {
    podNetworking: PodNetworking;
    podCidr: string;
    serviceCidr: string;
    dnsServiceIP: string;
    nodePools: PoolSizing[];
    /** The network the cluster lands in; its own problems are the network's to report. */
    network?: NetworkAddressing;
}

/** Azure route prefixes may also be service tags, which carry no address to check. */
export function isServiceTag(addressPrefix: string): boolean {
    return /^[A-Za-z][A-Za-z0-9.]*$/.test(addressPrefix);
}

function named(text: string | undefined, path: string, problems?: Problem[]): NamedCidr | undefined {
    if (text === undefined) return undefined;
    const checked = checkCidr(text, path);
    problems?.push(...checked.problems);
    return checked.cidr && { path, cidr: checked.cidr };
}

export function validateNetworkAddressing(input: NetworkAddressing, pathOf: PathOf = samePath): Problem[] {
    const problems: Problem[] = [];
    const vnet = named(input.vnetCidr, pathOf("vnetCidr"), problems);
    const subnet = named(input.subnetCidr, pathOf("subnetCidr"), problems);
    const reserved = (input.reservedCidrs ?? []).map((text, i) => named(text, pathOf(`reservedCidrs[${i}]`), problems));
    (input.routes ?? []).forEach((route, i) => {
        if (!isServiceTag(route.addressPrefix)) named(route.addressPrefix, pathOf(`routes[${i}].addressPrefix`), problems);
    });
    for (const range of [vnet, subnet]) {
        if (range) problems.push(...checkNotReserved(range), ...checkNotForbiddenInVnet(range, true));
    }
    if (subnet) problems.push(...checkSubnetSize(subnet));
    if (vnet && subnet) problems.push(...checkSubnetInVnet(subnet, vnet));
    for (const own of reserved) {
        if (own && vnet) problems.push(...checkDisjoint(vnet, own, "the vnet must not overlap networks reached from it"));
    }
    return problems;
}

interface ParsedNetwork {
    vnet?: NamedCidr;
    subnet?: NamedCidr;
    reserved: NamedCidr[];
    routes: NamedCidr[];
    /** VirtualAppliance routes' next hops, as /32s. */
    nextHops: NamedCidr[];
}

/** The network's ranges as context: malformed ones are skipped, the network reports them. */
function networkContext(network: NetworkAddressing | undefined, pathOf: PathOf): ParsedNetwork {
    const keep = (x: NamedCidr | undefined): x is NamedCidr => x !== undefined;
    return {
        vnet: named(network?.vnetCidr, pathOf("vnetCidr")),
        subnet: named(network?.subnetCidr, pathOf("subnetCidr")),
        reserved: (network?.reservedCidrs ?? []).map((t, i) => named(t, pathOf(`reservedCidrs[${i}]`))).filter(keep),
        routes: (network?.routes ?? [])
            .map((r, i) => (isServiceTag(r.addressPrefix) ? undefined : named(r.addressPrefix, pathOf(`routes[${i}].addressPrefix`))))
            .filter(keep),
        nextHops: (network?.routes ?? [])
            .map((r, i) => (r.nextHopIpAddress === undefined ? undefined : named(`${r.nextHopIpAddress}/32`, pathOf(`routes[${i}].nextHopIpAddress`))))
            .filter(keep),
    };
}

export function validateClusterAddressing(input: ClusterAddressing, pathOf: PathOf = samePath): Problem[] {
    const problems: Problem[] = [];
    const network = networkContext(input.network, pathOf);
    const usesPodCidr = input.podNetworking !== "azure";
    const pod = usesPodCidr ? named(input.podCidr, pathOf("podCidr"), problems) : undefined;
    const service = named(input.serviceCidr, pathOf("serviceCidr"), problems);
    problems.push(...checkDnsServiceIp(input.dnsServiceIP, pathOf("dnsServiceIP"), service));

    // Without the vnet's range (a bring-your-own subnet), the subnet is the best known part of it.
    const nodeNetwork = network.vnet ?? network.subnet;
    if (pod) {
        problems.push(...checkNotReserved(pod), ...checkPodCidrSize(pod));
        if (nodeNetwork) problems.push(...checkDisjoint(pod, nodeNetwork, "pods take addresses outside the vnet"));
        for (const route of network.routes) problems.push(...checkRouteOutsidePodCidr(route, pod));
        for (const hop of network.nextHops) problems.push(...checkNextHopOutsidePodCidr(hop, pod));
    }
    if (service) {
        problems.push(...checkNotReserved(service), ...checkServiceCidrSize(service));
        if (nodeNetwork) problems.push(...checkDisjoint(service, nodeNetwork, "the service CIDR must not be used anywhere in the network"));
        if (pod) problems.push(...checkDisjoint(service, pod, "the service and pod CIDRs must be disjoint"));
    }
    for (const own of network.reserved) {
        const why = "the range is in use elsewhere in the network";
        if (pod) problems.push(...checkDisjoint(pod, own, why));
        if (service) problems.push(...checkDisjoint(service, own, why));
    }

    const poolProblems = input.nodePools.flatMap((pool, i) => validatePoolSizing(pool, `nodePools[${i}]`, pathOf));
    problems.push(...poolProblems);
    // Without a network only the subnet's own capacity is unknown: the pod CIDR, the route table
    // and Overlay's node limit still bound the pools.
    if (poolProblems.length === 0) problems.push(...checkScale(input, network, pod?.cidr, pathOf));
    return problems;
}

function validatePoolSizing(pool: PoolSizing, field: string, pathOf: PathOf): Problem[] {
    const problems = checkMaxPods(pool.maxPods, pathOf(`${field}.maxPods`));
    if (problems.length === 0) problems.push(...checkPoolPodRoom(pool.maxPods, pool.minNodes, pathOf(`${field}.maxPods`)));
    return problems;
}

/** What the pools need at maximum scale while every pool surges for an upgrade. */
export interface ScaleNeed {
    nodes: number;
    surgeNodes: number;
    subnetAddresses: number;
}

export function scaleNeed(pools: PoolSizing[], podNetworking: PodNetworking): ScaleNeed {
    let nodes = 0;
    let surge = 0;
    let subnetAddresses = 0;
    for (const pool of pools) {
        const parsed = parseMaxSurge(pool.maxSurge ?? DEFAULT_MAX_SURGE);
        const extra = parsed.ok ? surgeNodes(pool.maxNodes, parsed.value) : 0;
        nodes += pool.maxNodes;
        surge += extra;
        subnetAddresses += (pool.maxNodes + extra) * subnetAddressesPerNode(podNetworking, pool.maxPods);
    }
    return { nodes, surgeNodes: surge, subnetAddresses };
}

function checkScale(input: ClusterAddressing, network: ParsedNetwork, pod: Cidr | undefined, pathOf: PathOf): Problem[] {
    const need = scaleNeed(input.nodePools, input.podNetworking);
    const total = need.nodes + need.surgeNodes;
    const needText = `${total} nodes at maximum scale with upgrade surge (${need.nodes} + ${need.surgeNodes})`;
    const problems: Problem[] = [];
    const subnet = network.subnet && subnetCapacity(network.subnet.cidr);
    if (subnet && need.subnetAddresses > subnet.usable) {
        const perNode = input.podNetworking === "azure" ? " (each node takes 1 + maxPods addresses)" : "";
        problems.push({
            path: network.subnet!.path,
            message: `${subnet.cidr} has ${subnet.usable} usable addresses but the node pools need ${need.subnetAddresses} for ${needText}${perNode}`,
        });
    }
    if (pod && podCidrNodeSlots(pod) < total && pod.prefix <= 24) {
        problems.push({
            path: pathOf("podCidr"),
            message: `${formatCidr(pod)} has ${podCidrNodeSlots(pod)} /24 node ranges but the node pools need ${needText}`,
        });
    }
    // Every custom route, service tags included, takes a slot AKS could use for a node.
    const customRoutes = input.network?.routes?.length ?? 0;
    const routeSlots = routeTableNodeSlots(customRoutes);
    if (input.podNetworking === "kubenet" && total > routeSlots) {
        problems.push({
            path: pathOf("nodePools"),
            message: `${needText} exceed the ${routeSlots} node routes a route table can hold (${ROUTE_TABLE_ROUTE_LIMIT} routes${customRoutes ? ` less ${customRoutes} custom` : ""}); kubenet clusters can't exceed ${ROUTE_TABLE_ROUTE_LIMIT} nodes`,
        });
    }
    if (input.podNetworking === "overlay" && total > OVERLAY_MAX_NODES) {
        problems.push({ path: pathOf("nodePools"), message: `${needText} exceed the ${OVERLAY_MAX_NODES} nodes Azure CNI Overlay supports` });
    }
    return problems;
}

/** Share of the subnet or pod CIDR that may be planned before a warning: 20% headroom. */
export const HEADROOM_WARNING_THRESHOLD = 0.8;

/**
 * Warnings for a cluster that fits but leaves less than 20% of its subnet or pod CIDR free at
 * maximum scale: the ranges can't be changed after creation, so growth means a new cluster.
 */
export function clusterAddressingWarnings(input: ClusterAddressing, pathOf: PathOf = samePath): Problem[] {
    const network = networkContext(input.network, pathOf);
    if (!network.subnet || validateClusterAddressing(input, pathOf).length > 0) return [];
    const need = scaleNeed(input.nodePools, input.podNetworking);
    const warnings: Problem[] = [];
    const subnet = subnetCapacity(network.subnet.cidr);
    const share = (used: number, of: number) => Math.round((100 * used) / of);
    if (need.subnetAddresses > HEADROOM_WARNING_THRESHOLD * subnet.usable) {
        warnings.push({
            path: network.subnet.path,
            message: `the node pools at maximum scale with upgrade surge use ${need.subnetAddresses} of ${subnet.usable} usable addresses (${share(need.subnetAddresses, subnet.usable)}%); leave at least 20% headroom, as the subnet can't grow under a running cluster`,
        });
    }
    const pod = input.podNetworking === "azure" ? undefined : parseCidr(input.podCidr);
    if (pod?.ok) {
        const slots = podCidrNodeSlots(pod.value);
        const nodes = need.nodes + need.surgeNodes;
        if (nodes > HEADROOM_WARNING_THRESHOLD * slots) {
            warnings.push({
                path: pathOf("podCidr"),
                message: `the node pools at maximum scale with upgrade surge use ${nodes} of ${slots} /24 node ranges (${share(nodes, slots)}%); the pod CIDR can't be changed after creation`,
            });
        }
    }
    return warnings;
}
