import { KubenetClusterArgs } from "../args";
import { AutoscalerProfile } from "./args";

/* The autoscaler profile as the ManagedCluster takes it, AKS's defaults where none is given. */

/**
 * The cluster autoscaler's defaults (Microsoft, "Use the cluster autoscaler in AKS", the
 * cluster autoscaler profile table), so a setting removed from the stack file goes back to its
 * default in Azure instead of keeping its last value.
 */
export const AUTOSCALER_DEFAULTS: Required<AutoscalerProfile> = {
    expander: "random",
    scanInterval: "10s",
    scaleDownDelayAfterAdd: "10m",
    scaleDownUnneededTime: "10m",
    scaleDownUtilizationThreshold: 0.5,
    maxGracefulTerminationSec: 600,
    balanceSimilarNodeGroups: false,
    skipNodesWithSystemPods: true,
    skipNodesWithLocalStorage: false,
    maxNodeProvisionTime: "15m",
};

/** The autoscaler profile for a cluster with an autoscaled pool; the API takes numbers and flags as text. */
export function autoScalerProfile(args: KubenetClusterArgs) {
    if (!args.nodePools.some((pool) => pool.enableAutoScaling)) return undefined;
    const profile = { ...AUTOSCALER_DEFAULTS, ...args.autoscalerProfile };
    return {
        expander: profile.expander,
        scanInterval: profile.scanInterval,
        scaleDownDelayAfterAdd: profile.scaleDownDelayAfterAdd,
        scaleDownUnneededTime: profile.scaleDownUnneededTime,
        scaleDownUtilizationThreshold: String(profile.scaleDownUtilizationThreshold),
        maxGracefulTerminationSec: String(profile.maxGracefulTerminationSec),
        balanceSimilarNodeGroups: String(profile.balanceSimilarNodeGroups),
        skipNodesWithSystemPods: String(profile.skipNodesWithSystemPods),
        skipNodesWithLocalStorage: String(profile.skipNodesWithLocalStorage),
        maxNodeProvisionTime: profile.maxNodeProvisionTime,
    };
}
