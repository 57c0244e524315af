import { Cidr, PathOf, Problem, contains, formatCidr, parseCidr, parseIPv4 } from "../../address";
import { KnownClusterArgs } from "../args";

export { AKS_MANAGED_PRIVATE_DNS_ZONES, isOwnPrivateDnsZone } from "../../common/private-dns";

/* The API server's access: authorized ranges (with the egress IPs added), and their rules. */

/**
 * An authorized range as Azure accepts it: a CIDR, or a single IPv4 address, which the az CLI
 * documents as "a list of IPv4 addresses or CIDRs" and which means that address alone (/32).
 */
export function parseAuthorizedRange(text: string): { ok: true; value: Cidr } | { ok: false; error: string } {
    if (typeof text === "string" && !text.includes("/")) {
        const address = parseIPv4(text);
        return address.ok ? { ok: true, value: { network: address.value, prefix: 32 } } : address;
    }
    return parseCidr(text);
}

/** True when the public API server is restricted to ranges, so node egress must be among them. */
/** What the API server's access depends on. */
type ApiAccess = Pick<KnownClusterArgs, "apiServer" | "egressPublicIPs">;

function restrictsPublicEndpoint(args: ApiAccess): boolean {
    return !args.apiServer?.enablePrivateCluster && (args.apiServer?.authorizedIPRanges ?? []).length > 0;
}

export function checkApiServerAccess(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const problems: Problem[] = [];
    const ranges = args.apiServer?.authorizedIPRanges ?? [];
    if (args.apiServer?.enablePrivateCluster && ranges.length > 0) {
        problems.push({ path: pathOf("apiServer.authorizedIPRanges"), message: "can't be combined with enablePrivateCluster: a private API server has no public endpoint to restrict" });
    }
    ranges.forEach((range, i) => {
        const parsed = parseAuthorizedRange(range);
        if (!parsed.ok) problems.push({ path: pathOf(`apiServer.authorizedIPRanges[${i}]`), message: parsed.error });
    });
    const egress = args.egressPublicIPs ?? [];
    egress.forEach((ip, i) => {
        const parsed = parseAuthorizedRange(ip);
        if (!parsed.ok) problems.push({ path: pathOf(`egressPublicIPs[${i}]`), message: parsed.error });
        else if (parsed.value.prefix !== 32) {
            problems.push({ path: pathOf(`egressPublicIPs[${i}]`), message: `${ip} is a range: egressPublicIPs takes your firewall's public IP addresses, each added as its own /32; put a range in apiServer.authorizedIPRanges` });
        }
    });
    if ((args.outboundType ?? "loadBalancer") === "userDefinedRouting" && restrictsPublicEndpoint(args) && egress.length === 0) {
        problems.push({
            path: pathOf("egressPublicIPs"),
            message: "is required with outboundType userDefinedRouting and apiServer.authorizedIPRanges: node traffic to the API server leaves through your firewall's public IP, which must be authorized or the nodes are locked out; list the firewall's public IPs here and they are added to the authorized ranges",
        });
    }
    return problems;
}

/**
 * The authorized ranges the cluster declares: the configured ones, plus each egress address not
 * already inside one of them (as a /32 when it is a single address). Undefined when the API
 * server is private or unrestricted. Call only with arguments that passed `checkApiServerAccess`.
 */
export function effectiveAuthorizedRanges(args: ApiAccess): string[] | undefined {
    if (!restrictsPublicEndpoint(args)) return undefined;
    const ranges = args.apiServer!.authorizedIPRanges!;
    const parsed = ranges.map((range) => parseAuthorizedRange(range)).filter((r) => r.ok).map((r) => (r as { value: Cidr }).value);
    const added: string[] = [];
    for (const ip of args.egressPublicIPs ?? []) {
        const egress = parseAuthorizedRange(ip);
        if (!egress.ok || parsed.some((range) => contains(range, egress.value))) continue;
        parsed.push(egress.value);
        added.push(formatCidr(egress.value));
    }
    return [...ranges, ...added];
}
