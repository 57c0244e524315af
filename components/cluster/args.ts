import * as pulumi from "@pulumi/pulumi";
import { NetworkAddressing } from "../address";

/*
 * Enumerations are `as const` objects with a type of the same name: the form Pulumi's schema
 * inference turns into schema enums, so every Pulumi language gets them as enums too. The
 * arrays list the values for validation.
 */

/** How pods get addresses: kubenet, or Azure CNI (only with Overlay here). */
export const NetworkPlugin = { Kubenet: "kubenet", Azure: "azure" } as const;
export type NetworkPlugin = (typeof NetworkPlugin)[keyof typeof NetworkPlugin];
export const NETWORK_PLUGINS = Object.values(NetworkPlugin);

/**
 * Azure CNI's mode; Overlay keeps pods out of the vnet, like kubenet. A plain string in the
 * arguments: a one-value enumeration has no schema form.
 */
export const NETWORK_PLUGIN_MODES = ["overlay"];

/** The network policy engine; kubenet supports calico only. */
export const NetworkPolicy = { None: "none", Calico: "calico", Azure: "azure", Cilium: "cilium" } as const;
export type NetworkPolicy = (typeof NetworkPolicy)[keyof typeof NetworkPolicy];
export const NETWORK_POLICIES = Object.values(NetworkPolicy);

/** How nodes reach the internet: the cluster's load balancer, or your routes (a firewall). */
export const OutboundType = { LoadBalancer: "loadBalancer", UserDefinedRouting: "userDefinedRouting" } as const;
export type OutboundType = (typeof OutboundType)[keyof typeof OutboundType];
export const OUTBOUND_TYPES = Object.values(OutboundType);

/** Free has no SLA; Standard and Premium have the uptime SLA. */
export const SkuTier = { Free: "Free", Standard: "Standard", Premium: "Premium" } as const;
export type SkuTier = (typeof SkuTier)[keyof typeof SkuTier];
export const SKU_TIERS = Object.values(SkuTier);

/** AKS's cluster auto-upgrade channel. */
export const UpgradeChannel = { None: "none", Patch: "patch", Stable: "stable", Rapid: "rapid", NodeImage: "node-image" } as const;
export type UpgradeChannel = (typeof UpgradeChannel)[keyof typeof UpgradeChannel];
export const UPGRADE_CHANNELS = Object.values(UpgradeChannel);

/** AKS's node OS auto-upgrade channel. */
export const NodeOSUpgradeChannel = { None: "None", Unmanaged: "Unmanaged", NodeImage: "NodeImage", SecurityPatch: "SecurityPatch" } as const;
export type NodeOSUpgradeChannel = (typeof NodeOSUpgradeChannel)[keyof typeof NodeOSUpgradeChannel];
export const NODE_OS_UPGRADE_CHANNELS = Object.values(NodeOSUpgradeChannel);

/** System pools run AKS's own pods; at least one is required. */
export const PoolMode = { System: "System", User: "User" } as const;
export type PoolMode = (typeof PoolMode)[keyof typeof PoolMode];
export const POOL_MODES = Object.values(PoolMode);

/** A pool's operating system; Windows needs Azure CNI. */
export const OsType = { Linux: "Linux", Windows: "Windows" } as const;
export type OsType = (typeof OsType)[keyof typeof OsType];
export const OS_TYPES = Object.values(OsType);

export const AVAILABILITY_ZONES = ["1", "2", "3"];

/** A node pool. */
export interface NodePoolArgs {
    /**
     * `^[a-z][a-z0-9]{0,11}$`, unique in the cluster. A pool's resource identity depends on this
     * name only. Pools other than the default pool get an Azure name with a rotation suffix (see
     * `agentPoolName`); every node carries the label `aks-kubenet/pool: <name>`.
     */
    name: string;
    /** At least one System pool; System pools run Linux and never scale to zero. */
    mode: PoolMode;
    /** Default Standard_DS2_v2. */
    vmSize?: string;
    /** Default Linux; Windows needs Azure CNI (rejected with kubenet). */
    osType?: OsType;
    /** The pool's size; only without autoscaling (an autoscaled pool starts at minCount). */
    count?: number;
    /** Let the cluster autoscaler size the pool between minCount and maxCount. */
    enableAutoScaling?: boolean;
    /** The autoscaler's lower bound (System pools: at least 1); the pool starts here. */
    minCount?: number;
    /** The autoscaler's upper bound. */
    maxCount?: number;
    /** Pods per node, 10–250; default 110. */
    maxPods?: number;
    /** Zones "1", "2", "3" to spread the nodes over; fixed at creation (a change rotates the pool). */
    availabilityZones?: string[];
    /** Upgrade surge, a node count ("1") or percentage ("33%"); default 10%, AKS's own default. */
    maxSurge?: string;
    /** Kubernetes labels on every node (`aks-kubenet/pool` is set by the component). */
    nodeLabels?: Record<string, string>;
    /** Taints on every node, `key=value:Effect`, e.g. `CriticalAddonsOnly=true:NoSchedule`. */
    nodeTaints?: string[];
}

