import { z } from "zod";
import { DEFAULT_DNS_SERVICE_IP, DEFAULT_POD_CIDR, DEFAULT_SERVICE_CIDR } from "../address";
import { input, inputShape } from "../common/inputs";

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
import { monitoringInputs } from "./monitoring/inputs";
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
 * What is given only where the cluster is deployed (other resources' ids, the stack's tags, the
 * key-path prefix, whether the deployment reads credentials), and the names kept for one
 * release, which the component translates.
 */
export type ClusterDeploymentKeys = "resourceGroupName" | "location" | "subnetId" | "identityId" | "networkAddressing" | "tags" | "keyPathPrefix" | "clusterName" | "listCredentials";

/** The cluster's settings, as a stack file's `cluster` section holds them. */
export const clusterInputShape = inputShape<KubenetClusterArgs, ClusterDeploymentKeys>()({
    name: input(z.string()).optional(),
    dnsPrefix: input(z.string()).optional(),
    kubernetesVersion: kubernetesVersion.optional(),
    supportPlan: z.enum(KUBERNETES_SUPPORT_PLANS).default("KubernetesOfficial"),
    networkPlugin: z.enum(NETWORK_PLUGINS).default("kubenet"),
    networkPluginMode: z.enum(NETWORK_PLUGIN_MODES).optional(),
    podCidr: input(z.string()).default(DEFAULT_POD_CIDR),
    serviceCidr: input(z.string()).default(DEFAULT_SERVICE_CIDR),
    dnsServiceIP: input(z.string()).default(DEFAULT_DNS_SERVICE_IP),
    networkPolicy: z.enum(NETWORK_POLICIES).default("none"),
    outboundType: z.enum(OUTBOUND_TYPES).default("loadBalancer"),
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
    nodePools: z.array(nodePoolInputs).min(1),
    defaultNodePool: z.string().optional(),
    allowReplacement: z.boolean().default(false),
    migrateFromKubenet: z.boolean().default(false) });

export const clusterInputs = z.strictObject(clusterInputShape);
