/**
 * aks-kubenet components: AKS with kubenet networking in your own IP ranges.
 *
 *   import { KubenetNetwork, ClusterIdentity, KubenetCluster } from "aks-kubenet";
 */
export * from "./network";
export * from "./identity";
export * from "./cluster";
export * as address from "./address";
export type { NetworkAddressing, RouteAddressing } from "./address";
export * from "./bootstrap";
