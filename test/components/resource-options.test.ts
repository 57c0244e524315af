import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { Provider } from "@pulumi/azure-native/provider";
import { MockEngine, RecordedResource } from "../../infra/synth/engine";
import { ClusterIdentity, KubenetCluster, KubenetNetwork, NamespaceBootstrap } from "../../components";
import { basePools, guideNetwork } from "./fixtures";

/** Every custom resource under the component named `name`, directly or through another child. */
function descendantsOf(engine: MockEngine, name: string): RecordedResource[] {
    const root = engine.resources.find((r) => !r.custom && r.name === name);
    assert.ok(root, `component ${name} registered`);
    const under = new Set([root.urn]);
    let grew = true;
    while (grew) {
        grew = false;
        for (const r of engine.resources) {
            if (r.parent && under.has(r.parent) && !under.has(r.urn)) {
                under.add(r.urn);
                grew = true;
            }
        }
    }
    return engine.resources.filter((r) => r.custom && under.has(r.urn) && r.urn !== root.urn);
}

function stack(opts: pulumi.ComponentResourceOptions) {
    const network = new KubenetNetwork("net", guideNetwork, opts);
    const identity = new ClusterIdentity("id", {
        resourceGroupName: "rg-aks", vnetId: network.vnetId, subnetId: network.subnetId, routeTableId: network.routeTableId,
    }, opts);
    new KubenetCluster("k", {
        resourceGroupName: "rg-aks", name: "aks-test", subnetId: network.subnetId, identityId: identity.identityId,
        networkAddressing: network.addressing, nodePools: basePools, allowReplacement: true,
    }, opts);
}

describe("components: the standard resource options reach their children", () => {
    let engine: MockEngine;
    beforeEach(async () => {
        engine = await MockEngine.install();
    });

    it("protect on a component protects every child, except the pools, which rotate", async () => {
        stack({ protect: true });
        await engine.settle();
        for (const component of ["net", "id", "k"]) {
            for (const child of descendantsOf(engine, component)) {
                const rotates = child.type === "azure-native:containerservice:AgentPool";
                assert.equal(child.protect, !rotates, `${component}: ${child.type} ${child.name}`);
            }
        }
    });

    it("leaves children unprotected when nothing asks for protection", async () => {
        stack({});
        await engine.settle();
        for (const component of ["net", "id", "k"]) {
            for (const child of descendantsOf(engine, component)) assert.equal(child.protect, false, `${child.type} ${child.name}`);
        }
    });

    it("passes retainOnDelete on to every child", async () => {
        stack({ retainOnDelete: true });
        new NamespaceBootstrap("ns", { namespaces: [{ name: "team-a", quota: { pods: 5 } }] }, { retainOnDelete: true });
        await engine.settle();
        for (const component of ["net", "id", "k", "ns"]) {
            const children = descendantsOf(engine, component);
            assert.ok(children.length > 0);
            for (const child of children) assert.equal(child.retainOnDelete, true, `${child.type} ${child.name}`);
        }
    });

    it("sends the children of a component given a provider to that provider", async () => {
        const provider = new Provider("westeurope", { location: "westeurope" });
        new KubenetNetwork("net", guideNetwork, { providers: [provider] });
        await engine.settle();
        const providerUrn = await new Promise<string>((resolve) => provider.urn.apply(resolve));
        for (const child of descendantsOf(engine, "net")) assert.match(child.provider ?? "", new RegExp(`^${providerUrn.replace(/[$]/g, "\\$")}::`), child.name);
    });
});

describe("components under Pulumi's own mocks, as a consumer's unit test runs them", () => {
    it("declare the network, identity, cluster and namespaces with nothing but pulumi.runtime.setMocks", async () => {
        const registered: string[] = [];
        await pulumi.runtime.setMocks({
            newResource: (args) => {
                registered.push(args.type);
                return { id: `${args.name}-id`, state: args.inputs };
            },
            call: (args) => (args.token === "azure-native:authorization:getClientConfig" ? { subscriptionId: "s", tenantId: "t" } : {}),
        }, "consumer", "test", false);
        const network = new KubenetNetwork("net", guideNetwork);
        const identity = new ClusterIdentity("id", { resourceGroupName: "rg-aks", vnetId: network.vnetId, subnetId: network.subnetId, routeTableId: network.routeTableId });
        const cluster = new KubenetCluster("k", {
            resourceGroupName: "rg-aks", name: "aks-test", subnetId: network.subnetId, identityId: identity.identityId,
            networkAddressing: network.addressing, nodePools: basePools,
        });
        const bootstrap = new NamespaceBootstrap("ns", { namespaces: [{ name: "team-a" }] });
        const idOf = (resource: pulumi.CustomResource) => new Promise((resolve) => resource.id.apply(resolve));
        assert.equal(await idOf(cluster.cluster), "k-aks-id");
        assert.equal(await idOf(cluster.agentPools.apps), "k-pool-apps-id");
        assert.equal(await idOf(bootstrap.namespaces["team-a"]), "ns-team-a-id");
        for (const type of ["azure-native:network:Subnet", "azure-native:authorization:RoleAssignment", "azure-native:containerservice:ManagedCluster", "azure-native:containerservice:AgentPool", "kubernetes:core/v1:Namespace"]) {
            assert.ok(registered.includes(type), `${type} registered`);
        }
    });
});
