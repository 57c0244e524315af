import { strict as assert } from "node:assert";
import { AZURE_NAME_RULES, AzureNameKind, checkAzureName } from "../../components/common/azure-names";

describe("components/common: Azure names", () => {
    const good: Record<AzureNameKind, string[]> = {
        resourceGroup: ["rg-aks-prod", "rg_(team).a", "a"],
        virtualNetwork: ["vnet-aks-prod", "v_", "hub.vnet-1"],
        subnet: ["snet-aks", "s", "AzureFirewallSubnet"],
        routeTable: ["rt-aks-prod", "r"],
        userAssignedIdentity: ["id-aks", "aks_control-plane"],
        managedCluster: ["aks-prod", "a", "aks_1"],
        dnsPrefix: ["aks-prod", "a1"],
        nodeResourceGroup: ["MC_rg-aks_aks-prod_koreacentral", "rg-aks-nodes"],
    };
    const bad: Record<AzureNameKind, string[]> = {
        resourceGroup: ["", "rg.", "rg aks", "x".repeat(91)],
        virtualNetwork: ["v", "-vnet", "vnet-", "vnet.", "x".repeat(65)],
        subnet: ["", "-snet", "snet.", "x".repeat(81)],
        routeTable: ["", "rt-", "x".repeat(81)],
        userAssignedIdentity: ["id", "-id-aks", "id.aks", "x".repeat(129)],
        managedCluster: ["", "aks-", "aks.prod", "x".repeat(64)],
        dnsPrefix: ["aks_prod", "-aks", "x".repeat(55)],
        nodeResourceGroup: ["", "rg.", "x".repeat(81)],
    };
    for (const kind of Object.keys(AZURE_NAME_RULES) as AzureNameKind[]) {
        it(`${AZURE_NAME_RULES[kind].what}: takes valid names, refuses invalid ones with the rule`, () => {
            for (const name of good[kind]) assert.deepEqual(checkAzureName(name, kind, "p"), [], name);
            for (const name of bad[kind]) {
                const problems = checkAzureName(name, kind, "p");
                assert.equal(problems.length, 1, JSON.stringify(name));
                assert.match(problems[0].message, new RegExp(`is not a ${AZURE_NAME_RULES[kind].what}`));
            }
            assert.deepEqual(checkAzureName(undefined, kind, "p"), [], "omitted: auto-named");
        });
    }

    it("refuses invisible, control, bidi, replacement and look-alike characters, showing them", () => {
        const cases: [string, string][] = [
            ["aks\u200bprod", "aksU+200Bprod"],      // zero-width space
            ["aks\u202eprod", "aksU+202Eprod"],      // right-to-left override
            ["aks\u0007prod", "aksU+0007prod"],      // control character
            ["aks\ufffdprod", "aksU+FFFDprod"],      // replacement character
            ["\u0430ks-prod", "U+0430ks-prod"],      // Cyrillic а for Latin a
        ];
        for (const [name, shown] of cases) {
            const [problem] = checkAzureName(name, "managedCluster", "cluster.name");
            assert.equal(problem.path, "cluster.name");
            assert.ok(problem.message.startsWith(`"${shown}" is not a cluster name: it has characters outside ASCII`), problem.message);
        }
        assert.match(checkAzureName(42, "managedCluster", "cluster.name")[0].message, /must be text/);
    });
});
