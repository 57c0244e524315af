import { ResourceValidationPolicy } from "@pulumi/policy";
import { hardeningPolicies, hardeningStackPolicies } from "./posture";
import { PRODUCTION_CONFIG_SCHEMA, clusterPolicy, isProduction, poolPolicy } from "./rules";

/**
 * The posture checks scanners apply to AKS clusters. Advisory: they report, they don't block,
 * because a dev cluster may skip them on purpose.
 */

export const kubernetesRbac = clusterPolicy("aks-kubernetes-rbac", "Kubernetes RBAC is on.",
    (c) => c.enableRBAC === false ? "enableRBAC: false; turn Kubernetes RBAC on (it can only be set at creation)" : undefined);

/** Authorized ranges wider than this many addresses restrict too little (a /8 and wider). */
const WIDEST_AUTHORIZED_PREFIX = 8;

export const apiServerAccess = clusterPolicy("aks-api-server-access", "The API server is private or limited to narrow authorized IP ranges (CKV_AZURE_6, CKV_AZURE_115).",
    (c) => {
        if (c.apiServerAccessProfile?.enablePrivateCluster) return undefined;
        const ranges = c.apiServerAccessProfile?.authorizedIPRanges ?? [];
        if (ranges.length === 0) return "apiServerAccessProfile: the API server is open to the internet; set authorizedIPRanges or enablePrivateCluster";
        const wide = ranges.filter((range) => Number(range.split("/")[1] ?? 32) <= WIDEST_AUTHORIZED_PREFIX);
        return wide.length > 0
            ? `apiServerAccessProfile.authorizedIPRanges: ${wide.join(", ")} ${wide.length === 1 ? "authorizes" : "authorize"} a /${WIDEST_AUTHORIZED_PREFIX} or wider, as good as open; list your own networks`
            : undefined;
    });

export const networkPolicySet = clusterPolicy("aks-network-policy", "A network policy engine enforces NetworkPolicy objects.",
    (c) => c.networkProfile?.networkPolicy && c.networkProfile.networkPolicy !== "none"
        ? undefined
        : "networkProfile.networkPolicy: unset; without a policy engine NetworkPolicy objects are ignored (calico with kubenet)");

export const standardTierInProduction: ResourceValidationPolicy = {
    ...clusterPolicy("aks-standard-tier-production", "Production clusters use the Standard (or Premium) tier, which has an uptime SLA.",
        (c, args) => isProduction(c, args) && (c.sku?.tier ?? "Free") === "Free"
            ? "sku.tier: Free has no uptime SLA; use Standard for production"
            : undefined),
    configSchema: PRODUCTION_CONFIG_SCHEMA,
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
    ...hardeningPolicies,
    ...hardeningStackPolicies,
];
