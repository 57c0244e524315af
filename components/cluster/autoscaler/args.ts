/* The cluster autoscaler's profile; inputs.ts is its schema. */

/** How the cluster autoscaler picks a pool to grow. */
export const AutoscalerExpander = { LeastWaste: "least-waste", MostPods: "most-pods", Priority: "priority", Random: "random" } as const;
export type AutoscalerExpander = (typeof AutoscalerExpander)[keyof typeof AutoscalerExpander];
export const AUTOSCALER_EXPANDERS = Object.values(AutoscalerExpander);

/**
 * The cluster autoscaler's settings (one profile for every autoscaled pool). Each one left out is
 * AKS's default, sent as such, so removing a setting from the stack file restores the default.
 */
export interface AutoscalerProfile {
    /** How a pool to grow is chosen; default random. */
    expander?: AutoscalerExpander;
    /** How often the autoscaler looks, e.g. `10s` (default). */
    scanInterval?: string;
    /** Wait after a scale-up before scaling down, e.g. `10m` (default). */
    scaleDownDelayAfterAdd?: string;
    /** How long a node must be unneeded before it goes, e.g. `10m` (default). */
    scaleDownUnneededTime?: string;
    /** Below this share of requested resources a node is unneeded, 0 to 1; default 0.5. */
    scaleDownUtilizationThreshold?: number;
    /** Seconds pods get to stop when a node is scaled down; default 600. */
    maxGracefulTerminationSec?: number;
    /** Keep similar pools (e.g. one per zone) the same size; default false. */
    balanceSimilarNodeGroups?: boolean;
    /** Never remove nodes running kube-system pods other than DaemonSets; default true. */
    skipNodesWithSystemPods?: boolean;
    /** Never remove nodes with pods using local storage; default false. */
    skipNodesWithLocalStorage?: boolean;
    /** How long a new node may take to become ready, e.g. `15m` (default). */
    maxNodeProvisionTime?: string;
}
