import { strict as assert } from "node:assert";
import { formatProblem } from "../../components/address";
import { KubenetClusterArgs } from "../../components";
import { validateClusterArgs, validateIdentityArgs, validateNetworkArgs } from "../../components/rules";
import { basePools } from "./fixtures";

/*
 * Azure's and Kubernetes' own rules, applied by the component that passes the value on: tags
 * (Microsoft's tag limits), the ranges a vnet can't hold, AKS's count limits, labels the kubelet
 * keeps. Each rule's own table is tested with its module; these show each component applies it.
 */

const CHECKED_ON = new Date("2026-12-01T00:00:00Z");
const cluster: KubenetClusterArgs = { resourceGroupName: "rg", name: "aks-test", subnetId: "s", identityId: "i", nodePools: basePools };
const clusterProblems = (overrides: Partial<KubenetClusterArgs>) => validateClusterArgs({ ...cluster, ...overrides }, undefined, CHECKED_ON).map(formatProblem);
const fiftyOneTags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "v"]));

describe("components: Azure's and Kubernetes' own rules", () => {
    it("every component checks its tags", () => {
        const network = { resourceGroupName: "rg", vnetCidr: "192.168.0.0/16", subnetCidr: "192.168.1.0/24" };
        const identity = { resourceGroupName: "rg", vnetId: "v", subnetId: "s" };
        assert.deepEqual(validateNetworkArgs({ ...network, tags: { "a/b": "x" } }).map((p) => p.path), ['tags."a/b"']);
        assert.deepEqual(validateIdentityArgs({ ...identity, tags: { owner: "x".repeat(257) } }).map((p) => p.path), ["tags.owner"]);
        assert.deepEqual(clusterProblems({ tags: fiftyOneTags }), ["tags: has 51 tags: Azure allows at most 50 on a resource; put several values in one tag as a JSON string"]);
        assert.deepEqual(clusterProblems({ tags: { team: "a" } }), []);
    });

    it("a private cluster's tags fit the private DNS zone AKS creates with them", () => {
        const sixteen = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`t${i}`, "v"]));
        assert.deepEqual(clusterProblems({ tags: sixteen, apiServer: { enablePrivateCluster: true } }), [
            "tags: has 16 tags: a private cluster's tags also go on its private DNS zone, and Azure Private DNS allows at most 15 tags",
        ]);
        assert.deepEqual(clusterProblems({ tags: sixteen }), [], "a public cluster has no such zone");
        assert.deepEqual(clusterProblems({ tags: sixteen, apiServer: { enablePrivateCluster: true, privateDNSZone: "none" } }), [], "no zone at all");
    });

    it("the network refuses ranges Azure doesn't allow in a vnet", () => {
        assert.deepEqual(validateNetworkArgs({ resourceGroupName: "rg", vnetCidr: "127.0.0.0/8", subnetCidr: "127.0.1.0/24" }).map((p) => p.path), ["vnetCidr", "subnetCidr"]);
    });

    it("the cluster keeps to AKS's counts: 100 pools, 200 authorized ranges with the egress IPs it adds, nodes per tier", () => {
        const pools = (n: number) => [basePools[0], ...Array.from({ length: n - 1 }, (_, i) => ({ name: `u${i}`, mode: "User" as const, count: 1 }))];
        assert.deepEqual(clusterProblems({ nodePools: pools(100) }).filter((p) => p.startsWith("nodePools:")), []);
        assert.deepEqual(clusterProblems({ nodePools: pools(101) }).filter((p) => p.startsWith("nodePools:")), ["nodePools: 101 node pools: AKS allows at most 100 in a cluster"]);
        const ranges = (n: number) => Array.from({ length: n }, (_, i) => `10.${Math.floor(i / 250)}.${i % 250}.0/24`);
        const udr = { outboundType: "userDefinedRouting" as const, egressPublicIPs: ["20.194.0.4"] };
        assert.deepEqual(clusterProblems({ ...udr, apiServer: { authorizedIPRanges: ranges(199) } }), []);
        assert.deepEqual(clusterProblems({ ...udr, apiServer: { authorizedIPRanges: ranges(200) } }), [
            "apiServer.authorizedIPRanges: 201 authorized IP ranges (200 listed here and 1 egress public IP the program adds): AKS allows at most 200; merge neighbouring ranges into wider CIDRs",
        ]);
        const big = [basePools[0], { name: "big", mode: "User" as const, count: 1000 }, { name: "big2", mode: "User" as const, count: 1000 }];
        const overlay = { networkPlugin: "azure" as const, networkPluginMode: "overlay" };
        assert.ok(clusterProblems({ ...overlay, nodePools: big }).includes("nodePools: 2,003 nodes: AKS allows at most 1,000 in a cluster on the Free tier; the Standard and Premium tiers allow 5,000"));
        assert.ok(!clusterProblems({ ...overlay, nodePools: big, skuTier: "Standard" }).some((p) => p.includes("on the Standard tier")));
    });

    it("the cluster's name makes a DNS prefix AKS takes, unless dnsPrefix is given", () => {
        assert.deepEqual(clusterProblems({ name: "aks_prod" }), [
            `name: "aks_prod" can't be the DNS prefix: use letters, digits and '-', starting and ending with a letter or digit; the DNS prefix is the cluster's name unless dnsPrefix is given: give one`,
        ]);
        assert.deepEqual(clusterProblems({ name: "a".repeat(55) }), [
            `name: "${"a".repeat(55)}" can't be the DNS prefix: 1–54 characters, this has 55; the DNS prefix is the cluster's name unless dnsPrefix is given: give one`,
        ]);
        assert.deepEqual(clusterProblems({ name: "a".repeat(54) }), []);
        assert.deepEqual(clusterProblems({ name: "aks_prod", dnsPrefix: "aks-prod" }), []);
        assert.deepEqual(clusterProblems({ name: "aks.prod" }).length, 1, "an invalid cluster name is reported once, as a cluster name");
    });

    it("a pool's labels can't take what the kubelet or AKS keeps", () => {
        const labels = (nodeLabels: Record<string, string>) => clusterProblems({ nodePools: [{ ...basePools[0], nodeLabels }] }).map((p) => p.split(": ")[0]);
        assert.deepEqual(labels({ "node-role.kubernetes.io/worker": "" }), ["nodePools[0].nodeLabels.node-role.kubernetes.io/worker"]);
        assert.deepEqual(labels({ "kubernetes.io/os": "linux" }), ["nodePools[0].nodeLabels.kubernetes.io/os"], "AKS sets it");
        assert.deepEqual(labels({ "node.kubernetes.io/tier": "a", "example.com/tier": "b" }), []);
        assert.deepEqual(labels({ "kubernetes.azure.com/mode": "x" }), ["nodePools[0].nodeLabels.kubernetes.azure.com/mode"], "once, not from both rules");
    });
});
