import { strict as assert } from "node:assert";
import {
    ClusterAddressing,
    clusterAddressingWarnings,
    formatProblem,
    scaleNeed,
    validateClusterAddressing,
    validateNetworkAddressing,
} from "../../components/address";

const network = { vnetCidr: "192.168.0.0/16", subnetCidr: "192.168.1.0/24" };

function cluster(overrides: Partial<ClusterAddressing> = {}): ClusterAddressing {
    return {
        podNetworking: "kubenet",
        podCidr: "10.244.0.0/16",
        serviceCidr: "10.0.0.0/16",
        dnsServiceIP: "10.0.0.10",
        nodePools: [{ maxPods: 110, minNodes: 3, maxNodes: 5 }],
        network,
        ...overrides,
    };
}

const lines = (problems: { path: string; message: string }[]) => problems.map(formatProblem);

describe("address/plan: network", () => {
    it("accepts the guide's example network", () => {
        assert.deepEqual(validateNetworkAddressing({ ...network, routes: [{ addressPrefix: "0.0.0.0/0" }], reservedCidrs: ["10.0.0.0/8"] }), []);
    });

    it("reports every problem at once, under the caller's key paths", () => {
        const problems = validateNetworkAddressing(
            { vnetCidr: "172.30.0.0/16", subnetCidr: "10.1.1.7/24", reservedCidrs: ["nonsense"], routes: [{ addressPrefix: "10.0.0.0/33" }] },
            (field) => `network.${field}`,
        );
        assert.deepEqual(lines(problems), [
            "network.subnetCidr: 10.1.1.7/24: host bits set; did you mean 10.1.1.0/24?",
            "network.reservedCidrs[0]: \"nonsense\" is not an IPv4 CIDR (expected a.b.c.d/n, e.g. 10.244.0.0/16)",
            "network.routes[0].addressPrefix: 10.0.0.0/33 is not an IPv4 CIDR: prefix /33 must be a whole number from 0 to 32",
            "network.vnetCidr: 172.30.0.0/16 overlaps 172.30.0.0/16, a range AKS reserves",
        ]);
    });

    it("rejects a vnet overlapping an on-premises range", () => {
        assert.deepEqual(lines(validateNetworkAddressing({ vnetCidr: "10.1.0.0/16", subnetCidr: "10.1.1.0/24", reservedCidrs: ["10.0.0.0/8"] })), [
            "vnetCidr: 10.1.0.0/16 overlaps reservedCidrs[0] 10.0.0.0/8; the vnet must not overlap networks reached from it",
        ]);
    });

    it("accepts service tags as route prefixes", () => {
        assert.deepEqual(validateNetworkAddressing({ ...network, routes: [{ addressPrefix: "AzureCloud.koreacentral" }] }), []);
    });
});

describe("address/plan: cluster", () => {
    it("accepts the guide's defaults in a /24", () => {
        assert.deepEqual(validateClusterAddressing(cluster()), []);
    });

    it("rejects pod and service ranges that overlap the vnet, each other or on-premises ranges", () => {
        const problems = validateClusterAddressing(cluster({
            podCidr: "192.168.0.0/16",
            serviceCidr: "10.0.0.0/16",
            network: { ...network, reservedCidrs: ["10.0.0.0/8"] },
        }));
        assert.deepEqual(lines(problems), [
            "podCidr: 192.168.0.0/16 overlaps vnetCidr 192.168.0.0/16; pods take addresses outside the vnet",
            "serviceCidr: 10.0.0.0/16 overlaps reservedCidrs[0] 10.0.0.0/8; the range is in use elsewhere in the network",
        ]);
    });

    it("rejects a service CIDR overlapping the pod CIDR", () => {
        assert.deepEqual(lines(validateClusterAddressing(cluster({ podCidr: "10.0.0.0/8" }))), [
            "serviceCidr: 10.0.0.0/16 overlaps podCidr 10.0.0.0/8; the service and pod CIDRs must be disjoint",
        ]);
    });

    it("checks the pod CIDR against a bring-your-own subnet when the vnet's range is unknown", () => {
        const problems = validateClusterAddressing(cluster({ podCidr: "192.168.0.0/16", network: { subnetCidr: "192.168.1.0/24" } }));
        assert.equal(problems.length, 1);
        assert.match(problems[0].message, /overlaps subnetCidr 192.168.1.0\/24/);
    });

    it("rejects custom routes inside the pod CIDR", () => {
        const problems = validateClusterAddressing(cluster({ network: { ...network, routes: [{ addressPrefix: "0.0.0.0/0" }, { addressPrefix: "10.244.7.0/24" }] } }));
        assert.deepEqual(problems.map((p) => p.path), ["routes[1].addressPrefix"]);
    });

    it("doesn't re-report the network's own malformed ranges", () => {
        assert.deepEqual(validateClusterAddressing(cluster({ network: { vnetCidr: "garbage", subnetCidr: "192.168.1.0/24" } })), []);
    });

    it("rejects pool sizing problems with the pool's path", () => {
        const problems = validateClusterAddressing(cluster({
            nodePools: [{ maxPods: 300, minNodes: 1, maxNodes: 1 }, { maxPods: 10, minNodes: 2, maxNodes: 2 }],
        }), (field) => `cluster.${field}`);
        // The surge's own form is the pool's upgrade settings' rule (test/components/upgrade-settings.test.ts).
        assert.deepEqual(problems.map((p) => p.path), ["cluster.nodePools[0].maxPods", "cluster.nodePools[1].maxPods"]);
    });

    it("ignores the pod CIDR under classic Azure CNI", () => {
        assert.deepEqual(validateClusterAddressing(cluster({ podNetworking: "azure", podCidr: "172.30.0.0/16", nodePools: [{ maxPods: 30, minNodes: 3, maxNodes: 3 }] })), []);
    });
});

