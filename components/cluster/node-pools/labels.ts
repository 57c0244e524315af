import { Problem } from "../../address/problem";

/*
 * Node labels a pool can't carry: the ones the kubelet refuses in `--node-labels` (AKS runs the
 * same check on the pool's request) and the ones AKS keeps for itself. Only the reservations;
 * the key and value syntax is checked with the pool's other settings (pool-settings.ts).
 */

/**
 * The kubelet's rule for `--node-labels`: a key whose prefix is `kubernetes.io` or `k8s.io`, or a
 * subdomain of either, is refused unless it is in the allowed set or its prefix is one of the
 * allowed namespaces or a subdomain of one.
 *
 * Sources:
 * - kubernetes/kubernetes cmd/kubelet/app/options/options.go (ValidateKubeletFlags,
 *   isKubernetesLabel), commit 6785e9ed401a526cfb4ae33d498b088e27237ad1:
 *   https://github.com/kubernetes/kubernetes/blob/master/cmd/kubelet/app/options/options.go
 * - kubernetes/kubelet pkg/apis/well_known_labels.go (kubeletLabels, kubeletLabelNamespaces,
 *   IsKubeletLabel; published from kubernetes/kubernetes staging/src/k8s.io/kubelet), commit
 *   63b3249724f7d89a8aa48f9acb3811f193c9aa68:
 *   https://github.com/kubernetes/kubelet/blob/master/pkg/apis/well_known_labels.go
 * - kubernetes/api core/v1/well_known_labels.go (the constants' values), commit
 *   10b39a39bcee995dfe7cd5e8e7b922be5e46f1e2:
 *   https://github.com/kubernetes/api/blob/master/core/v1/well_known_labels.go
 * AKS answers such a label with the kubelet's own wording ("node label keys in the
 * 'kubernetes.io' or 'k8s.io' namespace must begin with an allowed prefix (kubelet.kubernetes.io,
 * node.kubernetes.io)"; https://github.com/Azure/AKS/issues/2866, /issues/4613).
 */
export const KUBERNETES_LABEL_NAMESPACES = ["kubernetes.io", "k8s.io"] as const;
export const KUBELET_LABELS = [
    "kubernetes.io/hostname",
    "topology.kubernetes.io/zone",
    "topology.kubernetes.io/region",
    "failure-domain.beta.kubernetes.io/zone",
    "failure-domain.beta.kubernetes.io/region",
    "beta.kubernetes.io/instance-type",
    "node.kubernetes.io/instance-type",
    "kubernetes.io/os",
    "kubernetes.io/arch",
    "beta.kubernetes.io/os",
    "beta.kubernetes.io/arch",
] as const;
export const KUBELET_LABEL_NAMESPACES = ["kubelet.kubernetes.io", "node.kubernetes.io"] as const;

/**
 * AKS's reserved system labels and prefixes (Microsoft, "Use labels in an Azure Kubernetes Service
 * (AKS) cluster", Unavailable labels: "Reserved system labels" and "Reserved prefixes ... can't be
 * used for any node: kubernetes.azure.com/, kubernetes.io/"):
 * https://learn.microsoft.com/azure/aks/use-labels#unavailable-labels
 * (MicrosoftDocs/azure-aks-docs articles/aks/use-labels.md, commit
 * fb060abe6a8fef960d4c487b543bf7b1e97808fe). The system labels below are the table's labels
 * outside kubernetes.azure.com/, which the kubelet would otherwise allow; every
 * kubernetes.azure.com/ label of the table falls under the reserved prefix. The prefix
 * kubernetes.io/ adds nothing to the kubelet's rule: its only allowed keys are system labels.
 */
export const AKS_SYSTEM_LABELS = [
    "kubernetes.io/arch",
    "kubernetes.io/os",
    "kubernetes.io/hostname",
    "node.kubernetes.io/instance-type",
    "topology.kubernetes.io/region",
    "topology.kubernetes.io/zone",
] as const;
export const AKS_RESERVED_PREFIX = "kubernetes.azure.com";

/** The key's prefix: what comes before its first slash, as the kubelet reads it; none without one. */
function prefixOf(key: string): string | undefined {
    const slash = key.indexOf("/");
    return slash < 0 ? undefined : key.slice(0, slash);
}

/** The namespace itself or a subdomain of it, not a name that merely ends with it. */
function inNamespace(prefix: string, namespace: string): boolean {
    return prefix === namespace || prefix.endsWith(`.${namespace}`);
}

/** Whether the kubelet takes `key` in `--node-labels` (IsKubeletLabel, or outside its namespaces). */
export function isAllowedByKubelet(key: string): boolean {
    const prefix = prefixOf(key);
    if (prefix === undefined || !KUBERNETES_LABEL_NAMESPACES.some((namespace) => inNamespace(prefix, namespace))) return true;
    if ((KUBELET_LABELS as readonly string[]).includes(key)) return true;
    return KUBELET_LABEL_NAMESPACES.some((namespace) => inNamespace(prefix, namespace));
}

/** What is wrong with `key` as a pool's node label, or undefined; one reason per key. */
function reservation(key: string): string | undefined {
    if ((AKS_SYSTEM_LABELS as readonly string[]).includes(key)) {
        return "is a system label AKS sets on every node itself; remove it";
    }
    if (prefixOf(key) === AKS_RESERVED_PREFIX) {
        return `uses the prefix ${AKS_RESERVED_PREFIX}/, which AKS reserves for its own labels; choose another prefix`;
    }
    if (!isAllowedByKubelet(key)) {
        return `is in the kubernetes.io or k8s.io namespace, where the kubelet takes only its well-known labels and the prefixes ${KUBELET_LABEL_NAMESPACES.join(" and ")} (or their subdomains); use your own prefix`;
    }
    return undefined;
}

/**
 * The labels of `labels` that the kubelet or AKS refuses on a pool, each at `<path>.<key>`, e.g.
 * `cluster.nodePools[0].nodeLabels.node-role.kubernetes.io/worker`.
 */
export function nodeLabelProblems(labels: Record<string, string>, path: string): Problem[] {
    const problems: Problem[] = [];
    for (const key of Object.keys(labels)) {
        const message = reservation(key);
        if (message) problems.push({ path: `${path}.${key}`, message });
    }
    return problems;
}
