import { strict as assert } from "node:assert";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { networkChange, networkStateMigration } from "../../components/cluster/network-profile/in-place";
import { networkProfileOf } from "../../components/cluster/network-profile/profile";

/*
 * The network changes AKS makes in place, from Microsoft's procedures: kubenet to Azure CNI
 * Overlay, optionally with a new pod CIDR, with no network policy (update-azure-cni.md); a policy
 * engine installed or removed (use-network-policies.md); Overlay's data plane to Cilium with
 * Cilium's policy (update-azure-cni.md); the outbound type along the BYO-vnet table
 * (egress-outboundtype.md). And the state migration that lets azure-native update instead of
 * replace, on states in the checkpoint format the engine hands it (apitype.ResourceV3).
 */

const kubenet = { networkPlugin: "kubenet", podCidr: "10.244.0.0/16", serviceCidr: "10.0.0.0/16", dnsServiceIP: "10.0.0.10", outboundType: "loadBalancer" };
const overlay = { ...kubenet, networkPlugin: "azure", networkPluginMode: "overlay" };

describe("components/cluster: network changes AKS makes in place", () => {
    it("moves kubenet to Azure CNI Overlay, with a larger pod CIDR or the same", () => {
        assert.deepEqual(networkChange(kubenet, overlay), { verdict: "inPlace", change: { kind: "overlayMigration", podCidrChanged: false } });
        assert.deepEqual(networkChange(kubenet, { ...overlay, podCidr: "100.64.0.0/14" }), { verdict: "inPlace", change: { kind: "overlayMigration", podCidrChanged: true } });
        assert.deepEqual(networkChange(kubenet, { ...kubenet }), { verdict: "unchanged" });
    });

    it("needs network policy off for the move, and takes no other change with it", () => {
        const withCalico = networkChange({ ...kubenet, networkPolicy: "calico" }, overlay);
        assert.equal(withCalico.verdict, "notInPlace");
        assert.deepEqual(withCalico.verdict === "notInPlace" && withCalico.keys, ["networkPolicy"]);
        const andEgress = networkChange(kubenet, { ...overlay, outboundType: "userDefinedRouting" });
        assert.deepEqual(andEgress.verdict === "notInPlace" && andEgress.keys, ["outboundType"]);
        const andServices = networkChange(kubenet, { ...overlay, serviceCidr: "10.1.0.0/16" });
        assert.deepEqual(andServices.verdict === "notInPlace" && andServices.keys, ["serviceCidr"]);
    });

    it("never goes back to kubenet, and never changes the service range", () => {
        assert.equal(networkChange(overlay, kubenet).verdict, "notInPlace");
        assert.equal(networkChange(kubenet, { ...kubenet, dnsServiceIP: "10.0.0.11" }).verdict, "notInPlace");
        assert.equal(networkChange(kubenet, { ...kubenet, podCidr: "10.245.0.0/16" }).verdict, "notInPlace", "the pod CIDR moves only with the move to Overlay");
    });

    it("installs or removes a policy engine, but doesn't switch one for another", () => {
        assert.deepEqual(networkChange(overlay, { ...overlay, networkPolicy: "azure" }), { verdict: "inPlace", change: { kind: "networkPolicy", from: "none", to: "azure" } });
        assert.deepEqual(networkChange({ ...kubenet, networkPolicy: "calico" }, { ...kubenet, networkPolicy: "none" }), { verdict: "inPlace", change: { kind: "networkPolicy", from: "calico", to: "none" } });
        assert.equal(networkChange({ ...overlay, networkPolicy: "calico" }, { ...overlay, networkPolicy: "azure" }).verdict, "notInPlace");
    });

    it("moves Overlay's data plane to Cilium only with Cilium's policy, and never from kubenet or back", () => {
        assert.deepEqual(networkChange(overlay, { ...overlay, networkDataplane: "cilium", networkPolicy: "cilium" }), { verdict: "inPlace", change: { kind: "ciliumDataplane" } });
        assert.equal(networkChange(overlay, { ...overlay, networkDataplane: "cilium" }).verdict, "notInPlace", "without Cilium's policy");
        assert.equal(networkChange(kubenet, { ...overlay, networkDataplane: "cilium", networkPolicy: "cilium" }).verdict, "notInPlace", "kubenet moves to Overlay first");
        assert.equal(networkChange({ ...overlay, networkDataplane: "cilium", networkPolicy: "cilium" }, overlay).verdict, "notInPlace");
    });

    it("moves the outbound type along Microsoft's table for your own vnet", () => {
        assert.deepEqual(networkChange(kubenet, { ...kubenet, outboundType: "userDefinedRouting" }), { verdict: "inPlace", change: { kind: "outboundType", from: "loadbalancer", to: "userdefinedrouting" } });
        assert.deepEqual(networkChange({ ...kubenet, outboundType: "userDefinedRouting" }, kubenet), { verdict: "inPlace", change: { kind: "outboundType", from: "userdefinedrouting", to: "loadbalancer" } });
        assert.equal(networkChange(kubenet, { ...kubenet, outboundType: "managedNATGateway" }).verdict, "notInPlace", "managed NAT gateway: not for your own vnet");
        assert.equal(networkChange(kubenet, { ...kubenet, outboundType: "block" }).verdict, "notInPlace", "Not Supported from loadBalancer in your own vnet");
    });
});

