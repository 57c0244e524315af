import { PathOf, Problem } from "../../address";
import { LiveCluster } from "./live";

/*
 * A running cluster AKS is still working on. AKS refuses a change to a cluster or a pool while
 * another operation runs on it: "Operation is not allowed: Another operation (<operation-name>)
 * is in progress, please wait for it to finish before starting a new operation"
 * (OperationNotAllowed; Microsoft, "Troubleshoot the OperationNotAllowed error",
 * aka.ms/aks-pending-operation), and azure-native retries only ARM's AnotherOperationInProgress,
 * not this code (provider/pkg/azure/client_azcore.go, shouldRetryConflict). A timed-out
 * `pulumi up`, an auto-upgrade or a change made outside Pulumi leaves the cluster so. The preview
 * says so; `pulumi up` stops before it sends the cluster anything.
 */

/** provisioningState values that mean no operation runs: the last one ended, well or not. */
const SETTLED = new Set(["succeeded", "failed", "canceled"]);

/** What keeps AKS from taking a change now, in words, or undefined. */
export function busyReason(live: LiveCluster): string | undefined {
    const reasons: string[] = [];
    if (live.provisioningState !== undefined && !SETTLED.has(live.provisioningState.toLowerCase())) reasons.push(`the cluster is ${live.provisioningState}`);
    for (const pool of live.agentPoolProfiles) {
        if (pool.provisioningState !== undefined && !SETTLED.has(pool.provisioningState.toLowerCase())) reasons.push(`pool ${pool.name} is ${pool.provisioningState}`);
    }
    if (live.powerState?.toLowerCase() === "stopped") reasons.push("the cluster is stopped (az aks start first)");
    return reasons.length > 0 ? reasons.join(", ") : undefined;
}

/**
 * The running cluster's state as a problem: during `pulumi up` an error, before anything is sent
 * to the cluster; during a preview a warning, so the preview still shows what the change is.
 */
export function busyProblems(live: LiveCluster, pathOf: PathOf): Problem[] {
    const reason = busyReason(live);
    if (reason === undefined) return [];
    return [{
        path: pathOf("name"),
        message: `AKS is still working on the running cluster (${reason}), and refuses any change until it is done (OperationNotAllowed): wait for it (az aks show --query provisioningState), or stop it with az aks operation-abort, then run again (docs/operations.md, section 11)`,
    }];
}

/**
 * A last operation that failed: AKS takes the cluster's request again, and "any subsequent PUT
 * operation resumes the stopped upgrade" (upgrade-aks-node-pools-rolling.md, drain timeout), so
 * this is said, not refused.
 */
export function lastOperationWarnings(live: LiveCluster, pathOf: PathOf): Problem[] {
    return live.provisioningState?.toLowerCase() === "failed"
        ? [{ path: pathOf("name"), message: "the running cluster's last operation failed (provisioningState Failed): pulumi up sends the cluster's request again, which resumes or retries it" }]
        : [];
}
