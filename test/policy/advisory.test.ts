import { strict as assert } from "node:assert";
import { ResourceValidationPolicy } from "@pulumi/policy";
import * as advisory from "../../policy/advisory";
import * as posture from "../../policy/posture";
import { productionPosture } from "../../policy/production";
import { isProduction } from "../../policy/rules";
import { stackViolations, violations } from "./run";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const POOL = "azure-native:containerservice:AgentPool";

/** A pool that meets every pool check. */
function hardenedPool(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        maxPods: 110, type: "VirtualMachineScaleSets", osType: "Linux", osSKU: "AzureLinux", osDiskType: "Ephemeral",
        enableEncryptionAtHost: true, availabilityZones: ["1", "2", "3"], securityProfile: { sshAccess: "Disabled" }, ...overrides,
    };
}

/** A cluster that meets every advisory check; each test takes one thing away. */
const hardened = {
    enableRBAC: true,
    sku: { name: "Base", tier: "Standard" },
    tags: { env: "prod" },
    aadProfile: { managed: true, enableAzureRBAC: true },
    disableLocalAccounts: true,
    identity: { type: "UserAssigned" },
    apiServerAccessProfile: { authorizedIPRanges: ["203.0.113.0/24"], disableRunCommand: true },
    autoUpgradeProfile: { upgradeChannel: "patch", nodeOSUpgradeChannel: "NodeImage" },
    networkProfile: { networkPlugin: "kubenet", networkPolicy: "calico", outboundType: "userDefinedRouting" },
    addonProfiles: {
        azurepolicy: { enabled: true },
        azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: "true", rotationPollInterval: "2m" } },
        omsagent: { enabled: true, config: { useAADAuth: "true" } },
    },
    securityProfile: { workloadIdentity: { enabled: true }, imageCleaner: { enabled: true }, defender: { securityMonitoring: { enabled: true } } },
    oidcIssuerProfile: { enabled: true },
    azureMonitorProfile: { metrics: { enabled: true } },
    autoScalerProfile: { expander: "least-waste" },
    agentPoolProfiles: [hardenedPool({ name: "system", mode: "System", nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"], enableAutoScaling: true })],
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

describe("policy: hardening checks, each passing the hardened cluster and failing without its setting", () => {
    type Rule = { [K in keyof typeof posture]: (typeof posture)[K] extends ResourceValidationPolicy ? K : never }[keyof typeof posture];
    const clusterCases: [Rule, Record<string, unknown>, string][] = [
        ["azureRbac", { aadProfile: { managed: true } }, "aadProfile.enableAzureRBAC: Kubernetes authorization isn't in Azure RBAC; turn it on so access is granted and audited in one place"],
        ["managedIdentity", { identity: undefined }, "identity.type: the cluster has no managed identity; a service principal's secret expires and must be rotated by hand"],
        ["egressThroughFirewall", { networkProfile: { networkPlugin: "kubenet", networkPolicy: "calico" } }, "networkProfile.outboundType: loadBalancer; route egress through a firewall (userDefinedRouting with 0.0.0.0/0 to it)"],
        ["containerInsights", { addonProfiles: { ...hardened.addonProfiles, omsagent: { enabled: false } } }, "addonProfiles.omsagent: Container Insights is off; send container logs and metrics to Log Analytics"],
        ["managedPrometheus", { azureMonitorProfile: { metrics: { enabled: false } } }, "azureMonitorProfile.metrics.enabled: Managed Prometheus is off; collect metrics into an Azure Monitor workspace"],
        ["azurePolicyAddon", { addonProfiles: { ...hardened.addonProfiles, azurepolicy: { enabled: false } } }, "addonProfiles.azurepolicy: the Azure Policy add-on is off; turn it on so Azure Policy applies to Kubernetes objects"],
        ["defender", { securityProfile: { ...hardened.securityProfile, defender: { securityMonitoring: { enabled: false } } } }, "securityProfile.defender: Defender for Containers is off; turn it on for runtime threat detection"],
        ["keyVaultSecretsRotation", { addonProfiles: { ...hardened.addonProfiles, azureKeyvaultSecretsProvider: { enabled: false } } }, "addonProfiles.azureKeyvaultSecretsProvider: off; mount secrets from Key Vault instead of Kubernetes secrets"],
        ["keyVaultSecretsRotation", { addonProfiles: { ...hardened.addonProfiles, azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: "false" } } } }, "addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation: rotated secrets never reach the pods; turn rotation on"],
        ["workloadIdentity", { oidcIssuerProfile: { enabled: false } }, "securityProfile.workloadIdentity, oidcIssuerProfile: workload identity is off; give pods Entra ID tokens through federated credentials"],
        ["workloadIdentity", { securityProfile: { ...hardened.securityProfile, workloadIdentity: { enabled: false } } }, "securityProfile.workloadIdentity, oidcIssuerProfile: workload identity is off; give pods Entra ID tokens through federated credentials"],
        ["imageCleaner", { securityProfile: { ...hardened.securityProfile, imageCleaner: { enabled: false } } }, "securityProfile.imageCleaner: off; remove unused images with known vulnerabilities from the nodes"],
        ["runCommandDisabled", { apiServerAccessProfile: { authorizedIPRanges: ["203.0.113.0/24"] } }, "apiServerAccessProfile.disableRunCommand: run command lets Azure API callers run commands in the cluster; disable it"],
        ["httpApplicationRoutingOff", { addonProfiles: { ...hardened.addonProfiles, httpApplicationRouting: { enabled: true } } }, "addonProfiles.httpApplicationRouting: a public, unauthenticated DNS zone for every ingress; use the application routing add-on or your own ingress"],
        ["autoscalerProfile", { autoScalerProfile: undefined }, "autoScalerProfile: unset; state the autoscaler's settings so they don't change with AKS's defaults"],
    ];
    for (const [rule, change, message] of clusterCases) {
        it(`${posture[rule].name}: ${message.split(":")[0]}`, async () => {
            assert.deepEqual(await violations(posture[rule], cluster()), []);
            assert.deepEqual(await violations(posture[rule], cluster(change)), [message]);
        });
    }

    it("aks-autoscaler-profile asks for no profile without autoscaled pools", async () => {
        assert.deepEqual(await violations(posture.autoscalerProfile, cluster({ autoScalerProfile: undefined, agentPoolProfiles: [hardenedPool({ mode: "System" })] })), []);
    });

    const poolCases: [Rule, Record<string, unknown>, string][] = [
        ["maxPodsAtLeast50", { maxPods: 49 }, "maxPods: 49; allow at least 50 pods per node"],
        ["scaleSetPools", { type: "AvailabilitySet" }, "type: AvailabilitySet; use VirtualMachineScaleSets"],
        ["systemPoolTainted", { mode: "System", nodeTaints: [] }, "nodeTaints: a System pool without CriticalAddonsOnly=true:NoSchedule runs workloads beside AKS's own pods"],
        ["zoneRedundantPools", { availabilityZones: ["1"] }, "availabilityZones: the pool sits in one zone (or none); spread it over zones 1, 2 and 3"],
        ["encryptionAtHost", { enableEncryptionAtHost: false }, "enableEncryptionAtHost: the nodes' temporary and cache disks aren't encrypted; turn encryption at host on"],
        ["ephemeralOsDisk", { osDiskType: "Managed" }, "osDiskType: Managed; ephemeral OS disks are faster to reimage and keep no state"],
        ["azureLinux", { osSKU: "Ubuntu" }, "osSKU: Ubuntu; Azure Linux carries fewer packages to patch"],
        ["sshDisabled", { securityProfile: { sshAccess: "LocalUser" } }, "securityProfile.sshAccess: SSH to the nodes is open to anyone with the key; disable it"],
    ];
    for (const [rule, change, message] of poolCases) {
        it(`${posture[rule].name}, on AgentPools and inline`, async () => {
            const policy = posture[rule];
            assert.deepEqual(await violations(policy, { type: POOL, props: hardenedPool({ mode: "User" }) }), []);
            assert.deepEqual(await violations(policy, { type: POOL, props: hardenedPool(change) }), [message]);
            assert.deepEqual(await violations(policy, cluster({ agentPoolProfiles: [hardenedPool({ mode: "System", nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"] }), hardenedPool(change)] })), [`agentPoolProfiles[1].${message}`]);
        });
    }

    it("aks-max-pods-50 passes exactly 50, and aks-azure-linux leaves Windows pools alone", async () => {
        assert.deepEqual(await violations(posture.maxPodsAtLeast50, { type: POOL, props: hardenedPool({ maxPods: 50 }) }), []);
        assert.deepEqual(await violations(posture.azureLinux, { type: POOL, props: hardenedPool({ osType: "Windows", osSKU: "Windows2022" }) }), []);
        assert.deepEqual(await violations(posture.azureLinux, { type: POOL, props: hardenedPool({ osSKU: "AzureLinux3" }) }), []);
    });

    it("aks-api-server-access flags 0.0.0.0/0 and ranges of a /8 or wider", async () => {
        const access = (ranges: string[]) => violations(advisory.apiServerAccess, cluster({ apiServerAccessProfile: { authorizedIPRanges: ranges } }));
        assert.deepEqual(await access(["0.0.0.0/0"]), ["apiServerAccessProfile.authorizedIPRanges: 0.0.0.0/0 authorizes a /8 or wider, as good as open; list your own networks"]);
        assert.deepEqual(await access(["203.0.113.0/24", "20.0.0.0/8", "0.0.0.0/1"]), ["apiServerAccessProfile.authorizedIPRanges: 20.0.0.0/8, 0.0.0.0/1 authorize a /8 or wider, as good as open; list your own networks"]);
        assert.deepEqual(await access(["20.0.0.0/9", "198.51.100.7"]), []);
    });

    const CONFIG = "azure-native:containerservice:MaintenanceConfiguration";
    const DIAGNOSTICS = "azure-native:monitor:DiagnosticSetting";
    const clusterResource = { type: CLUSTER, name: "aks", props: hardened };

    it("aks-control-plane-logs wants kube-audit or kube-audit-admin sent somewhere", async () => {
        const setting = (categories: string[]) => ({ type: DIAGNOSTICS, name: "logs", props: { logs: categories.map((category) => ({ category, enabled: true })) } });
        assert.deepEqual(await stackViolations(posture.controlPlaneLogs, [clusterResource, setting(["kube-apiserver", "kube-audit-admin"])]), []);
        assert.deepEqual(await stackViolations(posture.controlPlaneLogs, [clusterResource, setting(["kube-audit"])]), []);
        assert.deepEqual(await stackViolations(posture.controlPlaneLogs, [clusterResource, setting(["kube-apiserver"])]), [
            { message: "no diagnostic setting sends kube-audit or kube-audit-admin: who changed what in the cluster isn't recorded", urn: `urn:pulumi:test::test::${CLUSTER}::aks` },
        ]);
        assert.equal((await stackViolations(posture.controlPlaneLogs, [clusterResource, { type: DIAGNOSTICS, name: "off", props: { logs: [{ category: "kube-audit", enabled: false }] } }])).length, 1, "a disabled category sends nothing");
    });

    it("aks-maintenance-windows wants a window for each kind of upgrade", async () => {
        const config = (configName: string) => ({ type: CONFIG, name: configName, props: { configName } });
        assert.deepEqual(await stackViolations(posture.maintenanceWindows, [clusterResource, config("aksManagedAutoUpgradeSchedule"), config("aksManagedNodeOSUpgradeSchedule")]), []);
        assert.deepEqual((await stackViolations(posture.maintenanceWindows, [clusterResource, config("aksManagedAutoUpgradeSchedule")])).map((v) => v.message), [
            "no maintenance window aksManagedNodeOSUpgradeSchedule: AKS upgrades at any time of day",
        ]);
    });
});

describe("policy: aks-production-posture", () => {
    const prodCluster = (props: Record<string, unknown>) => ({ type: CLUSTER, name: "aks", props: { ...hardened, ...props } });
    const windows = ["aksManagedAutoUpgradeSchedule", "aksManagedNodeOSUpgradeSchedule"].map((configName) => ({ type: "azure-native:containerservice:MaintenanceConfiguration", name: configName, props: { configName } }));
    const logs = { type: "azure-native:monitor:DiagnosticSetting", name: "logs", props: { logs: [{ category: "kube-audit-admin", enabled: true }] } };

    it("is mandatory, and passes a hardened production stack", async () => {
        assert.equal(productionPosture.enforcementLevel, "mandatory");
        assert.deepEqual(await stackViolations(productionPosture, [prodCluster({}), ...windows, logs]), []);
    });

    it("binds every advisory check in a stack tagged production", async () => {
        const found = await stackViolations(productionPosture, [prodCluster({ oidcIssuerProfile: { enabled: false } }), { type: POOL, name: "apps", props: hardenedPool({ osDiskType: "Managed" }) }, windows[0], logs]);
        assert.deepEqual(found.map((v) => v.message), [
            "aks-workload-identity: securityProfile.workloadIdentity, oidcIssuerProfile: workload identity is off; give pods Entra ID tokens through federated credentials",
            "aks-ephemeral-os-disk: osDiskType: Managed; ephemeral OS disks are faster to reimage and keep no state",
            "aks-maintenance-windows: no maintenance window aksManagedNodeOSUpgradeSchedule: AKS upgrades at any time of day",
        ]);
        assert.equal(found[1].urn, `urn:pulumi:test::test::${POOL}::apps`);
    });

    it("leaves a stack that isn't production to the advisories", async () => {
        assert.deepEqual(await stackViolations(productionPosture, [prodCluster({ tags: { env: "dev" }, oidcIssuerProfile: { enabled: false } })]), []);
    });
});

describe("policy: hardening checks on clusters and pools that set nothing", () => {
    const clusterRules = posture.hardeningPolicies.filter((p) => !["aks-max-pods-50", "aks-scale-set-pools", "aks-system-pool-critical-addons-only", "aks-zone-redundant-pools", "aks-encryption-at-host", "aks-ephemeral-os-disk", "aks-azure-linux", "aks-ssh-disabled"].includes(p.name));

    it("report each unset setting as missing, without tripping over an absent profile", async () => {
        const bare = { type: CLUSTER, props: {} };
        const halfSet = {
            type: CLUSTER,
            props: { networkProfile: {}, addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true } }, securityProfile: { defender: {} }, azureMonitorProfile: {}, apiServerAccessProfile: {}, oidcIssuerProfile: {} },
        };
        const expected: Record<string, number> = { "aks-no-http-application-routing": 0, "aks-autoscaler-profile": 0 };
        for (const policy of clusterRules) {
            const want = expected[policy.name] ?? 1;
            assert.equal((await violations(policy, bare)).length, want, `${policy.name} on a bare cluster`);
            assert.equal((await violations(policy, halfSet)).length, want, `${policy.name} on empty profiles`);
        }
        assert.deepEqual(await violations(posture.keyVaultSecretsRotation, halfSet), [
            "addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation: rotated secrets never reach the pods; turn rotation on",
        ]);
        assert.deepEqual(await violations(posture.egressThroughFirewall, bare), ["networkProfile.outboundType: loadBalancer; route egress through a firewall (userDefinedRouting with 0.0.0.0/0 to it)"]);
        const emptySecurity = { type: CLUSTER, props: { securityProfile: {} } };
        assert.equal((await violations(posture.defender, emptySecurity)).length, 1);
        assert.equal((await violations(posture.imageCleaner, emptySecurity)).length, 1);
        const noIssuer = { type: CLUSTER, props: { securityProfile: { workloadIdentity: { enabled: true } } } };
        assert.equal((await violations(posture.workloadIdentity, noIssuer)).length, 1, "workload identity without its issuer");
    });

    it("take a system-assigned identity as managed too, and either spelling of HTTP application routing", async () => {
        assert.deepEqual(await violations(posture.managedIdentity, cluster({ identity: { type: "SystemAssigned" } })), []);
        assert.equal((await violations(posture.managedIdentity, cluster({ identity: { type: "None" } }))).length, 1);
        assert.equal((await violations(posture.httpApplicationRoutingOff, cluster({ addonProfiles: { httpapplicationrouting: { enabled: true } } }))).length, 1);
        assert.deepEqual(await violations(posture.httpApplicationRoutingOff, cluster({ addonProfiles: { httpApplicationRouting: { enabled: false } } })), []);
    });

    it("ask for an autoscaler profile when any pool autoscales, and not without pools", async () => {
        const pools = [hardenedPool({ mode: "System" }), hardenedPool({ enableAutoScaling: true })];
        assert.equal((await violations(posture.autoscalerProfile, cluster({ autoScalerProfile: undefined, agentPoolProfiles: pools }))).length, 1);
        assert.deepEqual(await violations(posture.autoscalerProfile, cluster({ autoScalerProfile: undefined, agentPoolProfiles: undefined })), []);
    });

    it("read pools that leave settings out", async () => {
        const bare = { type: POOL, props: {} };
        const found = async (policy: ResourceValidationPolicy) => violations(policy, bare);
        assert.deepEqual(await found(posture.maxPodsAtLeast50), [], "maxPods unset is AKS's default, 110 or 250");
        assert.deepEqual(await found(posture.scaleSetPools), [], "scale sets are AKS's default");
        assert.deepEqual(await found(posture.systemPoolTainted), [], "not a System pool");
        assert.deepEqual(await violations(posture.systemPoolTainted, { type: POOL, props: { mode: "System" } }), ["nodeTaints: a System pool without CriticalAddonsOnly=true:NoSchedule runs workloads beside AKS's own pods"]);
        assert.deepEqual(await found(posture.zoneRedundantPools), ["availabilityZones: the pool sits in one zone (or none); spread it over zones 1, 2 and 3"]);
        assert.deepEqual(await violations(posture.zoneRedundantPools, { type: POOL, props: { availabilityZones: ["1", "2"] } }), [], "two zones survive one");
        assert.deepEqual(await found(posture.ephemeralOsDisk), ["osDiskType: unset; ephemeral OS disks are faster to reimage and keep no state"]);
        assert.deepEqual(await found(posture.azureLinux), ["osSKU: unset; Azure Linux carries fewer packages to patch"]);
        assert.deepEqual(await found(posture.sshDisabled), ["securityProfile.sshAccess: SSH to the nodes is open to anyone with the key; disable it"]);
        assert.deepEqual(await found(posture.encryptionAtHost), ["enableEncryptionAtHost: the nodes' temporary and cache disks aren't encrypted; turn encryption at host on"]);
    });

    const clusterResource = { type: CLUSTER, name: "aks", props: hardened };
    const DIAGNOSTICS = "azure-native:monitor:DiagnosticSetting";

    it("count only diagnostic settings, any one of them, with audit categories not switched off", async () => {
        const audit = [{ category: "kube-audit-admin" }];
        assert.deepEqual(await stackViolations(posture.controlPlaneLogs, [clusterResource, { type: DIAGNOSTICS, name: "a", props: { logs: audit } }]), [], "enabled unless false");
        assert.deepEqual(await stackViolations(posture.controlPlaneLogs, [clusterResource, { type: DIAGNOSTICS, name: "a", props: {} }, { type: DIAGNOSTICS, name: "b", props: { logs: audit } }]), [], "one setting is enough");
        assert.equal((await stackViolations(posture.controlPlaneLogs, [clusterResource, { type: "azure-native:storage:StorageAccount", name: "s", props: { logs: audit } }])).length, 1, "not a diagnostic setting");
        assert.equal((await stackViolations(posture.controlPlaneLogs, [clusterResource, { type: "azure-native:insights:DiagnosticSetting", name: "i", props: { logs: audit } }])).length, 0, "the older module name too");
    });

    it("name both missing windows, and count only maintenance configurations", async () => {
        const lookalike = { type: "azure-native:maintenance:MaintenanceConfiguration", name: "m", props: { configName: "aksManagedAutoUpgradeSchedule" } };
        assert.deepEqual((await stackViolations(posture.maintenanceWindows, [clusterResource, lookalike])).map((v) => v.message), [
            "no maintenance window aksManagedAutoUpgradeSchedule or aksManagedNodeOSUpgradeSchedule: AKS upgrades at any time of day",
        ]);
    });
});

describe("policy: which stacks are production", () => {
    const withTags = (tags: Record<string, string> | undefined) => ({ tags } as Parameters<typeof isProduction>[0]);
    const noConfig = { getConfig: <T>() => ({}) as T };

    it("reads env, then environment, from the cluster's tags, as a prefix in any case", () => {
        assert.equal(isProduction(withTags({ env: "prod" }), noConfig), true);
        assert.equal(isProduction(withTags({ environment: "Production" }), noConfig), true);
        assert.equal(isProduction(withTags({ env: "dev", environment: "prod" }), noConfig), false, "env wins");
        assert.equal(isProduction(withTags({ env: "preprod" }), noConfig), false);
        assert.equal(isProduction(withTags(undefined), noConfig), false);
        assert.equal(isProduction(withTags({ env: "dev" }), { getConfig: <T>() => ({ production: true }) as T }), true, "the pack's config wins");
        assert.equal(isProduction(withTags({ env: "prod" }), { getConfig: <T>() => ({ production: false }) as T }), false);
    });

    it("makes a stack production when any cluster in it is, and never from another resource's tags", async () => {
        const prod = { type: CLUSTER, name: "prod", props: { ...hardened, oidcIssuerProfile: { enabled: false } } };
        const dev = { type: CLUSTER, name: "dev", props: { ...hardened, tags: { env: "dev" } } };
        assert.ok((await stackViolations(productionPosture, [dev, prod])).length > 0);
        const taggedVnet = { type: "azure-native:network:VirtualNetwork", name: "vnet", props: { tags: { env: "prod" } } };
        assert.deepEqual(await stackViolations(productionPosture, [{ ...dev, props: { ...dev.props, oidcIssuerProfile: { enabled: false } } }, taggedVnet]), []);
    });
});
