import { strict as assert } from "node:assert";
import {
    fitNodes,
    parseCidrOrThrow as cidr,
    parseMaxSurge,
    planCapacity,
    podCidrNodeSlots,
    smallestPodCidrPrefix,
    smallestSubnetPrefix,
    subnetCapacity,
    surgeNodes,
} from "../../components/address";

function surge(text: string) {
    const parsed = parseMaxSurge(text);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.value;
}

describe("address/capacity: the guide's worked numbers", () => {
    it("a /24 subnet has 256 addresses, 5 reserved by Azure, 251 usable", () => {
        assert.deepEqual(subnetCapacity(cidr("192.168.1.0/24")), { cidr: "192.168.1.0/24", addresses: 256, reserved: 5, usable: 251 });
    });

    it("kubenet in a /24 holds 251 nodes and 27,610 pods at 110 pods per node", () => {
        const plan = planCapacity({ subnet: cidr("192.168.1.0/24"), podNetworking: "kubenet", podCidr: cidr("10.244.0.0/16") });
        assert.equal(plan.maxPodsPerNode, 110);
        assert.equal(plan.maxNodes, 251);
        assert.equal(plan.maxPods, 27610);
        assert.equal(plan.limitedBy, "subnet");
    });

    it("classic Azure CNI in the same /24 at 30 pods per node holds 8 nodes and 240 pods", () => {
        const plan = planCapacity({ subnet: cidr("192.168.1.0/24"), podNetworking: "azure" });
        assert.equal(plan.maxPodsPerNode, 30);
        assert.equal(plan.nodeSlots.subnet, 8); // floor(251 / 31)
        assert.equal(plan.maxNodes, 8);
        assert.equal(plan.maxPods, 240);
        assert.equal(plan.nodeSlots.podCidr, null);
        assert.equal(plan.nodeSlots.routeTable, null);
    });

    it("the default /16 pod CIDR has 256 node slots; a /24 has one; a /25 none", () => {
        assert.equal(podCidrNodeSlots(cidr("10.244.0.0/16")), 256);
        assert.equal(podCidrNodeSlots(cidr("10.244.0.0/24")), 1);
        assert.equal(podCidrNodeSlots(cidr("10.244.0.0/25")), 0);
    });

    it("a kubenet cluster never exceeds 400 nodes, the route table's limit", () => {
        const plan = planCapacity({ subnet: cidr("10.0.0.0/16"), podNetworking: "kubenet", podCidr: cidr("100.64.0.0/10") });
        assert.equal(plan.nodeSlots.subnet, 65531);
        assert.equal(plan.nodeSlots.podCidr, 16384);
        assert.equal(plan.maxNodes, 400);
        assert.equal(plan.limitedBy, "routeTable");
    });

    it("custom routes take route-table slots from nodes", () => {
        const plan = planCapacity({ subnet: cidr("10.0.0.0/16"), podNetworking: "kubenet", podCidr: cidr("100.64.0.0/10"), customRoutes: 2 });
        assert.equal(plan.maxNodes, 398);
    });

    it("a small pod CIDR limits the cluster", () => {
        const plan = planCapacity({ subnet: cidr("192.168.1.0/24"), podNetworking: "kubenet", podCidr: cidr("10.244.0.0/20") });
        assert.equal(plan.maxNodes, 16);
        assert.equal(plan.limitedBy, "podCidr");
        assert.equal(plan.maxPods, 16 * 110);
    });

    it("overlay has no route table limit but a 5,000-node cluster limit", () => {
        const plan = planCapacity({ subnet: cidr("10.0.0.0/16"), podNetworking: "overlay", podCidr: cidr("100.64.0.0/10") });
        assert.equal(plan.nodeSlots.routeTable, null);
        assert.equal(plan.maxNodes, 5000);
        assert.equal(plan.limitedBy, "clusterLimit");
    });
});

