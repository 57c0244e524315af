import { z } from "zod";
import {
    AUTOSCALER_EXPANDERS,
    AVAILABILITY_ZONES,
    DAYS_OF_WEEK,
    NETWORK_PLUGINS,
    NETWORK_PLUGIN_MODES,
    NETWORK_POLICIES,
    NETWORK_ROLES,
    NODE_OS_UPGRADE_CHANNELS,
    OS_DISK_TYPES,
    OS_SKUS,
    OS_TYPES,
    KEY_VAULT_NETWORK_ACCESS,
    KUBERNETES_SUPPORT_PLANS,
    OUTBOUND_TYPES,
    POOL_MODES,
    ROLE_SCOPES,
    ROUTE_NEXT_HOP_TYPES,
    SKU_TIERS,
    SPOT_EVICTION_POLICIES,
    SSH_ACCESS_MODES,
    UPGRADE_CHANNELS,
} from "../../components";
import { POD_SECURITY_LEVELS } from "../../components/bootstrap";
import { DEFAULT_DNS_SERVICE_IP, DEFAULT_POD_CIDR, DEFAULT_SERVICE_CIDR } from "../../components/address";

/**
 * The stack configuration of contract.md, keys without the `aks-kubenet:` namespace. Objects are
 * strict, so a misspelt key is reported instead of silently ignored. Cross-field rules live in
 * `validate.ts`; this layer only settles types, enums and defaults.
 */

/** YAML writes `1` where a string is meant (zones, surge); accept both, keep the string. */
const stringish = z.union([z.string(), z.number()]).transform(String);
const wholeNumber = z.number().int();

/** Who runs `pulumi up`: the principal types Azure accepts on a role assignment. */
export const DEPLOYER_PRINCIPAL_TYPES = ["ServicePrincipal", "User", "Group"] as const;

/**
 * A version is text: YAML reads an unquoted 1.30 as the number 1.3, and the program must never
 * declare "1.3" for it. Numbers are refused with the fix; the format is the component's rule.
 */
const kubernetesVersion = z.string({
    error: (issue) => typeof issue.input === "number"
        ? `${issue.input} is a number, not a version: YAML reads an unquoted 1.30 as 1.3; write the version in quotes, e.g. "1.33"`
        : undefined,
});

export const KUBELOGIN_MODES = ["azurecli", "workloadidentity", "spn", "devicecode", "msi"] as const;

const routeSchema = z.strictObject({
    name: z.string(),
    addressPrefix: z.string(),
    nextHopType: z.enum(ROUTE_NEXT_HOP_TYPES),
    nextHopIpAddress: z.string().optional(),
});

const networkSchema = z.strictObject({
    vnetCidr: z.string(),
    subnetCidr: z.string(),
    vnetName: z.string().optional(),
    subnetName: z.string().optional(),
    routeTableName: z.string().optional(),
    existingSubnetId: z.string().optional(),
    existingRouteTableId: z.string().optional(),
    routes: z.array(routeSchema).default([]),
    disableBgpRoutePropagation: z.boolean().optional(),
    reservedCidrs: z.array(z.string()).default([]),
});

const identitySchema = z.strictObject({
    name: z.string().optional(),
    roleScope: z.enum(ROLE_SCOPES).default("vnet"),
    networkRole: z.enum(NETWORK_ROLES).default("networkContributor"),
});

const nodePoolSchema = z.strictObject({
    name: z.string(),
    mode: z.enum(POOL_MODES),
    vmSize: z.string().optional(),
    osType: z.enum(OS_TYPES).default("Linux"),
    count: wholeNumber.optional(),
    enableAutoScaling: z.boolean().default(false),
    minCount: wholeNumber.optional(),
    maxCount: wholeNumber.optional(),
    maxPods: z.number().optional(),
    availabilityZones: z.array(stringish.pipe(z.enum(AVAILABILITY_ZONES))).optional(),
    maxSurge: stringish.optional(),
    nodeLabels: z.record(z.string(), z.string()).optional(),
    nodeTaints: z.array(z.string()).optional(),
    osSKU: z.enum(OS_SKUS).optional(),
    osDiskType: z.enum(OS_DISK_TYPES).optional(),
    osDiskSizeGB: wholeNumber.optional(),
    enableEncryptionAtHost: z.boolean().optional(),
    sshAccess: z.enum(SSH_ACCESS_MODES).optional(),
    spot: z.strictObject({
        evictionPolicy: z.enum(SPOT_EVICTION_POLICIES).optional(),
        maxPrice: z.number().optional(),
    }).optional(),
});

const maintenanceWindowSchema = z.strictObject({
    dayOfWeek: z.enum(DAYS_OF_WEEK),
    startTime: z.string(),
    durationHours: wholeNumber,
    utcOffset: z.string().optional(),
    intervalWeeks: wholeNumber.optional(),
});

/**
 * Where logs go: the stack's own workspace (created when no id is given) or yours. The same
 * workspace receives Container Insights, the control-plane logs and Defender's findings.
 */
const monitoringSchema = z.strictObject({
    logAnalyticsWorkspaceId: z.string().optional(),
    /** Your workspace's region, when the deployment can't read it (another subscription). */
    logAnalyticsWorkspaceLocation: z.string().optional(),
    workspaceRetentionDays: wholeNumber.optional(),
    containerInsights: z.boolean().default(true),
    controlPlaneLogs: z.array(z.string()).optional(),
    defender: z.boolean().default(false),
    /** Managed Prometheus; the stack creates an Azure Monitor workspace when no id is given. */
    prometheus: z.strictObject({ azureMonitorWorkspaceId: z.string().optional(), azureMonitorWorkspaceLocation: z.string().optional() }).optional(),
});

