import { strict as assert } from "node:assert";
import { formatProblem } from "../../components/address";
import { StackConfig } from "../../infra/config/schema";
import { clusterArgsFrom, identityArgsFrom, validateStackConfig } from "../../infra/config/validate";
import { RawConfig, stackConfig } from "./fixtures";

/**
 * What the stack file's keys become in the components' arguments, and the stack-level rules on
 * the same keys. Expectations are written out from the configuration reference, not read back
 * from the functions under test.
 */

const context = { stack: "dev", location: "koreacentral", today: new Date("2026-11-22T00:00:00Z") };
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
const ZONE = `${SUB}/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.koreacentral.azmk8s.io`;
const VAULT = `${SUB}/resourceGroups/sec/providers/Microsoft.KeyVault/vaults/kv-aks`;
const KEY = "https://kv-aks.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef";

function parsed(change: (config: RawConfig) => void): StackConfig {
    const raw = stackConfig("dev");
    change(raw);
    const result = validateStackConfig(raw, context);
    assert.ok(result.ok, result.ok ? "" : result.problems.map(formatProblem).join("; "));
    return result.model.config;
}

function problems(change: (config: RawConfig) => void): string[] {
    const raw = stackConfig("dev");
    change(raw);
    const result = validateStackConfig(raw, context);
    return result.ok ? [] : result.problems.map(formatProblem);
}

const privateCluster = (zone: string) => (c: RawConfig) => {
    c.cluster.apiServer = { enablePrivateCluster: true, privateDNSZone: zone };
    c.identity.roleScope = "vnet";
};

describe("infra/config: stack file to component arguments", () => {
    it("grants the identity on a private DNS zone only when the zone is the user's own", () => {
        assert.equal(identityArgsFrom(parsed(privateCluster(ZONE))).privateDnsZoneId, ZONE);
        for (const aksManaged of ["system", "none"]) {
            assert.equal(identityArgsFrom(parsed(privateCluster(aksManaged))).privateDnsZoneId, undefined, aksManaged);
        }
        assert.equal(identityArgsFrom(parsed(() => undefined)).privateDnsZoneId, undefined, "no private cluster");
    });

    it("passes the identity its name, scope, role and the KMS vault to be granted on", () => {
        const config = parsed((c) => {
            c.identity = { name: "id-aks-dev", roleScope: "subnet", networkRole: "leastPrivilege" };
            c.cluster.kms = { keyId: KEY, keyVaultId: VAULT, networkAccess: "Private" };
        });
        assert.deepEqual(identityArgsFrom(config), {
            identityName: "id-aks-dev",
            roleScope: "subnet",
            networkRole: "leastPrivilege",
            privateDnsZoneId: undefined,
            kms: { keyVaultId: VAULT, networkAccess: "Private" },
        });
        assert.equal(identityArgsFrom(parsed(() => undefined)).kms, undefined, "no KMS, no Key Vault grant");
    });

    it("gives the cluster the vault's id for a private vault only, as AKS's keyVaultResourceId", () => {
        const kms = (networkAccess: string) => clusterArgsFrom(parsed((c) => { c.cluster.kms = { keyId: KEY, keyVaultId: VAULT, networkAccess }; }), "rg").kms;
        assert.deepEqual(kms("Private"), { keyId: KEY, keyVaultNetworkAccess: "Private", keyVaultResourceId: VAULT });
        assert.deepEqual(kms("Public"), { keyId: KEY, keyVaultNetworkAccess: "Public", keyVaultResourceId: undefined });
        assert.equal(clusterArgsFrom(parsed(() => undefined), "rg").kms, undefined);
    });
});

describe("infra/config: stack-level rules on the same keys", () => {
    it("takes only a Key Vault's id as the KMS vault", () => {
        const workspace = `${SUB}/resourceGroups/ops/providers/Microsoft.OperationalInsights/workspaces/law`;
        assert.deepEqual(problems((c) => { c.cluster.kms = { keyId: KEY, keyVaultId: workspace }; }).map((p) => p.split(":")[0]), ["cluster.kms.keyVaultId"]);
        assert.deepEqual(problems((c) => { c.cluster.kms = { keyId: KEY, keyVaultId: VAULT }; }), []);
    });

    it("keeps the workspace's retention from 30 to 730 days, both included", () => {
        for (const days of [30, 730]) assert.deepEqual(problems((c) => { c.cluster.monitoring = { workspaceRetentionDays: days }; }), [], String(days));
        for (const days of [29, 731]) assert.equal(problems((c) => { c.cluster.monitoring = { workspaceRetentionDays: days }; }).length, 1, String(days));
    });

    it("needs the 0.0.0.0/0 route itself for userDefinedRouting: narrower routes don't carry egress", () => {
        assert.deepEqual(problems((c) => {
            c.cluster.outboundType = "userDefinedRouting";
            c.network.routes = [{ name: "onprem", addressPrefix: "10.0.0.0/8", nextHopType: "VirtualAppliance", nextHopIpAddress: "172.16.0.4" }];
        }).map((p) => p.split(":")[0]), ["cluster.outboundType"]);
    });
});
