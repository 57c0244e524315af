import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { clusterArgsPath } from "../../components/cluster";
import { privateDnsZoneProblems, privateDnsZoneWarnings } from "../../components/cluster/api-server/live-checks";
import { replacementProblems } from "../../components/cluster/replacement";
import { busyProblems, lastOperationWarnings } from "../../components/cluster/upgrades/busy";
import { LiveCluster } from "../../components/cluster/upgrades/live";
import { liveClusterProblems } from "../../components/cluster/upgrades/live-checks";
import { formatProblem } from "../../components/address";
import { KubenetClusterArgs } from "../../components";
import { declareAgainst, runningClusterOf } from "./running-cluster";

/*
 * What the running cluster decides at preview, beyond its pools and version (live-cluster.test.ts):
 * whether AKS is still busy with another operation, whether a change would make azure-native
 * replace the cluster (which protect alone no longer stops: pulumi up --ignore-protect, 3.256.0),
 * the private DNS zone's one in-place move, and a Spot pool in an upgrade.
 */

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const running: LiveCluster = {
    kubernetesVersion: "1.36",
    currentKubernetesVersion: "1.36.4",
    provisioningState: "Succeeded",
    powerState: "Running",
    agentPoolProfiles: [{ name: "system", vmSize: "Standard_DS2_v2", osType: "Linux", maxPods: 110, provisioningState: "Succeeded", currentOrchestratorVersion: "1.36.4" }],
    // As AKS reports a kubenet cluster: no network policy, the load balancer's outbound type.
    networkProfile: { networkPlugin: "kubenet", networkPolicy: "none", podCidr: "10.244.0.0/16", serviceCidr: "10.0.0.0/16", dnsServiceIP: "10.0.0.10", outboundType: "loadBalancer" },
    dnsPrefix: "aks-test",
    nodeResourceGroup: "MC_rg-aks_aks-test_koreacentral",
};
const declared = (network: Record<string, string | undefined> = {}, rest: Record<string, string> = {}) => ({
    network: { networkPlugin: "kubenet", podCidr: "10.244.0.0/16", serviceCidr: "10.0.0.0/16", dnsServiceIP: "10.0.0.10", outboundType: "loadBalancer", ...network },
    dnsPrefix: "aks-test",
    ...rest,
});
const lines = (problems: { path: string; message: string }[]) => problems.map(formatProblem);

