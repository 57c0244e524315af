import { z } from "zod";
import { DEFAULT_DNS_SERVICE_IP, DEFAULT_POD_CIDR, DEFAULT_SERVICE_CIDR } from "../address";
import { input, inputShape, oneOf, tagsInput } from "../common/inputs";
import { argsSchemas } from "../common/validation";
import { RenamedKeys } from "../common/zod-problems";
import { NetworkRanges } from "../common/network-addressing";
import { RouteAddressing } from "../address";

import {
    KUBELOGIN_MODES,
    KUBERNETES_SUPPORT_PLANS,
    KubenetClusterArgs,
    NETWORK_PLUGINS,
    NETWORK_PLUGIN_MODES,
    NETWORK_POLICIES,
    NODE_OS_UPGRADE_CHANNELS,
    OUTBOUND_TYPES,
    SKU_TIERS,
    UPGRADE_CHANNELS,
} from "./args";
import { nodePoolInputs } from "./node-pools/inputs";
import { monitoringInputs, prometheusInputs } from "./monitoring/inputs";
import { maintenanceInputs } from "./maintenance/inputs";
import { autoscalerProfileInputs } from "./autoscaler/inputs";
import { addonsInputs, kmsInputs } from "./security/inputs";
import { aadInputs } from "./entra/inputs";
import { apiServerInputs } from "./api-server/inputs";

/*
 * The cluster's input schema: for each key of `KubenetClusterArgs` (args.ts, which documents
 * it), its type and enumeration as a stack file or another language can get them wrong, and its
 * default. The stack file's `cluster` section is this schema; the component fills in the same
 * defaults (`withDefaults`). The rules on the values are the component's validators.
 */

/**
 * A version is text: YAML reads an unquoted 1.30 as the number 1.3, and the program must never
 * declare "1.3" for it. Numbers are refused with the fix; the format is a validator's rule.
 */
const kubernetesVersion = z.string({
    error: (issue) => typeof issue.input === "number"
        ? `${issue.input} is a number, not a version: YAML reads an unquoted 1.30 as 1.3; write the version in quotes, e.g. "1.33"`
        : undefined });

/**
 * What is given only where the cluster is deployed: other resources' ids, the network's ranges,
 * the stack's tags, and whether the deployment reads credentials.
 */
export type ClusterDeploymentKeys = "resourceGroupName" | "location" | "subnetId" | "identityId" | "networkAddressing" | "tags" | "listCredentials";

const NEEDS_A_POOL = "needs at least one node pool, with mode System";

/** The cluster's settings, as a stack file's `cluster` section holds them. */
export const clusterInputShape = inputShape<KubenetClusterArgs, ClusterDeploymentKeys>()({
    name: input(z.string({ error: (issue) => (issue.input === undefined ? "is required: the cluster is read by its Azure name during preview (its pools and version), which an auto-generated name doesn't allow" : undefined) })),
    dnsPrefix: input(z.string()).optional(),
    kubernetesVersion: kubernetesVersion.optional(),
    supportPlan: z.enum(KUBERNETES_SUPPORT_PLANS).default("KubernetesOfficial"),
    networkPlugin: z.enum(NETWORK_PLUGINS).default("kubenet"),
    networkPluginMode: z.enum(NETWORK_PLUGIN_MODES).optional(),
    podCidr: input(z.string()).default(DEFAULT_POD_CIDR),
    serviceCidr: input(z.string()).default(DEFAULT_SERVICE_CIDR),
    dnsServiceIP: input(z.string()).default(DEFAULT_DNS_SERVICE_IP),
    networkPolicy: z.enum(NETWORK_POLICIES).default("none"),
    // Microsoft: "Managed NAT gateway isn't compatible with custom virtual networks", and the
    // user-assigned one needs Azure CNI (azure-aks-docs, articles/aks/nat-gateway.md).
    outboundType: oneOf(OUTBOUND_TYPES, "the cluster's vnet is yours, and AKS's managed NAT gateway needs a vnet AKS creates; route through your firewall with userDefinedRouting").default("loadBalancer"),
    skuTier: z.enum(SKU_TIERS).default("Free"),
    upgradeChannel: z.enum(UPGRADE_CHANNELS).optional(),
    nodeOSUpgradeChannel: z.enum(NODE_OS_UPGRADE_CHANNELS).optional(),
    apiServer: apiServerInputs.optional(),
    egressPublicIPs: input(z.array(z.string())).optional(),
    aad: aadInputs.optional(),
    kubeloginMode: z.enum(KUBELOGIN_MODES).default("azurecli"),
    disableLocalAccounts: z.boolean().default(false),
    workloadIdentity: z.boolean().default(false),
    kms: kmsInputs.optional(),
    acrPullRegistryIds: z.array(z.string()).optional(),
    addons: addonsInputs.optional(),
    monitoring: monitoringInputs.optional(),
    maintenance: maintenanceInputs.optional(),
    autoscalerProfile: autoscalerProfileInputs.optional(),
    nodeResourceGroup: input(z.string()).optional(),
    nodePools: z.array(nodePoolInputs, { error: (issue) => (issue.input === undefined ? NEEDS_A_POOL : undefined) }).min(1, { error: NEEDS_A_POOL }),
    defaultNodePool: z.string().optional(),
    allowReplacement: z.boolean().default(false),
    migrateFromKubenet: z.boolean().default(false) });

export const clusterInputs = z.strictObject(clusterInputShape);

const routeAddressingInputs = z.object(inputShape<RouteAddressing>()({ addressPrefix: z.string(), nextHopIpAddress: z.string().optional() }));

/** The network's ranges, as `KubenetNetwork.addressing` gives them (or another stack's output of it). */
const networkAddressingInputs = input(z.strictObject(inputShape<NetworkRanges>()({
    vnetCidr: input(z.string()).optional(),
    subnetCidr: input(z.string()).optional(),
    reservedCidrs: input(z.array(z.string())).optional(),
    routes: z.array(routeAddressingInputs).optional(),
    externalRouteTable: z.boolean().optional(),
})));

/**
 * The cluster's whole arguments, as the component takes them and as a program checks them before
 * anything exists: then without the ids of what it will be given, its workspaces' included.
 */
export const clusterArgsSchemas = argsSchemas(clusterInputShape, inputShape<KubenetClusterArgs, Exclude<keyof KubenetClusterArgs, ClusterDeploymentKeys>>()({
    resourceGroupName: input(z.string()),
    location: input(z.string()).optional(),
    subnetId: input(z.string()),
    identityId: input(z.string()),
    networkAddressing: networkAddressingInputs.optional(),
    tags: tagsInput.optional(),
    listCredentials: z.boolean().default(true),
}), {
    monitoring: monitoringInputs.extend({
        logAnalyticsWorkspaceId: input(z.string()).optional(),
        prometheus: prometheusInputs.extend({ azureMonitorWorkspaceId: input(z.string()).optional() }).optional(),
    }).optional(),
});

/** The arguments 0.3.0 renamed: a program still giving one is told the new name. */
export const CLUSTER_RENAMED: RenamedKeys = {
    clusterName: { current: "name", since: "0.3.0" },
    "kms.keyVaultNetworkAccess": { current: "kms.networkAccess", since: "0.3.0" },
    "kms.keyVaultResourceId": { current: "kms.keyVaultId", since: "0.3.0" },
    "nodePools[].maxSurge": { current: "upgradeSettings.maxSurge", since: "0.3.0" },
};
