import { StackValidationPolicy } from "@pulumi/policy";
import { ClusterProps, DIAGNOSTIC_SETTING, MAINTENANCE_CONFIGURATION, MANAGED_CLUSTER, PoolProps } from "./azure-types";
import { clusterPolicy, poolPolicy } from "./rules";

/*
 * The hardening checks of the AKS scanners (checkov's ids where it has one; trivy, KICS, Azure
 * Policy and Microsoft's AKS baseline check the same settings) and what AKS's docs recommend for
 * production. Advisory here; `production.ts` makes them binding for production stacks.
 */

const addonOn = (c: ClusterProps, key: string) => c.addonProfiles?.[key]?.enabled === true;

export const azureRbac = clusterPolicy("aks-entra-azure-rbac", "Entra ID authorizes Kubernetes requests through Azure RBAC.",
    (c) => c.aadProfile?.enableAzureRBAC === true ? undefined : "aadProfile.enableAzureRBAC: Kubernetes authorization isn't in Azure RBAC; turn it on so access is granted and audited in one place");

export const managedIdentity = clusterPolicy("aks-managed-identity", "The cluster runs as a managed identity, not a service principal.",
    (c) => c.identity?.type === "UserAssigned" || c.identity?.type === "SystemAssigned" ? undefined : "identity.type: the cluster has no managed identity; a service principal's secret expires and must be rotated by hand");

export const egressThroughFirewall = clusterPolicy("aks-egress-firewall", "Node egress leaves through your routes (a firewall), not the cluster's load balancer.",
    (c) => c.networkProfile?.outboundType === "userDefinedRouting" ? undefined : `networkProfile.outboundType: ${c.networkProfile?.outboundType ?? "loadBalancer"}; route egress through a firewall (userDefinedRouting with 0.0.0.0/0 to it)`);

export const containerInsights = clusterPolicy("aks-container-insights", "Container Insights collects logs and metrics (CKV_AZURE_4).",
    (c) => addonOn(c, "omsagent") ? undefined : "addonProfiles.omsagent: Container Insights is off; send container logs and metrics to Log Analytics");

export const managedPrometheus = clusterPolicy("aks-managed-prometheus", "Managed Prometheus collects the cluster's metrics.",
    (c) => c.azureMonitorProfile?.metrics?.enabled === true ? undefined : "azureMonitorProfile.metrics.enabled: Managed Prometheus is off; collect metrics into an Azure Monitor workspace");

export const azurePolicyAddon = clusterPolicy("aks-azure-policy", "The Azure Policy add-on enforces policy inside the cluster (CKV_AZURE_116).",
    (c) => addonOn(c, "azurepolicy") ? undefined : "addonProfiles.azurepolicy: the Azure Policy add-on is off; turn it on so Azure Policy applies to Kubernetes objects");

export const defender = clusterPolicy("aks-defender", "Microsoft Defender for Containers watches the cluster.",
    (c) => c.securityProfile?.defender?.securityMonitoring?.enabled === true ? undefined : "securityProfile.defender: Defender for Containers is off; turn it on for runtime threat detection");

export const keyVaultSecretsRotation = clusterPolicy("aks-key-vault-secrets-rotation", "The Key Vault secrets provider runs with secret rotation (CKV_AZURE_172).",
    (c) => {
        const provider = c.addonProfiles?.azureKeyvaultSecretsProvider;
        if (provider?.enabled !== true) return "addonProfiles.azureKeyvaultSecretsProvider: off; mount secrets from Key Vault instead of Kubernetes secrets";
        return provider.config?.enableSecretRotation === "true" ? undefined : "addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation: rotated secrets never reach the pods; turn rotation on";
    });

export const workloadIdentity = clusterPolicy("aks-workload-identity", "Workload identity and the OIDC issuer are on, so pods use federated credentials instead of secrets.",
    (c) => c.securityProfile?.workloadIdentity?.enabled === true && c.oidcIssuerProfile?.enabled === true
        ? undefined
        : "securityProfile.workloadIdentity, oidcIssuerProfile: workload identity is off; give pods Entra ID tokens through federated credentials");

export const imageCleaner = clusterPolicy("aks-image-cleaner", "Image Cleaner removes vulnerable unused images from the nodes.",
    (c) => c.securityProfile?.imageCleaner?.enabled === true ? undefined : "securityProfile.imageCleaner: off; remove unused images with known vulnerabilities from the nodes");

export const runCommandDisabled = clusterPolicy("aks-run-command-disabled", "Run command (az aks command invoke) is disabled.",
    (c) => c.apiServerAccessProfile?.disableRunCommand === true ? undefined : "apiServerAccessProfile.disableRunCommand: run command lets Azure API callers run commands in the cluster; disable it");

export const httpApplicationRoutingOff = clusterPolicy("aks-no-http-application-routing", "The HTTP application routing add-on is off: it isn't for production (CKV_AZURE_246).",
    (c) => addonOn(c, "httpApplicationRouting") || addonOn(c, "httpapplicationrouting")
        ? "addonProfiles.httpApplicationRouting: a public, unauthenticated DNS zone for every ingress; use the application routing add-on or your own ingress"
        : undefined);

export const autoscalerProfile = clusterPolicy("aks-autoscaler-profile", "A cluster with autoscaled pools states its autoscaler profile.",
    (c) => (c.agentPoolProfiles ?? []).some((p) => (p as { enableAutoScaling?: boolean }).enableAutoScaling) && c.autoScalerProfile === undefined
        ? "autoScalerProfile: unset; state the autoscaler's settings so they don't change with AKS's defaults"
        : undefined);

/** checkov asks for 50 or more (CKV_AZURE_168): fewer wastes nodes on a pod limit. */
export const MIN_MAX_PODS = 50;