describe("components/cluster: the running cluster's guards", () => {
    it("refuses a change azure-native replaces the cluster for, unless it equals what AKS reports", () => {
        assert.deepEqual(replacementProblems(declared(), running, clusterArgsPath, false), [], "the same cluster");
        assert.deepEqual(lines(replacementProblems(declared({ podCidr: "10.245.0.0/16" }), running, clusterArgsPath, false)), [
            "podCidr: 10.245.0.0/16 differs from the running cluster's 10.244.0.0/16: azure-native replaces the cluster for it (a new cluster is created and the running one deleted, with every workload on it), since AKS fixes the service CIDR and DNS service IP at creation, and changes the pod CIDR only while moving to Overlay; keep 10.244.0.0/16, or set allowReplacement: true to rebuild the cluster",
        ]);
        assert.deepEqual(lines(replacementProblems(declared({ serviceCidr: "10.1.0.0/16" }), running, clusterArgsPath, false)).map((l) => l.split(": ")[0]), ["serviceCidr"]);
        // Changes AKS makes in place: a policy engine installed (use-network-policies.md), the
        // outbound type along the table for your own vnet (egress-outboundtype.md).
        assert.deepEqual(replacementProblems(declared({ networkPolicy: "calico" }), running, clusterArgsPath, false), []);
        assert.deepEqual(replacementProblems(declared({ outboundType: "userDefinedRouting" }), running, clusterArgsPath, false), []);
        // A policy engine AKS doesn't switch to directly, and two changes at once, still rebuild.
        assert.deepEqual(lines(replacementProblems(declared({ networkPolicy: "azure" }), { ...running, networkProfile: { ...running.networkProfile, networkPolicy: "calico" } }, clusterArgsPath, false)).map((l) => l.split(": ")[0]), ["networkPolicy"]);
        assert.deepEqual(lines(replacementProblems(declared({ networkPolicy: "calico", outboundType: "userDefinedRouting" }), running, clusterArgsPath, false)).map((l) => l.split(": ")[0]), ["outboundType"]);
        // azure-native compares a force-new property with what Azure reports: the name AKS chose is no change.
        assert.deepEqual(replacementProblems(declared({}, { nodeResourceGroup: "mc_rg-aks_aks-test_koreacentral" }), running, clusterArgsPath, false), []);
        assert.deepEqual(lines(replacementProblems(declared({}, { nodeResourceGroup: "rg-nodes" }), running, clusterArgsPath, false)).map((l) => l.split(": ")[0]), ["nodeResourceGroup"]);
        assert.deepEqual(lines(replacementProblems(declared({}, { dnsPrefix: "other" }), running, clusterArgsPath, false)).map((l) => l.split(": ")[0]), ["dnsPrefix"]);
        // The move off kubenet is made in place, once the stack file says so.
        const overlay = declared({ networkPlugin: "azure", networkPluginMode: "overlay", networkPolicy: "none" });
        assert.deepEqual(replacementProblems(overlay, running, clusterArgsPath, true), []);
        assert.deepEqual(lines(replacementProblems(overlay, running, clusterArgsPath, false)), [
            "migrateFromKubenet: must be true to move the running kubenet cluster to Azure CNI Overlay: the move reimages every node pool at once and can't be undone (docs/migrate-to-overlay.md)",
        ]);
        assert.deepEqual(replacementProblems({ ...overlay, network: { ...overlay.network, podCidr: "100.64.0.0/14" } }, running, clusterArgsPath, true), [], "a larger pod CIDR with the move");
        assert.deepEqual(lines(replacementProblems({ ...overlay, network: { ...overlay.network, outboundType: "userDefinedRouting" } }, running, clusterArgsPath, true)).map((l) => l.split(": ")[0]), ["outboundType"], "one operation at a time");
        assert.deepEqual(lines(replacementProblems(declared(), { ...running, networkProfile: { ...running.networkProfile, networkPlugin: "azure", networkPluginMode: "overlay" } }, clusterArgsPath, false)).map((l) => l.split(": ")[0]), ["networkPlugin", "networkPluginMode"], "never back to kubenet");
    });

    it("lets a private cluster's DNS zone move to none in place, saying the nodes get a new image, and refuses any other move", () => {
        // Microsoft: "You can only update from byo or system to none" (private-clusters.md).
        const privateCluster: LiveCluster = { ...running, enablePrivateCluster: true, privateDNSZone: "system" };
        assert.deepEqual(privateDnsZoneProblems("none", privateCluster, clusterArgsPath), []);
        assert.equal(privateDnsZoneWarnings("none", privateCluster, clusterArgsPath).length, 1);
        assert.deepEqual(privateDnsZoneProblems(undefined, privateCluster, clusterArgsPath), [], "unset is system");
        const zone = "/subscriptions/0/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.koreacentral.azmk8s.io";
        assert.deepEqual(lines(privateDnsZoneProblems(zone, privateCluster, clusterArgsPath)), [
            `apiServer.privateDNSZone: ${zone} differs from the running cluster's system: AKS changes a private cluster's DNS zone in place only from system or a zone of yours to none; keep system, or set allowReplacement: true to rebuild the cluster`,
        ]);
        assert.deepEqual(privateDnsZoneProblems("none", { ...privateCluster, privateDNSZone: zone }, clusterArgsPath), [], "a zone of yours to none");
        assert.deepEqual(privateDnsZoneProblems(zone, running, clusterArgsPath), [], "a public cluster has no zone to move");
    });

    it("says when AKS is still working on the cluster or one of its pools, or the cluster is stopped", () => {
        assert.deepEqual(busyProblems(running, clusterArgsPath), []);
        const upgrading = lines(busyProblems({ ...running, provisioningState: "Upgrading" }, clusterArgsPath));
        assert.deepEqual(upgrading, ["name: AKS is still working on the running cluster (the cluster is Upgrading), and refuses any change until it is done (OperationNotAllowed): wait for it (az aks show --query provisioningState), or stop it with az aks operation-abort, then run again (docs/operations.md, section 11)"]);
        assert.match(lines(busyProblems({ ...running, agentPoolProfiles: [{ ...running.agentPoolProfiles[0], provisioningState: "Scaling" }] }, clusterArgsPath))[0], /\(pool system is Scaling\)/);
        assert.match(lines(busyProblems({ ...running, powerState: "Stopped" }, clusterArgsPath))[0], /the cluster is stopped \(az aks start first\)/);
        for (const settled of ["Succeeded", "Failed", "Canceled"]) assert.deepEqual(busyProblems({ ...running, provisioningState: settled }, clusterArgsPath), [], settled);
        assert.equal(lastOperationWarnings({ ...running, provisioningState: "Failed" }, clusterArgsPath).length, 1);
    });

    it("refuses an upgrade while a Spot pool is declared: AKS won't upgrade it with the control plane", () => {
        const args: KubenetClusterArgs = {
            resourceGroupName: "rg-aks", name: "aks-test", subnetId: "s", identityId: "i", kubernetesVersion: "1.37",
            nodePools: [{ name: "system", mode: "System", vmSize: "Standard_DS2_v2" }, { name: "cheap", mode: "User", count: 1, spot: {} }],
        };
        const live = { ...running, agentPoolProfiles: [...running.agentPoolProfiles, { name: "cheapx", currentOrchestratorVersion: "1.36.4" }] };
        assert.deepEqual(lines(liveClusterProblems(args, live, new Date("2026-12-06T00:00:00Z"), clusterArgsPath)), [
            "kubernetesVersion: the upgrade to 1.37 upgrades the control plane and every pool at once, which AKS refuses with a Spot pool (nodePools[1], cheap): remove the Spot pool, pulumi up the upgrade, then add it back",
        ]);
    });

    describe("end to end", () => {
        const cluster: Partial<KubenetClusterArgs> = { kubernetesVersion: "1.36", podCidr: "10.244.0.0/16", serviceCidr: "10.0.0.0/16", dnsServiceIP: "10.0.0.10" };
        const warned: string[] = [];
        const saved = pulumi.log.warn;
        beforeEach(() => {
            warned.length = 0;
            pulumi.log.warn = async (message: string) => { warned.push(message); };
        });
        afterEach(() => { pulumi.log.warn = saved; });

        /** The cluster as AKS reports it once the fixture's stack is deployed. */
        const deployed = async () => runningClusterOf((await declareAgainst(undefined, cluster)).engine);

        it("stops pulumi up before the cluster is sent while AKS is busy, and only warns in a preview", async () => {
            const busy = { ...await deployed(), provisioningState: "Upgrading" };
            const up = await declareAgainst(busy, cluster);
            assert.match(String(up.error?.message), /name: AKS is still working on the running cluster \(the cluster is Upgrading\)/);
            assert.equal(up.engine.byType(CLUSTER).length, 0, "the cluster is never sent");
            const preview = await declareAgainst(busy, cluster, { preview: true });
            assert.equal(preview.error, undefined);
            assert.equal(preview.engine.byType(CLUSTER).length, 1);
            assert.ok(warned.some((w) => w.startsWith("warning: name: AKS is still working on the running cluster")), warned.join("\n"));
        });

        it("stops a replacement of the running cluster before anything is sent, unless allowReplacement", async () => {
            const live = await deployed();
            const moved = await declareAgainst(live, { ...cluster, podCidr: "10.245.0.0/16" });
            assert.match(String(moved.error?.message), /podCidr: 10\.245\.0\.0\/16 differs from the running cluster's 10\.244\.0\.0\/16/);
            assert.equal(moved.engine.byType(CLUSTER).length, 0);
            const allowed = await declareAgainst(live, { ...cluster, podCidr: "10.245.0.0/16", allowReplacement: true });
            assert.equal(allowed.error, undefined, "the stack file allows it: the engine replaces the cluster");
        });
    });
});
