import * as ipaddr from "ipaddr.js";

/* IPv4 addresses and CIDR ranges: parsing, formatting, containment and overlap. */

/** An IPv4 range as numbers: `network` is the first address as an unsigned 32-bit integer. */
export interface Cidr {
    readonly network: number;
    readonly prefix: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const CIDR_EXAMPLE = "a.b.c.d/n, e.g. 10.244.0.0/16";

export function addressToNumber(address: ipaddr.IPv4): number {
    const [a, b, c, d] = address.octets;
    return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

export function formatIPv4(value: number): string {
    return [24, 16, 8, 0].map((shift) => (value >>> shift) & 0xff).join(".");
}

export function formatCidr(cidr: Cidr): string {
    return `${formatIPv4(cidr.network)}/${cidr.prefix}`;
}

/** Number of addresses in the range (2^(32 - prefix)). */
export function cidrSize(cidr: Cidr): number {
    return 2 ** (32 - cidr.prefix);
}

export function lastAddress(cidr: Cidr): number {
    return cidr.network + cidrSize(cidr) - 1;
}

/**
 * Strict dotted-quad parsing: four decimal octets 0–255, no leading zeros (which some parsers
 * read as octal), no shorthand such as `10.1`.
 */
export function parseIPv4(text: string): Parsed<number> {
    if (typeof text !== "string" || !ipaddr.IPv4.isValidFourPartDecimal(text)) {
        const octets = typeof text === "string" ? text.split(".") : [];
        const outOfRange = octets.length === 4 && octets.every((o) => /^\d+$/.test(o))
            ? octets.find((o) => Number(o) > 255) : undefined;
        return {
            ok: false,
            error: outOfRange !== undefined
                ? `${text} is not an IPv4 address: octet ${outOfRange} is out of range 0–255`
                : `${JSON.stringify(text)} is not an IPv4 address (expected four decimal octets such as 10.0.0.10)`,
        };
    }
    return { ok: true, value: addressToNumber(ipaddr.IPv4.parse(text)) };
}

/**
 * Strict CIDR parsing. Host bits must be zero: `10.244.1.0/16` is almost always a typo, and
 * Azure and AKS normalise or reject it in ways that surprise, so the fix is suggested instead.
 */
export function parseCidr(text: string): Parsed<Cidr> {
    if (typeof text !== "string") {
        return { ok: false, error: `${JSON.stringify(text)} is not an IPv4 CIDR (expected ${CIDR_EXAMPLE})` };
    }
    const match = /^([^/]+)\/(\d{1,2})$/.exec(text);
    if (!match) {
        return { ok: false, error: `${JSON.stringify(text)} is not an IPv4 CIDR (expected ${CIDR_EXAMPLE})` };
    }
    const address = parseIPv4(match[1]);
    if (!address.ok) {
        return { ok: false, error: `${text} is not an IPv4 CIDR: ${address.error}` };
    }
    const prefix = Number(match[2]);
    if (prefix > 32 || match[2] !== String(prefix)) {
        return { ok: false, error: `${text} is not an IPv4 CIDR: prefix /${match[2]} must be a whole number from 0 to 32` };
    }
    const network = addressToNumber(ipaddr.IPv4.networkAddressFromCIDR(text));
    if (network !== address.value) {
        return {
            ok: false,
            error: `${text}: host bits set; did you mean ${formatCidr({ network, prefix })}?`,
        };
    }
    return { ok: true, value: { network, prefix } };
}

export function containsAddress(range: Cidr, address: number): boolean {
    return address >= range.network && address <= lastAddress(range);
}

/** True when every address of `inner` is in `outer` (a range contains itself). */
export function contains(outer: Cidr, inner: Cidr): boolean {
    return outer.prefix <= inner.prefix && containsAddress(outer, inner.network);
}

/** True when the ranges share at least one address. Aligned ranges either nest or are disjoint. */
export function overlaps(a: Cidr, b: Cidr): boolean {
    return contains(a, b) || contains(b, a);
}

/** For ranges written in this code base, where a malformed one is a programming error. */
export function parseCidrOrThrow(text: string): Cidr {
    const parsed = parseCidr(text);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.value;
}
