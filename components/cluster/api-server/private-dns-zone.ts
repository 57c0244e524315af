import { PathOf, Problem } from "../../address";
import { resourceNameFromId } from "../../common/resource-id";
import { isOwnPrivateDnsZone } from "../../common/private-dns";
import { KnownClusterArgs } from "../args";

/* A private cluster's DNS zone: AKS's own, none, or a zone of yours that AKS can use. */

/** `privatelink.<region>.azmk8s.io`, or a subzone of it (Microsoft, "Create a private AKS cluster"). */
const AKS_PRIVATE_ZONE_NAME = /^([a-z0-9-]+\.)?privatelink\.[a-z0-9]+\.azmk8s\.io$/i;

export function checkPrivateDnsZone(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const zone = args.apiServer?.privateDNSZone;
    if (zone === undefined) return [];
    const at = pathOf("apiServer.privateDNSZone");
    if (!args.apiServer?.enablePrivateCluster) return [{ path: at, message: "is only used with enablePrivateCluster: true" }];
    if (!isOwnPrivateDnsZone(zone)) return [];
    const name = resourceNameFromId(zone, "Microsoft.Network/privateDnsZones");
    if (name === undefined) return [{ path: at, message: `${JSON.stringify(zone)} is not system, none or a private DNS zone's resource id (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/privateDnsZones/<name>)` }];
    return AKS_PRIVATE_ZONE_NAME.test(name) ? [] : [{ path: at, message: `${name} is not a zone AKS can use: name it privatelink.<region>.azmk8s.io or <subzone>.privatelink.<region>.azmk8s.io` }];
}
