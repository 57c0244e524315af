import { strict as assert } from "node:assert";
import fc from "fast-check";
import { checkNotForbiddenInVnet, forbiddenVnetRangeProblems, parseCidrOrThrow, validateNetworkAddressing } from "../../components/address";

// Expectations from the Azure Virtual Network FAQ, never from the code under test: a vnet can't
// hold 224.0.0.0/4 (multicast), 255.255.255.255/32 (broadcast), 127.0.0.0/8 (loopback),
// 169.254.0.0/16 (link-local) or 168.63.129.16/32 (internal DNS). Overlap is computed here as
// two intervals of addresses that meet, not with the library's CIDR helpers.
const FORBIDDEN: [string, string, number, number][] = [
    ["224.0.0.0/4", "multicast", 0xe0000000, 0xefffffff],
    ["255.255.255.255/32", "broadcast", 0xffffffff, 0xffffffff],
    ["127.0.0.0/8", "loopback", 0x7f000000, 0x7fffffff],
    ["169.254.0.0/16", "link-local", 0xa9fe0000, 0xa9feffff],
    ["168.63.129.16/32", "Azure's internal DNS, DHCP and health-probe address", 0xa83f8110, 0xa83f8110],
];
const RULE = "which Azure doesn't allow in a virtual network's address space";
const message = (range: string, forbidden: string, what: string) => `${range} overlaps ${forbidden} (${what}), ${RULE}`;

const toText = (n: number, prefix: number) => `${[24, 16, 8, 0].map((s) => (n >>> s) & 255).join(".")}/${prefix}`;

/** Any valid IPv4 range as text, weighted towards the forbidden ranges' neighbourhoods. */
const anyRange = fc.tuple(
    fc.oneof(
        fc.integer({ min: 0, max: 0xffffffff }),
        ...FORBIDDEN.flatMap(([, , first, last]) => [first, last].map((edge) => fc.integer({ min: Math.max(0, edge - 4096), max: Math.min(0xffffffff, edge + 4096) }))),
    ),
    fc.integer({ min: 0, max: 32 }),
).map(([address, prefix]) => {
    const size = 2 ** (32 - prefix);
    const first = Math.floor(address / size) * size;
    return { text: toText(first, prefix), first, last: first + size - 1 };
});

describe("address: ranges Azure refuses in a virtual network", () => {
    it("refuses each forbidden range itself, naming it", () => {
        for (const [range, what] of FORBIDDEN) {
            assert.deepEqual(forbiddenVnetRangeProblems(range, "network.vnetCidr"), [{ path: "network.vnetCidr", message: message(range, range, what) }], range);
        }
    });

    it("refuses a range inside or around one, and takes its neighbours", () => {
        const refused: [string, string][] = [
            ["224.0.0.0/24", "224.0.0.0/4"],
            ["239.255.255.255/32", "224.0.0.0/4"],
            ["232.0.0.0/5", "224.0.0.0/4"],
            ["240.0.0.0/4", "255.255.255.255/32"],
            ["255.255.255.254/31", "255.255.255.255/32"],
            ["127.255.255.0/24", "127.0.0.0/8"],
            ["126.0.0.0/7", "127.0.0.0/8"],
            ["169.254.169.254/32", "169.254.0.0/16"],
            ["169.254.0.0/15", "169.254.0.0/16"],
            ["168.63.129.0/24", "168.63.129.16/32"],
            ["168.63.0.0/16", "168.63.129.16/32"],
            ["168.63.129.16/30", "168.63.129.16/32"],
        ];
        for (const [range, forbidden] of refused) {
            const what = FORBIDDEN.find(([cidr]) => cidr === forbidden)![1];
            assert.deepEqual(forbiddenVnetRangeProblems(range, "network.subnetCidr"), [{ path: "network.subnetCidr", message: message(range, forbidden, what) }], range);
        }
        const taken = [
            "223.255.255.0/24", "240.0.0.0/5", "255.255.255.254/32", "248.0.0.0/6",
            "126.255.255.0/24", "128.0.0.0/24", "169.253.255.0/24", "169.255.0.0/16",
            "168.63.129.15/32", "168.63.129.17/32", "168.63.129.0/28", "168.63.129.20/30",
            "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10",
        ];
        for (const range of taken) assert.deepEqual(forbiddenVnetRangeProblems(range, "network.vnetCidr"), [], range);
    });

    it("names every forbidden range a wide one overlaps, in the documentation's order", () => {
        assert.deepEqual(forbiddenVnetRangeProblems("0.0.0.0/0", "network.vnetCidr").map((p) => p.message), FORBIDDEN.map(([range, what]) => message("0.0.0.0/0", range, what)));
        assert.deepEqual(forbiddenVnetRangeProblems("128.0.0.0/1", "x").map((p) => p.message.split(" ")[2]), ["224.0.0.0/4", "255.255.255.255/32", "169.254.0.0/16", "168.63.129.16/32"]);
    });

    it("reports a malformed range as such, on the path", () => {
        assert.deepEqual(forbiddenVnetRangeProblems("224.0.0.1/4", "network.vnetCidr"), [{ path: "network.vnetCidr", message: "224.0.0.1/4: host bits set; did you mean 224.0.0.0/4?" }]);
        assert.equal(forbiddenVnetRangeProblems("not a cidr", "network.vnetCidr")[0].path, "network.vnetCidr");
    });

    it("property: a range is refused exactly when it shares an address with a forbidden one, once for each", () => {
        fc.assert(fc.property(anyRange, ({ text, first, last }) => {
            const expected = FORBIDDEN.filter(([, , lo, hi]) => first <= hi && lo <= last).map(([range, what]) => message(text, range, what));
            assert.deepEqual(forbiddenVnetRangeProblems(text, "p").map((p) => p.message), expected);
            assert.deepEqual(checkNotForbiddenInVnet({ path: "p", cidr: parseCidrOrThrow(text) }).map((p) => p.message), expected);
        }), { numRuns: 2000 });
    });
});

describe("address/forbidden-ranges: applied to the network's ranges", () => {
    it("refuses a vnet or subnet Azure doesn't allow, once per range even where AKS reserves it too", () => {
        const problems = validateNetworkAddressing({ vnetCidr: "224.0.0.0/8", subnetCidr: "169.254.0.0/24" }, (field) => `network.${field}`).map((p) => `${p.path}: ${p.message}`);
        assert.deepEqual(problems.filter((p) => p.startsWith("network.vnetCidr")), [
            "network.vnetCidr: 224.0.0.0/8 overlaps 224.0.0.0/4 (multicast), which Azure doesn't allow in a virtual network's address space",
        ]);
        assert.deepEqual(problems.filter((p) => p.startsWith("network.subnetCidr") && p.includes("overlaps")), [
            "network.subnetCidr: 169.254.0.0/24 overlaps 169.254.0.0/16, a range AKS reserves",
        ], "AKS's reservation says it; Azure's same range isn't reported again");
        assert.deepEqual(validateNetworkAddressing({ vnetCidr: "168.63.0.0/16", subnetCidr: "168.63.128.0/22" }).map((p) => p.path), ["vnetCidr", "subnetCidr"], "168.63.129.16 in both");
    });
});
