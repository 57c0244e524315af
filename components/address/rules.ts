import { Cidr, containsAddress, contains, formatCidr, formatIPv4, lastAddress, overlaps, parseCidr, parseCidrOrThrow, parseIPv4 } from "./cidr";
import {
    AKS_RESERVED_RANGES,
    AZURE_SMALLEST_SUBNET_PREFIX,
    MAX_PODS_MAX,
    MAX_PODS_MIN,
    MIN_PODS_PER_POOL,
    POD_CIDR_PREFIX_PER_NODE,
    SERVICE_CIDR_LARGEST_PREFIX,
} from "./limits";
import { Problem } from "./problem";

/*
 * Each rule of the kubenet guide as a small function. A rule returns every problem it finds
 * (an empty list when the input is good) with the key path it was given, never throws.
 */

/** A parsed range with the key path it came from, so messages can name both sides. */
export interface NamedCidr {
    readonly path: string;
    readonly cidr: Cidr;
}

const RESERVED = AKS_RESERVED_RANGES.map(parseCidrOrThrow);

/** Parses a CIDR, reporting a malformed one under `path`. */
export function checkCidr(text: string, path: string): { cidr?: Cidr; problems: Problem[] } {
    const parsed = parseCidr(text);
    return parsed.ok ? { cidr: parsed.value, problems: [] } : { problems: [{ path, message: parsed.error }] };
}

/** The vnet, subnet, pod CIDR and service CIDR must stay out of the ranges AKS reserves. */
export function checkNotReserved(range: NamedCidr): Problem[] {
    return RESERVED.filter((reserved) => overlaps(range.cidr, reserved)).map((reserved) => ({
        path: range.path,
        message: `${formatCidr(range.cidr)} overlaps ${formatCidr(reserved)}, a range AKS reserves`,
    }));
}

/** Two ranges that must be disjoint; the problem is reported on `a`. */
export function checkDisjoint(a: NamedCidr, b: NamedCidr, why: string): Problem[] {
    return overlaps(a.cidr, b.cidr)
        ? [{ path: a.path, message: `${formatCidr(a.cidr)} overlaps ${b.path} ${formatCidr(b.cidr)}; ${why}` }]
        : [];
}

export function checkSubnetInVnet(subnet: NamedCidr, vnet: NamedCidr): Problem[] {
    return contains(vnet.cidr, subnet.cidr)
        ? []
        : [{ path: subnet.path, message: `${formatCidr(subnet.cidr)} is not inside ${vnet.path} ${formatCidr(vnet.cidr)}` }];
}

export function checkSubnetSize(subnet: NamedCidr): Problem[] {
    return subnet.cidr.prefix > AZURE_SMALLEST_SUBNET_PREFIX
        ? [{
            path: subnet.path,
            message: `${formatCidr(subnet.cidr)} is smaller than /${AZURE_SMALLEST_SUBNET_PREFIX}, the smallest subnet Azure allows`,
        }]
        : [];
}

/** Every node takes a /24 of the pod CIDR, so the pod CIDR must be at least a /24. */
export function checkPodCidrSize(podCidr: NamedCidr): Problem[] {
    return podCidr.cidr.prefix > POD_CIDR_PREFIX_PER_NODE
        ? [{
            path: podCidr.path,
            message: `${formatCidr(podCidr.cidr)} can't hold a single node: each node takes a /${POD_CIDR_PREFIX_PER_NODE} of the pod CIDR, so use /${POD_CIDR_PREFIX_PER_NODE} or larger`,
        }]
        : [];
}

export function checkServiceCidrSize(serviceCidr: NamedCidr): Problem[] {
    return serviceCidr.cidr.prefix <= SERVICE_CIDR_LARGEST_PREFIX
        ? [{
            path: serviceCidr.path,
            message: `${formatCidr(serviceCidr.cidr)} is too large: the service CIDR must be smaller than /${SERVICE_CIDR_LARGEST_PREFIX} (use /${SERVICE_CIDR_LARGEST_PREFIX + 1} or a longer prefix)`,
        }]
        : [];
}

/**
 * The DNS service IP must be a service address Kubernetes can hand out: inside the service
 * CIDR, not its network or broadcast address, and not its first usable address, which the
 * `kubernetes` service in `default` always takes.
 */
export function checkDnsServiceIp(dnsServiceIP: string, path: string, serviceCidr?: NamedCidr): Problem[] {
    const parsed = parseIPv4(dnsServiceIP);
    if (!parsed.ok) return [{ path, message: parsed.error }];
    if (!serviceCidr) return [];
    const ip = parsed.value;
    const range = serviceCidr.cidr;
    const conventional = formatIPv4(range.network + 10);
    if (!containsAddress(range, ip)) {
        return [{ path, message: `${dnsServiceIP} is outside ${serviceCidr.path} ${formatCidr(range)}; use an address inside it, by convention ${conventional}` }];
    }
    if (ip === range.network || ip === lastAddress(range)) {
        return [{ path, message: `${dnsServiceIP} is the ${ip === range.network ? "network" : "broadcast"} address of ${formatCidr(range)}; use ${conventional}` }];
    }
    if (ip === range.network + 1) {
        return [{ path, message: `${dnsServiceIP} is the first usable address of ${formatCidr(range)}, which the kubernetes service takes; use ${conventional}` }];
    }
    return [];
}

export function checkMaxPods(maxPods: number, path: string): Problem[] {
    return Number.isInteger(maxPods) && maxPods >= MAX_PODS_MIN && maxPods <= MAX_PODS_MAX
        ? []
        : [{ path, message: `${maxPods} is out of range: max pods per node must be a whole number from ${MAX_PODS_MIN} to ${MAX_PODS_MAX}` }];
}

/** A pool with nodes must have room for 30 pods at its smallest size (AKS's floor). */
export function checkPoolPodRoom(maxPods: number, minimumNodes: number, path: string): Problem[] {
    return minimumNodes > 0 && maxPods * minimumNodes < MIN_PODS_PER_POOL
        ? [{
            path,
            message: `${minimumNodes} node(s) × ${maxPods} pods = ${maxPods * minimumNodes}: a node pool needs room for at least ${MIN_PODS_PER_POOL} pods; raise maxPods or the node count`,
        }]
        : [];
}

/**
 * A custom route equal to or inside the pod CIDR competes with the per-node /24 routes AKS
 * writes (longest prefix wins); broader routes such as 0.0.0.0/0 don't.
 */
export function checkRouteOutsidePodCidr(route: NamedCidr, podCidr: NamedCidr): Problem[] {
    return contains(podCidr.cidr, route.cidr)
        ? [{
            path: route.path,
            message: `${formatCidr(route.cidr)} is inside ${podCidr.path} ${formatCidr(podCidr.cidr)} and would compete with the per-node routes AKS writes; route a broader prefix or none`,
        }]
        : [];
}

/**
 * A VirtualAppliance next hop is an appliance in the network (a firewall's private address):
 * inside the pod CIDR it is a pod's address, which kubenet routes to a node through the per-node
 * routes and which moves with the pod, so the route's traffic would never reach an appliance.
 */
export function checkNextHopOutsidePodCidr(hop: NamedCidr, podCidr: NamedCidr): Problem[] {
    return contains(podCidr.cidr, hop.cidr)
        ? [{ path: hop.path, message: `${formatIPv4(hop.cidr.network)} is inside ${podCidr.path} ${formatCidr(podCidr.cidr)}: a next hop is an appliance in the network (your firewall's private address), not a pod's` }]
        : [];
}
