/* The namespace bootstrap's arguments and the enumerations they take; inputs.ts is their schema. */
import type * as pulumi from "@pulumi/pulumi";

/** A Pod Security Standard level. */
export const PodSecurityLevel = { Privileged: "privileged", Baseline: "baseline", Restricted: "restricted" } as const;
export type PodSecurityLevel = (typeof PodSecurityLevel)[keyof typeof PodSecurityLevel];
export const POD_SECURITY_LEVELS = Object.values(PodSecurityLevel);

/** A namespace's ResourceQuota; quantities as Kubernetes writes them ("4", "500m", "8Gi"). */
export interface NamespaceQuota {
    /** Sum of CPU requests. */
    requestsCpu?: string;
    /** Sum of memory requests. */
    requestsMemory?: string;
    /** Sum of CPU limits. */
    limitsCpu?: string;
    /** Sum of memory limits. */
    limitsMemory?: string;
    /** Number of pods. */
    pods?: number;
}

/** Container defaults, so pods without resources still pass a quota on requests and limits. */
export interface NamespaceDefaultLimits {
    /** Default CPU limit. */
    cpu?: string;
    /** Default memory limit. */
    memory?: string;
    /** Default CPU request. */
    requestsCpu?: string;
    /** Default memory request. */
    requestsMemory?: string;
}

/** A namespace to create. */
export interface NamespaceSpec {
    /** An RFC 1123 label, not one of the namespaces Kubernetes owns. */
    name: string;
    /** Pod Security Standard enforced; audit and warn are always `restricted`. Default restricted. */
    podSecurity?: PodSecurityLevel;
    /** A ResourceQuota for the namespace. */
    quota?: NamespaceQuota;
    /** Container defaults (a LimitRange); default ones come with a quota. */
    defaultLimits?: NamespaceDefaultLimits;
    /** A NetworkPolicy denying all ingress; enforced only with a network policy engine (calico). */
    defaultDenyIngress?: boolean;
    /** Entra ID group object ids bound to the ClusterRole admin in the namespace. */
    admins?: string[];
    /** Entra ID group object ids bound to the ClusterRole edit. */
    editors?: string[];
    /** Entra ID group object ids bound to the ClusterRole view. */
    viewers?: string[];
}

/**
 * How the namespaces are made: through the cluster's Kubernetes API (a Kubernetes provider that
 * reaches it), or as AKS managed namespaces through Azure Resource Manager, which needs no access
 * to the Kubernetes API at all.
 */
export const NamespacesThrough = { Kubernetes: "kubernetes", Arm: "arm" } as const;
export type NamespacesThrough = (typeof NamespacesThrough)[keyof typeof NamespacesThrough];
export const NAMESPACES_THROUGH = Object.values(NamespacesThrough);

export interface NamespaceBootstrapArgs {
    /** The namespaces to create; default none. */
    namespaces?: NamespaceSpec[];
    /**
     * Level enforced on the existing `default` namespace, so no namespace is left unlabelled.
     * Default baseline. Through the Kubernetes API only: AKS manages no system namespace.
     */
    defaultNamespacePodSecurity?: PodSecurityLevel;
    /**
     * `kubernetes` (default): Namespace, ResourceQuota, LimitRange, RoleBinding and
     * NetworkPolicy objects through the Kubernetes provider given in `providers`. `arm`: AKS
     * managed namespaces and Azure role assignments, through Azure Resource Manager: nothing
     * reaches the API server, so a pipeline outside your network deploys them too; needs
     * `clusterResourceGroupName` and `clusterName`, and group access needs Azure RBAC on the
     * cluster.
     */
    namespacesThrough?: NamespacesThrough;
    /** The cluster's resource group (`arm`). */
    clusterResourceGroupName?: pulumi.Input<string>;
    /** The cluster's name (`arm`). */
    clusterName?: pulumi.Input<string>;
    /** Azure tags on the managed namespaces (`arm`). */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** The Pod Security level of the `default` namespace unless `defaultNamespacePodSecurity` says. */
export const DEFAULT_NAMESPACE_POD_SECURITY: PodSecurityLevel = "baseline";

/** Applied when a namespace has a quota but no defaultLimits of its own. */
export const DEFAULT_CONTAINER_LIMITS: Required<NamespaceDefaultLimits> = {
    cpu: "500m",
    memory: "512Mi",
    requestsCpu: "100m",
    requestsMemory: "128Mi",
};
