import {
    DEFAULT_DNS_SERVICE_IP,
    DEFAULT_POD_CIDR,
    DEFAULT_SERVICE_CIDR,
    PathOf,
    Problem,
    podNetworkingOf,
    validateClusterAddressing,
} from "../address";
import { CLUSTER_LATE_CHECKED, ClusterArgsToCheck, KnownClusterArgs } from "./args";
import { checkApiServerAccess, effectiveAuthorizedRanges } from "./api-server/access";
import { authorizedRangeCountProblems, clusterNodeCountProblems, nodePoolCountProblems } from "./aks-limits";
import { checkTagsArg, privateDnsZoneTagCountProblems } from "../common/tags";
import { checkAzureName } from "../common/azure-names";
import { checkMonitoring } from "./monitoring/rules";
import { checkMaintenance } from "./maintenance/rules";
import { checkAutoscalerProfile } from "./autoscaler/rules";
import { checkAddons, checkKms, checkRegistries } from "./security/rules";
import { checkPrivateDnsZone } from "./api-server/private-dns-zone";
import { z } from "zod";
import { checkArgs } from "../common/validation";
import { CLUSTER_RENAMED, clusterArgsSchemas } from "./inputs";
import { checkDefaultPool, checkNodePools, poolSizing } from "./node-pools/rules";
import { problemsKnownNow } from "../common/late-values";
import { checkSupportPlan, checkSpotPoolsUnderChannel, checkUpgradeChannels, checkVersionChannel, checkVersionFormat, checkVersionSupport } from "./upgrades/versions";
import { checkEntra } from "./entra/rules";
import { checkEgressRoute, checkMigration, checkNetworkModel } from "./network-profile/rules";

/*
 * The cluster's rules, composed from its slices' (node pools, network profile, API server, Entra
 * ID, security & add-ons, monitoring, maintenance, autoscaler, upgrades), and the ones on the
 * cluster as a whole: its names, tags and AKS's count limits.
 */

const NETWORK_FIELDS = new Set(["vnetCidr", "subnetCidr", "reservedCidrs", "routes"]);

/**
 * Key paths for the cluster's problems: the network's ranges (vnetCidr, routes, …) under one
 * prefix, the cluster's own fields under another.
 */
export function clusterPaths(networkPrefix: string, clusterPrefix: string): PathOf {
    return (field) => `${NETWORK_FIELDS.has(field.split(/[.[]/)[0]) ? networkPrefix : clusterPrefix}${field}`;
}

/** The component's own key paths: network ranges live under `networkAddressing`. */
export const clusterArgsPath: PathOf = clusterPaths("networkAddressing.", "");

function checkAccess(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    return [...checkApiServerAccess(args, pathOf), ...checkEntra(args, pathOf)];
}

/**
 * Without a dnsPrefix the cluster's name is its DNS prefix, which takes fewer characters (no
 * '_', at most 54): a valid cluster name can make an invalid prefix.
 */
function checkDerivedDnsPrefix(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    if (args.dnsPrefix !== undefined || checkAzureName(args.name, "managedCluster", "").length > 0 || typeof args.name !== "string") return [];
    return checkAzureName(args.name, "dnsPrefix", pathOf("name")).map((problem) => ({
        path: problem.path,
        message: `${problem.message.replace("is not a DNS prefix", "can't be the DNS prefix")}; the DNS prefix is the cluster's name unless dnsPrefix is given: give one` }));
}

/**
 * Azure's tag rules; a private cluster's tags also go on the private DNS zone AKS creates for
 * it (`system`, the default), which holds fewer.
 */
function checkClusterTags(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const problems = checkTagsArg(args.tags, pathOf("tags"));
    const zone = args.apiServer?.privateDNSZone ?? "system";
    if (problems.length === 0 && args.apiServer?.enablePrivateCluster && zone === "system" && args.tags) {
        problems.push(...privateDnsZoneTagCountProblems(args.tags, pathOf("tags")));
    }
    return problems;
}

/**
 * AKS's count limits (aks-limits.ts): node pools, nodes on the cluster's tier, and authorized
 * ranges with the egress IPs the cluster adds to them.
 */
function checkAksCounts(args: KnownClusterArgs, pathOf: PathOf, countProblems: Problem[][]): Problem[] {
    const pools = args.nodePools ?? [];
    const listed = args.apiServer?.authorizedIPRanges ?? [];
    const added = (effectiveAuthorizedRanges(args) ?? []).length - listed.length;
    // Pools with unsound sizes are left out: their own problems say what is wrong.
    const nodes = pools.reduce((sum, pool, i) => sum + (countProblems[i].length === 0 ? poolSizing(pool).maxNodes : 0), 0);
    return [
        ...nodePoolCountProblems(pools.length, pathOf("nodePools")),
        ...clusterNodeCountProblems(nodes, pathOf("nodePools"), args.skuTier ?? "Free"),
        ...authorizedRangeCountProblems(listed.length, pathOf("apiServer.authorizedIPRanges"), Math.max(0, added)),
    ];
}