describe("address/plan: capacity with surge", () => {
    it("counts maximum scale plus each pool's surge", () => {
        assert.deepEqual(scaleNeed([{ maxPods: 110, minNodes: 3, maxNodes: 5, maxSurge: "33%" }, { maxPods: 110, minNodes: 0, maxNodes: 20 }], "kubenet"), {
            nodes: 25,
            surgeNodes: 2 + 2,
            subnetAddresses: 29,
        });
    });

    it("rejects pools that outgrow a /27 once surge is counted", () => {
        // /27: 27 usable. 25 nodes fit; 25 + 3 surge (10%) do not.
        const problems = validateClusterAddressing(cluster({
            network: { vnetCidr: "192.168.0.0/16", subnetCidr: "192.168.1.0/27" },
            nodePools: [{ maxPods: 110, minNodes: 1, maxNodes: 25 }],
        }));
        assert.deepEqual(lines(problems), [
            "subnetCidr: 192.168.1.0/27 has 27 usable addresses but the node pools need 28 for 28 nodes at maximum scale with upgrade surge (25 + 3)",
        ]);
    });

    it("rejects pools that outgrow the pod CIDR", () => {
        const problems = validateClusterAddressing(cluster({ podCidr: "10.244.0.0/22", nodePools: [{ maxPods: 110, minNodes: 1, maxNodes: 4, maxSurge: "1" }] }));
        assert.deepEqual(lines(problems), ["podCidr: 10.244.0.0/22 has 4 /24 node ranges but the node pools need 5 nodes at maximum scale with upgrade surge (4 + 1)"]);
    });

    it("rejects kubenet pools beyond the 400-route table, counting custom routes", () => {
        const big = { vnetCidr: "192.168.0.0/16", subnetCidr: "192.168.0.0/20" };
        const pools = [{ maxPods: 110, minNodes: 1, maxNodes: 398, maxSurge: "1" }];
        assert.deepEqual(validateClusterAddressing(cluster({ podCidr: "10.128.0.0/9", network: big, nodePools: pools })), []);
        const problems = validateClusterAddressing(cluster({ podCidr: "10.128.0.0/9", network: { ...big, routes: [{ addressPrefix: "0.0.0.0/0" }, { addressPrefix: "AzureCloud" }] }, nodePools: pools }));
        assert.deepEqual(lines(problems), [
            "nodePools: 399 nodes at maximum scale with upgrade surge (398 + 1) exceed the 398 node routes a route table can hold (400 routes less 2 custom); kubenet clusters can't exceed 400 nodes",
        ]);
    });

    it("lets overlay pass the 400-node line", () => {
        const problems = validateClusterAddressing(cluster({
            podNetworking: "overlay",
            podCidr: "10.128.0.0/9",
            network: { vnetCidr: "192.168.0.0/16", subnetCidr: "192.168.0.0/20" },
            nodePools: [{ maxPods: 110, minNodes: 1, maxNodes: 1000, maxSurge: "1" }],
        }));
        assert.deepEqual(problems, []);
    });

    it("counts 1 + maxPods addresses per node under classic CNI", () => {
        const problems = validateClusterAddressing(cluster({ podNetworking: "azure", nodePools: [{ maxPods: 30, minNodes: 3, maxNodes: 8, maxSurge: "1" }] }));
        assert.deepEqual(problems.map((p) => p.path), ["subnetCidr"]);
        assert.match(problems[0].message, /need 279 for 9 nodes .* \(each node takes 1 \+ maxPods addresses\)/);
    });

    it("warns when less than 20% of the subnet is left at maximum scale", () => {
        const withNodes = (maxNodes: number) => cluster({
            network: { vnetCidr: "192.168.0.0/16", subnetCidr: "192.168.1.0/27" },
            nodePools: [{ maxPods: 110, minNodes: 1, maxNodes, maxSurge: "1" }],
        });
        // 27 usable: 21 addresses is 77.8% (fine), 22 is 81.5% (warned).
        assert.deepEqual(clusterAddressingWarnings(withNodes(20)), []);
        assert.deepEqual(validateClusterAddressing(withNodes(21)), []);
        assert.deepEqual(lines(clusterAddressingWarnings(withNodes(21), (f) => `network.${f}`)), [
            "network.subnetCidr: the node pools at maximum scale with upgrade surge use 22 of 27 usable addresses (81%); leave at least 20% headroom, as the subnet can't grow under a running cluster",
        ]);
    });

    it("warns when less than 20% of the pod CIDR is left at maximum scale", () => {
        const warnings = clusterAddressingWarnings(cluster({ podCidr: "10.244.0.0/20", nodePools: [{ maxPods: 110, minNodes: 1, maxNodes: 13, maxSurge: "1" }] }));
        assert.deepEqual(lines(warnings), [
            "podCidr: the node pools at maximum scale with upgrade surge use 14 of 16 /24 node ranges (88%); the pod CIDR can't be changed after creation",
        ]);
    });

    it("gives no warnings for a plan with errors: the errors come first", () => {
        assert.deepEqual(clusterAddressingWarnings(cluster({ podCidr: "10.244.0.0/22", nodePools: [{ maxPods: 110, minNodes: 1, maxNodes: 4, maxSurge: "1" }] })), []);
    });
});
