import { strict as assert } from "node:assert";
import fc from "fast-check";
import {
    Cidr,
    cidrSize,
    contains,
    formatCidr,
    overlaps,
    parseCidr,
    planCapacity,
} from "../../components/address";

// Expectations computed here from the guide's rules, never by the code under test: Azure keeps
// 5 addresses of every subnet; kubenet gives each node a /24 of the pod CIDR; a route table holds
// 400 routes; classic CNI takes 1 + maxPods subnet addresses per node.
const usableAddresses = (c: Cidr) => 2 ** (32 - c.prefix) - 5;
const podSlashTwentyFours = (c: Cidr) => (c.prefix <= 24 ? 2 ** (24 - c.prefix) : 0);

/** Any valid IPv4 range: a random address with its host bits cleared. */
const anyCidr: fc.Arbitrary<Cidr> = fc
    .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }))
    .map(([address, prefix]) => ({ network: Number(BigInt(address) & ((BigInt(0xffffffff) << BigInt(32 - prefix)) & BigInt(0xffffffff))), prefix }));

/** A sub-range of a range: a longer prefix and an offset inside it. */
const rangeWithSubRange = anyCidr.chain((outer) =>
    fc.integer({ min: outer.prefix, max: 32 }).chain((prefix) =>
        fc.integer({ min: 0, max: 2 ** (prefix - outer.prefix) - 1 }).map((index) => ({
            outer,
            inner: { network: outer.network + index * 2 ** (32 - prefix), prefix },
        })),
    ),
);

const subnet = anyCidr.filter((c) => c.prefix >= 8 && c.prefix <= 29);
const podCidr = anyCidr.filter((c) => c.prefix >= 8 && c.prefix <= 24);

describe("address: properties", () => {
    it("every valid CIDR round-trips through format and parse", () => {
        fc.assert(fc.property(anyCidr, (cidr) => {
            assert.deepEqual(parseCidr(formatCidr(cidr)), { ok: true, value: cidr });
        }));
    });

    it("overlap is symmetric and reflexive", () => {
        fc.assert(fc.property(anyCidr, anyCidr, (a, b) => {
            assert.equal(overlaps(a, b), overlaps(b, a));
            assert.ok(overlaps(a, a));
        }));
    });

    it("a range contains each of its sub-ranges, which overlap it", () => {
        fc.assert(fc.property(rangeWithSubRange, ({ outer, inner }) => {
            assert.ok(contains(outer, inner));
            assert.ok(overlaps(inner, outer));
            assert.ok(cidrSize(inner) <= cidrSize(outer));
        }));
    });

    it("overlap agrees with a brute-force comparison of the address intervals", () => {
        fc.assert(fc.property(anyCidr, anyCidr, (a, b) => {
            const aEnd = a.network + cidrSize(a) - 1;
            const bEnd = b.network + cidrSize(b) - 1;
            assert.equal(overlaps(a, b), a.network <= bEnd && b.network <= aEnd);
        }));
    });

    it("plans exactly the fewest of usable subnet addresses, pod /24s and 400 routes as kubenet nodes", () => {
        fc.assert(fc.property(subnet, podCidr, fc.integer({ min: 10, max: 250 }), (s, p, maxPods) => {
            const plan = planCapacity({ subnet: s, podNetworking: "kubenet", podCidr: p, maxPods });
            assert.equal(plan.maxNodes, Math.min(usableAddresses(s), podSlashTwentyFours(p), 400));
            assert.equal(plan.maxPods, plan.maxNodes * maxPods);
            assert.equal(plan.maxNodes, plan.nodeSlots[plan.limitedBy]);
        }));
    });

    it("plans classic CNI nodes as the usable addresses over 1 + maxPods, rounded down", () => {
        fc.assert(fc.property(subnet, fc.integer({ min: 10, max: 250 }), (s, maxPods) => {
            const plan = planCapacity({ subnet: s, podNetworking: "azure", maxPods });
            assert.equal(plan.maxNodes, Math.floor(usableAddresses(s) / (1 + maxPods)));
        }));
    });
});
