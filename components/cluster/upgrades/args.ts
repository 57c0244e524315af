/* The cluster's auto-upgrade channels and their defaults. */

/** AKS's cluster auto-upgrade channel. */
export const UpgradeChannel = { None: "none", Patch: "patch", Stable: "stable", Rapid: "rapid", NodeImage: "node-image" } as const;
export type UpgradeChannel = (typeof UpgradeChannel)[keyof typeof UpgradeChannel];
export const UPGRADE_CHANNELS = Object.values(UpgradeChannel);

/** AKS's node OS auto-upgrade channel. */
export const NodeOSUpgradeChannel = { None: "None", Unmanaged: "Unmanaged", NodeImage: "NodeImage", SecurityPatch: "SecurityPatch" } as const;
export type NodeOSUpgradeChannel = (typeof NodeOSUpgradeChannel)[keyof typeof NodeOSUpgradeChannel];
export const NODE_OS_UPGRADE_CHANNELS = Object.values(NodeOSUpgradeChannel);

/**
 * AKS's defaults for a cluster that names no channel, from the REST model
 * (ManagedClusterAutoUpgradeProfile: "The default is 'none'", "The default is NodeImage";
 * learn.microsoft.com/javascript/api/@azure/arm-containerservice/managedclusterautoupgradeprofile).
 * The cluster sends them, so a channel removed from the stack file goes back to them in Azure.
 */
export const DEFAULT_UPGRADE_CHANNEL: UpgradeChannel = UpgradeChannel.None;
export const DEFAULT_NODE_OS_UPGRADE_CHANNEL: NodeOSUpgradeChannel = NodeOSUpgradeChannel.NodeImage;