/**
 * AKS keeps the nodes in a resource group of its own and refuses the cluster's group for it
 * (NodeResourceGroupSameAsResourceGroup; "Azure requires that a new, non-existent Resource Group
 * is used", azurerm's node_resource_group). Resource group names are case-insensitive.
 */
function checkNodeResourceGroup(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const own = args.resourceGroupName;
    return typeof own === "string" && typeof args.nodeResourceGroup === "string" && own !== "" && own.toLowerCase() === args.nodeResourceGroup.toLowerCase()
        ? [{ path: pathOf("nodeResourceGroup"), message: `${JSON.stringify(args.nodeResourceGroup)} is the cluster's own resource group: AKS creates the node resource group itself and refuses an existing one; choose another name, or leave it unset for MC_<group>_<cluster>_<region>` }]
        : [];
}

/**
 * Every problem with a cluster's arguments, under the caller's key paths. `today` decides which
 * Kubernetes versions AKS still supports.
 */
export function validateClusterArgs(args: ClusterArgsToCheck, pathOf: PathOf = clusterArgsPath, today: Date = new Date()): Problem[] {
    return problemsKnownNow(args, CLUSTER_LATE_CHECKED, clusterChecks(clusterArgsSchemas.toCheck, pathOf, today), pathOf);
}

/**
 * The cluster's schema, then its rules on what the schema accepted, its late-checked values
 * known. `schema` is the component's (`clusterArgsSchemas.args`) or, for a program checking its
 * settings before anything exists, `clusterArgsSchemas.toCheck`.
 */
export function clusterChecks(schema: z.ZodType, pathOf: PathOf, today: Date): (args: unknown) => Problem[] {
    return (args) => checkArgs<KnownClusterArgs>(schema, args, (settings) => clusterRules(settings, pathOf, today), pathOf, CLUSTER_RENAMED).problems;
}

/** The cluster's rules on arguments its schema accepted, the late-checked ones known. */
export function clusterRules(args: KnownClusterArgs, pathOf: PathOf, today: Date): Problem[] {
    const problems: Problem[] = [...checkNetworkModel(args, pathOf), ...checkMigration(args, pathOf)];
    const pools = checkNodePools(args, pathOf);
    problems.push(...pools.problems);
    const countProblems = pools.countProblems;
    problems.push(
        ...checkAzureName(args.name, "managedCluster", pathOf("name")),
        ...checkAzureName(args.dnsPrefix, "dnsPrefix", pathOf("dnsPrefix")),
        ...checkDerivedDnsPrefix(args, pathOf),
        ...checkAzureName(args.nodeResourceGroup, "nodeResourceGroup", pathOf("nodeResourceGroup")),
    );
    problems.push(...checkAccess(args, pathOf), ...checkDefaultPool(args, pathOf), ...checkVersionFormat(args.kubernetesVersion, pathOf), ...checkVersionChannel(args, pathOf));
    problems.push(...checkSupportPlan(args, pathOf), ...checkVersionSupport(args, pathOf, today), ...checkUpgradeChannels(args, pathOf), ...checkSpotPoolsUnderChannel(args, pathOf), ...checkNodeResourceGroup(args, pathOf));
    problems.push(
        ...checkPrivateDnsZone(args, pathOf), ...checkKms(args, pathOf), ...checkAddons(args, pathOf), ...checkMonitoring(args, pathOf),
        ...checkRegistries(args, pathOf), ...checkMaintenance(args, pathOf), ...checkAutoscalerProfile(args, pathOf),
    );
    problems.push(...checkEgressRoute(args, pathOf), ...checkClusterTags(args, pathOf), ...checkAksCounts(args, pathOf, countProblems));
    problems.push(...validateClusterAddressing({
        podNetworking: podNetworkingOf(args.networkPlugin ?? "kubenet", args.networkPluginMode),
        podCidr: args.podCidr ?? DEFAULT_POD_CIDR,
        serviceCidr: args.serviceCidr ?? DEFAULT_SERVICE_CIDR,
        dnsServiceIP: args.dnsServiceIP ?? DEFAULT_DNS_SERVICE_IP,
        // A pool with unsound sizes counts as empty: its count problems above say what is wrong.
        nodePools: (args.nodePools ?? []).map((pool, i) => countProblems[i].length === 0
            ? poolSizing(pool)
            : { ...poolSizing(pool), minNodes: 0, maxNodes: 0 }),
        network: args.networkAddressing }, pathOf));
    return problems;
}
