import { PathOf, Problem } from "../../address";
import { LiveCluster } from "../upgrades/live";

/*
 * The API server's settings only the running cluster can judge: a private cluster's DNS zone.
 *
 * AKS changes a private cluster's zone in place one way only: "You can only update from `byo`
 * (bring your own) or `system` to `none`. No other combination of update values is supported",
 * and then "the agent nodes change to use a public FQDN ... a node image upgrade is performed"
 * (MicrosoftDocs/azure-aks-docs articles/aks/private-clusters.md, 2026-08-05, "Update an
 * existing private AKS cluster from a private DNS zone to public").
 */

const zoneOf = (zone: string | undefined) => (zone ?? "system").toLowerCase();

/** A DNS zone change AKS refuses on the running private cluster. */
export function privateDnsZoneProblems(declaredZone: string | undefined, live: LiveCluster, pathOf: PathOf): Problem[] {
    if (!live.enablePrivateCluster || zoneOf(declaredZone) === zoneOf(live.privateDNSZone) || zoneOf(declaredZone) === "none") return [];
    return [{
        path: pathOf("apiServer.privateDNSZone"),
        message: `${declaredZone ?? "system"} differs from the running cluster's ${live.privateDNSZone ?? "system"}: AKS changes a private cluster's DNS zone in place only from system or a zone of yours to none; keep ${live.privateDNSZone ?? "system"}, or set allowReplacement: true to rebuild the cluster`,
    }];
}

/** What moving the running cluster's zone to none does to its nodes, said at preview. */
export function privateDnsZoneWarnings(declaredZone: string | undefined, live: LiveCluster, pathOf: PathOf): Problem[] {
    if (!live.enablePrivateCluster || zoneOf(declaredZone) !== "none" || zoneOf(live.privateDNSZone) === "none") return [];
    return [{
        path: pathOf("apiServer.privateDNSZone"),
        message: `none moves the nodes to the API server's public FQDN, and AKS gives every pool a node image upgrade to do so (Microsoft, "Create a private AKS cluster")`,
    }];
}

/**
 * API Server VNet Integration is one-way: "When you enable API Server VNet Integration on an
 * existing AKS Standard cluster" it stays (api-server-vnet-integration.md, "a one-way,
 * capacity-sensitive feature"): a stack file that leaves it out of a cluster running with it
 * is refused, since azure-native would send no subnet and AKS keeps the one it has.
 */
export function vnetIntegrationProblems(declaredSubnetId: string | undefined, live: LiveCluster, pathOf: PathOf): Problem[] {
    if (!live.enableVnetIntegration || declaredSubnetId !== undefined) return [];
    return [{ path: pathOf("apiServer.subnetId"), message: `is required: the running cluster has API Server VNet Integration${live.apiServerSubnetId ? ` in ${live.apiServerSubnetId}` : ""}, which AKS doesn't turn off; keep the subnet's id` }];
}
