/*
 * A private cluster's DNS zone, which two components take: the cluster (AKS's
 * `privateDNSZone`) and the identity (granted on a zone of your own).
 */

/** The private DNS zones AKS manages itself (`system`) or does without (`none`). */
export const AKS_MANAGED_PRIVATE_DNS_ZONES = ["system", "none"] as const;

/** A private DNS zone of the user's own: a zone id rather than `system` or `none`. */
export function isOwnPrivateDnsZone(zone: string | undefined): zone is string {
    return zone !== undefined && !(AKS_MANAGED_PRIVATE_DNS_ZONES as readonly string[]).includes(zone);
}
