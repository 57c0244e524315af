import { strict as assert } from "node:assert";
import * as advisory from "../../policy/advisory";
import { violations } from "./run";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const POOL = "azure-native:containerservice:AgentPool";

/** A cluster that meets every advisory check; each test takes one thing away. */
const hardened = {
    enableRBAC: true,
    sku: { name: "Base", tier: "Standard" },
    tags: { env: "prod" },
    aadProfile: { managed: true, enableAzureRBAC: true },
    disableLocalAccounts: true,
    apiServerAccessProfile: { authorizedIPRanges: ["203.0.113.0/24"] },
    autoUpgradeProfile: { upgradeChannel: "patch", nodeOSUpgradeChannel: "NodeImage" },
    networkProfile: { networkPlugin: "kubenet", networkPolicy: "calico" },
    agentPoolProfiles: [{ name: "system", maxPods: 110 }],
};
const cluster = (overrides: Record<string, unknown> = {}) => ({ type: CLUSTER, props: { ...hardened, ...overrides } });

describe("policy: advisory AKS posture", () => {
    it("every advisory policy is advisory and passes a hardened cluster", async () => {
        for (const policy of advisory.advisoryPolicies) {
            assert.equal(policy.enforcementLevel, "advisory", policy.name);
            assert.deepEqual(await violations(policy, cluster()), [], policy.name);
        }
    });

    it("aks-kubernetes-rbac", async () => {
        assert.deepEqual(await violations(advisory.kubernetesRbac, cluster({ enableRBAC: false })), ["enableRBAC: false; turn Kubernetes RBAC on (it can only be set at creation)"]);
    });

    it("aks-api-server-access", async () => {
        assert.deepEqual(await violations(advisory.apiServerAccess, cluster({ apiServerAccessProfile: { enablePrivateCluster: true } })), []);
        assert.deepEqual(await violations(advisory.apiServerAccess, cluster({ apiServerAccessProfile: undefined })), [
            "apiServerAccessProfile: the API server is open to the internet; set authorizedIPRanges or enablePrivateCluster",
        ]);
    });

    it("aks-network-policy", async () => {
        assert.equal((await violations(advisory.networkPolicySet, cluster({ networkProfile: { networkPlugin: "kubenet" } }))).length, 1);
        assert.equal((await violations(advisory.networkPolicySet, cluster({ networkProfile: { networkPolicy: "none" } }))).length, 1);
    });

    it("aks-standard-tier-production, by tag or by the pack's config", async () => {
        const free = { sku: { name: "Base", tier: "Free" } };
        assert.deepEqual(await violations(advisory.standardTierInProduction, cluster(free)), ["sku.tier: Free has no uptime SLA; use Standard for production"]);
        assert.deepEqual(await violations(advisory.standardTierInProduction, cluster({ ...free, tags: { env: "dev" } })), []);
        assert.deepEqual(await violations(advisory.standardTierInProduction, cluster({ ...free, tags: { env: "dev" } }), { production: true }), ["sku.tier: Free has no uptime SLA; use Standard for production"]);
        assert.deepEqual(await violations(advisory.standardTierInProduction, cluster(free), { production: false }), []);
    });

    it("aks-upgrade-channels", async () => {
        assert.deepEqual(await violations(advisory.upgradeChannels, cluster({ autoUpgradeProfile: { upgradeChannel: "none" } })), [
            "autoUpgradeProfile.upgradeChannel, autoUpgradeProfile.nodeOSUpgradeChannel: not set; choose an automatic upgrade channel so patches arrive",
        ]);
    });

    it("aks-local-accounts-disabled", async () => {
        assert.deepEqual(await violations(advisory.localAccountsDisabled, cluster({ disableLocalAccounts: false })), [
            "disableLocalAccounts: local (certificate) accounts bypass Entra ID; set it to true",
        ]);
        assert.deepEqual(await violations(advisory.localAccountsDisabled, cluster({ aadProfile: undefined, disableLocalAccounts: undefined })), [
            "aadProfile: unset; integrate Entra ID and disable local accounts",
        ]);
    });

    it("aks-no-node-public-ip, inline and on AgentPools", async () => {
        assert.deepEqual(await violations(advisory.noNodePublicIp, cluster({ agentPoolProfiles: [{ name: "system", maxPods: 110, enableNodePublicIP: true }] })), [
            "agentPoolProfiles[0].enableNodePublicIP: nodes reachable from the internet; turn it off",
        ]);
        assert.deepEqual(await violations(advisory.noNodePublicIp, { type: POOL, props: { enableNodePublicIP: false } }), []);
        assert.equal((await violations(advisory.noNodePublicIp, { type: POOL, props: { enableNodePublicIP: true } })).length, 1);
    });

    it("aks-max-pods-explicit", async () => {
        assert.deepEqual(await violations(advisory.maxPodsExplicit, { type: POOL, props: {} }), [
            "maxPods: unset; set it explicitly (the default differs between kubenet and Azure CNI)",
        ]);
        assert.deepEqual(await violations(advisory.maxPodsExplicit, { type: POOL, props: { maxPods: 30 } }), []);
    });
});
