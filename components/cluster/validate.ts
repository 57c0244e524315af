import {
    DEFAULT_DNS_SERVICE_IP,
    DEFAULT_POD_CIDR,
    DEFAULT_SERVICE_CIDR,
    NetworkAddressing,
    PathOf,
    Problem,
    podNetworkingOf,
    validateClusterAddressing,
} from "../address";
import { checkOneOf } from "../common/checks";
import { ENTRA_OBJECT_ID } from "../common/entra";
import { AadArgs, CLUSTER_LATE_CHECKED, DEPLOYER_PRINCIPAL_TYPES, KnownClusterArgs, KubenetClusterArgs, NETWORK_POLICIES } from "./args";
import { checkApiServerAccess, effectiveAuthorizedRanges } from "./api-access";
import { authorizedRangeCountProblems, clusterNodeCountProblems, nodePoolCountProblems } from "./aks-limits";
import { checkTagsArg, privateDnsZoneTagCountProblems } from "../common/tags";
import { checkAzureName } from "../common/azure-names";
import { checkClusterFeatures } from "./validate-features";
import { OVERLAY_MIGRATION_MIN_VERSION } from "./replacement";
import { renamedArgProblems, resolveClusterArgs } from "./resolve";
import { checkDefaultPool, checkNodePools, poolSizing } from "./node-pools/rules";
import { problemsKnownNow } from "../common/late-values";
import { checkSupportPlan, checkUpgradeChannels, checkVersionChannel, checkVersionFormat, checkVersionSupport, parseKubernetesVersion } from "./versions";

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

function checkNetworkModel(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const problems: Problem[] = [];
    const plugin = args.networkPlugin ?? "kubenet";
    const policy = args.networkPolicy ?? "none";
    if (args.networkPluginMode !== undefined && plugin !== "azure") {
        problems.push({ path: pathOf("networkPluginMode"), message: "is only used with networkPlugin: azure" });
    }
    if (plugin === "azure" && args.networkPluginMode !== "overlay") {
        problems.push({ path: pathOf("networkPluginMode"), message: "must be overlay with networkPlugin: azure (classic Azure CNI gives every pod a subnet address, which this project doesn't plan)" });
    }
    const policyProblems = checkOneOf(policy, NETWORK_POLICIES, pathOf("networkPolicy"));
    if (policyProblems.length > 0) {
        problems.push(...policyProblems);
    } else if (plugin === "kubenet" && (policy === "azure" || policy === "cilium")) {
        problems.push({ path: pathOf("networkPolicy"), message: `${policy} network policy isn't supported with kubenet; use calico or none` });
    }
    return problems;
}

/** Microsoft's pre-conditions for moving a running kubenet cluster to Azure CNI Overlay in place. */
function checkMigration(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    if (!args.migrateFromKubenet) return [];
    const problems: Problem[] = [];
    if (args.networkPlugin !== "azure" || args.networkPluginMode !== "overlay") {
        problems.push({ path: pathOf("migrateFromKubenet"), message: "moves the cluster to Azure CNI Overlay: set networkPlugin: azure and networkPluginMode: overlay" });
    }
    if ((args.networkPolicy ?? "none") !== "none") {
        problems.push({ path: pathOf("networkPolicy"), message: `must be none while migrating from kubenet: Microsoft requires network policy off for the move (uninstall ${args.networkPolicy} first, turn a policy on once the cluster runs Overlay)` });
    }
    const version = args.kubernetesVersion === undefined ? undefined : parseKubernetesVersion(args.kubernetesVersion);
    const { major, minor } = OVERLAY_MIGRATION_MIN_VERSION;
    // An unreadable version is reported by checkVersionFormat, never assumed new enough.
    if (version !== undefined && (version.major < major || (version.major === major && version.minor < minor))) {
        problems.push({ path: pathOf("kubernetesVersion"), message: `${JSON.stringify(args.kubernetesVersion)} can't migrate from kubenet: the move to Azure CNI Overlay needs Kubernetes ${major}.${minor} or later; upgrade first` });
    }
    if (args.allowReplacement) {
        problems.push({ path: pathOf("allowReplacement"), message: "can't be combined with migrateFromKubenet: the migration keeps the running cluster, and allowing replacement would let Pulumi delete it instead" });
    }
    return problems;
}

function checkAccess(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const problems: Problem[] = [...checkApiServerAccess(args, pathOf)];
    (args.aad?.adminGroupObjectIDs ?? []).forEach((id, i) => {
        if (typeof id !== "string" || !ENTRA_OBJECT_ID.test(id)) {
            problems.push({ path: pathOf(`aad.adminGroupObjectIDs[${i}]`), message: `${JSON.stringify(id)} is not an Entra ID object id (a GUID)` });
        }
    });
    if (args.disableLocalAccounts && args.aad === undefined) {
        problems.push({ path: pathOf("disableLocalAccounts"), message: "needs Entra ID (aad): without local accounts, Entra ID is the only way in" });
    }
    problems.push(...checkDeployer(args.aad, pathOf));
    return problems;
}