describe("address/capacity: upgrade surge", () => {
    it("parses counts and percentages", () => {
        assert.deepEqual(parseMaxSurge("3"), { ok: true, value: { kind: "count", value: 3 } });
        assert.deepEqual(parseMaxSurge("33%"), { ok: true, value: { kind: "percent", value: 33 } });
    });

    it("rejects what AKS would not take", () => {
        for (const text of ["0", "0%", "101%", "-1", "1.5", "ten", "%"]) {
            assert.equal(parseMaxSurge(text).ok, false, text);
        }
        const parsed = parseMaxSurge("ten");
        assert.ok(!parsed.ok && /use a node count such as "1" or a percentage such as "33%"/.test(parsed.error));
    });

    it("rounds percentages up and caps counts at the pool size", () => {
        assert.equal(surgeNodes(10, surge("10%")), 1);
        assert.equal(surgeNodes(11, surge("10%")), 2);
        assert.equal(surgeNodes(3, surge("33%")), 1);
        assert.equal(surgeNodes(5, surge("3")), 3);
        assert.equal(surgeNodes(2, surge("3")), 2);
        assert.equal(surgeNodes(0, surge("50%")), 0);
    });
});

describe("address/capacity: fitting a node count", () => {
    const slash24 = planCapacity({ subnet: cidr("192.168.1.0/24"), podNetworking: "kubenet", podCidr: cidr("10.244.0.0/16") });

    it("says 25 nodes plus 10% surge fit a /24 and a /27 would do", () => {
        const fit = fitNodes(slash24, 25, surge("10%"));
        assert.equal(fit.surgeNodes, 3);
        assert.equal(fit.nodesNeeded, 28);
        assert.ok(fit.fits);
        // /27 has 32 - 5 = 27 usable: too few for 28; /26 has 59.
        assert.equal(fit.smallestSubnet, "/26");
        assert.equal(fit.smallestPodCidr, "/19");
    });

    it("says 251 nodes plus one surge node do not fit a /24 (251 usable)", () => {
        const fit = fitNodes(slash24, 251, surge("1"));
        assert.ok(!fit.fits);
        assert.deepEqual(fit.shortOf, ["subnet"]);
        assert.equal(fit.smallestSubnet, "/23");
    });

    it("advises no range when the route table or the cluster limit is short, and only then", () => {
        const routes = planCapacity({ subnet: cidr("192.168.1.0/24"), podNetworking: "kubenet", podCidr: cidr("10.244.0.0/16"), customRoutes: 399 });
        const short = fitNodes(routes, 1, surge("1"));
        assert.deepEqual([short.fits, short.shortOf, short.smallestSubnet, short.smallestPodCidr], [false, ["routeTable"], null, null]);
        const roomy = planCapacity({ subnet: cidr("192.168.1.0/24"), podNetworking: "kubenet", podCidr: cidr("10.244.0.0/16"), customRoutes: 398 });
        const exact = fitNodes(roomy, 1, surge("1"));
        assert.deepEqual([exact.fits, exact.shortOf, exact.smallestSubnet, exact.smallestPodCidr], [true, [], "/29", "/23"], "exactly the two routes left");
        const overlay = planCapacity({ subnet: cidr("10.0.0.0/8"), podNetworking: "overlay", podCidr: cidr("100.64.0.0/10") });
        const many = fitNodes(overlay, 5000, surge("1"));
        assert.deepEqual([many.shortOf, many.smallestSubnet, many.smallestPodCidr], [["clusterLimit"], null, null]);
    });

    it("counts 1 + maxPods addresses per node under classic CNI", () => {
        const plan = planCapacity({ subnet: cidr("192.168.1.0/24"), podNetworking: "azure" });
        const fit = fitNodes(plan, 10, surge("1"));
        assert.equal(fit.subnetAddressesNeeded, 11 * 31);
        assert.ok(!fit.fits);
        assert.equal(fit.smallestSubnet, "/23");
        assert.equal(fit.smallestPodCidr, null);
    });

    it("finds the smallest subnet and pod CIDR", () => {
        assert.equal(smallestSubnetPrefix(1), 29); // Azure's smallest subnet: 8 - 5 = 3 usable
        assert.equal(smallestSubnetPrefix(27), 27);
        assert.equal(smallestSubnetPrefix(28), 26);
        assert.equal(smallestPodCidrPrefix(1), 24);
        assert.equal(smallestPodCidrPrefix(256), 16);
        assert.equal(smallestPodCidrPrefix(257), 15);
    });
});