const clusterSchema = z.strictObject({
    name: z.string().optional(),
    dnsPrefix: z.string().optional(),
    kubernetesVersion: kubernetesVersion.optional(),
    networkPlugin: z.enum(NETWORK_PLUGINS).default("kubenet"),
    networkPluginMode: z.enum(NETWORK_PLUGIN_MODES).optional(),
    podCidr: z.string().default(DEFAULT_POD_CIDR),
    serviceCidr: z.string().default(DEFAULT_SERVICE_CIDR),
    dnsServiceIP: z.string().default(DEFAULT_DNS_SERVICE_IP),
    networkPolicy: z.enum(NETWORK_POLICIES).default("none"),
    outboundType: z.enum(OUTBOUND_TYPES).default("loadBalancer"),
    skuTier: z.enum(SKU_TIERS).default("Free"),
    supportPlan: z.enum(KUBERNETES_SUPPORT_PLANS).optional(),
    upgradeChannel: z.enum(UPGRADE_CHANNELS).optional(),
    nodeOSUpgradeChannel: z.enum(NODE_OS_UPGRADE_CHANNELS).optional(),
    apiServer: z.strictObject({
        authorizedIPRanges: z.array(z.string()).optional(),
        enablePrivateCluster: z.boolean().optional(),
        disableRunCommand: z.boolean().optional(),
        privateDNSZone: z.string().optional(),
    }).optional(),
    egressPublicIPs: z.array(z.string()).optional(),
    aad: z.strictObject({
        adminGroupObjectIDs: z.array(z.string()).optional(),
        enableAzureRBAC: z.boolean().optional(),
        deployer: z.strictObject({
            objectId: z.string(),
            principalType: z.enum(DEPLOYER_PRINCIPAL_TYPES),
        }).optional(),
    }).optional(),
    disableLocalAccounts: z.boolean().default(false),
    workloadIdentity: z.boolean().default(false),
    /** KMS etcd encryption: the key, its vault (the identity is granted Key Vault Crypto User there) and how the vault is reached. */
    kms: z.strictObject({
        keyId: z.string(),
        keyVaultId: z.string(),
        networkAccess: z.enum(KEY_VAULT_NETWORK_ACCESS).default("Public"),
    }).optional(),
    acrPullRegistryIds: z.array(z.string()).optional(),
    addons: z.strictObject({
        azurePolicy: z.boolean().optional(),
        keyVaultSecretsProvider: z.strictObject({
            secretRotation: z.boolean().optional(),
            rotationPollInterval: z.string().optional(),
        }).optional(),
        imageCleaner: z.strictObject({ intervalHours: wholeNumber.optional() }).optional(),
    }).optional(),
    monitoring: monitoringSchema.optional(),
    maintenance: z.strictObject({
        autoUpgrade: maintenanceWindowSchema.optional(),
        nodeOSUpgrade: maintenanceWindowSchema.optional(),
    }).optional(),
    autoscalerProfile: z.strictObject({
        expander: z.enum(AUTOSCALER_EXPANDERS).optional(),
        scanInterval: z.string().optional(),
        scaleDownDelayAfterAdd: z.string().optional(),
        scaleDownUnneededTime: z.string().optional(),
        scaleDownUtilizationThreshold: z.number().optional(),
        maxGracefulTerminationSec: wholeNumber.optional(),
        balanceSimilarNodeGroups: z.boolean().optional(),
        skipNodesWithSystemPods: z.boolean().optional(),
        skipNodesWithLocalStorage: z.boolean().optional(),
        maxNodeProvisionTime: z.string().optional(),
    }).optional(),
    nodeResourceGroup: z.string().optional(),
    kubeloginMode: z.enum(KUBELOGIN_MODES).default("azurecli"),
    allowReplacement: z.boolean().default(false),
    migrateFromKubenet: z.boolean().default(false),
    nodePools: z.array(nodePoolSchema).min(1),
    defaultNodePool: z.string().optional(),
});

const quotaSchema = z.strictObject({
    requestsCpu: stringish.optional(),
    requestsMemory: stringish.optional(),
    limitsCpu: stringish.optional(),
    limitsMemory: stringish.optional(),
    pods: wholeNumber.optional(),
});

const namespaceSchema = z.strictObject({
    name: z.string(),
    podSecurity: z.enum(POD_SECURITY_LEVELS).default("restricted"),
    quota: quotaSchema.optional(),
    defaultLimits: z.strictObject({
        cpu: stringish.optional(),
        memory: stringish.optional(),
        requestsCpu: stringish.optional(),
        requestsMemory: stringish.optional(),
    }).optional(),
    defaultDenyIngress: z.boolean().default(false),
    admins: z.array(z.string()).default([]),
    editors: z.array(z.string()).default([]),
    viewers: z.array(z.string()).default([]),
});

export const stackConfigSchema = z.strictObject({
    resourceGroupName: z.string().optional(),
    tags: z.record(z.string(), stringish).default({}),
    protect: z.boolean().default(false),
    network: networkSchema,
    identity: identitySchema.default({ roleScope: "vnet", networkRole: "networkContributor" }),
    cluster: clusterSchema,
    namespaces: z.array(namespaceSchema).default([]),
    defaultNamespacePodSecurity: z.enum(POD_SECURITY_LEVELS).default("baseline"),
    /** Config namespaces other tools read from this stack file, which the program then leaves alone. */
    allowedConfigNamespaces: z.array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/)).default([]),
});

export type StackConfig = z.infer<typeof stackConfigSchema>;
export type NamespaceConfig = z.infer<typeof namespaceSchema>;
export type ClusterConfig = z.infer<typeof clusterSchema>;
