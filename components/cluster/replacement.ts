/* What only a new cluster can take, in the program's own names. */

/**
 * ManagedCluster properties that azure-native can only change by replacing the cluster: a new
 * cluster is created and the old one deleted, with every workload on it. From the provider's
 * `forceNewMap` (pulumi/pulumi-azure-native, provider/pkg/gen/replacement.go), in the
 * program's own names.
 */
export const CLUSTER_REPLACEMENT_PROPERTIES = [
    "networkPlugin",
    "networkPluginMode",
    "networkPolicy",
    "networkDataplane",
    "podCidr",
    "serviceCidr",
    "dnsServiceIP",
    "outboundType",
    "dnsPrefix",
    "nodeResourceGroup",
    "location",
] as const;

/** Microsoft's lowest Kubernetes version for an in-place move from kubenet to Azure CNI Overlay. */
export const OVERLAY_MIGRATION_MIN_VERSION = { major: 1, minor: 27 } as const;
