import { strict as assert } from "node:assert";
import {
    NamedCidr,
    checkDisjoint,
    checkDnsServiceIp,
    checkMaxPods,
    checkNotReserved,
    checkPodCidrSize,
    checkPoolPodRoom,
    checkRouteOutsidePodCidr,
    checkServiceCidrSize,
    checkSubnetInVnet,
    checkSubnetSize,
    formatProblem,
    parseCidrOrThrow,
} from "../../components/address";

const at = (path: string, text: string): NamedCidr => ({ path, cidr: parseCidrOrThrow(text) });
const lines = (problems: { path: string; message: string }[]) => problems.map(formatProblem);

describe("address/rules", () => {
    describe("reserved ranges", () => {
        it("rejects each range AKS reserves, in the contract's words", () => {
            assert.deepEqual(lines(checkNotReserved(at("cluster.podCidr", "172.30.0.0/16"))), [
                "cluster.podCidr: 172.30.0.0/16 overlaps 172.30.0.0/16, a range AKS reserves",
            ]);
            assert.equal(checkNotReserved(at("x", "169.254.10.0/24")).length, 1);
            assert.equal(checkNotReserved(at("x", "172.31.255.0/24")).length, 1);
            assert.equal(checkNotReserved(at("x", "192.0.2.128/25")).length, 1);
        });

        it("rejects a range that swallows reserved ranges, naming each", () => {
            const problems = checkNotReserved(at("network.vnetCidr", "172.16.0.0/12"));
            assert.deepEqual(problems.map((p) => p.message.split(" overlaps ")[1]), [
                "172.30.0.0/16, a range AKS reserves",
                "172.31.0.0/16, a range AKS reserves",
            ]);
        });

        it("accepts neighbours of reserved ranges", () => {
            assert.deepEqual(checkNotReserved(at("x", "172.29.0.0/16")), []);
            assert.deepEqual(checkNotReserved(at("x", "192.0.3.0/24")), []);
        });
    });

    it("rejects overlapping ranges, naming both key paths", () => {
        assert.deepEqual(lines(checkDisjoint(at("cluster.serviceCidr", "10.0.0.0/16"), at("cluster.podCidr", "10.0.0.0/8"), "they must be disjoint")), [
            "cluster.serviceCidr: 10.0.0.0/16 overlaps cluster.podCidr 10.0.0.0/8; they must be disjoint",
        ]);
        assert.deepEqual(checkDisjoint(at("a", "10.0.0.0/16"), at("b", "10.1.0.0/16"), ""), []);
    });

    it("rejects a subnet outside its vnet", () => {
        assert.deepEqual(lines(checkSubnetInVnet(at("network.subnetCidr", "192.169.1.0/24"), at("network.vnetCidr", "192.168.0.0/16"))), [
            "network.subnetCidr: 192.169.1.0/24 is not inside network.vnetCidr 192.168.0.0/16",
        ]);
        assert.deepEqual(checkSubnetInVnet(at("s", "192.168.1.0/24"), at("v", "192.168.0.0/16")), []);
    });

    it("rejects a subnet smaller than Azure's /29", () => {
        assert.match(lines(checkSubnetSize(at("network.subnetCidr", "192.168.1.0/30")))[0], /smaller than \/29, the smallest subnet Azure allows/);
        assert.deepEqual(checkSubnetSize(at("s", "192.168.1.0/29")), []);
    });

    it("rejects a pod CIDR that can't hold one node's /24", () => {
        assert.deepEqual(lines(checkPodCidrSize(at("cluster.podCidr", "10.244.0.0/25"))), [
            "cluster.podCidr: 10.244.0.0/25 can't hold a single node: each node takes a /24 of the pod CIDR, so use /24 or larger",
        ]);
        assert.deepEqual(checkPodCidrSize(at("p", "10.244.0.0/24")), []);
    });

    it("rejects a service CIDR of /12 or larger", () => {
        assert.match(lines(checkServiceCidrSize(at("cluster.serviceCidr", "10.0.0.0/12")))[0], /must be smaller than \/12/);
        assert.equal(checkServiceCidrSize(at("s", "10.0.0.0/8")).length, 1);
        assert.deepEqual(checkServiceCidrSize(at("s", "10.0.0.0/13")), []);
    });

    describe("DNS service IP", () => {
        const service = at("cluster.serviceCidr", "10.0.0.0/16");
        it("accepts the conventional .10", () => {
            assert.deepEqual(checkDnsServiceIp("10.0.0.10", "cluster.dnsServiceIP", service), []);
        });
        it("rejects an address outside the service CIDR", () => {
            assert.deepEqual(lines(checkDnsServiceIp("10.1.0.10", "cluster.dnsServiceIP", service)), [
                "cluster.dnsServiceIP: 10.1.0.10 is outside cluster.serviceCidr 10.0.0.0/16; use an address inside it, by convention 10.0.0.10",
            ]);
        });
        it("rejects the first usable address, taken by the kubernetes service", () => {
            assert.match(lines(checkDnsServiceIp("10.0.0.1", "cluster.dnsServiceIP", service))[0], /first usable address of 10.0.0.0\/16, which the kubernetes service takes/);
        });
        it("rejects the network and broadcast addresses", () => {
            assert.match(checkDnsServiceIp("10.0.0.0", "d", service)[0].message, /network address/);
            assert.match(checkDnsServiceIp("10.0.255.255", "d", service)[0].message, /broadcast address/);
        });
        it("rejects a malformed address", () => {
            assert.match(checkDnsServiceIp("10.0.0", "d", service)[0].message, /is not an IPv4 address/);
        });
    });

    describe("max pods", () => {
        it("accepts 10 to 250", () => {
            for (const n of [10, 30, 110, 250]) assert.deepEqual(checkMaxPods(n, "p"), []);
        });
        it("rejects values outside 10-250 and fractions", () => {
            for (const n of [0, 9, 251, 300, 110.5]) {
                assert.deepEqual(lines(checkMaxPods(n, "cluster.nodePools[0].maxPods")), [
                    `cluster.nodePools[0].maxPods: ${n} is out of range: max pods per node must be a whole number from 10 to 250`,
                ]);
            }
        });
        it("rejects a pool without room for 30 pods", () => {
            assert.deepEqual(lines(checkPoolPodRoom(10, 2, "cluster.nodePools[1].maxPods")), [
                "cluster.nodePools[1].maxPods: 2 node(s) × 10 pods = 20: a node pool needs room for at least 30 pods; raise maxPods or the node count",
            ]);
            assert.deepEqual(checkPoolPodRoom(10, 3, "p"), []);
            assert.deepEqual(checkPoolPodRoom(10, 0, "p"), [], "a pool scaled to zero has no pods to room");
        });
    });

    it("rejects a custom route inside the pod CIDR but not broader ones", () => {
        const pod = at("cluster.podCidr", "10.244.0.0/16");
        assert.deepEqual(lines(checkRouteOutsidePodCidr(at("network.routes[1].addressPrefix", "10.244.3.0/24"), pod)), [
            "network.routes[1].addressPrefix: 10.244.3.0/24 is inside cluster.podCidr 10.244.0.0/16 and would compete with the per-node routes AKS writes; route a broader prefix or none",
        ]);
        assert.equal(checkRouteOutsidePodCidr(at("r", "10.244.0.0/16"), pod).length, 1, "equal to the pod CIDR");
        assert.deepEqual(checkRouteOutsidePodCidr(at("r", "0.0.0.0/0"), pod), []);
        assert.deepEqual(checkRouteOutsidePodCidr(at("r", "10.0.0.0/8"), pod), []);
    });
});
