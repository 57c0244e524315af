import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { DEFAULT_DNS_SERVICE_IP, DEFAULT_POD_CIDR, DEFAULT_SERVICE_CIDR } from "../address";
import { childOptions, throwIfProblems } from "../common/problems";
import { KubenetClusterArgs } from "./args";
import { inlinePoolIndex, poolProfile } from "./pools";
import { validateClusterArgs } from "./validate";

export * from "./args";
export { validateClusterArgs, clusterArgsPath, clusterPaths, checkPoolCounts, poolSizing } from "./validate";
export { CLUSTER_REPLACEMENT_PROPERTIES, OVERLAY_MIGRATION_MIN_VERSION } from "./replacement";

/**
 * An AKS cluster with kubenet networking in the caller's subnet, created only after the
 * identity's Network Contributor grants and the subnet's route-table association exist.
 *
 * Node pools: AKS needs one pool at creation, so the first System pool is declared inside the
 * cluster and the cluster ignores later changes to `agentPoolProfiles` — through the cluster,
 * AKS can't add pools, and editing one puts every pool into Scaling. Every other pool is its own
 * AgentPool resource, so changing it never touches the cluster; autoscaled pools ignore `count`
 * so `pulumi up` doesn't fight the cluster autoscaler.
 *
 * The cluster is protected unless `allowReplacement` is set: azure-native replaces a cluster for
 * a new network plugin or pod CIDR, and the engine refuses to replace a protected resource, so
 * such a change fails the preview instead of deleting the running cluster.
 */
export class KubenetCluster extends pulumi.ComponentResource {
    public readonly cluster: containerservice.ManagedCluster;
    /** The pools declared as their own resources (every pool but the first System pool). */
    public readonly agentPools: containerservice.AgentPool[];
    public readonly clusterName: pulumi.Output<string>;
    public readonly clusterId: pulumi.Output<string>;
    public readonly nodeResourceGroup: pulumi.Output<string | undefined>;

    constructor(name: string, args: KubenetClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aks-kubenet:cluster:KubenetCluster", name, {}, opts);
        throwIfProblems(validateClusterArgs(args), this, "KubenetCluster");

        const subnetId = args.network.subnetId;
        const pools = args.nodePools;
        const inline = inlinePoolIndex(pools);
        const networkPolicy = args.networkPolicy ?? "none";
        const aad = args.aad;

        this.cluster = new containerservice.ManagedCluster(`${name}-aks`, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            resourceName: args.clusterName,
            dnsPrefix: args.dnsPrefix ?? args.clusterName ?? name,
            kubernetesVersion: args.kubernetesVersion,
            identity: { type: "UserAssigned", userAssignedIdentities: [args.identity.identityId] },
            sku: { name: "Base", tier: args.skuTier ?? "Free" },
            enableRBAC: true,
            networkProfile: {
                networkPlugin: args.networkPlugin ?? "kubenet",
                networkPluginMode: args.networkPluginMode,
                // Always explicit: the ranges can't change after creation, so no default may drift.
                podCidr: args.podCidr ?? DEFAULT_POD_CIDR,
                serviceCidr: args.serviceCidr ?? DEFAULT_SERVICE_CIDR,
                dnsServiceIP: args.dnsServiceIP ?? DEFAULT_DNS_SERVICE_IP,
                networkPolicy: networkPolicy === "none" ? undefined : networkPolicy,
                networkDataplane: networkPolicy === "cilium" ? "cilium" : undefined,
                outboundType: args.outboundType ?? "loadBalancer",
                loadBalancerSku: "standard",
            },
            agentPoolProfiles: [{ name: pools[inline].name, ...poolProfile(pools[inline], subnetId, args.tags) }],
            autoUpgradeProfile: args.upgradeChannel || args.nodeOSUpgradeChannel
                ? { upgradeChannel: args.upgradeChannel, nodeOSUpgradeChannel: args.nodeOSUpgradeChannel }
                : undefined,
            apiServerAccessProfile: args.apiServer
                ? { authorizedIPRanges: args.apiServer.authorizedIPRanges, enablePrivateCluster: args.apiServer.enablePrivateCluster }
                : undefined,
            aadProfile: aad
                ? { managed: true, enableAzureRBAC: aad.enableAzureRBAC ?? false, adminGroupObjectIDs: aad.adminGroupObjectIDs, tenantID: aad.tenantID }
                : undefined,
            disableLocalAccounts: args.disableLocalAccounts ?? false,
            nodeResourceGroup: args.nodeResourceGroup,
            tags: args.tags,
        }, childOptions(this, !args.allowReplacement, {
            dependsOn: [...args.identity.roleAssignments, ...(args.network.readyResources ?? [])],
            ignoreChanges: ["agentPoolProfiles"],
            // An allowed replacement reuses the cluster's name, so the old cluster must go first.
            deleteBeforeReplace: true,
        }));

        this.agentPools = pools
            .filter((_, i) => i !== inline)
            .map((pool) => new containerservice.AgentPool(`${name}-pool-${pool.name}`, {
                resourceGroupName: args.resourceGroupName,
                resourceName: this.cluster.name,
                agentPoolName: pool.name,
                orchestratorVersion: args.kubernetesVersion,
                ...poolProfile(pool, subnetId, args.tags),
            }, childOptions(this, args.protect, {
                ignoreChanges: pool.enableAutoScaling ? ["count"] : [],
                // The pool's name is fixed, so a replacement must delete the old pool first.
                deleteBeforeReplace: true,
            })));

        this.clusterName = this.cluster.name;
        this.clusterId = this.cluster.id;
        this.nodeResourceGroup = this.cluster.nodeResourceGroup;
        this.registerOutputs({ clusterName: this.clusterName, clusterId: this.clusterId, nodeResourceGroup: this.nodeResourceGroup });
    }
}
