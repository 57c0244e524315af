import { strict as assert } from "node:assert";
import * as azureNative from "@pulumi/azure-native/provider";
import { KubenetCluster, KubenetClusterArgs, NodePool } from "../../components";
import { MockEngine } from "../../infra/synth/engine";
import { MOCK_WORKSPACE_LOCATION } from "../../infra/synth/azure-state";
import { actionableChanges } from "./declared-diff";
import {
    buildStack,
    fixedSystemPool as system,
    hardenedCluster as hardened,
    METRICS_WORKSPACE_ID as METRICS_WORKSPACE,
    REGISTRY_ID as REGISTRY,
    SUBSCRIPTION as SUB,
    WORKSPACE_ID as WORKSPACE,
} from "./fixtures";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const POOL = "azure-native:containerservice:AgentPool";
const ROLE = "azure-native:authorization:RoleAssignment";
const MAINTENANCE = "azure-native:containerservice:MaintenanceConfiguration";
const RULE = "azure-native:monitor:DataCollectionRule";
const ASSOCIATION = "azure-native:monitor:DataCollectionRuleAssociation";
const DIAGNOSTICS = "azure-native:monitor:DiagnosticSetting";
const ACR_PULL = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
const ENDPOINT = "azure-native:monitor:DataCollectionEndpoint";
const RULE_GROUP = "azure-native:alertsmanagement:PrometheusRuleGroup";

