export const POD_SECURITY_LEVELS = ["privileged", "baseline", "restricted"] as const;
export type PodSecurityLevel = (typeof POD_SECURITY_LEVELS)[number];

export interface NamespaceQuota {
    requestsCpu?: string;
    requestsMemory?: string;
    limitsCpu?: string;
    limitsMemory?: string;
    pods?: number;
}

/** Container defaults, so pods without resources still pass a quota on requests and limits. */
export interface NamespaceDefaultLimits {
    cpu?: string;
    memory?: string;
    requestsCpu?: string;
    requestsMemory?: string;
}

export interface NamespaceSpec {
    /** An RFC 1123 label, not one of the namespaces Kubernetes owns. */
    name: string;
    /** Pod Security Standard enforced; audit and warn are always `restricted`. Default restricted. */
    podSecurity?: PodSecurityLevel;
    quota?: NamespaceQuota;
    defaultLimits?: NamespaceDefaultLimits;
    /** A NetworkPolicy denying all ingress; enforced only with a network policy engine (calico). */
    defaultDenyIngress?: boolean;
    /** Entra ID group object ids bound to the ClusterRoles admin, edit and view in the namespace. */
    admins?: string[];
    editors?: string[];
    viewers?: string[];
}

export interface NamespaceBootstrapArgs {
    namespaces: NamespaceSpec[];
    /** Level enforced on the existing `default` namespace, so no namespace is left unlabelled. Default baseline. */
    defaultNamespacePodSecurity?: PodSecurityLevel;
}

/** Applied when a namespace has a quota but no defaultLimits of its own. */
export const DEFAULT_CONTAINER_LIMITS: Required<NamespaceDefaultLimits> = {
    cpu: "500m",
    memory: "512Mi",
    requestsCpu: "100m",
    requestsMemory: "128Mi",
};
