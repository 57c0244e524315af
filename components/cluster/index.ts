import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { COMPONENT_TYPES, withTypeAlias } from "../common/component-types";
import { withStateMigrations } from "../common/engine-features";
import { NetworkLeaves, networkStateMigration } from "./network-profile/in-place";
import { plannedInPlaceChange, readRouteTableUse } from "./network-profile/move-checks";
import { childOptions, throwIfProblems } from "../common/problems";
import { retryHooks } from "../common/retry";
import { withRequiredCli } from "../common/pulumi-cli";

import { addonProfiles, securityProfile } from "./security/profile";
import { defenderProfile, monitoringAddonProfiles } from "./monitoring/profile";
import { autoScalerProfile } from "./autoscaler/profile";
import { declareMaintenance } from "./maintenance/resources";
import { declareContainerInsights, declareControlPlaneLogs, declarePrometheus } from "./monitoring/resources";
import { apiServerAccessProfileOf } from "./api-server/profile";
import { aadProfileOf } from "./entra/profile";
import { networkProfileOf } from "./network-profile/profile";
import { autoUpgradeProfileOf } from "./upgrades/auto-upgrade";
import { CLUSTER_LATE_CHECKED, KubenetClusterArgs } from "./args";
import { clusterRequestPools, declareAgentPools } from "./node-pools/agent-pools";
import { defaultPoolOf } from "./node-pools/names";
import { API_SERVER_CREATE_ONLY_PATHS, CLUSTER_PERMISSION_RETRY, PRIVATE_DNS_ZONE_PATH, deployerOwnFailure } from "./lifecycle";
import * as authorization from "@pulumi/azure-native/authorization";
import { readLiveCluster } from "./upgrades/live";
import { runningClusterChecks } from "./upgrades/running-checks";
import { DeclaredReplacementProperties, declaredReplacementProperties } from "./replacement";
import { formatWarning } from "../address";
import { clusterTimeouts } from "./upgrades/durations";
import { clusterArgsPath, clusterChecks } from "./validate";
import { checkedWhenKnown, problemsKnownNow } from "../common/late-values";
import { keyPathsOf } from "../common/key-paths";
import { argsAsRead } from "../common/validation";
import { clusterArgsSchemas } from "./inputs";
import { declareClusterAccess } from "./entra/kubeconfig";

export * from "./args";
export { validateClusterArgs, clusterArgsPath, clusterPaths } from "./validate";
export { egressRouteWarnings } from "./network-profile/rules";
export { checkPoolCounts, poolSizing } from "./node-pools/rules";
export { CLUSTER_REPLACEMENT_PROPERTIES, OVERLAY_MIGRATION_MIN_VERSION } from "./replacement";
export { parseKubernetesVersion } from "./upgrades/versions";
export { POOL_NAME_LABEL, CREATE_ONLY_POOL_SETTINGS, agentPoolName, defaultPoolOf } from "./node-pools/names";
export { API_SERVER_CREATE_ONLY_PATHS, CLUSTER_PERMISSION_RETRY } from "./lifecycle";

/*
 * KubenetCluster: the ManagedCluster and its slices composed (node pools, network profile, API
 * server, Entra ID, security & add-ons, monitoring, maintenance, autoscaler, upgrades).
 */

export {
    AKS_MINOR_VERSIONS, KUBERNETES_VERSIONS_RECORDED_ON, VERSION_WARNING_DAYS, versionSupport, type AksMinorVersion, type VersionSupport,
} from "./upgrades/kubernetes-versions";

import { declareAcrPull } from "./security/acr-pull";
export { kubernetesVersionWarnings } from "./upgrades/versions";
export { type LiveCluster, type LivePool } from "./upgrades/live";
export { liveClusterProblems, isUpgrade } from "./upgrades/live-checks";
export { runningClusterChecks, type DeclaredAgainstRunning } from "./upgrades/running-checks";
export { declaredReplacementProperties } from "./replacement";
export { parseAuthorizedRange, effectiveAuthorizedRanges, isOwnPrivateDnsZone } from "./api-server/access";
export { ADDON_KEYS } from "./security/profile";
export { AUTOSCALER_DEFAULTS } from "./autoscaler/profile";
export { MAINTENANCE_CONFIG_NAMES } from "./maintenance/resources";
export { MAINTENANCE_LIMITS } from "./maintenance/args";
export { CONTROL_PLANE_LOG_CATEGORIES, DEFAULT_CONTROL_PLANE_LOGS } from "./monitoring/args";
export { SPOT_TAINT } from "./node-pools/agent-pools";

/** The object id of the principal running `pulumi up`, as azure-native signs in. */
function deployerObjectId(parent: pulumi.Resource): () => Promise<string | undefined> {
    return async () => (await authorization.getClientConfig({ parent })).objectId;
}

/**
 * The state migration that lets `pulumi up` make the network changes AKS makes in place
 * (network-profile/in-place.ts), for the network profile these arguments declare.
 */
