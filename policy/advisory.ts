import { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { ClusterProps, MANAGED_CLUSTER, PoolProps, poolsOf } from "./azure-types";

/**
 * The posture checks scanners apply to AKS clusters. Advisory: they report, they don't block,
 * because a dev cluster may skip them on purpose.
 */

/** A policy that looks at ManagedClusters only. */
function clusterPolicy(name: string, description: string, check: (cluster: ClusterProps, args: ResourceValidationArgs) => string | undefined): ResourceValidationPolicy {
    return {
        name,
        description,
        enforcementLevel: "advisory",
        validateResource: (args, report) => {
            if (!MANAGED_CLUSTER.test(args.type)) return;
            const message = check(args.props as ClusterProps, args);
            if (message) report(message);
        },
    };
}

export const kubernetesRbac = clusterPolicy("aks-kubernetes-rbac", "Kubernetes RBAC is on.",
    (c) => c.enableRBAC === false ? "enableRBAC: false; turn Kubernetes RBAC on (it can only be set at creation)" : undefined);

export const apiServerAccess = clusterPolicy("aks-api-server-access", "The API server is private or limited to authorized IP ranges.",
    (c) => c.apiServerAccessProfile?.enablePrivateCluster || (c.apiServerAccessProfile?.authorizedIPRanges ?? []).length > 0
        ? undefined
        : "apiServerAccessProfile: the API server is open to the internet; set authorizedIPRanges or enablePrivateCluster");

export const networkPolicySet = clusterPolicy("aks-network-policy", "A network policy engine enforces NetworkPolicy objects.",
    (c) => c.networkProfile?.networkPolicy && c.networkProfile.networkPolicy !== "none"
        ? undefined
        : "networkProfile.networkPolicy: unset; without a policy engine NetworkPolicy objects are ignored (calico with kubenet)");

/** Production, from the pack's config (`production: true`) or an env/environment tag. */
function isProduction(cluster: ClusterProps, args: ResourceValidationArgs): boolean {
    const config = args.getConfig<{ production?: boolean }>();
    if (typeof config.production === "boolean") return config.production;
    const env = cluster.tags?.env ?? cluster.tags?.environment ?? "";
    return /^prod/i.test(env);
}

export const standardTierInProduction: ResourceValidationPolicy = {
    ...clusterPolicy("aks-standard-tier-production", "Production clusters use the Standard (or Premium) tier, which has an uptime SLA.",
        (c, args) => isProduction(c, args) && (c.sku?.tier ?? "Free") === "Free"
            ? "sku.tier: Free has no uptime SLA; use Standard for production"
            : undefined),
    configSchema: { properties: { production: { type: "boolean", description: "Treat every cluster as production (default: clusters tagged env=prod*)" } } },
};

export const upgradeChannels = clusterPolicy("aks-upgrade-channels", "Automatic upgrade and node OS upgrade channels are set.",
    (c) => {
        const missing = [
            ["upgradeChannel", "none"],
            ["nodeOSUpgradeChannel", "None"],
        ].filter(([key, off]) => {
            const value = c.autoUpgradeProfile?.[key as "upgradeChannel" | "nodeOSUpgradeChannel"];
            return value === undefined || value === off;
        }).map(([key]) => `autoUpgradeProfile.${key}`);
        return missing.length > 0 ? `${missing.join(", ")}: not set; choose an automatic upgrade channel so patches arrive` : undefined;
    });

export const localAccountsDisabled = clusterPolicy("aks-local-accounts-disabled", "Entra ID integration is on and local accounts are disabled.",
    (c) => {
        if (!c.aadProfile) return "aadProfile: unset; integrate Entra ID and disable local accounts";
        return c.disableLocalAccounts === true ? undefined : "disableLocalAccounts: local (certificate) accounts bypass Entra ID; set it to true";
    });

/** Pool checks apply to inline profiles and to AgentPool resources alike. */
function poolPolicy(name: string, description: string, check: (pool: PoolProps) => string | undefined): ResourceValidationPolicy {
    return {
        name,
        description,
        enforcementLevel: "advisory",
        validateResource: (args, report) => {
            for (const { pool, path } of poolsOf(args.type, args.props)) {
                const message = check(pool);
                if (message) report(path ? `${path}.${message}` : message);
            }
        },
    };
}

export const noNodePublicIp = poolPolicy("aks-no-node-public-ip", "Nodes have no public IP addresses.",
    (pool) => pool.enableNodePublicIP === true ? "enableNodePublicIP: nodes reachable from the internet; turn it off" : undefined);

export const maxPodsExplicit = poolPolicy("aks-max-pods-explicit", "Every pool sets maxPods, so the address plan doesn't depend on a default.",
    (pool) => typeof pool.maxPods === "number" ? undefined : "maxPods: unset; set it explicitly (the default differs between kubenet and Azure CNI)");

export const advisoryPolicies = [
    kubernetesRbac,
    apiServerAccess,
    networkPolicySet,
    standardTierInProduction,
    upgradeChannels,
    localAccountsDisabled,
    noNodePublicIp,
    maxPodsExplicit,
];
