import * as pulumi from "@pulumi/pulumi";
import * as core from "@pulumi/kubernetes/core/v1";
import * as networking from "@pulumi/kubernetes/networking/v1";
import * as rbac from "@pulumi/kubernetes/rbac/v1";
import { DEFAULT_CONTAINER_LIMITS, NamespaceSpec, PodSecurityLevel } from "./args";
import { podSecurityLabels } from "./pod-security";

/*
 * The namespaces through the cluster's Kubernetes API: Namespace, ResourceQuota, LimitRange,
 * RoleBindings and a default-deny NetworkPolicy, and the `default` namespace's labels, all through
 * the Kubernetes provider the component is given.
 */

const ROLE_FOR = { admins: "admin", editors: "edit", viewers: "view" } as const;

/** The existing `default` namespace, labelled so no namespace is left without Pod Security. */
export function labelDefaultNamespace(prefix: string, level: PodSecurityLevel, children: pulumi.CustomResourceOptions): void {
    new core.NamespacePatch(`${prefix}-default-labels`, {
        metadata: { name: "default", labels: podSecurityLabels(level) },
    }, children);
}

/** One namespace and what comes with it: quota, default limits, group bindings, deny-ingress. */
export function declareNamespace(prefix: string, spec: NamespaceSpec, children: pulumi.CustomResourceOptions): core.Namespace {
    const id = `${prefix}-${spec.name}`;
    const namespace = new core.Namespace(id, {
        metadata: { name: spec.name, labels: podSecurityLabels(spec.podSecurity!) },
    }, children);
    const inNamespace = { namespace: namespace.metadata.name };

    if (spec.quota) {
        const hard: Record<string, string> = {};
        const { requestsCpu, requestsMemory, limitsCpu, limitsMemory, pods } = spec.quota;
        if (requestsCpu) hard["requests.cpu"] = requestsCpu;
        if (requestsMemory) hard["requests.memory"] = requestsMemory;
        if (limitsCpu) hard["limits.cpu"] = limitsCpu;
        if (limitsMemory) hard["limits.memory"] = limitsMemory;
        if (pods !== undefined) hard.pods = String(pods);
        new core.ResourceQuota(`${id}-quota`, { metadata: { ...inNamespace, name: "quota" }, spec: { hard } }, children);
    }
    if (spec.quota || spec.defaultLimits) {
        // A quota on requests/limits rejects pods that set none; defaults keep such pods running.
        const limits = { ...DEFAULT_CONTAINER_LIMITS, ...spec.defaultLimits };
        new core.LimitRange(`${id}-limits`, {
            metadata: { ...inNamespace, name: "default-limits" },
            spec: {
                limits: [{
                    type: "Container",
                    default: { cpu: limits.cpu, memory: limits.memory },
                    defaultRequest: { cpu: limits.requestsCpu, memory: limits.requestsMemory },
                }],
            },
        }, children);
    }
    for (const group of ["admins", "editors", "viewers"] as const) {
        const ids = spec[group]!;
        if (ids.length === 0) continue;
        new rbac.RoleBinding(`${id}-${group}`, {
            metadata: { ...inNamespace, name: `${ROLE_FOR[group]}-groups` },
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: ROLE_FOR[group] },
            subjects: ids.map((objectId) => ({ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: objectId })),
        }, children);
    }
    if (spec.defaultDenyIngress) {
        new networking.NetworkPolicy(`${id}-deny-ingress`, {
            metadata: { ...inNamespace, name: "default-deny-ingress" },
            spec: { podSelector: {}, policyTypes: ["Ingress"] },
        }, children);
    }
    return namespace;
}