function networkMigrations(args: KubenetClusterArgs): pulumi.StateMigration[] {
    // Arguments too broken to read declare no change; the constructor's checks refuse them.
    if (args === null || typeof args !== "object") return [];
    const settings = argsAsRead<KubenetClusterArgs>(clusterArgsSchemas.args, args);
    const declared = declaredReplacementProperties(settings) as DeclaredReplacementProperties;
    return [networkStateMigration(declared.network as NetworkLeaves)];
}

/**
 * An AKS cluster with kubenet networking in your subnet, created only after the identity's
 * Network Contributor grants and the subnet's route-table association exist.
 *
 * Node pools. AKS creates a cluster with one pool in the cluster's own request, the default pool,
 * and azure-native sends that pool in every later request for the cluster, so it stays there for
 * the cluster's life: AKS refuses a cluster request that adds a pool, or names one that no longer
 * exists (pulumi/pulumi-azure-native#579, #2719). Its settings are applied through the cluster,
 * its version included. Every other pool is its own AgentPool, applied through AKS's per-pool
 * API; its Azure name carries a suffix derived from the settings AKS can't change in place, so a
 * change to one of them creates the new pool before the old one is deleted.
 *
 * The cluster is protected unless `allowReplacement` is set: azure-native replaces a cluster for
 * a new network plugin or pod CIDR (and, through `replaceOnChanges`, for a change to a setting
 * the default pool can't take in place), and the engine refuses to replace a protected resource,
 * so such a change fails the preview instead of deleting the running cluster.
 */
export class KubenetCluster extends pulumi.ComponentResource {
    /** The ManagedCluster resource. */
    public readonly cluster: containerservice.ManagedCluster;
    /** The pools declared as their own resources (every pool but the default pool), by name. */
    public readonly agentPools: Record<string, containerservice.AgentPool>;
    /** The cluster's name. */
    public readonly clusterName: pulumi.Output<string>;
    /** The cluster's resource id. */
    public readonly clusterId: pulumi.Output<string>;
    /** The resource group AKS keeps the nodes in. */
    public readonly nodeResourceGroup: pulumi.Output<string | undefined>;
    /** The object id of the kubelet identity AKS creates for the nodes (image pulls, Azure disks). */
    public readonly kubeletIdentityObjectId: pulumi.Output<string | undefined>;
    /** The OIDC issuer URL federated credentials trust; set with workloadIdentity. */
    public readonly oidcIssuerUrl: pulumi.Output<string | undefined>;

    /**
     * A kubeconfig for the cluster's API, a secret: with Entra ID it signs in through kubelogin
     * (`kubeloginMode`). It resolves only once the cluster, and with Azure RBAC the deployer's
     * grant, exist, so a Kubernetes provider given it waits for them. Undefined with
     * `listCredentials: false`.
     */
    public readonly kubeconfig: pulumi.Output<string> | undefined;

    constructor(name: string, args: KubenetClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.KubenetCluster, name, {}, withStateMigrations(withTypeAlias(opts, "aks-kubenet:cluster:KubenetCluster"), networkMigrations(args)));
        const today = new Date();
        const pathOf = keyPathsOf(args, clusterArgsPath);
        const checks = clusterChecks(clusterArgsSchemas.args, pathOf, today);
        throwIfProblems(problemsKnownNow(args, CLUSTER_LATE_CHECKED, checks, pathOf), this, "KubenetCluster");
        const settings = argsAsRead<KubenetClusterArgs>(clusterArgsSchemas.args, args);
        // Every child takes the resource group's name: it resolves once the rules on the values
        // known only now (another stack's ranges, say) have passed, and once the CLI is one that
        // runs the retries the cluster and its grants rely on.
        const resourceGroupName = withRequiredCli(checkedWhenKnown(args, CLUSTER_LATE_CHECKED, settings.resourceGroupName, checks, this, "KubenetCluster"), this, "KubenetCluster");

        const subnetId = settings.subnetId;
        const defaultPool = defaultPoolOf(settings)!;
        const version = settings.kubernetesVersion;
        // The running cluster, read during preview and up before anything is sent: what AKS
        // fixed at creation, the version it runs, the pools it has (live.ts, live-checks.ts).
        const declared = pulumi.output({ replacement: declaredReplacementProperties(settings), privateDNSZone: settings.apiServer?.privateDNSZone, apiServerSubnetId: settings.apiServer?.subnetId });
        const live = pulumi.all([resourceGroupName, settings.name, declared, settings.subnetId]).apply(async ([resourceGroupName, clusterName, declared, subnetId]) => {
            const running = await readLiveCluster(resourceGroupName, clusterName!, { parent: this });
            // The move off kubenet also reads the route table the cluster subnet uses (move-checks.ts).
            const moving = plannedInPlaceChange(declared.replacement.network, running)?.kind === "overlayMigration";
            const routeTable = moving ? await readRouteTableUse(subnetId, { parent: this }) : undefined;
            const { problems, warnings } = runningClusterChecks({ ...settings, subnetId }, declared, running, today, pathOf, pulumi.runtime.isDryRun(), routeTable);
            for (const warning of warnings) void pulumi.log.warn(formatWarning(warning), this);
            throwIfProblems(problems, this, "KubenetCluster");
            return running;
        });

