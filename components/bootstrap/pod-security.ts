import { PodSecurityLevel } from "./args";

/* The Pod Security Standards labels every namespace gets, through either path. */

/**
 * Pod Security Standards labels: enforce the namespace's level, and audit and warn at
 * `restricted` so workloads show what a move to restricted would break before it does.
 */
export function podSecurityLabels(level: PodSecurityLevel): Record<string, string> {
    return {
        "pod-security.kubernetes.io/enforce": level,
        "pod-security.kubernetes.io/enforce-version": "latest",
        "pod-security.kubernetes.io/audit": "restricted",
        "pod-security.kubernetes.io/audit-version": "latest",
        "pod-security.kubernetes.io/warn": "restricted",
        "pod-security.kubernetes.io/warn-version": "latest",
    };
}