export const maxPodsAtLeast50 = poolPolicy("aks-max-pods-50", `Every pool allows at least ${MIN_MAX_PODS} pods per node (CKV_AZURE_168).`,
    (pool) => typeof pool.maxPods === "number" && pool.maxPods < MIN_MAX_PODS ? `maxPods: ${pool.maxPods}; allow at least ${MIN_MAX_PODS} pods per node` : undefined);

export const scaleSetPools = poolPolicy("aks-scale-set-pools", "Pools are virtual machine scale sets (autoscaling, zones, surge upgrades).",
    (pool) => pool.type === undefined || pool.type === "VirtualMachineScaleSets" ? undefined : `type: ${pool.type}; use VirtualMachineScaleSets`);

export const systemPoolTainted = poolPolicy("aks-system-pool-critical-addons-only", "System pools carry CriticalAddonsOnly=true:NoSchedule, so only system pods run there (CKV_AZURE_232).",
    (pool) => pool.mode === "System" && !(pool.nodeTaints ?? []).includes("CriticalAddonsOnly=true:NoSchedule")
        ? "nodeTaints: a System pool without CriticalAddonsOnly=true:NoSchedule runs workloads beside AKS's own pods"
        : undefined);

export const zoneRedundantPools = poolPolicy("aks-zone-redundant-pools", "Every pool spreads its nodes over availability zones.",
    (pool: PoolProps) => (pool.availabilityZones ?? []).length >= 2 ? undefined : "availabilityZones: the pool sits in one zone (or none); spread it over zones 1, 2 and 3");

export const encryptionAtHost = poolPolicy("aks-encryption-at-host", "Node temporary and cache disks are encrypted at the host (CKV_AZURE_227).",
    (pool) => pool.enableEncryptionAtHost === true ? undefined : "enableEncryptionAtHost: the nodes' temporary and cache disks aren't encrypted; turn encryption at host on");

export const ephemeralOsDisk = poolPolicy("aks-ephemeral-os-disk", "Nodes use ephemeral OS disks (CKV_AZURE_226).",
    (pool) => pool.osDiskType === "Ephemeral" ? undefined : `osDiskType: ${pool.osDiskType ?? "unset"}; ephemeral OS disks are faster to reimage and keep no state`);

export const azureLinux = poolPolicy("aks-azure-linux", "Linux pools run Azure Linux, Microsoft's minimal image.",
    (pool) => (pool.osType ?? "Linux") === "Linux" && !(pool.osSKU ?? "").startsWith("AzureLinux") ? `osSKU: ${pool.osSKU ?? "unset"}; Azure Linux carries fewer packages to patch` : undefined);

export const sshDisabled = poolPolicy("aks-ssh-disabled", "SSH to the nodes is disabled.",
    (pool) => pool.securityProfile?.sshAccess === "Disabled" ? undefined : "securityProfile.sshAccess: SSH to the nodes is open to anyone with the key; disable it");

/** ManagedClusters in a stack, with the urn to report on. */
function clustersIn(resources: { type: string; urn: string; props: unknown }[]) {
    return resources.filter((r) => MANAGED_CLUSTER.test(r.type)).map((r) => ({ urn: r.urn, props: r.props as ClusterProps }));
}

/** Control-plane logs, the audit log among them, leave the cluster through a diagnostic setting. */
export const controlPlaneLogs: StackValidationPolicy = {
    name: "aks-control-plane-logs",
    description: "A diagnostic setting sends the cluster's control-plane logs, the audit log among them, to a workspace.",
    enforcementLevel: "advisory",
    validateStack: (args, report) => {
        const settings = args.resources.filter((r) => DIAGNOSTIC_SETTING.test(r.type)).map((r) => r.props as { logs?: { category?: string; enabled?: boolean }[] });
        const audited = settings.some((s) => (s.logs ?? []).some((log) => log.enabled !== false && (log.category === "kube-audit" || log.category === "kube-audit-admin")));
        for (const cluster of clustersIn(args.resources)) {
            if (!audited) report("no diagnostic setting sends kube-audit or kube-audit-admin: who changed what in the cluster isn't recorded", cluster.urn);
        }
    },
};

/** With auto-upgrade channels on, windows decide when AKS may upgrade. */
export const maintenanceWindows: StackValidationPolicy = {
    name: "aks-maintenance-windows",
    description: "Clusters that upgrade themselves do it inside planned maintenance windows, for the cluster and for node OS upgrades.",
    enforcementLevel: "advisory",
    validateStack: (args, report) => {
        const names = new Set(args.resources.filter((r) => MAINTENANCE_CONFIGURATION.test(r.type)).map((r) => (r.props as { configName?: string }).configName));
        for (const cluster of clustersIn(args.resources)) {
            const missing = ["aksManagedAutoUpgradeSchedule", "aksManagedNodeOSUpgradeSchedule"].filter((name) => !names.has(name));
            if (missing.length > 0) report(`no maintenance window ${missing.join(" or ")}: AKS upgrades at any time of day`, cluster.urn);
        }
    },
};

export const hardeningPolicies = [
    azureRbac, managedIdentity, egressThroughFirewall, containerInsights, managedPrometheus, azurePolicyAddon, defender,
    keyVaultSecretsRotation, workloadIdentity, imageCleaner, runCommandDisabled, httpApplicationRoutingOff, autoscalerProfile,
    maxPodsAtLeast50, scaleSetPools, systemPoolTainted, zoneRedundantPools, encryptionAtHost, ephemeralOsDisk, azureLinux, sshDisabled,
];
export const hardeningStackPolicies = [controlPlaneLogs, maintenanceWindows];
