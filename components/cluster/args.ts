import * as pulumi from "@pulumi/pulumi";
import { NetworkAddressing } from "../address";

export const NETWORK_PLUGINS = ["kubenet", "azure"] as const;
export const NETWORK_PLUGIN_MODES = ["overlay"] as const;
export const NETWORK_POLICIES = ["none", "calico", "azure", "cilium"] as const;
export const OUTBOUND_TYPES = ["loadBalancer", "userDefinedRouting"] as const;
export const SKU_TIERS = ["Free", "Standard", "Premium"] as const;
export const UPGRADE_CHANNELS = ["none", "patch", "stable", "rapid", "node-image"] as const;
export const NODE_OS_UPGRADE_CHANNELS = ["None", "Unmanaged", "NodeImage", "SecurityPatch"] as const;
export const POOL_MODES = ["System", "User"] as const;
export const OS_TYPES = ["Linux", "Windows"] as const;
export const AVAILABILITY_ZONES = ["1", "2", "3"] as const;

export interface NodePoolArgs {
    /**
     * `^[a-z][a-z0-9]{0,11}$`, unique in the cluster. A pool's resource identity depends on this
     * name only. Pools other than the default pool get an Azure name with a rotation suffix (see
     * `agentPoolName`); every node carries the label `aks-kubenet/pool: <name>`.
     */
    name: string;
    /** At least one System pool; System pools run Linux and never scale to zero. */
    mode: (typeof POOL_MODES)[number];
    /** Default Standard_DS2_v2. */
    vmSize?: string;
    /** Default Linux; Windows needs Azure CNI (rejected with kubenet). */
    osType?: (typeof OS_TYPES)[number];
    /** The pool's size; only without autoscaling (an autoscaled pool starts at minCount). */
    count?: number;
    enableAutoScaling?: boolean;
    minCount?: number;
    maxCount?: number;
    /** Pods per node, 10–250; default 110. */
    maxPods?: number;
    availabilityZones?: string[];
    /** Upgrade surge, a node count ("1") or percentage ("33%"); default 10%, AKS's own default. */
    maxSurge?: string;
    nodeLabels?: Record<string, string>;
    nodeTaints?: string[];
}

export interface ApiServerArgs {
    /** Public endpoint restricted to these ranges. */
    authorizedIPRanges?: string[];
    /** Endpoint reachable only from the vnet; can't be combined with authorized ranges. */
    enablePrivateCluster?: boolean;
}

export interface AadArgs {
    /** Entra ID groups that get cluster-admin. */
    adminGroupObjectIDs?: string[];
    /** Authorize Kubernetes requests with Azure RBAC role assignments. */
    enableAzureRBAC?: boolean;
    tenantID?: pulumi.Input<string>;
}

/** The network a cluster lands in: `KubenetNetwork` satisfies it. */
export interface ClusterNetworkRef {
    subnetId: pulumi.Input<string>;
    /** Resources the cluster must wait for: the subnet with its route-table association, routes. */
    readyResources?: pulumi.Resource[];
    /** The network's ranges, so the cluster's ranges and capacity are checked against them. */
    addressing?: NetworkAddressing;
}

/** The control-plane identity: `ClusterIdentity` satisfies it. */
export interface ClusterIdentityRef {
    identityId: pulumi.Input<string>;
    /** Network Contributor grants; the cluster is created only after all of them. */
    roleAssignments: pulumi.Resource[];
}

export interface KubenetClusterArgs {
    resourceGroupName: pulumi.Input<string>;
    location?: pulumi.Input<string>;
    network: ClusterNetworkRef;
    identity: ClusterIdentityRef;
    /** Cluster resource name; auto-named when omitted. */
    clusterName?: string;
    /** DNS prefix of the API server FQDN; default the cluster name or the component name. */
    dnsPrefix?: string;
    kubernetesVersion?: string;
    /** Default kubenet; `azure` with `networkPluginMode: overlay` is the migration path. */
    networkPlugin?: (typeof NETWORK_PLUGINS)[number];
    networkPluginMode?: (typeof NETWORK_PLUGIN_MODES)[number];
    /** Default 10.244.0.0/16. */
    podCidr?: string;
    /** Default 10.0.0.0/16. */
    serviceCidr?: string;
    /** Default 10.0.0.10. */
    dnsServiceIP?: string;
    /** Default none; kubenet supports calico, not azure. */
    networkPolicy?: (typeof NETWORK_POLICIES)[number];
    /** Default loadBalancer; userDefinedRouting needs a 0.0.0.0/0 route in the table. */
    outboundType?: (typeof OUTBOUND_TYPES)[number];
    /** Default Free (no SLA); Standard for production. */
    skuTier?: (typeof SKU_TIERS)[number];
    upgradeChannel?: (typeof UPGRADE_CHANNELS)[number];
    nodeOSUpgradeChannel?: (typeof NODE_OS_UPGRADE_CHANNELS)[number];
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
    nodePools: NodePoolArgs[];
    /**
     * The pool the cluster is created with (AKS needs one in the cluster's own request, and it
     * stays there). Default: the only System pool; required once there are several, so adding a
     * System pool never changes which pool this is.
     */
    defaultNodePool?: string;
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
