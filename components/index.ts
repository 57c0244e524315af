/*
 * aks-kubenet's public API: AKS with kubenet networking in your own IP ranges, as four Pulumi
 * components, their arguments and the enumerations those take. Each name here is part of the
 * package's semver surface; everything else is internal. Two documented subpaths add what a
 * program composing its own configuration needs (docs/reuse.md): `aks-kubenet/inputs` (the
 * components' input schemas) and `aks-kubenet/rules` (their validators, warnings and tables);
 * `address` is the pure address planning the rules use.
 *
 *   import { KubenetNetwork, ClusterIdentity, KubenetCluster } from "aks-kubenet";
 */

export { KubenetNetwork } from "./network";
export { RouteNextHopType, type CustomRoute, type KubenetNetworkArgs } from "./network/args";

export { ClusterIdentity } from "./identity";
export { KeyVaultNetworkAccess, NetworkRole, RoleScope, type ClusterIdentityArgs, type KmsKeyVault } from "./identity/args";

export { KubenetCluster } from "./cluster";
export {
    AutoscalerExpander,
    DayOfWeek,
    DeployerPrincipalType,
    KubeloginMode,
    NetworkPlugin,
    NetworkPolicy,
    NodeOSUpgradeChannel,
    OsDiskType,
    OsSku,
    OsType,
    OutboundType,
    PoolMode,
    SkuTier,
    SpotEvictionPolicy,
    SshAccess,
    UndrainableNodeBehavior,
    UpgradeChannel,
    type Aad,
    type ApiServer,
    type AutoscalerProfile,
    type ClusterAddons,
    type ClusterMonitoring,
    type Deployer,
    type ImageCleaner,
    type KeyVaultSecretsProvider,
    type Kms,
    type KubenetClusterArgs,
    type KubernetesSupportPlan,
    type Maintenance,
    type MaintenanceWindow,
    type NodePool,
    type Prometheus,
    type Spot,
    type UpgradeSettings,
} from "./cluster/args";

export { NamespaceBootstrap } from "./bootstrap";
export { PodSecurityLevel, type NamespaceBootstrapArgs, type NamespaceDefaultLimits, type NamespaceQuota, type NamespaceSpec } from "./bootstrap/args";

export type { NetworkRanges } from "./common/network-addressing";
export type { NetworkAddressing, RouteAddressing } from "./address";
export * as address from "./address";