/** How the API server is reached. */
export interface ApiServerArgs {
    /** Public endpoint restricted to these ranges. */
    authorizedIPRanges?: string[];
    /** Endpoint reachable only from the vnet; can't be combined with authorized ranges. */
    enablePrivateCluster?: boolean;
}

/** Managed Entra ID integration. */
export interface AadArgs {
    /** Entra ID groups that get cluster-admin. */
    adminGroupObjectIDs?: string[];
    /** Authorize Kubernetes requests with Azure RBAC role assignments. */
    enableAzureRBAC?: boolean;
    /** Entra ID tenant; default the subscription's. */
    tenantID?: pulumi.Input<string>;
}

export interface KubenetClusterArgs {
    /** Resource group of the cluster. */
    resourceGroupName: pulumi.Input<string>;
    /** Azure region; default the provider's location. */
    location?: pulumi.Input<string>;
    /**
     * The cluster subnet's resource id. Give `KubenetNetwork.subnetId`: it resolves only once the
     * subnet, its route-table association and the custom routes exist, so the cluster waits for
     * them.
     */
    subnetId: pulumi.Input<string>;
    /**
     * The control-plane identity's resource id. Give `ClusterIdentity.identityId`: it resolves
     * only once the identity's Network Contributor grants exist, so the cluster is created after
     * them, as kubenet requires.
     */
    identityId: pulumi.Input<string>;
    /**
     * The network's ranges (`KubenetNetwork.addressing`, or the CIDRs of your own network), so the
     * cluster's pod and service ranges and its capacity are checked against them.
     */
    networkAddressing?: NetworkAddressing;
    /** Cluster resource name; auto-named when omitted. */
    clusterName?: string;
    /** DNS prefix of the API server FQDN; default the cluster name or the component name. */
    dnsPrefix?: string;
    /**
     * Kubernetes version of the control plane and every pool, `MAJOR.MINOR` or
     * `MAJOR.MINOR.PATCH`; `MAJOR.MINOR` with upgradeChannel patch, unset with stable or rapid.
     */
    kubernetesVersion?: string;
    /** Default kubenet; `azure` with `networkPluginMode: overlay` is the migration path. */
    networkPlugin?: NetworkPlugin;
    /** Only with networkPlugin azure, and then required: `overlay`. */
    networkPluginMode?: string;
    /** Default 10.244.0.0/16. */
    podCidr?: string;
    /** Default 10.0.0.0/16. */
    serviceCidr?: string;
    /** Default 10.0.0.10. */
    dnsServiceIP?: string;
    /** Default none; kubenet supports calico, not azure. */
    networkPolicy?: NetworkPolicy;
    /** Default loadBalancer; userDefinedRouting needs a 0.0.0.0/0 route in the table. */
    outboundType?: OutboundType;
    /** Default Free (no SLA); Standard for production. */
    skuTier?: SkuTier;
    /** AKS's cluster auto-upgrade channel; default AKS's. */
    upgradeChannel?: UpgradeChannel;
    /** AKS's node OS auto-upgrade channel; default AKS's. */
    nodeOSUpgradeChannel?: NodeOSUpgradeChannel;
    /** API server access: authorized IP ranges, or a private cluster. */
    apiServer?: ApiServerArgs;
    /**
     * Public IPv4 addresses (or CIDRs) the nodes' outbound traffic leaves from when it doesn't
     * leave through the cluster's load balancer: with `outboundType: userDefinedRouting`, the
     * firewall's public IPs. Node traffic to a public API server arrives from them, so they are
     * added to `apiServer.authorizedIPRanges`; required when both are used.
     */
    egressPublicIPs?: string[];
    /** Entra ID integration (managed). */
    aad?: AadArgs;
    /** Turn off local (certificate) accounts; needs Entra ID. */
    disableLocalAccounts?: boolean;
    /** Name of the node resource group; settable only at creation. */
    nodeResourceGroup?: string;
    /** The node pools, at least one with mode System; see `defaultNodePool`. */
    nodePools: NodePoolArgs[];
    /**
     * The pool the cluster is created with (AKS needs one in the cluster's own request, and it
     * stays there). Default: the only System pool; required once there are several, so adding a
     * System pool never changes which pool this is.
     */
    defaultNodePool?: string;
    /** Tags on the cluster and its pools. */
    tags?: Record<string, string>;
    /**
     * Let Pulumi replace the cluster. Off by default: the cluster is protected, so a change that
     * azure-native can only make by deleting and recreating it (network plugin, pod CIDR, …; see
     * `CLUSTER_REPLACEMENT_PROPERTIES`) fails the preview instead of destroying the cluster.
     */
    allowReplacement?: boolean;
    /**
     * The cluster was created with kubenet and moves to Azure CNI Overlay in place, with
     * `az aks update`. Needs networkPlugin azure with overlay, and enforces Microsoft's
     * pre-conditions: no network policy during the move, Kubernetes 1.27 or later.
     */
    migrateFromKubenet?: boolean;
}
