import { NetworkAddressing, PathOf, Problem } from "../../address";
import { KnownClusterArgs } from "../args";
import { OVERLAY_MIGRATION_MIN_VERSION, belowOverlayMigrationVersion } from "../replacement";

/*
 * The network profile's rules: the plugin and its mode, the policy engine kubenet can run, the
 * move to Azure CNI Overlay, and the default route userDefinedRouting needs.
 */

export function checkNetworkModel(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const problems: Problem[] = [];
    const plugin = args.networkPlugin ?? "kubenet";
    const policy = args.networkPolicy ?? "none";
    if (args.networkPluginMode !== undefined && plugin !== "azure") {
        problems.push({ path: pathOf("networkPluginMode"), message: "is only used with networkPlugin: azure" });
    }
    if (plugin === "azure" && args.networkPluginMode !== "overlay") {
        problems.push({ path: pathOf("networkPluginMode"), message: "must be overlay with networkPlugin: azure (classic Azure CNI gives every pod a subnet address, which this project doesn't plan)" });
    }
    if (plugin === "kubenet" && (policy === "azure" || policy === "cilium")) {
        problems.push({ path: pathOf("networkPolicy"), message: `${policy} network policy isn't supported with kubenet; use calico or none` });
    }
    return problems;
}

/** Microsoft's pre-conditions for moving a running kubenet cluster to Azure CNI Overlay in place. */
export function checkMigration(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    if (!args.migrateFromKubenet) return [];
    const problems: Problem[] = [];
    if (args.networkPlugin !== "azure" || args.networkPluginMode !== "overlay") {
        problems.push({ path: pathOf("migrateFromKubenet"), message: "moves the cluster to Azure CNI Overlay: set networkPlugin: azure and networkPluginMode: overlay" });
    }
    if ((args.networkPolicy ?? "none") !== "none") {
        problems.push({ path: pathOf("networkPolicy"), message: `must be none while migrating from kubenet: Microsoft requires network policy off for the move (uninstall ${args.networkPolicy} first, turn a policy on once the cluster runs Overlay)` });
    }
    if (belowOverlayMigrationVersion(args.kubernetesVersion)) {
        const { major, minor } = OVERLAY_MIGRATION_MIN_VERSION;
        problems.push({ path: pathOf("kubernetesVersion"), message: `${JSON.stringify(args.kubernetesVersion)} can't migrate from kubenet: the move to Azure CNI Overlay needs Kubernetes ${major}.${minor} or later; upgrade first` });
    }
    if (args.allowReplacement) {
        problems.push({ path: pathOf("allowReplacement"), message: "can't be combined with migrateFromKubenet: the migration keeps the running cluster, and allowing replacement would let Pulumi delete it instead" });
    }
    return problems;
}

/**
 * With userDefinedRouting the nodes leave through the route table's default route (to your
 * firewall): without a 0.0.0.0/0 route they have no way out and AKS fails to create the cluster.
 * Only the routes declared with the network are known; a route table of your own is the
 * warning's to mention (`egressRouteWarnings`).
 */
export function checkEgressRoute(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const network = args.networkAddressing;
    if (args.outboundType !== "userDefinedRouting" || network === undefined || network.externalRouteTable || hasDefaultRoute(network)) return [];
    return [{ path: pathOf("outboundType"), message: `userDefinedRouting needs a 0.0.0.0/0 route in ${pathOf("routes")} (e.g. to your firewall); without one the nodes have no way out` }];
}

function hasDefaultRoute(network: NetworkAddressing): boolean {
    return (network.routes ?? []).some((route) => route?.addressPrefix === "0.0.0.0/0");
}

/** userDefinedRouting through a route table of yours, whose routes only you know. */
export function egressRouteWarnings(args: Pick<KnownClusterArgs, "outboundType" | "networkAddressing">, pathOf: PathOf): Problem[] {
    const network = args.networkAddressing;
    return args.outboundType === "userDefinedRouting" && network?.externalRouteTable && !hasDefaultRoute(network)
        ? [{ path: pathOf("outboundType"), message: "userDefinedRouting needs a 0.0.0.0/0 route: make sure your route table (the network's existingRouteTableId) has one" }]
        : [];
}
