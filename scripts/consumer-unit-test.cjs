// A consumer's unit test, as another team writes one for a program that uses the components:
// Pulumi's own mocks, the package by name, a standard resource option. Run by
// scripts/check-git-install.sh in a project that installed the package from git.
"use strict";
const assert = require("node:assert/strict");
const pulumi = require("@pulumi/pulumi");

const registered = [];
pulumi.runtime.setMocks({
    newResource: (args) => {
        registered.push(args);
        return { id: `${args.name}-id`, state: args.inputs };
    },
    call: (args) => (args.token === "azure-native:authorization:getClientConfig" ? { subscriptionId: "sub", tenantId: "tenant" } : {}),
}, "consumer", "test", false);

const { KubenetNetwork, ClusterIdentity, KubenetCluster, NamespaceBootstrap } = require("aks-kubenet");
const idOf = (resource) => new Promise((resolve) => resource.id.apply(resolve));

(async () => {
    const network = new KubenetNetwork("net", { resourceGroupName: "rg", vnetCidr: "172.16.0.0/16", subnetCidr: "172.16.1.0/24" }, { protect: true });
    const identity = new ClusterIdentity("id", { resourceGroupName: "rg", vnetId: network.vnetId, subnetId: network.subnetId, routeTableId: network.routeTableId });
    const cluster = new KubenetCluster("k", {
        resourceGroupName: "rg", name: "aks", subnetId: network.subnetId, identityId: identity.identityId, networkAddressing: network.addressing,
        nodePools: [{ name: "system", mode: "System", count: 2 }, { name: "apps", mode: "User", enableAutoScaling: true, minCount: 1, maxCount: 3 }],
    });
    const bootstrap = new NamespaceBootstrap("ns", { namespaces: [{ name: "team-a" }] });
    assert.equal(await idOf(cluster.cluster), "k-aks-id");
    assert.equal(await idOf(cluster.agentPools.apps), "k-pool-apps-id");
    assert.equal(await idOf(bootstrap.namespaces["team-a"]), "ns-team-a-id");
    // Mocks are not given resource options; the SDK keeps what a resource was given in __protect.
    assert.ok(network.subnet.__protect && network.routeTable.__protect, "protect given to the component reaches its children");
    const types = new Set(registered.map((r) => r.type));
    for (const type of ["azure-native:network:Subnet", "azure-native:authorization:RoleAssignment", "azure-native:containerservice:ManagedCluster", "kubernetes:core/v1:Namespace"]) {
        assert.ok(types.has(type), `${type} registered`);
    }
    // Wrong values as Python or YAML send them: every problem at once, named by argument, one
    // error without a stack trace, and no child declared before it.
    const declaredBefore = registered.length;
    assert.throws(() => new KubenetCluster("bad", {
        resourceGroupName: "rg", name: "aks", subnetId: network.subnetId, identityId: identity.identityId,
        kubeloginMode: "bogus", skuTier: "Gold",
        nodePools: [{ name: "system", mode: "Systm", count: "2" }, null],
    }), (error) => {
        assert.ok(pulumi.ResourceError.isInstance(error) && error.hideStack, "a ResourceError that hides its stack");
        for (const key of ["kubeloginMode", "skuTier", "nodePools[0].mode", "nodePools[0].count", "nodePools[1]"]) {
            assert.ok(error.message.split("\n").some((line) => line.startsWith(`${key}: `)), `names ${key}: ${error.message}`);
        }
        return true;
    });
    const children = registered.slice(declaredBefore).filter((r) => r.type !== "aks-kubenet:index:KubenetCluster");
    assert.deepEqual(children.map((r) => r.name), [], "nothing declared for arguments that were refused");
    console.log(`consumer unit test with pulumi.runtime.setMocks: ${declaredBefore} resources declared; wrong arguments refused by name`);
})().catch((error) => {
    console.error(error);
    process.exit(1);
});
