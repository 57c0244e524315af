/*
 * `aks-kubenet/rules`: the components' rules as pure functions, for a program that checks its
 * own configuration before it declares the components (as this project's stack does): each
 * component's validator, the warnings, the key-path helpers and the tables the rules read.
 * Every problem names its key path through the `PathOf` the caller gives.
 */

export { checkRoute, validateNetworkArgs } from "./network/validate";
export type { NetworkArgsToCheck } from "./network/args";
export type { IdentityArgsToCheck } from "./identity/args";
export type { ClusterArgsToCheck } from "./cluster/args";
export { validateIdentityArgs } from "./identity";
export { KUBENET_NETWORK_ACTIONS } from "./identity/least-privilege";
export { clusterArgsPath, clusterPaths, validateClusterArgs } from "./cluster/validate";
export { egressRouteWarnings } from "./cluster/network-profile/rules";
export { poolSizing } from "./cluster/node-pools/rules";
export { kubernetesVersionWarnings } from "./cluster/upgrades/versions";
export { AKS_MINOR_VERSIONS, KUBERNETES_VERSIONS_RECORDED_ON, VERSION_WARNING_DAYS, versionSupport, type AksMinorVersion, type VersionSupport } from "./cluster/upgrades/kubernetes-versions";
export { CLUSTER_REPLACEMENT_PROPERTIES, OVERLAY_MIGRATION_MIN_VERSION } from "./cluster/replacement";
export { POOL_NAME_LABEL, defaultPoolOf } from "./cluster/node-pools/names";
export { validateNamespaces, managedNamespaceProblems } from "./bootstrap/validate";
export { AZURE_NAME_RULES, checkAzureName, type AzureNameKind } from "./common/azure-names";
export { checkTags } from "./common/tags";
export * from "./common/roles";
export { isRelated, isWithin, keyPathOf } from "./common/key-paths";
export { HOSTED_RUNNER_JOB_MINUTES, longestUpMinutes } from "./cluster/upgrades/durations";
export { CLUSTER_PERMISSION_RETRY } from "./cluster/lifecycle";
export { totalRetryWaitSeconds } from "./common/retry";
