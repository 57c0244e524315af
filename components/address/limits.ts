/*
 * The numbers of the AKS kubenet guide and Microsoft's AKS / virtual-network documentation,
 * in one place so every rule and every report quotes the same figure.
 */

/** Azure takes the network address, .1 (gateway), .2 and .3 (Azure DNS) and the broadcast. */
export const AZURE_RESERVED_ADDRESSES_PER_SUBNET = 5;

/** Azure's smallest subnet. */
export const AZURE_SMALLEST_SUBNET_PREFIX = 29;

/** Kubenet gives every node one /24 of the pod CIDR. */
export const POD_CIDR_PREFIX_PER_NODE = 24;

/** A route table holds at most 400 routes, and kubenet needs one route per node. */
export const ROUTE_TABLE_ROUTE_LIMIT = 400;

/** Azure CNI Overlay has no route table and supports clusters of up to 5,000 nodes. */
export const OVERLAY_MAX_NODES = 5000;

export const MAX_PODS_MIN = 10;
export const MAX_PODS_MAX = 250;
export const KUBENET_DEFAULT_MAX_PODS = 110;
export const AZURE_CNI_DEFAULT_MAX_PODS = 30;
/** A pool may go as low as 10 pods per node only while the pool still has room for 30 pods. */
export const MIN_PODS_PER_POOL = 30;

/** The service CIDR must be smaller than a /12. */
export const SERVICE_CIDR_LARGEST_PREFIX = 12;

/** Default upgrade surge when a pool doesn't set one: 10%, fractional nodes rounded up. */
export const DEFAULT_MAX_SURGE = "10%";

export const DEFAULT_POD_CIDR = "10.244.0.0/16";
export const DEFAULT_SERVICE_CIDR = "10.0.0.0/16";
export const DEFAULT_DNS_SERVICE_IP = "10.0.0.10";
export const DEFAULT_VM_SIZE = "Standard_DS2_v2";

/** Ranges AKS can't use for the vnet, pod CIDR or service CIDR. */
export const AKS_RESERVED_RANGES: readonly string[] = [
    "169.254.0.0/16",
    "172.30.0.0/16",
    "172.31.0.0/16",
    "192.0.2.0/24",
];

/** The date AKS retires kubenet. */
export const KUBENET_RETIREMENT_DATE = "2028-03-31";

/** Whole days from `today` until AKS retires kubenet, rounded up; negative once it has. */
export function daysUntilKubenetRetirement(today: Date): number {
    return Math.ceil((new Date(`${KUBENET_RETIREMENT_DATE}T00:00:00Z`).getTime() - today.getTime()) / 86_400_000);
}