        this.cluster = new containerservice.ManagedCluster(`${name}-aks`, {
            resourceGroupName,
            location: settings.location,
            resourceName: settings.name,
            dnsPrefix: settings.dnsPrefix ?? settings.name,
            kubernetesVersion: version,
            // Explicit, so dropping long-term support from the stack file ends it in Azure too.
            supportPlan: settings.supportPlan,
            identity: { type: "UserAssigned", userAssignedIdentities: [settings.identityId] },
            sku: { name: "Base", tier: settings.skuTier },
            enableRBAC: true,
            networkProfile: networkProfileOf(settings),
            agentPoolProfiles: live.apply((running) => clusterRequestPools(settings, running, subnetId)),
            autoUpgradeProfile: autoUpgradeProfileOf(settings),
            apiServerAccessProfile: apiServerAccessProfileOf(settings),
            addonProfiles: { ...addonProfiles(settings), ...monitoringAddonProfiles(settings) },
            securityProfile: { ...securityProfile(settings), defender: defenderProfile(settings) },
            // Sent only to turn it on: AKS can't turn the issuer off once it is on, and turns it on
            // by itself for clusters created with Kubernetes 1.34 or later (Microsoft, "Create an
            // OpenID Connect provider on AKS"), so "off" is a request AKS would refuse.
            oidcIssuerProfile: settings.workloadIdentity ? { enabled: true } : undefined,
            autoScalerProfile: autoScalerProfile(settings),
            // Explicit off too, so removing prometheus from the stack file stops the metrics add-on.
            azureMonitorProfile: { metrics: { enabled: settings.monitoring?.prometheus !== undefined } },
            aadProfile: aadProfileOf(settings),
            disableLocalAccounts: settings.disableLocalAccounts,
            nodeResourceGroup: settings.nodeResourceGroup,
            tags: settings.tags,
        }, childOptions(this, opts, !settings.allowReplacement, {
            // No dependsOn: identityId and subnetId resolve only once the grants, the subnet's
            // route-table association and the routes exist, so the cluster waits for them.
            // No lifecycle option names a pool: AKS lists every pool in agentPoolProfiles in its
            // own order, and a refresh stores that list (pulumi/pulumi-azure-native#1298), so a
            // path such as agentPoolProfiles[0] can point at another pool after one. What the
            // default pool can't change is checked against the running pool instead (live-checks.ts).
            replaceOnChanges: [...API_SERVER_CREATE_ONLY_PATHS, ...(settings.allowReplacement ? [PRIVATE_DNS_ZONE_PATH] : [])],
            // An allowed replacement reuses the cluster's name, so the old cluster must go first.
            deleteBeforeReplace: true,
            hooks: retryHooks(`${name}-aks-permission-retry`, { ...CLUSTER_PERMISSION_RETRY, permanent: deployerOwnFailure(deployerObjectId(this)) }),
            // An upgrade names every pool, which AKS upgrades one after the other: wait for all
            // of them, not azure-native's 2 hours (upgrades/durations.ts).
            customTimeouts: clusterTimeouts(settings.nodePools),
        }));

        this.agentPools = declareAgentPools(name, settings.nodePools.filter((pool) => pool !== defaultPool), {
            resourceGroupName, clusterName: this.cluster.name, subnetId, tags: settings.tags, kubernetesVersion: version,
        }, childOptions(this, opts, undefined));

        this.clusterName = this.cluster.name;
        this.clusterId = this.cluster.id;
        this.nodeResourceGroup = this.cluster.nodeResourceGroup;
        this.kubeletIdentityObjectId = this.cluster.identityProfile.apply((profile) => profile?.kubeletidentity?.objectId);
        this.oidcIssuerUrl = this.cluster.oidcIssuerProfile.apply((profile) => profile?.issuerURL);

        const children = childOptions(this, opts, undefined);
        declareMaintenance(name, settings.maintenance, { resourceGroupName, clusterName: this.cluster.name }, children);
        if (settings.monitoring) {
            const monitored = { resourceGroupName, clusterName: settings.name!, clusterId: this.clusterId, tags: settings.tags };
            if (settings.monitoring.containerInsights !== false) declareContainerInsights(name, settings.monitoring, monitored, children);
            declareControlPlaneLogs(name, settings.monitoring, this.clusterId, children);
            if (settings.monitoring.prometheus) declarePrometheus(name, settings.monitoring.prometheus, monitored, children);
        }
        declareAcrPull(name, settings.acrPullRegistryIds ?? [], this.kubeletIdentityObjectId, children);
        this.kubeconfig = declareClusterAccess(name, { resourceGroupName, cluster: this.cluster, aad: settings.aad, kubeloginMode: settings.kubeloginMode!, listCredentials: settings.listCredentials !== false }, children);
        this.registerOutputs({
            kubeconfig: this.kubeconfig,
            clusterName: this.clusterName,
            clusterId: this.clusterId,
            nodeResourceGroup: this.nodeResourceGroup,
            kubeletIdentityObjectId: this.kubeletIdentityObjectId,
            oidcIssuerUrl: this.oidcIssuerUrl,
        });
    }
}
