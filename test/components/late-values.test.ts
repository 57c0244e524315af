import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ClusterIdentity, KubenetCluster, KubenetNetwork } from "../../components";
import { MockEngine } from "../../infra/synth/engine";
import { deploymentError } from "./deployment";
import { basePools } from "./fixtures";

/*
 * Ranges and tags another stack hands over as outputs: what is known at construction is checked
 * then, as always; what is known only at deployment is checked once known, with the same
 * message, before any child is created (every child takes the resource group's name, which
 * resolves only after the check).
 */

const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
const SUBNET = `${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-aks`;
const CLUSTER = "azure-native:containerservice:ManagedCluster";

/** A value another stack hands over: known only once the deployment reads it. */
const later = <T>(value: T): pulumi.Output<T> => pulumi.output(new Promise<T>((resolve) => setTimeout(() => resolve(value), 5))) as pulumi.Output<T>;

function cluster(overrides: Record<string, unknown>) {
    return new KubenetCluster("k", { resourceGroupName: "rg-aks", name: "aks-test", subnetId: SUBNET, identityId: "i", nodePools: basePools, ...overrides });
}

describe("components: values known only at deployment", () => {
    let engine: MockEngine;
    beforeEach(async () => {
        engine = await MockEngine.install();
    });

    it("takes another stack's network ranges and checks the cluster's against them once known", async () => {
        cluster({ networkAddressing: later({ vnetCidr: "192.168.0.0/16", subnetCidr: "192.168.1.0/24" }) });
        assert.equal(await deploymentError(engine), undefined);
        assert.equal(engine.byType(CLUSTER).length, 1);
        assert.equal(engine.one(CLUSTER).inputs.resourceGroupName, "rg-aks");
    });

    it("fails before any child with the message a known range gets", async () => {
        const known = "podCidr: 192.168.0.0/16 overlaps networkAddressing.vnetCidr 192.168.0.0/16; pods take addresses outside the vnet";
        assert.throws(() => cluster({ podCidr: "192.168.0.0/16", networkAddressing: { vnetCidr: "192.168.0.0/16", subnetCidr: "192.168.1.0/24" } }), (e: Error) => e.message.includes(known));
        const lateEngine = await MockEngine.install();
        cluster({ podCidr: "192.168.0.0/16", networkAddressing: later({ vnetCidr: "192.168.0.0/16", subnetCidr: "192.168.1.0/24" }) });
        const error = await deploymentError(lateEngine);
        assert.ok(error?.includes(known), error);
        assert.equal(lateEngine.byType(CLUSTER).length, 0, "the cluster is never sent");
    });

    it("checks a late value inside a known object too, and late lists and tags", async () => {
        cluster({ networkAddressing: { vnetCidr: later("192.168.0.0/16"), subnetCidr: "192.168.1.0/24" }, serviceCidr: later("192.168.128.0/17"), dnsServiceIP: later("192.168.128.10") });
        assert.match(await deploymentError(engine) ?? "", /serviceCidr: 192\.168\.128\.0\/17 overlaps networkAddressing\.vnetCidr 192\.168\.0\.0\/16/);
        const lists = await MockEngine.install();
        cluster({ apiServer: { authorizedIPRanges: later(["203.0.113.0/24", "not-a-range"]) }, tags: later({ "a/b": "x" }) });
        const error = await deploymentError(lists);
        assert.match(error ?? "", /apiServer\.authorizedIPRanges\[1\]: /);
        assert.match(error ?? "", /tags\."a\/b": /);
    });

    it("checks now what is known now, whatever is late", () => {
        assert.throws(() => cluster({ name: "aks_test!", networkAddressing: later({ vnetCidr: "192.168.0.0/16" }) }), /name: "aks_test!" is not a cluster name/);
    });

    it("sends the authorized ranges with the egress IPs added once both are known", async () => {
        cluster({ outboundType: "userDefinedRouting", networkAddressing: { vnetCidr: "192.168.0.0/16", subnetCidr: "192.168.1.0/24", routes: [{ addressPrefix: "0.0.0.0/0" }] }, apiServer: { authorizedIPRanges: later(["203.0.113.0/24"]) }, egressPublicIPs: later(["20.194.0.4"]) });
        assert.equal(await deploymentError(engine), undefined);
        assert.deepEqual((engine.one(CLUSTER).inputs.apiServerAccessProfile as { authorizedIPRanges: string[] }).authorizedIPRanges, ["203.0.113.0/24", "20.194.0.4/32"]);
    });

    it("the network and the identity check their late ranges and tags the same way", async () => {
        new KubenetNetwork("net", { resourceGroupName: "rg", vnetCidr: later("127.0.0.0/8"), subnetCidr: later("127.0.1.0/24") });
        assert.match(await deploymentError(engine) ?? "", /vnetCidr: 127\.0\.0\.0\/8 overlaps 127\.0\.0\.0\/8 \(loopback\)/);
        assert.equal(engine.byType("azure-native:network:VirtualNetwork").length, 0);
        const identity = await MockEngine.install();
        new ClusterIdentity("id", { resourceGroupName: "rg", vnetId: "v", subnetId: "s", tags: later({ "a<b": "x" }) });
        assert.match(await deploymentError(identity) ?? "", /tags\."a<b": /);
        assert.equal(identity.byType("azure-native:managedidentity:UserAssignedIdentity").length, 0);
    });

    it("takes names and ids known only at deployment, and checks them once known", async () => {
        const KEY = "https://kv-aks.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef";
        cluster({ name: later("aks-late"), nodeResourceGroup: later("rg-aks-nodes"), kms: { keyId: later(KEY) } });
        assert.equal(await deploymentError(engine), undefined);
        assert.equal(engine.one(CLUSTER).inputs.resourceName, "aks-late");
        assert.equal(engine.one(CLUSTER).inputs.dnsPrefix, "aks-late", "the DNS prefix is the name, once known");
        const bad = await MockEngine.install();
        cluster({ name: later("aks_late"), kms: { keyId: later("https://kv-aks.vault.azure.net/keys/etcd") } });
        const error = await deploymentError(bad) ?? "";
        assert.match(error, /name: "aks_late" can't be the DNS prefix/);
        assert.match(error, /kms\.keyId: "https:\/\/kv-aks\.vault\.azure\.net\/keys\/etcd" is not a Key Vault key id with its version/);
        assert.equal(bad.byType(CLUSTER).length, 0);
    });

    it("derives the vnet from a subnet id known only at deployment, and checks the id once known", async () => {
        const network = new KubenetNetwork("net", { resourceGroupName: "rg", vnetCidr: "192.168.0.0/16", subnetCidr: "192.168.1.0/24", existingSubnetId: later(SUBNET) });
        const vnet = await new Promise((resolve) => network.vnetId.apply(resolve));
        assert.equal(vnet, `${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub`);
        assert.equal(await deploymentError(engine), undefined);
        const bad = await MockEngine.install();
        new KubenetNetwork("net", { resourceGroupName: "rg", vnetCidr: "192.168.0.0/16", subnetCidr: "192.168.1.0/24", existingSubnetId: later("snet-aks"), vnetName: later("vnet-") });
        const error = await deploymentError(bad) ?? "";
        assert.match(error, /existingSubnetId: "snet-aks" is not/);
        assert.match(error, /vnetName: "vnet-" is not a vnet name/);
    });

    it("hands a network's ranges, as it was given them, to a cluster", async () => {
        const network = new KubenetNetwork("net", { resourceGroupName: "rg", vnetCidr: later("192.168.0.0/16"), subnetCidr: "192.168.1.0/24" });
        cluster({ networkAddressing: network.addressing, podCidr: "192.168.128.0/17" });
        assert.match(await deploymentError(engine) ?? "", /podCidr: 192\.168\.128\.0\/17 overlaps networkAddressing\.vnetCidr 192\.168\.0\.0\/16/);
    });
});