describe("components/cluster: the state migration that makes the change an update", () => {
    const componentUrn = "urn:pulumi:prod::aks-kubenet::aks-kubenet:index:KubenetCluster::cluster";
    const clusterUrn = "urn:pulumi:prod::aks-kubenet::aks-kubenet:index:KubenetCluster$azure-native:containerservice:ManagedCluster::cluster-aks";
    const stateWith = (networkProfile: Record<string, unknown> | undefined) => [
        { urn: componentUrn, type: "aks-kubenet:index:KubenetCluster", custom: false },
        {
            urn: clusterUrn, type: "azure-native:containerservice:ManagedCluster", custom: true, id: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks",
            protect: true, parent: componentUrn,
            inputs: { resourceName: "aks", resourceGroupName: "rg", ...(networkProfile ? { networkProfile } : {}) },
            outputs: { name: "aks", networkProfile: { ...networkProfile } },
        },
    ];
    const migrate = async (declared: Record<string, string | undefined>, recorded: Record<string, unknown> | undefined) =>
        networkStateMigration(declared)({ urn: componentUrn, oldState: stateWith(recorded) });

    it("takes the recorded network profile out of the cluster's inputs for a change AKS makes in place, and nothing else", async () => {
        const result = await migrate(overlay, { ...kubenet, loadBalancerSku: "standard" });
        assert.ok(result, "a state to use");
        const [component, cluster] = result.newState;
        assert.deepEqual(component, stateWith(undefined)[0], "the component as it was");
        assert.deepEqual(cluster.inputs, { resourceName: "aks", resourceGroupName: "rg" });
        // Identity and lifecycle flags kept, as the engine requires; outputs untouched.
        assert.equal(cluster.id, stateWith(undefined)[1].id);
        assert.equal(cluster.protect, true);
        assert.deepEqual(cluster.outputs.networkProfile, { ...kubenet, loadBalancerSku: "standard" });
        assert.equal(result.successors, undefined, "no resource leaves the state");
    });

    it("leaves the state alone when nothing changes, when it changed already, and for a change only a new cluster takes", async () => {
        assert.equal(await migrate(kubenet, kubenet), undefined, "nothing to do");
        assert.equal(await migrate(overlay, overlay), undefined, "after the move: the next run does nothing");
        assert.equal(await migrate(overlay, undefined), undefined, "no recorded profile to take out");
        assert.equal(await migrate({ ...kubenet, serviceCidr: "10.1.0.0/16" }, kubenet), undefined, "azure-native replaces, and the guard refuses it");
    });

    it("takes a range known only at deployment as unchanged", async () => {
        const result = await migrate({ ...overlay, podCidr: undefined }, kubenet);
        assert.ok(result);
        assert.deepEqual(result.newState[1].inputs, { resourceName: "aks", resourceGroupName: "rg" });
    });

    it("never calls a secret or odd value in the recorded profile equal", async () => {
        const secretEnvelope = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", plaintext: "\"kubenet\"" };
        assert.equal(await migrate(kubenet, { ...kubenet, networkPlugin: secretEnvelope }), undefined, "a plugin it can't read is no known change");
    });
});

describe("components/cluster: the request each in-place change sends, against azure-native's REST model", () => {
    // azure-native 3.28.0 sends ManagedCluster at REST API 2025-09-01, its enumerations
    // generated from that version's model (re-exported by its containerservice module).
    it("names only values the model has, for every change AKS makes in place", () => {
        const enums = containerservice;
        const profile = networkProfileOf({ networkPlugin: "azure", networkPluginMode: "overlay", podCidr: "100.64.0.0/14", serviceCidr: "10.0.0.0/16", dnsServiceIP: "10.0.0.10", networkPolicy: "cilium", outboundType: "userDefinedRouting" });
        assert.ok(Object.values(enums.NetworkPlugin).includes(profile.networkPlugin as never));
        assert.ok(Object.values(enums.NetworkPluginMode).includes(profile.networkPluginMode as never));
        assert.ok(Object.values(enums.NetworkPolicy).includes(profile.networkPolicy as never));
        assert.ok(Object.values(enums.NetworkDataplane).includes(profile.networkDataplane as never));
        assert.ok(Object.values(enums.OutboundType).includes(profile.outboundType as never));
        for (const policy of ["azure", "calico"]) assert.ok(Object.values(enums.NetworkPolicy).includes(policy as never), policy);
    });
});
