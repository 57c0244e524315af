import { Problem } from "../../address/problem";

/*
 * The units AKS's REST model gives the autoscaler profile's durations, and the rule that checks
 * them.
 */

/**
 * The unit each autoscaler duration takes, by its name in `AutoscalerProfile` (args.ts), as
 * AKS's REST model describes `ManagedClusterProperties.autoScalerProfile` for API version
 * 2025-09-01, the version `containerservice.ManagedCluster` of @pulumi/azure-native 3.28.0 uses
 * ("Uses Azure REST API version 2025-09-01" in its managedCluster.d.ts).
 *
 * Source: Azure/azure-rest-api-specs
 * specification/containerservice/resource-manager/Microsoft.ContainerService/aks/stable/2025-09-01/managedClusters.json,
 * commit 1041da1a500c263360ec4c2692e7e1995f0dcb5a
 * (https://github.com/Azure/azure-rest-api-specs/blob/main/specification/containerservice/resource-manager/Microsoft.ContainerService/aks/stable/2025-09-01/managedClusters.json):
 * - scan-interval: "How often cluster is reevaluated for scale up or down. The default is '10'.
 *   Values must be an integer number of seconds." The spec's own example
 *   (examples/ManagedClustersCreate_PPG.json) and AKS's docs write it with its unit: "20s", "30s".
 * - scale-down-delay-after-add: "How long after scale up that scale down evaluation resumes. The
 *   default is '10m'. Values must be an integer followed by an 'm'. No unit of time other than
 *   minutes (m) is supported."
 * - scale-down-unneeded-time: "How long a node should be unneeded before it is eligible for scale
 *   down. The default is '10m'. Values must be an integer followed by an 'm'. No unit of time other
 *   than minutes (m) is supported."
 * - max-node-provision-time: "The maximum time the autoscaler waits for a node to be provisioned.
 *   The default is '15m'. Values must be an integer followed by an 'm'. No unit of time other than
 *   minutes (m) is supported."
 *
 * Neither the REST model nor Microsoft's "Use the cluster autoscaler in AKS" (MicrosoftDocs/azure-aks-docs
 * articles/aks/cluster-autoscaler.md, commit fb060abe6a8fef960d4c487b543bf7b1e97808fe;
 * https://learn.microsoft.com/azure/aks/cluster-autoscaler#cluster-autoscaler-profile-settings)
 * gives a range for these four; the docs' own profile sets `scale-down-delay-after-add=0m`, so
 * zero is a value AKS takes.
 */
export const AUTOSCALER_DURATION_UNITS = {
    scanInterval: { setting: "scan-interval", unit: "s", unitName: "seconds", example: "10s" },
    scaleDownDelayAfterAdd: { setting: "scale-down-delay-after-add", unit: "m", unitName: "minutes", example: "10m" },
    scaleDownUnneededTime: { setting: "scale-down-unneeded-time", unit: "m", unitName: "minutes", example: "10m" },
    maxNodeProvisionTime: { setting: "max-node-provision-time", unit: "m", unitName: "minutes", example: "15m" },
} as const;

/**
 * The autoscaler durations of `profile` AKS would refuse: each a whole number followed by its one
 * unit, at `<path>.<key>` (e.g. `cluster.autoscalerProfile.scanInterval`). Keys without a unit
 * rule, and unset ones, are not this check's.
 */
export function autoscalerDurationProblems(profile: Record<string, string | undefined>, path: string): Problem[] {
    const problems: Problem[] = [];
    for (const [key, { setting, unit, unitName, example }] of Object.entries(AUTOSCALER_DURATION_UNITS)) {
        const value: unknown = profile[key];
        if (value === undefined) continue;
        if (typeof value === "string" && new RegExp(`^[0-9]+${unit}$`).test(value)) continue;
        problems.push({
            path: `${path}.${key}`,
            message: `${JSON.stringify(value)} is not a whole number of ${unitName}: AKS takes ${setting} in ${unitName} only, e.g. "${example}"`,
        });
    }
    return problems;
}
