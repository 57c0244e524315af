/* How pods get addresses and how nodes reach out: the network plugin, its policy engine, the outbound type. */

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