describe("components/cluster: production features", () => {
    let engine: MockEngine;
    beforeEach(async () => {
        engine = await MockEngine.install();
    });

    const declare = async (cluster: Partial<KubenetClusterArgs>) => {
        engine = await MockEngine.install();
        buildStack({ cluster });
        await engine.settle();
        return engine;
    };

    it("sends every switch, off, when no feature is asked for", async () => {
        await declare({ nodePools: [system] });
        const inputs = engine.one(CLUSTER).inputs;
        assert.deepEqual(inputs.addonProfiles, {
            azurepolicy: { enabled: false },
            azureKeyvaultSecretsProvider: { enabled: false },
            omsagent: { enabled: false },
        });
        assert.deepEqual(inputs.securityProfile, {
            // azure-native's SDK fills in the REST default for the vault's access.
            azureKeyVaultKms: { enabled: false, keyVaultNetworkAccess: "Public" },
            workloadIdentity: { enabled: false },
            imageCleaner: { enabled: false },
            defender: { securityMonitoring: { enabled: false } },
        });
        assert.equal(inputs.oidcIssuerProfile, undefined, "never sent as off: AKS can't turn the issuer off, and turns it on itself from 1.34");
        assert.deepEqual(inputs.azureMonitorProfile, { metrics: { enabled: false } });
        assert.deepEqual(inputs.apiServerAccessProfile, { authorizedIPRanges: [], disableRunCommand: false });
        assert.equal(inputs.autoScalerProfile, undefined, "no autoscaled pool, no profile");
        for (const type of [MAINTENANCE, RULE, ASSOCIATION, DIAGNOSTICS, ROLE, ENDPOINT]) {
            assert.equal(engine.byType(type).filter((r) => !r.name.startsWith("id-")).length, 0, type);
        }
    });

    it("turns on workload identity with its OIDC issuer, the add-ons and the security profile", async () => {
        await declare(hardened);
        const inputs = engine.one(CLUSTER).inputs;
        assert.deepEqual(inputs.oidcIssuerProfile, { enabled: true });
        assert.deepEqual(inputs.addonProfiles, {
            azurepolicy: { enabled: true },
            azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: "true", rotationPollInterval: "5m" } },
            omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: WORKSPACE, useAADAuth: "true" } },
        });
        assert.deepEqual(inputs.securityProfile, {
            // azure-native's SDK fills in the REST default for the vault's access.
            azureKeyVaultKms: { enabled: false, keyVaultNetworkAccess: "Public" },
            workloadIdentity: { enabled: true },
            imageCleaner: { enabled: true, intervalHours: 48 },
            defender: { logAnalyticsWorkspaceResourceId: WORKSPACE, securityMonitoring: { enabled: true } },
        });
        assert.equal((inputs.apiServerAccessProfile as { disableRunCommand: boolean }).disableRunCommand, true);
    });

    it("uses AKS's defaults for the Key Vault provider's rotation and Image Cleaner's interval", async () => {
        await declare({ nodePools: [system], addons: { keyVaultSecretsProvider: {}, imageCleaner: {} } });
        const inputs = engine.one(CLUSTER).inputs as { addonProfiles: Record<string, unknown>; securityProfile: Record<string, unknown> };
        assert.deepEqual(inputs.addonProfiles.azureKeyvaultSecretsProvider, { enabled: true, config: { enableSecretRotation: "true", rotationPollInterval: "2m" } });
        assert.deepEqual(inputs.securityProfile.imageCleaner, { enabled: true, intervalHours: 168 });
        await declare({ nodePools: [system], addons: { keyVaultSecretsProvider: { secretRotation: false } } });
        assert.deepEqual((engine.one(CLUSTER).inputs.addonProfiles as Record<string, unknown>).azureKeyvaultSecretsProvider, { enabled: true, config: { enableSecretRotation: "false", rotationPollInterval: "2m" } });
    });

    it("sends the whole autoscaler profile, AKS's defaults where the stack says nothing", async () => {
        await declare(hardened);
        assert.deepEqual(engine.one(CLUSTER).inputs.autoScalerProfile, {
            expander: "least-waste",
            scanInterval: "10s",
            scaleDownDelayAfterAdd: "10m",
            scaleDownUnneededTime: "20m",
            scaleDownUtilizationThreshold: "0.6",
            maxGracefulTerminationSec: "600",
            balanceSimilarNodeGroups: "false",
            skipNodesWithSystemPods: "true",
            skipNodesWithLocalStorage: "false",
            maxNodeProvisionTime: "15m",
        });
    });

    it("declares a maintenance configuration per window, under the names AKS reads", async () => {
        await declare(hardened);
        const configs = engine.byType(MAINTENANCE).sort((a, b) => String(a.inputs.configName).localeCompare(String(b.inputs.configName)));
        assert.deepEqual(configs.map((c) => c.inputs.configName), ["aksManagedAutoUpgradeSchedule", "aksManagedNodeOSUpgradeSchedule"]);
        assert.deepEqual(configs[0].inputs.maintenanceWindow, {
            schedule: { weekly: { dayOfWeek: "Sunday", intervalWeeks: 1 } }, startTime: "02:00", durationHours: 4, utcOffset: "+09:00",
        });
        assert.deepEqual(configs[1].inputs.maintenanceWindow, {
            schedule: { weekly: { dayOfWeek: "Wednesday", intervalWeeks: 2 } }, startTime: "03:30", durationHours: 6, utcOffset: "+00:00",
        });
        for (const config of configs) {
            assert.equal(config.inputs.resourceName, "aks-test");
            assert.ok(config.dependencies.includes(engine.one(CLUSTER).urn), "after the cluster");
        }
    });

    it("collects Container Insights through a data collection rule associated with the cluster", async () => {
        await declare(hardened);
        const rule = engine.one(RULE, "k-container-insights");
        assert.equal(rule.inputs.kind, "Linux");
        assert.deepEqual(rule.inputs.destinations, { logAnalytics: [{ name: "ciworkspace", workspaceResourceId: WORKSPACE }] });
        assert.deepEqual(rule.inputs.dataFlows, [{ streams: ["Microsoft-ContainerInsights-Group-Default"], destinations: ["ciworkspace"] }]);
        assert.deepEqual((rule.inputs.dataSources as { extensions: unknown[] }).extensions, [{
            name: "ContainerInsightsExtension",
            extensionName: "ContainerInsights",
            streams: ["Microsoft-ContainerInsights-Group-Default"],
            extensionSettings: { dataCollectionSettings: { interval: "1m", namespaceFilteringMode: "Off", enableContainerLogV2: true } },
        }]);
        const association = engine.one(ASSOCIATION, "k-container-insights");
        assert.equal(association.inputs.associationName, "ContainerInsightsExtension");
        assert.ok(association.dependencies.includes(engine.one(CLUSTER).urn));
        assert.ok(association.dependencies.includes(rule.urn));
    });

    it("sends Prometheus metrics to the Azure Monitor workspace through its own endpoint and rule", async () => {
        await declare(hardened);
        assert.deepEqual(engine.one(CLUSTER).inputs.azureMonitorProfile, { metrics: { enabled: true } });
        const endpoint = engine.one(ENDPOINT);
        assert.equal(endpoint.inputs.kind, "Linux");
        const rule = engine.byType(RULE).find((r) => r.name === "k-prometheus");
        assert.ok(rule);
        assert.equal(rule.inputs.kind, "Linux");
        assert.deepEqual(rule.inputs.dataSources, { prometheusForwarder: [{ name: "PrometheusDataSource", streams: ["Microsoft-PrometheusMetrics"], labelIncludeFilter: {} }] });
        assert.deepEqual(rule.inputs.destinations, { monitoringAccounts: [{ name: "MonitoringAccount1", accountResourceId: METRICS_WORKSPACE }] });
        assert.deepEqual(rule.inputs.dataFlows, [{ streams: ["Microsoft-PrometheusMetrics"], destinations: ["MonitoringAccount1"] }]);
        assert.ok(rule.dependencies.includes(endpoint.urn), "the rule names its endpoint");
        const associations = engine.byType(ASSOCIATION).filter((a) => a.name.startsWith("k-prometheus"));
        assert.deepEqual(associations.map((a) => a.inputs.associationName).sort(), ["ContainerInsightsMetricsExtension", "configurationAccessEndpoint"]);
        for (const association of associations) assert.ok(association.dependencies.includes(engine.one(CLUSTER).urn));
    });

    it("creates Microsoft's node, Kubernetes and UX recording rule groups, scoped to the workspace and the cluster", async () => {
        await declare(hardened);
        const groups = engine.byType(RULE_GROUP).sort((a, b) => a.name.localeCompare(b.name));
        // The names, descriptions, counts and sample rules of Azure/prometheus-collector's
        // AddonArmTemplate/FullAzureMonitorMetricsProfile.json (commit 39583fd5).
        assert.deepEqual(groups.map((g) => [g.name, g.inputs.ruleGroupName, g.inputs.description, (g.inputs.rules as unknown[]).length]), [
            ["k-prometheus-rules-kubernetes", "KubernetesRecordingRulesRuleGroup-aks-test", "Kubernetes Recording Rules RuleGroup - 0.1", 19],
            ["k-prometheus-rules-node", "NodeRecordingRulesRuleGroup-aks-test", "Node Recording Rules RuleGroup - 0.1", 11],
            ["k-prometheus-rules-ux", "UXRecordingRulesRuleGroup - aks-test", "UX recording rules for Linux", 18],
        ]);
        const clusterId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-test";
        for (const group of groups) {
            assert.deepEqual(group.inputs.scopes, [METRICS_WORKSPACE, clusterId]);
            assert.equal(group.inputs.clusterName, "aks-test");
            assert.equal(group.inputs.interval, "PT1M");
            assert.equal(group.inputs.enabled, true);
            assert.equal(group.inputs.location, MOCK_WORKSPACE_LOCATION, "in the workspace's region, read from Azure");
        }
        const node = groups[1].inputs.rules as Record<string, unknown>[];
        assert.deepEqual(node[0], { record: "instance:node_num_cpu:sum", expression: "count without (cpu, mode) (  node_cpu_seconds_total{job=\"node\",mode=\"idle\"})", enabled: true });
        const relabel = (groups[0].inputs.rules as Record<string, unknown>[]).filter((r) => r.record === "namespace_workload_pod:kube_pod_owner:relabel");
        assert.deepEqual(relabel.map((r) => (r.labels as Record<string, string>).workload_type), ["deployment", "daemonset", "statefulset", "job"]);
    });

    it("puts each data collection rule in its workspace's region, given or read from Azure", async () => {
        await declare({ ...hardened, location: "koreacentral", monitoring: {
            logAnalyticsWorkspaceId: WORKSPACE, logAnalyticsWorkspaceLocation: "japaneast",
            prometheus: { azureMonitorWorkspaceId: METRICS_WORKSPACE, azureMonitorWorkspaceLocation: "eastasia" },
        } });
        assert.equal(engine.one(RULE, "k-container-insights").inputs.location, "japaneast");
        assert.equal(engine.one(RULE, "k-prometheus").inputs.location, "eastasia");
        assert.equal(engine.one(ENDPOINT).inputs.location, "eastasia");
        for (const group of engine.byType(RULE_GROUP)) assert.equal(group.inputs.location, "eastasia");
        await declare(hardened);
        assert.equal(engine.one(RULE, "k-container-insights").inputs.location, MOCK_WORKSPACE_LOCATION);
        assert.deepEqual(engine.invokes.filter((i) => i.token === "azure-native:operationalinsights:getWorkspace").map((i) => i.inputs), [{ resourceGroupName: "rg-ops", workspaceName: "law-ops" }]);
        assert.deepEqual(engine.invokes.filter((i) => i.token === "azure-native:monitor:getAzureMonitorWorkspace").map((i) => i.inputs), [{ resourceGroupName: "rg-ops", azureMonitorWorkspaceName: "amw-ops" }]);
    });

    it("sends the control-plane logs, kube-audit-admin among them, to the workspace's own tables", async () => {
        await declare(hardened);
        const setting = engine.one(DIAGNOSTICS);
        assert.equal(setting.inputs.workspaceId, WORKSPACE);
        assert.equal(setting.inputs.name, "control-plane-logs");
        assert.equal(setting.inputs.logAnalyticsDestinationType, "Dedicated");
        assert.deepEqual(setting.inputs.logs, ["kube-apiserver", "kube-audit-admin", "kube-controller-manager", "cluster-autoscaler", "guard"].map((category) => ({ category, enabled: true })));
        await declare({ ...hardened, monitoring: { logAnalyticsWorkspaceId: WORKSPACE, containerInsights: false, controlPlaneLogs: [] } });
        assert.equal(engine.byType(DIAGNOSTICS).length, 0, "an empty list sends none");
        assert.equal(engine.byType(RULE).length, 0, "Container Insights off");
        assert.deepEqual((engine.one(CLUSTER).inputs.addonProfiles as Record<string, unknown>).omsagent, { enabled: false });
    });

    it("grants the kubelet identity AcrPull on each registry", async () => {
        await declare(hardened);
        const grant = engine.byType(ROLE).find((r) => r.inputs.scope === REGISTRY);
        assert.ok(grant, "a grant on the registry");
        assert.equal(grant.name, "k-acr-pull-acrops");
        assert.equal(grant.inputs.roleDefinitionId, `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${ACR_PULL}`);
        assert.equal(grant.inputs.principalType, "ServicePrincipal");
        assert.ok(grant.dependencies.includes(engine.one(CLUSTER).urn), "the kubelet identity comes with the cluster");
        assert.equal(grant.deleteBeforeReplace, true);
        assert.deepEqual(grant.onErrorHooks, ["k-acr-pull-retry"], "retried while the kubelet identity replicates");
        assert.match(String(grant.inputs.description), /pull images/);
    });

    it("looks up the subscription for AcrPull through the component's own Azure provider", async () => {
        engine = await MockEngine.install();
        const provider = new azureNative.Provider("other-subscription", {});
        new KubenetCluster("k", { resourceGroupName: "rg-aks", name: "aks-test", subnetId: "s", identityId: "i", nodePools: [system], acrPullRegistryIds: [REGISTRY] }, { providers: [provider] });
        await engine.settle();
        const providerUrn = engine.one("pulumi:providers:azure-native").urn;
        const lookup = engine.invokes.find((i) => i.token === "azure-native:authorization:getClientConfig");
        assert.ok(lookup?.provider?.startsWith(`${providerUrn}::`), `invoked through ${lookup?.provider}`);
    });

    it("asks for no subscription and grants nothing on registries when none is listed", async () => {
        await declare({ nodePools: [system] });
        assert.equal(engine.byType(ROLE).filter((r) => r.name.startsWith("k-")).length, 0);
        assert.equal(engine.invokes.filter((i) => i.token === "azure-native:authorization:getClientConfig").length, 1, "the identity's own lookup only");
    });

    describe("day two: a feature removed from the stack file is turned off in Azure", () => {
        const removals: [string, (args: Partial<KubenetClusterArgs>) => Partial<KubenetClusterArgs>, string[]][] = [
            ["addons", (a) => ({ ...a, addons: undefined }), ["addonProfiles.azurepolicy.enabled", "addonProfiles.azureKeyvaultSecretsProvider.enabled", "securityProfile.imageCleaner.enabled"]],
            ["workloadIdentity", (a) => ({ ...a, workloadIdentity: undefined }), ["securityProfile.workloadIdentity.enabled"]],
            ["monitoring", (a) => ({ ...a, monitoring: undefined }), ["addonProfiles.omsagent.enabled", "securityProfile.defender.securityMonitoring.enabled", "azureMonitorProfile.metrics.enabled"]],
            ["disableRunCommand", (a) => ({ ...a, apiServer: { authorizedIPRanges: ["203.0.113.0/24"] } }), ["apiServerAccessProfile.disableRunCommand"]],
            ["authorizedIPRanges", (a) => ({ ...a, apiServer: { disableRunCommand: true } }), ["apiServerAccessProfile.authorizedIPRanges[0]"]],
            ["an autoscaler setting", (a) => ({ ...a, autoscalerProfile: { expander: "least-waste", scaleDownUtilizationThreshold: 0.6 } }), ["autoScalerProfile.scaleDownUnneededTime"]],
            ["the upgrade channels (back to AKS's defaults)", (a) => ({ ...a, upgradeChannel: undefined, nodeOSUpgradeChannel: undefined, maintenance: undefined }), ["autoUpgradeProfile.upgradeChannel", "autoUpgradeProfile.nodeOSUpgradeChannel"]],
        ];
        for (const [feature, remove, paths] of removals) {
            it(feature, async () => {
                const before = (await declare(hardened)).one(CLUSTER);
                const after = (await declare(remove(hardened))).one(CLUSTER);
                const changes = actionableChanges(before, after);
                for (const path of paths) assert.ok(changes.includes(path), `${path} in ${changes.join(", ")}`);
            });
        }

        it("a maintenance window: its configuration is deleted", async () => {
            await declare({ ...hardened, maintenance: { nodeOSUpgrade: hardened.maintenance!.nodeOSUpgrade } });
            assert.deepEqual(engine.byType(MAINTENANCE).map((c) => c.inputs.configName), ["aksManagedNodeOSUpgradeSchedule"]);
        });
    });

    describe("node settings", () => {
        it("sends the OS image, disk, host encryption and SSH settings a pool gives", async () => {
            const hardenedPool: NodePool = { ...system, osSKU: "AzureLinux", osDiskType: "Ephemeral", osDiskSizeGB: 128, enableEncryptionAtHost: true, sshAccess: "Disabled" };
            await declare({ nodePools: [hardenedPool] });
            const profile = (engine.one(CLUSTER).inputs.agentPoolProfiles as Record<string, unknown>[])[0];
            assert.equal(profile.osSKU, "AzureLinux");
            assert.equal(profile.osDiskType, "Ephemeral");
            assert.equal(profile.osDiskSizeGB, 128);
            assert.equal(profile.enableEncryptionAtHost, true);
            assert.deepEqual(profile.securityProfile, { sshAccess: "Disabled" });
        });

        it("runs a spot pool with the priority, eviction policy, price and the taint AKS requires", async () => {
            const spot: NodePool = { name: "batch", mode: "User", count: 2, nodeTaints: ["team=ml:NoSchedule"], spot: { maxPrice: 0.12345 } };
            await declare({ nodePools: [system, spot] });
            const pool = engine.one(POOL);
            assert.equal(pool.inputs.scaleSetPriority, "Spot");
            assert.equal(pool.inputs.scaleSetEvictionPolicy, "Delete");
            assert.equal(pool.inputs.spotMaxPrice, 0.12345);
            assert.deepEqual(pool.inputs.nodeTaints, ["team=ml:NoSchedule", "kubernetes.azure.com/scalesetpriority=spot:NoSchedule"]);
            await declare({ nodePools: [system, { ...spot, spot: {} }] });
            assert.equal(engine.one(POOL).inputs.spotMaxPrice, -1, "up to the on-demand price");
        });

        it("keeps a pool's Azure name when it sets none of the newer create-only settings", async () => {
            await declare({ nodePools: [system, { name: "apps", mode: "User", count: 1 }] });
            const plain = engine.one(POOL).inputs.agentPoolName;
            await declare({ nodePools: [system, { name: "apps", mode: "User", count: 1, sshAccess: "Disabled" }] });
            assert.equal(engine.one(POOL).inputs.agentPoolName, plain, "sshAccess changes in place");
            await declare({ nodePools: [system, { name: "apps", mode: "User", count: 1, osSKU: "AzureLinux" }] });
            assert.notEqual(engine.one(POOL).inputs.agentPoolName, plain, "osSKU rotates the pool");
        });
    });

    it("sends KMS with the key, and the private vault's id", async () => {
        const engine = await MockEngine.install();
        const key = "https://kv-aks.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef";
        const vault = `${SUB}/resourceGroups/sec/providers/Microsoft.KeyVault/vaults/kv-aks`;
        buildStack({ cluster: { nodePools: [system], kms: { keyId: key, networkAccess: "Private", keyVaultId: vault } } });
        await engine.settle();
        assert.deepEqual((engine.one(CLUSTER).inputs.securityProfile as Record<string, unknown>).azureKeyVaultKms, { enabled: true, keyId: key, keyVaultNetworkAccess: "Private", keyVaultResourceId: vault });
        const publicVault = await MockEngine.install();
        buildStack({ cluster: { nodePools: [system], kms: { keyId: key, keyVaultId: vault } } });
        await publicVault.settle();
        assert.deepEqual((publicVault.one(CLUSTER).inputs.securityProfile as Record<string, unknown>).azureKeyVaultKms, { enabled: true, keyId: key, keyVaultNetworkAccess: "Public" });
    });
});
