import { strict as assert } from "node:assert";
import { ClusterIdentity, NETWORK_CONTRIBUTOR_ROLE_ID } from "../../components";
import { roleAssignmentName } from "../../components/common/role-assignment";
import { MockEngine } from "../../infra/synth/engine";
import { buildStack } from "./fixtures";

const ROLE = "azure-native:authorization:RoleAssignment";
const IDENTITY = "azure-native:managedidentity:UserAssignedIdentity";
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
const VNET_ID = `${SUB}/resourceGroups/rg-aks/providers/Microsoft.Network/virtualNetworks/vnet-aks`;
const TABLE_ID = `${SUB}/resourceGroups/rg-aks/providers/Microsoft.Network/routeTables/rt-aks`;

describe("components/identity: ClusterIdentity", () => {
    let engine: MockEngine;
    beforeEach(async () => {
        engine = await MockEngine.install();
    });

    it("creates a user-assigned identity", async () => {
        buildStack();
        await engine.settle();
        const identity = engine.one(IDENTITY);
        assert.equal(identity.inputs.resourceGroupName, "rg-aks");
        assert.deepEqual(identity.inputs.tags, { env: "test" });
    });

    it("grants Network Contributor on the vnet and on the route table, as a ServicePrincipal", async () => {
        buildStack();
        await engine.settle();
        const roles = engine.byType(ROLE);
        assert.deepEqual(roles.map((r) => r.inputs.scope).sort(), [TABLE_ID, VNET_ID].sort());
        const principal = (await engine.one(IDENTITY)).urn;
        for (const role of roles) {
            assert.equal(role.inputs.roleDefinitionId, `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${NETWORK_CONTRIBUTOR_ROLE_ID}`);
            assert.equal(NETWORK_CONTRIBUTOR_ROLE_ID, "4d97b98b-1d4f-4787-a291-c67834d212e7");
            assert.equal(role.inputs.principalType, "ServicePrincipal");
            assert.match(String(role.inputs.principalId), /^[0-9a-f-]{36}$/);
            assert.ok(role.dependencies.includes(principal), "waits for the identity");
        }
    });

    it("builds the role definition id from the subscription the provider reports", async () => {
        buildStack();
        await engine.settle();
        assert.ok(engine.invokes.some((i) => i.token === "azure-native:authorization:getClientConfig"));
    });

    it("grants the subnet instead of the vnet for least privilege", async () => {
        buildStack({ identity: { roleScope: "subnet" } });
        await engine.settle();
        const scopes = engine.byType(ROLE).map((r) => r.inputs.scope).sort();
        assert.deepEqual(scopes, [TABLE_ID, `${VNET_ID}/subnets/snet-aks`].sort());
    });

    it("grants no route-table role when AKS creates its own table", async () => {
        const existing = "/subscriptions/s1/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/hub/subnets/aks";
        buildStack({ network: { existingSubnetId: existing, routes: [] } });
        await engine.settle();
        assert.deepEqual(engine.byType(ROLE).map((r) => r.inputs.scope), ["/subscriptions/s1/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/hub"]);
    });

    it("names each grant from its scope, principal and role, the same on every run", async () => {
        buildStack();
        await engine.settle();
        const first = engine.byType(ROLE).map((r) => [r.name, r.inputs.roleAssignmentName] as const).sort();
        engine = await MockEngine.install();
        buildStack();
        await engine.settle();
        const second = engine.byType(ROLE).map((r) => [r.name, r.inputs.roleAssignmentName] as const).sort();
        assert.deepEqual(second, first, "a stack rebuilt after lost state addresses the same assignments");
        for (const role of engine.byType(ROLE)) {
            const { scope, principalId, roleDefinitionId, roleAssignmentName: name } = role.inputs as Record<string, string>;
            assert.equal(name, roleAssignmentName(scope, principalId, roleDefinitionId));
        }
        assert.notEqual(first[0][1], first[1][1]);
    });

    it("replaces a grant by deleting it first, and retries while the new principal replicates", async () => {
        buildStack();
        await engine.settle();
        for (const role of engine.byType(ROLE)) {
            assert.equal(role.deleteBeforeReplace, true, "Azure holds one assignment per scope, principal and role");
            assert.deepEqual(role.onErrorHooks, ["id-principal-retry"]);
        }
        assert.ok(engine.hooks.includes("id-principal-retry"), "registered with the engine");
    });

    it("protects the identity when asked", async () => {
        buildStack({ identity: { protect: true } });
        await engine.settle();
        assert.equal(engine.one(IDENTITY).protect, true);
    });

    it("rejects an unknown role scope before creating anything", async () => {
        assert.throws(
            () => new ClusterIdentity("bad", { resourceGroupName: "rg", vnetId: "v", subnetId: "s", roleScope: "resourceGroup" as never }),
            /roleScope: "resourceGroup" is not one of vnet, subnet/,
        );
        await engine.settle();
        assert.equal(engine.resources.filter((r) => r.custom).length, 0);
    });
});
