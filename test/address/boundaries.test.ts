import { strict as assert } from "node:assert";
import {
    ClusterAddressing,
    clusterAddressingWarnings,
    contains,
    formatProblem,
    isServiceTag,
    parseCidr,
    parseCidrOrThrow,
    parseIPv4,
    parseMaxSurge,
    surgeNodes,
    validateClusterAddressing,
} from "../../components/address";

/**
 * The address rules at their edges: each expectation is worked out by hand from the rule
 * (a /27 has 32 − 5 = 27 usable addresses; a /23 pod CIDR holds two /24 node ranges).
 */
describe("components/address: rules at their boundaries", () => {
    it("takes surges of 1% to 100% or at least one node", () => {
        assert.deepEqual(parseMaxSurge("1%"), { ok: true, value: { kind: "percent", value: 1 } });
        assert.deepEqual(parseMaxSurge("100%"), { ok: true, value: { kind: "percent", value: 100 } });
        assert.deepEqual(parseMaxSurge("0%"), { ok: false, error: "0% is not a surge: a percentage must be from 1% to 100%" });
        assert.deepEqual(parseMaxSurge("101%"), { ok: false, error: "101% is not a surge: a percentage must be from 1% to 100%" });
        assert.deepEqual(parseMaxSurge("1"), { ok: true, value: { kind: "count", value: 1 } });
        assert.deepEqual(parseMaxSurge("0"), { ok: false, error: "0 is not a surge: a node count must be at least 1" });
        assert.deepEqual(parseMaxSurge(5 as unknown as string), { ok: false, error: `5 is not a surge: use a node count such as "1" or a percentage such as "33%"` });
    });

    it("adds no surge to an empty pool, rounds percentages up and caps counts at the pool", () => {
        assert.equal(surgeNodes(0, { kind: "percent", value: 33 }), 0);
        assert.equal(surgeNodes(0, { kind: "count", value: 3 }), 0);
        assert.equal(surgeNodes(10, { kind: "percent", value: 33 }), 4);
        assert.equal(surgeNodes(2, { kind: "count", value: 5 }), 2);
    });

    it("names the octet out of range, and only when there are four decimal octets", () => {
        assert.deepEqual(parseIPv4("10.0.0.256"), { ok: false, error: "10.0.0.256 is not an IPv4 address: octet 256 is out of range 0–255" });
        assert.equal(parseIPv4("10.0.0.255").ok, true);
        const generic = (text: unknown) => `${JSON.stringify(text)} is not an IPv4 address (expected four decimal octets such as 10.0.0.10)`;
        for (const text of ["10.0.256", "10.0.0.256.1", "10.0.0.x", "x10.0.0.256", "10.0.0.256x", "010.0.0.1"]) {
            assert.deepEqual(parseIPv4(text), { ok: false, error: generic(text) }, text);
        }
        assert.deepEqual(parseIPv4(7 as unknown as string), { ok: false, error: generic(7) });
    });

    it("reads a CIDR whole", () => {
        const generic = (text: unknown) => `${JSON.stringify(text)} is not an IPv4 CIDR (expected a.b.c.d/n, e.g. 10.244.0.0/16)`;
        assert.deepEqual(parseCidr("a/10.0.0.0/8"), { ok: false, error: generic("a/10.0.0.0/8") });
        assert.deepEqual(parseCidr("10.0.0.0/8/8"), { ok: false, error: generic("10.0.0.0/8/8") });
        assert.deepEqual(parseCidr(8 as unknown as string), { ok: false, error: generic(8) });
        assert.throws(() => parseCidrOrThrow("10.0.0.1/8"), /10\.0\.0\.1\/8: host bits set; did you mean 10\.0\.0\.0\/8\?/);
        assert.deepEqual(parseCidrOrThrow("10.0.0.0/8"), { network: 10 * 2 ** 24, prefix: 8 });
    });

    it("contains a range only from a shorter or equal prefix", () => {
        const wide = parseCidrOrThrow("10.0.0.0/8");
        const narrow = parseCidrOrThrow("10.0.0.0/16");
        assert.equal(contains(wide, narrow), true);
        assert.equal(contains(narrow, wide), false);
        assert.equal(contains(narrow, narrow), true);
    });

    it("knows a service tag from an address prefix", () => {
        for (const tag of ["AzureCloud", "AzureCloud.koreacentral", "Storage.EastUS2"]) assert.equal(isServiceTag(tag), true, tag);
        for (const text of ["10.0.0.0/8", "1AzureCloud", "Azure Cloud", "AzureCloud!", " AzureCloud"]) assert.equal(isServiceTag(text), false, text);
    });

    const cluster = (pools: { count: number; maxSurge: string }[], overrides: Partial<ClusterAddressing> = {}): ClusterAddressing => ({
        podNetworking: "kubenet",
        podCidr: "10.244.0.0/16",
        serviceCidr: "10.0.0.0/16",
        dnsServiceIP: "10.0.0.10",
        nodePools: pools.map((p) => ({ maxPods: 30, minNodes: p.count, maxNodes: p.count, maxSurge: p.maxSurge })),
        network: { vnetCidr: "172.16.0.0/16", subnetCidr: "172.16.1.0/27" },
        ...overrides,
    });
    const problems = (input: ClusterAddressing) => validateClusterAddressing(input).map(formatProblem);

    it("fills a /27's 27 usable addresses exactly, and not one more", () => {
        assert.deepEqual(problems(cluster([{ count: 26, maxSurge: "1" }])), []);
        assert.deepEqual(problems(cluster([{ count: 27, maxSurge: "1" }])), [
            "subnetCidr: 172.16.1.0/27 has 27 usable addresses but the node pools need 28 for 28 nodes at maximum scale with upgrade surge (27 + 1)",
        ]);
    });

    it("fills a /23 pod CIDR's two node ranges exactly, and not one more", () => {
        const pod23 = { podCidr: "10.244.0.0/23" };
        assert.deepEqual(problems(cluster([{ count: 1, maxSurge: "1" }], pod23)), []);
        assert.deepEqual(problems(cluster([{ count: 2, maxSurge: "1" }], pod23)), [
            "podCidr: 10.244.0.0/23 has 2 /24 node ranges but the node pools need 3 nodes at maximum scale with upgrade surge (2 + 1)",
        ]);
    });

    it("takes Azure CNI Overlay up to 5,000 nodes", () => {
        const overlay = (count: number, maxSurge: string) => cluster([{ count, maxSurge }], {
            podNetworking: "overlay",
            podCidr: "100.64.0.0/10",
            network: { vnetCidr: "172.16.0.0/12", subnetCidr: "172.16.0.0/16" },
        });
        assert.deepEqual(problems(overlay(4999, "1")), []);
        assert.deepEqual(problems(overlay(4999, "2")), ["nodePools: 5001 nodes at maximum scale with upgrade surge (4999 + 2) exceed the 5000 nodes Azure CNI Overlay supports"]);
        assert.deepEqual(problems(cluster([{ count: 4999, maxSurge: "2" }], { podNetworking: "overlay", podCidr: "100.64.0.0/10", network: undefined })), [
            "nodePools: 5001 nodes at maximum scale with upgrade surge (4999 + 2) exceed the 5000 nodes Azure CNI Overlay supports",
        ], "without a network too");
    });

    it("holds kubenet to the route table's 400 nodes without a network too", () => {
        const noNetwork = (count: number) => problems(cluster([{ count, maxSurge: "1" }], { network: undefined, podCidr: "10.128.0.0/9" }));
        assert.deepEqual(noNetwork(399), []);
        assert.deepEqual(noNetwork(400), [
            "nodePools: 401 nodes at maximum scale with upgrade surge (400 + 1) exceed the 400 node routes a route table can hold (400 routes); kubenet clusters can't exceed 400 nodes",
        ]);
    });

    it("warns about pod CIDR headroom for kubenet and Overlay, never for classic Azure CNI, which has none", () => {
        const podWarning = (input: ClusterAddressing) => clusterAddressingWarnings(input).map(formatProblem).filter((w) => w.startsWith("podCidr"));
        // A /22 holds four /24 node ranges; 3 nodes + 1 surge use all four, above 80% (3.2).
        const tight = { podCidr: "10.244.0.0/22", network: { vnetCidr: "172.16.0.0/16", subnetCidr: "172.16.0.0/20" } };
        assert.deepEqual(podWarning(cluster([{ count: 3, maxSurge: "1" }], tight)), [
            "podCidr: the node pools at maximum scale with upgrade surge use 4 of 4 /24 node ranges (100%); the pod CIDR can't be changed after creation",
        ]);
        assert.deepEqual(podWarning(cluster([{ count: 3, maxSurge: "1" }], { ...tight, podNetworking: "overlay" })).length, 1);
        assert.deepEqual(podWarning(cluster([{ count: 3, maxSurge: "1" }], { ...tight, podNetworking: "azure" })), []);
    });
});