/**
 * With Azure RBAC the component grants the deploying principal RBAC Cluster Admin, so what the
 * kubeconfig deploys is authorized. Whose object id, and what kind of principal, is stated,
 * never inferred: a grant built from whoever runs `pulumi up` flips between a person and the
 * pipeline (and Azure rejects `principalType: User` for a service principal).
 */
function checkDeployer(aad: AadArgs | undefined, pathOf: PathOf): Problem[] {
    const deployer = aad?.deployer;
    if (deployer === undefined) return [];
    const problems: Problem[] = [];
    if (!aad?.enableAzureRBAC) {
        problems.push({ path: pathOf("aad.deployer"), message: "is only used with enableAzureRBAC: true; without Azure RBAC, put the deploying principal in a group listed in adminGroupObjectIDs" });
    }
    if (typeof deployer.objectId !== "string" || !ENTRA_OBJECT_ID.test(deployer.objectId)) {
        problems.push({ path: pathOf("aad.deployer.objectId"), message: `${JSON.stringify(deployer.objectId)} is not an Entra ID object id (a GUID); for a service principal use its object id (az ad sp show --id <appId> --query id), not the app id` });
    }
    problems.push(...checkOneOf(deployer.principalType, DEPLOYER_PRINCIPAL_TYPES, pathOf("aad.deployer.principalType"), true));
    return problems;
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
 * With userDefinedRouting the nodes leave through the route table's default route (to your
 * firewall): without a 0.0.0.0/0 route they have no way out and AKS fails to create the cluster.
 * Only the routes declared with the network are known; a route table of your own is the
 * warning's to mention (`egressRouteWarnings`).
 */
function checkEgressRoute(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const network = args.networkAddressing;
    if (args.outboundType !== "userDefinedRouting" || network === undefined || network.externalRouteTable || hasDefaultRoute(network)) return [];
    return [{ path: pathOf("outboundType"), message: `userDefinedRouting needs a 0.0.0.0/0 route in ${pathOf("routes")} (e.g. to your firewall); without one the nodes have no way out` }];
}

function hasDefaultRoute(network: NetworkAddressing): boolean {
    return (network.routes ?? []).some((route) => route?.addressPrefix === "0.0.0.0/0");
}

/** userDefinedRouting through a route table of yours, whose routes only you know. */
export function egressRouteWarnings(args: Pick<KnownClusterArgs, "outboundType" | "networkAddressing">, pathOf: PathOf): Problem[] {
    const network = args.networkAddressing;
    return args.outboundType === "userDefinedRouting" && network?.externalRouteTable && !hasDefaultRoute(network)
        ? [{ path: pathOf("outboundType"), message: "userDefinedRouting needs a 0.0.0.0/0 route: make sure your route table (the network's existingRouteTableId) has one" }]
        : [];
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
export function validateClusterArgs(args: KubenetClusterArgs, pathOf: PathOf = clusterArgsPath, today: Date = new Date()): Problem[] {
    return problemsKnownNow(args, CLUSTER_LATE_CHECKED, clusterRules(pathOf, today), pathOf);
}

/** The cluster's rules on arguments whose late-checked values are known (`KnownClusterArgs`). */
export function clusterRules(pathOf: PathOf, today: Date): (args: KubenetClusterArgs) => Problem[] {
    return (args) => [...renamedArgProblems(args, pathOf), ...checkResolvedArgs(resolveClusterArgs(args) as KnownClusterArgs, pathOf, today)];
}

function checkResolvedArgs(args: KnownClusterArgs, pathOf: PathOf, today: Date): Problem[] {
    const problems: Problem[] = [...checkNetworkModel(args, pathOf), ...checkMigration(args, pathOf)];
    const pools = checkNodePools(args, pathOf);
    problems.push(...pools.problems);
    const countProblems = pools.countProblems;
    if (typeof args.name !== "string" || args.name === "") {
        problems.push({ path: pathOf("name"), message: "is required: the cluster is read by its Azure name during preview (its pools and version), which an auto-generated name doesn't allow" });
    }
    problems.push(
        ...checkAzureName(args.name, "managedCluster", pathOf("name")),
        ...checkAzureName(args.dnsPrefix, "dnsPrefix", pathOf("dnsPrefix")),
        ...checkDerivedDnsPrefix(args, pathOf),
        ...checkAzureName(args.nodeResourceGroup, "nodeResourceGroup", pathOf("nodeResourceGroup")),
    );
    problems.push(...checkAccess(args, pathOf), ...checkDefaultPool(args, pathOf), ...checkVersionFormat(args.kubernetesVersion, pathOf), ...checkVersionChannel(args, pathOf));
    problems.push(...checkSupportPlan(args, pathOf), ...checkVersionSupport(args, pathOf, today), ...checkUpgradeChannels(args, pathOf), ...checkNodeResourceGroup(args, pathOf));
    problems.push(...checkClusterFeatures(args, pathOf), ...checkEgressRoute(args, pathOf), ...checkClusterTags(args, pathOf), ...checkAksCounts(args, pathOf, countProblems));
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
