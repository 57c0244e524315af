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
    console.log(`consumer unit test with pulumi.runtime.setMocks: ${registered.length} resources declared`);
})().catch((error) => {
    console.error(error);
    process.exit(1);
});
