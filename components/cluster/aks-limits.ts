import { KUBENET_DEFAULT_MAX_PODS, MAX_PODS_MAX, MAX_PODS_MIN, Problem } from "../address";

/* AKS's count limits, dated with their sources, and the rules that apply them. */

/** One of AKS's count limits, with where Microsoft states it and when that was read. */
export interface AksCountLimit {
    readonly max: number;
    readonly what: string;
    /** The page on learn.microsoft.com, and the file and revision of its source it was read from. */
    readonly source: string;
    /** The date the figure was checked against the source. */
    readonly checked: string;
}

const QUOTAS = "https://learn.microsoft.com/azure/aks/quotas-skus-regions#service-quotas-and-limits (its table is the include "
    + "includes/container-service-limits.md, read in MicrosoftDocs/azure-docs, revision of 01/12/2024, and in copies of the published page)";
const TIERS = "https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers (MicrosoftDocs/azure-aks-docs, "
    + "articles/aks/free-standard-pricing-tiers.md at commit fb060abe6a8fef960d4c487b543bf7b1e97808fe)";

/**
 * AKS's count limits on what a stack file sets. Sources: "Secure access to the API server using
 * authorized IP address ranges", "Limitations and considerations"; "Quotas, virtual machine size
 * restrictions, and region availability in AKS", "Service quotas and limits"; "Free, Standard,
 * and Premium pricing tiers for AKS cluster management". Two entries are here for reference
 * only, as other rules enforce them: nodes per pool and pods per node. Not here: the 400 routes
 * of a kubenet route table (ROUTE_TABLE_ROUTE_LIMIT in components/address/limits.ts, checked by
 * the address plan), which caps a kubenet cluster well below the tiers' node limits, and the
 * per-subscription and per-region cluster counts, which no stack file sets.
 */
export const AKS_COUNT_LIMITS = {
    authorizedIpRanges: {
        max: 200,
        what: "authorized IP ranges on the API server",
        source: "https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges#limitations-and-considerations (MicrosoftDocs/azure-aks-docs, "
            + "articles/aks/api-server-authorized-ip-ranges.md at commit fb060abe6a8fef960d4c487b543bf7b1e97808fe, ms.date 08/03/2026)",
        checked: "2026-12-01",
    },
    nodePoolsPerCluster: { max: 100, what: "node pools in a cluster", source: QUOTAS, checked: "2026-12-01" },
    /** Enforced by `checkPoolCounts` (components/cluster/validate.ts) with its own constant. */
    nodesPerPool: { max: 1000, what: "nodes in a Virtual Machine Scale Sets node pool", source: QUOTAS, checked: "2026-12-01" },
    nodesPerClusterFree: { max: 1000, what: "nodes in a cluster on the Free tier", source: TIERS, checked: "2026-12-01" },
    nodesPerClusterStandard: { max: 5000, what: "nodes in a cluster on the Standard or Premium tier, across all node pools", source: `${TIERS}; ${QUOTAS}`, checked: "2026-12-01" },
    /** Enforced by `checkMaxPods` (components/address/rules.ts); the default applies when maxPods is unset. */
    podsPerNodeKubenet: { max: MAX_PODS_MAX, what: `pods per node with kubenet (at least ${MAX_PODS_MIN}; ${KUBENET_DEFAULT_MAX_PODS} when unset)`, source: QUOTAS, checked: "2026-12-01" },
} as const satisfies Record<string, AksCountLimit>;

const number = (n: number) => n.toLocaleString("en-US");

/**
 * The API server's authorized ranges: `count` listed in the stack file plus `addedByProgram`,
 * the egress public IPs the program adds because no listed range holds them.
 */
export function authorizedRangeCountProblems(count: number, path: string, addedByProgram: number): Problem[] {
    const limit = AKS_COUNT_LIMITS.authorizedIpRanges.max;
    const total = count + addedByProgram;
    if (total <= limit) return [];
    const added = `${addedByProgram} egress public IP${addedByProgram === 1 ? "" : "s"} the program adds`;
    return [{ path, message: `${total} authorized IP ranges (${count} listed here and ${added}): AKS allows at most ${limit}; merge neighbouring ranges into wider CIDRs` }];
}

export function nodePoolCountProblems(count: number, path: string): Problem[] {
    const limit = AKS_COUNT_LIMITS.nodePoolsPerCluster.max;
    return count > limit ? [{ path, message: `${count} node pools: AKS allows at most ${limit} in a cluster` }] : [];
}

export type AksTier = "Free" | "Standard" | "Premium";

/**
 * The most nodes a cluster's pools can reach (the sum of each pool's count, or maxCount when it
 * autoscales) against the tier's limit.
 */
export function clusterNodeCountProblems(count: number, path: string, tier: AksTier): Problem[] {
    const limit = tier === "Free" ? AKS_COUNT_LIMITS.nodesPerClusterFree.max : AKS_COUNT_LIMITS.nodesPerClusterStandard.max;
    if (count <= limit) return [];
    const other = tier === "Free" ? `; the Standard and Premium tiers allow ${number(AKS_COUNT_LIMITS.nodesPerClusterStandard.max)}` : "";
    return [{ path, message: `${number(count)} nodes: AKS allows at most ${number(limit)} in a cluster on the ${tier} tier${other}` }];
}
