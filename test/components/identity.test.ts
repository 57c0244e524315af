import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import * as azureNative from "@pulumi/azure-native/provider";
import { ClusterIdentity } from "../../components";
import { NETWORK_CONTRIBUTOR_ROLE_ID, validateIdentityArgs } from "../../components/rules";
import { formatProblem } from "../../components/address";
import { roleAssignmentName } from "../../components/common/role-assignment";
import { assignableScopesOf } from "../../components/identity/least-privilege";
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

    it("asks the component's own Azure provider for the subscription, so its grants name that subscription's roles", async () => {
        const provider = new azureNative.Provider("other-subscription", {});
        new ClusterIdentity("id", { resourceGroupName: "rg-aks", vnetId: VNET_ID, subnetId: `${VNET_ID}/subnets/snet-aks` }, { providers: [provider] });
        await engine.settle();
        const providerUrn = engine.one("pulumi:providers:azure-native").urn;
        const invoke = engine.invokes.find((i) => i.token === "azure-native:authorization:getClientConfig");
        assert.ok(invoke?.provider?.startsWith(`${providerUrn}::`), `invoked through ${invoke?.provider}`);
    });

    it("says what each grant is for, where Azure shows it", async () => {
        const zone = `${SUB}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.koreacentral.azmk8s.io`;
        const vault = `${SUB}/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-aks`;
        buildStack({ identity: { privateDNSZone: zone, kms: { keyVaultId: vault, networkAccess: "Private" } } });
        await engine.settle();
        const described = Object.fromEntries(engine.byType(ROLE).map((g) => [g.name, String(g.inputs.description)]));
        assert.deepEqual(Object.keys(described).sort(), [
            "id-key-vault-contributor", "id-key-vault-crypto-user", "id-network-contributor-route-table", "id-network-contributor-vnet", "id-private-dns-zone-contributor",
        ]);
        const says: Record<string, RegExp> = {
            "id-network-contributor-vnet": /subnet/,
            "id-network-contributor-route-table": /route table/,
            "id-private-dns-zone-contributor": /private DNS zone/,
            "id-key-vault-crypto-user": /encrypt etcd/,
            "id-key-vault-contributor": /private endpoint/,
        };
        for (const [name, pattern] of Object.entries(says)) assert.match(described[name], new RegExp(`^AKS .*${pattern.source}`), name);
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
            /invalid ClusterIdentity arguments:\nroleScope: "resourceGroup" is not one of vnet, subnet/,
        );
        await engine.settle();
        assert.equal(engine.resources.filter((r) => r.custom).length, 0);
    });

    describe("least privilege, private DNS zones and KMS", () => {
        const ROLE_DEFINITION = "azure-native:authorization:RoleDefinition";
        const ZONE = `${SUB}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.koreacentral.azmk8s.io`;
        const VAULT = `${SUB}/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-aks`;
        const roleId = (id: string) => `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${id}`;

        it("grants a custom role with only kubenet's subnet and route actions, on the same scopes", async () => {
            buildStack({ identity: { networkRole: "leastPrivilege", roleScope: "subnet" } });
            await engine.settle();
            const definition = engine.one(ROLE_DEFINITION);
            assert.deepEqual(definition.inputs.permissions, [{
                actions: [
                    "Microsoft.Network/virtualNetworks/subnets/join/action",
                    "Microsoft.Network/virtualNetworks/subnets/read",
                    "Microsoft.Network/routeTables/read",
                    "Microsoft.Network/routeTables/write",
                    "Microsoft.Network/routeTables/routes/read",
                    "Microsoft.Network/routeTables/routes/write",
                    "Microsoft.Network/routeTables/routes/delete",
                ],
                notActions: [],
            }]);
            assert.deepEqual(definition.inputs.assignableScopes, [`${SUB}/resourceGroups/rg-aks`], "Azure assigns roles in resource groups, not on single resources");
            assert.deepEqual(engine.byType(ROLE).map((g) => g.inputs.scope).sort(), [`${VNET_ID}/subnets/snet-aks`, TABLE_ID].sort(), "the grants stay on the subnet and the route table");
            assert.equal(definition.inputs.roleType, "CustomRole");
            assert.equal(definition.inputs.scope, SUB);
            assert.match(String(definition.inputs.roleDefinitionId), /^[0-9a-f-]{36}$/);
            const grants = engine.byType(ROLE);
            assert.deepEqual(grants.map((g) => g.name).sort(), ["id-kubenet-network-route-table", "id-kubenet-network-subnet"]);
            for (const grant of grants) {
                assert.ok(grant.dependencies.includes(definition.urn), "after the role exists");
                assert.ok(!String(grant.inputs.roleDefinitionId).endsWith(NETWORK_CONTRIBUTOR_ROLE_ID));
            }
        });

        it("derives the custom role's id and name from its scopes, whatever their case", async () => {
            const subnet = `${VNET_ID}/subnets/snet-aks`;
            const roleOf = async (subnetId: string, routeTableId: string) => {
                const run = await MockEngine.install();
                new ClusterIdentity("lp", { resourceGroupName: "rg-aks", vnetId: VNET_ID, subnetId, routeTableId, roleScope: "subnet", networkRole: "leastPrivilege" });
                await run.settle();
                return run.one(ROLE_DEFINITION).inputs;
            };
            const lower = await roleOf(subnet, TABLE_ID);
            const upper = await roleOf(subnet.toUpperCase(), TABLE_ID.toUpperCase());
            assert.equal(upper.roleDefinitionId, lower.roleDefinitionId);
            assert.equal(lower.roleName, `aks-kubenet network access ${lower.roleDefinitionId}`);
            assert.equal(lower.description, "aks-kubenet: join and read the cluster subnet, write pod routes into the route table");
            const other = await roleOf(`${VNET_ID}/subnets/snet-other`, TABLE_ID);
            assert.notEqual(other.roleDefinitionId, lower.roleDefinitionId, "another subnet, another role");
        });

        it("names the custom role's grants apart from Network Contributor's, so a switch adds before it removes", async () => {
            buildStack();
            await engine.settle();
            assert.deepEqual(engine.byType(ROLE).map((g) => g.name).sort(), ["id-network-contributor-route-table", "id-network-contributor-vnet"]);
            assert.equal(engine.byType(ROLE_DEFINITION).length, 0, "no custom role by default");
        });

        it("grants Private DNS Zone Contributor on a zone of your own, and Key Vault roles for KMS", async () => {
            buildStack({ identity: { privateDNSZone: ZONE, kms: { keyVaultId: VAULT, networkAccess: "Private" } } });
            await engine.settle();
            const byScope = (scope: string) => engine.byType(ROLE).filter((g) => g.inputs.scope === scope).map((g) => String(g.inputs.roleDefinitionId)).sort();
            assert.deepEqual(byScope(ZONE), [roleId("b12aa53e-6015-4669-85d0-8515ebb3ae7f")]);
            assert.deepEqual(byScope(VAULT), [roleId("12338af0-0e69-4776-bea7-57ae8d297424"), roleId("f25e0fa2-a7c8-4377-a976-54943a77a395")].sort());
            const cluster = engine.one("azure-native:containerservice:ManagedCluster");
            for (const grant of engine.byType(ROLE)) assert.ok(cluster.dependencies.includes(grant.urn), `the cluster waits for ${grant.name}`);
        });

        it("makes the custom role assignable on the network alone when AKS creates its own route table", async () => {
            new ClusterIdentity("lp", { resourceGroupName: "rg-aks", vnetId: VNET_ID, subnetId: `${VNET_ID}/subnets/snet-aks`, networkRole: "leastPrivilege" });
            await engine.settle();
            assert.deepEqual(engine.one(ROLE_DEFINITION).inputs.assignableScopes, [`${SUB}/resourceGroups/rg-aks`]);
            assert.deepEqual(engine.byType(ROLE).map((g) => g.name), ["lp-kubenet-network-vnet"]);
        });

        it("makes the custom role assignable in each resource group of the network, once", () => {
            const table = `${SUB}/resourceGroups/rg-routes/providers/Microsoft.Network/routeTables/rt`;
            assert.deepEqual(assignableScopesOf([`${VNET_ID}/subnets/snet-aks`, table, VNET_ID.replace("rg-aks", "RG-AKS")]), [`${SUB}/resourceGroups/rg-aks`, `${SUB}/resourceGroups/rg-routes`]);
            assert.deepEqual(assignableScopesOf([SUB, `${SUB}/resourceGroups/rg-aks`]), [SUB, `${SUB}/resourceGroups/rg-aks`], "a subscription or group scope stays as it is");
        });

        it("grants only Key Vault Crypto User on a public vault", async () => {
            buildStack({ identity: { kms: { keyVaultId: VAULT } } });
            await engine.settle();
            assert.deepEqual(engine.byType(ROLE).filter((g) => g.inputs.scope === VAULT).map((g) => g.name), ["id-key-vault-crypto-user"]);
        });

        it("checks the role, the zone and the vault before creating anything", () => {
            const base = { resourceGroupName: "rg", vnetId: "v", subnetId: "s" };
            assert.deepEqual(validateIdentityArgs({ ...base, networkRole: "owner" as never, privateDNSZone: "privatelink.koreacentral.azmk8s.io", kms: { keyVaultId: "kv-aks", networkAccess: "private" as never } }).map(formatProblem), [
                `networkRole: "owner" is not one of networkContributor, leastPrivilege`,
                `kms.networkAccess: "private" is not one of Public, Private`,
                `privateDNSZone: "privatelink.koreacentral.azmk8s.io" is not a Microsoft.Network/privateDnsZones resource id (expected /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/privateDnsZones/<name>)`,
                `kms.keyVaultId: "kv-aks" is not a Microsoft.KeyVault/vaults resource id (expected /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>)`,
            ]);
            assert.deepEqual(validateIdentityArgs({ ...base, networkRole: "leastPrivilege", privateDNSZone: ZONE, kms: { keyVaultId: VAULT } }), []);
            assert.deepEqual(validateIdentityArgs({ ...base, kms: { keyVaultId: pulumi.output(VAULT) } }), [], "an id known only at deployment is the provider's to check");
        });

        it("grants nothing on AKS's own zones, and needs the vnet scope for a zone of your own", async () => {
            const base = { resourceGroupName: "rg", vnetId: "v", subnetId: "s" };
            for (const zone of ["system", "none"]) {
                assert.deepEqual(validateIdentityArgs({ ...base, roleScope: "subnet", privateDNSZone: zone }), [], zone);
            }
            assert.deepEqual(validateIdentityArgs({ ...base, roleScope: "subnet", privateDNSZone: ZONE }).map(formatProblem), [
                "roleScope: must be vnet with a private DNS zone of your own: AKS links the zone to the cluster's vnet, which needs a grant on the vnet",
            ]);
            buildStack({ identity: { privateDNSZone: "system" } });
            await engine.settle();
            assert.deepEqual(engine.byType(ROLE).map((g) => g.name).sort(), ["id-network-contributor-route-table", "id-network-contributor-vnet"]);
        });

        it("refuses the names 0.3.0 renamed, naming the one meant, and creates nothing", async () => {
            const base = { resourceGroupName: "rg", vnetId: "v", subnetId: "s" };
            assert.deepEqual(validateIdentityArgs({ ...base, identityName: "id-aks", privateDnsZoneId: ZONE } as never).map(formatProblem), [
                "identityName: was renamed name in 0.3.0: write name instead",
                "privateDnsZoneId: was renamed privateDNSZone in 0.3.0: write privateDNSZone instead",
            ]);
            assert.throws(() => buildStack({ identity: { identityName: "id-old" } as never }), /identityName: was renamed name in 0\.3\.0/);
            await engine.settle();
            assert.equal(engine.byType("azure-native:managedidentity:UserAssignedIdentity").length, 0);
        });
    });
});
