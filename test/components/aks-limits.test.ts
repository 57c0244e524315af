import { strict as assert } from "node:assert";
import { AKS_COUNT_LIMITS, authorizedRangeCountProblems, clusterNodeCountProblems, nodePoolCountProblems } from "../../components/cluster/aks-limits";

// Expectations from Microsoft's pages, never from the code's output: up to 200 authorized IP
// ranges; 100 node pools per cluster; 1,000 nodes per pool; 1,000 nodes per cluster on the Free
// tier and 5,000 on Standard and Premium; kubenet pods per node 10 to 250, 110 by default.

describe("components/cluster: AKS count limits", () => {
    it("holds Microsoft's figures, each with its source and the date it was checked", () => {
        assert.equal(AKS_COUNT_LIMITS.authorizedIpRanges.max, 200);
        assert.equal(AKS_COUNT_LIMITS.nodePoolsPerCluster.max, 100);
        assert.equal(AKS_COUNT_LIMITS.nodesPerPool.max, 1000);
        assert.equal(AKS_COUNT_LIMITS.nodesPerClusterFree.max, 1000);
        assert.equal(AKS_COUNT_LIMITS.nodesPerClusterStandard.max, 5000);
        assert.equal(AKS_COUNT_LIMITS.podsPerNodeKubenet.max, 250);
        assert.match(AKS_COUNT_LIMITS.podsPerNodeKubenet.what, /at least 10; 110 when unset/);
        for (const [key, limit] of Object.entries(AKS_COUNT_LIMITS)) {
            assert.match(limit.source, /^https:\/\/learn\.microsoft\.com\/azure\/aks\//, key);
            assert.match(limit.checked, /^\d{4}-\d{2}-\d{2}$/, key);
        }
    });

    describe("authorized IP ranges", () => {
        const path = "cluster.apiServer.authorizedIPRanges";
        it("takes 200 in all, however they are split between the stack file and the program", () => {
            assert.deepEqual(authorizedRangeCountProblems(200, path, 0), []);
            assert.deepEqual(authorizedRangeCountProblems(198, path, 2), []);
            assert.deepEqual(authorizedRangeCountProblems(0, path, 0), []);
        });
        it("refuses 201, saying how many the stack file lists and how many the program adds", () => {
            assert.deepEqual(authorizedRangeCountProblems(201, path, 0), [
                { path, message: "201 authorized IP ranges (201 listed here and 0 egress public IPs the program adds): AKS allows at most 200; merge neighbouring ranges into wider CIDRs" },
            ]);
            assert.deepEqual(authorizedRangeCountProblems(200, path, 1), [
                { path, message: "201 authorized IP ranges (200 listed here and 1 egress public IP the program adds): AKS allows at most 200; merge neighbouring ranges into wider CIDRs" },
            ]);
            assert.deepEqual(authorizedRangeCountProblems(199, path, 3), [
                { path, message: "202 authorized IP ranges (199 listed here and 3 egress public IPs the program adds): AKS allows at most 200; merge neighbouring ranges into wider CIDRs" },
            ]);
        });
    });

    describe("node pools", () => {
        it("takes 100 pools in a cluster, refuses 101", () => {
            assert.deepEqual(nodePoolCountProblems(1, "cluster.nodePools"), []);
            assert.deepEqual(nodePoolCountProblems(100, "cluster.nodePools"), []);
            assert.deepEqual(nodePoolCountProblems(101, "cluster.nodePools"), [
                { path: "cluster.nodePools", message: "101 node pools: AKS allows at most 100 in a cluster" },
            ]);
        });
    });

    describe("nodes in a cluster", () => {
        it("Free tier: takes 1,000 nodes, refuses 1,001 and names the tiers that allow more", () => {
            assert.deepEqual(clusterNodeCountProblems(1000, "cluster.nodePools", "Free"), []);
            assert.deepEqual(clusterNodeCountProblems(1001, "cluster.nodePools", "Free"), [
                { path: "cluster.nodePools", message: "1,001 nodes: AKS allows at most 1,000 in a cluster on the Free tier; the Standard and Premium tiers allow 5,000" },
            ]);
        });
        it("Standard and Premium tiers: take 5,000 nodes, refuse 5,001", () => {
            for (const tier of ["Standard", "Premium"] as const) {
                assert.deepEqual(clusterNodeCountProblems(5000, "cluster.nodePools", tier), [], tier);
                assert.deepEqual(clusterNodeCountProblems(5001, "cluster.nodePools", tier), [
                    { path: "cluster.nodePools", message: `5,001 nodes: AKS allows at most 5,000 in a cluster on the ${tier} tier` },
                ], tier);
            }
        });
    });
});
