import * as pulumi from "@pulumi/pulumi";
import * as core from "@pulumi/kubernetes/core/v1";
import * as networking from "@pulumi/kubernetes/networking/v1";
import * as rbac from "@pulumi/kubernetes/rbac/v1";
import { COMPONENT_TYPES, withTypeAlias } from "../common/component-types";
import { throwIfProblems } from "../common/problems";
import { RetryPolicy, retryHooks } from "../common/retry";
import { childOptions } from "../common/problems";
import { DEFAULT_CONTAINER_LIMITS, NamespaceBootstrapArgs, NamespaceSpec, PodSecurityLevel } from "./args";
import { validateNamespaces } from "./validate";
import { bootstrapInputs } from "./inputs";
import { withDefaults } from "../common/inputs";

export * from "./args";
export { validateNamespaces, SYSTEM_NAMESPACES } from "./validate";

/*
 * NamespaceBootstrap: namespaces with Pod Security labels, quotas, default limits, group bindings
 * and a default-deny policy.
 */

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

/**
 * Right after a cluster is created, or after the deploying principal is granted Azure RBAC
 * Cluster Admin, the API server can still answer 403 Forbidden: "role assignments can take up to
 * five minutes to propagate" for Kubernetes authorization through Azure RBAC (Microsoft, "Use
 * Azure RBAC for Kubernetes Authorization"). Bounded to about seven minutes of waiting.
 */
export const KUBERNETES_RBAC_RETRY: RetryPolicy = {
    waitingFor: "the Kubernetes API to accept the deploying principal's Azure RBAC grant",
    transient: [/\bforbidden\b/i, /\bUnauthorized\b/],
    maxRetries: 8,
    firstDelaySeconds: 15,
    maxDelaySeconds: 60,
};

const ROLE_FOR = { admins: "admin", editors: "edit", viewers: "view" } as const;

/**
 * Namespaces as the production guidance asks: Pod Security Standards labels, quotas with default
 * container limits, Entra ID groups bound to the built-in admin/edit/view ClusterRoles, and an
 * optional default-deny ingress policy. The existing `default` namespace is labelled too.
 * Pass the cluster's Kubernetes provider in `providers` (or `provider`).
 */
export class NamespaceBootstrap extends pulumi.ComponentResource {
    /** The created namespaces, by name. */
    public readonly namespaces: Record<string, core.Namespace> = {};

    constructor(name: string, args: NamespaceBootstrapArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.NamespaceBootstrap, name, {}, withTypeAlias(opts, "aks-kubenet:bootstrap:NamespaceBootstrap"));
        const settings = withDefaults(bootstrapInputs, args);
        throwIfProblems(validateNamespaces(settings.namespaces!), this, "NamespaceBootstrap");
        const children = childOptions(this, opts, undefined, { hooks: retryHooks(`${name}-rbac-retry`, KUBERNETES_RBAC_RETRY) });

        new core.NamespacePatch(`${name}-default-labels`, {
            metadata: { name: "default", labels: podSecurityLabels(settings.defaultNamespacePodSecurity!) },
        }, children);

        for (const spec of settings.namespaces!) this.namespaces[spec.name] = declareNamespace(name, spec, children);
        this.registerOutputs({ namespaces: Object.keys(this.namespaces) });
    }

}

/** One namespace and what comes with it: quota, default limits, group bindings, deny-ingress. */
function declareNamespace(prefix: string, spec: NamespaceSpec, children: pulumi.CustomResourceOptions): core.Namespace {
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
