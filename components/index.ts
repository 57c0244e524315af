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
export { RouteNextHopType, type CustomRouteArgs, type KubenetNetworkArgs } from "./network/args";

export { ClusterIdentity } from "./identity";
export { KeyVaultNetworkAccess, NetworkRole, RoleScope, type ClusterIdentityArgs, type KmsKeyVaultArgs } from "./identity/args";

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
    type AadArgs,
    type ApiServerArgs,
    type AutoscalerProfileArgs,
    type ClusterAddonsArgs,
    type ClusterMonitoringArgs,
    type DeployerArgs,
    type ImageCleanerArgs,
    type KeyVaultSecretsProviderArgs,
    type KmsArgs,
    type KubenetClusterArgs,
    type KubernetesSupportPlan,
    type MaintenanceArgs,
    type MaintenanceWindowArgs,
    type NodePoolArgs,
    type PrometheusArgs,
    type SpotArgs,
    type UpgradeSettingsArgs,
} from "./cluster/args";

export { NamespaceBootstrap } from "./bootstrap";
export { PodSecurityLevel, type NamespaceBootstrapArgs, type NamespaceDefaultLimits, type NamespaceQuota, type NamespaceSpec } from "./bootstrap/args";

export type { NetworkAddressingArgs } from "./common/network-addressing";
export type { NetworkAddressing, RouteAddressing } from "./address";
export * as address from "./address";
