import { UpgradeSettings } from "./upgrade-settings";

/* A node pool's arguments and the enumerations they take; inputs.ts is their schema. */

export { UndrainableNodeBehavior, UNDRAINABLE_NODE_BEHAVIORS, type UpgradeSettings } from "./upgrade-settings";

/** System pools run AKS's own pods; at least one is required. */
export const PoolMode = { System: "System", User: "User" } as const;
export type PoolMode = (typeof PoolMode)[keyof typeof PoolMode];
export const POOL_MODES = Object.values(PoolMode);

/** A pool's operating system; Windows needs Azure CNI. */
export const OsType = { Linux: "Linux", Windows: "Windows" } as const;
export type OsType = (typeof OsType)[keyof typeof OsType];
export const OS_TYPES = Object.values(OsType);

/** AKS's bound on a pool's node count (count, minCount, maxCount). */
export const MAX_NODES_PER_POOL = 1000;

/** The REST model's bound on `osDiskSizeGB` (ContainerServiceOSDisk, 2025-09-01). */
export const MAX_OS_DISK_SIZE_GB = 2048;

export const AVAILABILITY_ZONES = ["1", "2", "3"];

/**
 * A Linux pool's OS image. Azure Linux is Microsoft's minimal image (fewer packages, a smaller
 * attack surface); `Ubuntu` and `AzureLinux` follow AKS's current version of each, the numbered
 * ones pin it. Windows images are left out: kubenet runs Linux only.
 */
export const OsSku = { Ubuntu: "Ubuntu", Ubuntu2204: "Ubuntu2204", AzureLinux: "AzureLinux", AzureLinux3: "AzureLinux3" } as const;
export type OsSku = (typeof OsSku)[keyof typeof OsSku];
export const OS_SKUS = Object.values(OsSku);

/** Where the OS disk lives: a managed disk, or ephemeral on the VM's cache or temporary disk. */
export const OsDiskType = { Managed: "Managed", Ephemeral: "Ephemeral" } as const;
export type OsDiskType = (typeof OsDiskType)[keyof typeof OsDiskType];
export const OS_DISK_TYPES = Object.values(OsDiskType);

/** SSH to the nodes: with a local user, or not at all. */
export const SshAccess = { LocalUser: "LocalUser", Disabled: "Disabled" } as const;
export type SshAccess = (typeof SshAccess)[keyof typeof SshAccess];
export const SSH_ACCESS_MODES = Object.values(SshAccess);

/** What Azure does with a spot node it takes back. */
export const SpotEvictionPolicy = { Delete: "Delete", Deallocate: "Deallocate" } as const;
export type SpotEvictionPolicy = (typeof SpotEvictionPolicy)[keyof typeof SpotEvictionPolicy];
export const SPOT_EVICTION_POLICIES = Object.values(SpotEvictionPolicy);

/** Spot VMs for a User pool: spare capacity at a discount, taken back when Azure needs it. */
export interface Spot {
    /** Default Delete (AKS's): evicted nodes are deleted; Deallocate keeps their disks, and your quota. */
    evictionPolicy?: SpotEvictionPolicy;
    /** The most to pay per hour, in US dollars with up to 5 decimals; -1 (the default) pays up to the on-demand price. */
    maxPrice?: number;
}

/** A node pool. */
export interface NodePool {
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
    /** How AKS upgrades the pool's nodes: surge, unavailable nodes, drain and soak times. */
    upgradeSettings?: UpgradeSettings;
    /** Kubernetes labels on every node (`aks-kubenet/pool` is set by the component). */
    nodeLabels?: Record<string, string>;
    /** Taints on every node, `key=value:Effect`, e.g. `CriticalAddonsOnly=true:NoSchedule`. */
    nodeTaints?: string[];
    /** The OS image; default AKS's (Ubuntu). Fixed at creation: a change rotates the pool. */
    osSKU?: OsSku;
    /** Managed or Ephemeral; default AKS's (Ephemeral when the VM size has room for it). Fixed at creation. */
    osDiskType?: OsDiskType;
    /** OS disk size in GB, 1–2048; default AKS's for the VM size. Fixed at creation. */
    osDiskSizeGB?: number;
    /** Encrypt the VMs' temporary and cache disks at the host; needs the subscription's EncryptionAtHost feature. Fixed at creation. */
    enableEncryptionAtHost?: boolean;
    /** SSH access to the nodes; default LocalUser (AKS's). Changed in place. */
    sshAccess?: SshAccess;
    /** Run the pool on spot VMs (User pools only). Fixed at creation. */
    spot?: Spot;
}
