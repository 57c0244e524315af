import { formatCidr, overlaps, parseCidrOrThrow } from "./cidr";
import { Problem } from "./problem";
import { AKS_RESERVED_RANGES } from "./limits";
import { NamedCidr, checkCidr } from "./rules";

/* The address ranges Azure refuses in a virtual network, and the rule that refuses them. */

/**
 * The address ranges Azure refuses in a virtual network, from Microsoft's "Azure Virtual Network
 * FAQ", "What address ranges can I use in my virtual networks?"
 * (https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq; MicrosoftDocs/azure-docs,
 * articles/virtual-network/virtual-networks-faq.md; the same five ranges in the revision of
 * 02/12/2019, commit 004ec532ffd5dbb44ccfc5fa4777731fe874e52c, and in later ones): "you can't
 * add the following address ranges". A subnet lies inside its vnet's address space, so the same
 * ranges are closed to subnets. A range is refused when it shares any address with one of them.
 *
 * 168.63.129.16 is the address through which Azure's platform serves a virtual network (the
 * FAQ names it "internal DNS"; Microsoft's "What is IP address 168.63.129.16?",
 * https://learn.microsoft.com/azure/virtual-network/what-is-ip-address-168-63-129-16, adds DHCP,
 * the VM agent and load-balancer health probes).
 *
 * 169.254.0.0/16 is also among the ranges AKS reserves (`AKS_RESERVED_RANGES`, checked by
 * `checkNotReserved`), for the vnet, the pod CIDR and the service CIDR; a caller running both
 * rules on a vnet range gets a problem from each. The AKS documentation lists no other range
 * for the pod or service CIDR: those four are the whole AKS rule, and `checkNotReserved` has it.
 */
export const AZURE_VNET_FORBIDDEN_RANGES: readonly { readonly cidr: string; readonly what: string }[] = [
    { cidr: "224.0.0.0/4", what: "multicast" },
    { cidr: "255.255.255.255/32", what: "broadcast" },
    { cidr: "127.0.0.0/8", what: "loopback" },
    { cidr: "169.254.0.0/16", what: "link-local" },
    { cidr: "168.63.129.16/32", what: "Azure's internal DNS, DHCP and health-probe address" },
];

const FORBIDDEN = AZURE_VNET_FORBIDDEN_RANGES.map((range) => ({ ...range, parsed: parseCidrOrThrow(range.cidr) }));
/** The forbidden ranges `checkNotReserved` doesn't already report (AKS reserves 169.254.0.0/16 too). */
const FORBIDDEN_BEYOND_AKS = FORBIDDEN.filter((range) => !AKS_RESERVED_RANGES.includes(range.cidr));

/**
 * A parsed vnet or subnet range that shares addresses with a range Azure refuses in a vnet;
 * `beyondAks` leaves out the ranges AKS reserves as well, for callers that run `checkNotReserved`.
 */
export function checkNotForbiddenInVnet(range: NamedCidr, beyondAks = false): Problem[] {
    return (beyondAks ? FORBIDDEN_BEYOND_AKS : FORBIDDEN).filter((forbidden) => overlaps(range.cidr, forbidden.parsed)).map((forbidden) => ({
        path: range.path,
        message: `${formatCidr(range.cidr)} overlaps ${forbidden.cidr} (${forbidden.what}), which Azure doesn't allow in a virtual network's address space`,
    }));
}

/**
 * Problems with a vnet address space or subnet range that Azure refuses, one for each forbidden
 * range it overlaps; a malformed CIDR is reported as such.
 */
export function forbiddenVnetRangeProblems(cidr: string, path: string): Problem[] {
    const checked = checkCidr(cidr, path);
    return checked.cidr ? checkNotForbiddenInVnet({ path, cidr: checked.cidr }) : checked.problems;
}
