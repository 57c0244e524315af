import { strict as assert } from "node:assert";
import { KubenetClusterArgs, NodePoolArgs, validateClusterArgs } from "../../components";
import { formatProblem } from "../../components/address";
import { MockEngine } from "../../infra/synth/engine";
import { actionableChanges } from "./declared-diff";
import { buildStack } from "./fixtures";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const POOL = "azure-native:containerservice:AgentPool";
const ROLE = "azure-native:authorization:RoleAssignment";
const MAINTENANCE = "azure-native:containerservice:MaintenanceConfiguration";
const RULE = "azure-native:monitor:DataCollectionRule";
const ASSOCIATION = "azure-native:monitor:DataCollectionRuleAssociation";
const DIAGNOSTICS = "azure-native:monitor:DiagnosticSetting";
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
const WORKSPACE = `${SUB}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/law-ops`;
const REGISTRY = `${SUB}/resourceGroups/rg-ops/providers/Microsoft.ContainerRegistry/registries/acrOps`;
const ACR_PULL = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
const METRICS_WORKSPACE = `${SUB}/resourceGroups/rg-ops/providers/Microsoft.Monitor/accounts/amw-ops`;
const ENDPOINT = "azure-native:monitor:DataCollectionEndpoint";

const system: NodePoolArgs = { name: "system", mode: "System", count: 3 };
const autoscaled: NodePoolArgs = { name: "apps", mode: "User", enableAutoScaling: true, minCount: 1, maxCount: 5 };

/** Every production feature on. */
const hardened: Partial<KubenetClusterArgs> = {
    upgradeChannel: "patch",
    nodeOSUpgradeChannel: "SecurityPatch",
    workloadIdentity: true,
    acrPullRegistryIds: [REGISTRY],
    apiServer: { authorizedIPRanges: ["203.0.113.0/24"], disableRunCommand: true },
    addons: { azurePolicy: true, keyVaultSecretsProvider: { rotationPollInterval: "5m" }, imageCleaner: { intervalHours: 48 } },
    monitoring: { logAnalyticsWorkspaceId: WORKSPACE, defender: true, prometheus: { azureMonitorWorkspaceId: METRICS_WORKSPACE } },
    maintenance: {
        autoUpgrade: { dayOfWeek: "Sunday", startTime: "02:00", durationHours: 4, utcOffset: "+09:00" },
        nodeOSUpgrade: { dayOfWeek: "Wednesday", startTime: "03:30", durationHours: 6, intervalWeeks: 2 },
    },
    autoscalerProfile: { expander: "least-waste", scaleDownUnneededTime: "20m", scaleDownUtilizationThreshold: 0.6 },
    nodePools: [system, autoscaled],
};

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
    });

    describe("day two: a feature removed from the stack file is turned off in Azure", () => {
        const removals: [string, (args: Partial<KubenetClusterArgs>) => Partial<KubenetClusterArgs>, string[]][] = [
            ["addons", (a) => ({ ...a, addons: undefined }), ["addonProfiles.azurepolicy.enabled", "addonProfiles.azureKeyvaultSecretsProvider.enabled", "securityProfile.imageCleaner.enabled"]],
            ["workloadIdentity", (a) => ({ ...a, workloadIdentity: undefined }), ["securityProfile.workloadIdentity.enabled"]],
            ["monitoring", (a) => ({ ...a, monitoring: undefined }), ["addonProfiles.omsagent.enabled", "securityProfile.defender.securityMonitoring.enabled", "azureMonitorProfile.metrics.enabled"]],
            ["disableRunCommand", (a) => ({ ...a, apiServer: { authorizedIPRanges: ["203.0.113.0/24"] } }), ["apiServerAccessProfile.disableRunCommand"]],
            ["authorizedIPRanges", (a) => ({ ...a, apiServer: { disableRunCommand: true } }), ["apiServerAccessProfile.authorizedIPRanges[0]"]],
            ["an autoscaler setting", (a) => ({ ...a, autoscalerProfile: { expander: "least-waste", scaleDownUtilizationThreshold: 0.6 } }), ["autoScalerProfile.scaleDownUnneededTime"]],
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
            const hardenedPool: NodePoolArgs = { ...system, osSKU: "AzureLinux", osDiskType: "Ephemeral", osDiskSizeGB: 128, enableEncryptionAtHost: true, sshAccess: "Disabled" };
            await declare({ nodePools: [hardenedPool] });
            const profile = (engine.one(CLUSTER).inputs.agentPoolProfiles as Record<string, unknown>[])[0];
            assert.equal(profile.osSKU, "AzureLinux");
            assert.equal(profile.osDiskType, "Ephemeral");
            assert.equal(profile.osDiskSizeGB, 128);
            assert.equal(profile.enableEncryptionAtHost, true);
            assert.deepEqual(profile.securityProfile, { sshAccess: "Disabled" });
        });

        it("runs a spot pool with the priority, eviction policy, price and the taint AKS requires", async () => {
            const spot: NodePoolArgs = { name: "batch", mode: "User", count: 2, nodeTaints: ["team=ml:NoSchedule"], spot: { maxPrice: 0.12345 } };
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
});

describe("components/cluster: production features are validated", () => {
    const base: KubenetClusterArgs = { resourceGroupName: "rg", subnetId: "s", identityId: "i", nodePools: [system, autoscaled], upgradeChannel: "patch" };
    const problems = (args: Partial<KubenetClusterArgs>) => validateClusterArgs({ ...base, ...args }).map(formatProblem);
    const paths = (args: Partial<KubenetClusterArgs>) => problems(args).map((p) => p.split(": ")[0]);

    it("accepts every feature of the hardened cluster", () => {
        assert.deepEqual(problems(hardened), []);
    });

    it("checks the OS image, disk, SSH and spot settings of each pool", () => {
        const pool = (settings: Partial<NodePoolArgs>) => paths({ nodePools: [system, { name: "apps", mode: "User", count: 1, ...settings } as NodePoolArgs] });
        assert.deepEqual(problems({ nodePools: [system, { name: "apps", mode: "User", count: 1, osSKU: "Windows2022" as never }] }), [
            `nodePools[1].osSKU: "Windows2022" is not one of Ubuntu, Ubuntu2204, AzureLinux, AzureLinux3 (Windows images need Azure CNI; CBLMariner is now AzureLinux)`,
        ]);
        assert.deepEqual(pool({ osDiskType: "Premium" as never }), ["nodePools[1].osDiskType"]);
        assert.deepEqual(pool({ osDiskSizeGB: 0 }), ["nodePools[1].osDiskSizeGB"]);
        assert.deepEqual(pool({ osDiskSizeGB: 2049 }), ["nodePools[1].osDiskSizeGB"]);
        assert.deepEqual(pool({ osDiskSizeGB: 2048 }), []);
        assert.deepEqual(pool({ osDiskSizeGB: 1 }), []);
        assert.deepEqual(pool({ osDiskSizeGB: 30.5 }), ["nodePools[1].osDiskSizeGB"]);
        assert.deepEqual(pool({ sshAccess: "disabled" as never }), ["nodePools[1].sshAccess"]);
        assert.deepEqual(pool({ spot: { evictionPolicy: "Stop" as never } }), ["nodePools[1].spot.evictionPolicy"]);
        for (const price of [0, -2, 0.123456]) assert.deepEqual(pool({ spot: { maxPrice: price } }), ["nodePools[1].spot.maxPrice"], String(price));
        for (const price of [-1, 0.00001, 3]) assert.deepEqual(pool({ spot: { maxPrice: price } }), [], String(price));
        assert.deepEqual(problems({ nodePools: [{ ...system, spot: {} }] }), [
            "nodePools[0].spot: System pools can't run on spot VMs: Azure can take every node back at once; use a User pool",
        ]);
    });

    it("refuses a Linux image on a Windows pool", () => {
        const overlay: Partial<KubenetClusterArgs> = { networkPlugin: "azure", networkPluginMode: "overlay" };
        assert.deepEqual(problems({ ...overlay, nodePools: [system, { name: "win", mode: "User", count: 1, osType: "Windows", osSKU: "AzureLinux" }] }), [
            "nodePools[1].osSKU: AzureLinux is a Linux image; a Windows pool takes AKS's Windows image",
        ]);
    });

    it("checks the add-ons' settings", () => {
        assert.deepEqual(problems({ addons: { keyVaultSecretsProvider: { rotationPollInterval: "2 minutes" } } }), [
            `addons.keyVaultSecretsProvider.rotationPollInterval: "2 minutes" is not a duration (e.g. "2m", "1h")`,
        ]);
        assert.deepEqual(problems({ addons: { keyVaultSecretsProvider: { secretRotation: false, rotationPollInterval: "1h30m" } } }), [
            "addons.keyVaultSecretsProvider.rotationPollInterval: is only used with secretRotation: true; remove it or turn rotation on",
        ]);
        assert.deepEqual(paths({ addons: { imageCleaner: { intervalHours: 23 } } }), ["addons.imageCleaner.intervalHours"]);
        assert.deepEqual(paths({ addons: { imageCleaner: { intervalHours: 2161 } } }), ["addons.imageCleaner.intervalHours"]);
        assert.deepEqual(paths({ addons: { imageCleaner: { intervalHours: 24 } } }), []);
        assert.deepEqual(paths({ addons: { imageCleaner: { intervalHours: 2160 } } }), []);
    });

    it("checks the workspace, the log categories and the registries by their resource ids", () => {
        assert.deepEqual(problems({ monitoring: { logAnalyticsWorkspaceId: "law-ops" } }), [
            `monitoring.logAnalyticsWorkspaceId: "law-ops" is not a Microsoft.OperationalInsights/workspaces resource id (expected /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.OperationalInsights/workspaces/<name>)`,
        ]);
        assert.deepEqual(problems({ monitoring: { logAnalyticsWorkspaceId: WORKSPACE, controlPlaneLogs: ["kube-audit", "kube-apiservr", "kube-audit"] } }), [
            `monitoring.controlPlaneLogs[1]: "kube-apiservr" is not an AKS log category: use kube-apiserver, kube-audit, kube-audit-admin, kube-controller-manager, kube-scheduler, cluster-autoscaler, cloud-controller-manager, guard, csi-azuredisk-controller, csi-azurefile-controller, csi-snapshot-controller`,
            "monitoring.controlPlaneLogs[2]: kube-audit is listed twice",
        ]);
        assert.deepEqual(paths({ monitoring: { logAnalyticsWorkspaceId: WORKSPACE, prometheus: { azureMonitorWorkspaceId: WORKSPACE } } }), ["monitoring.prometheus.azureMonitorWorkspaceId"], "a Log Analytics workspace isn't an Azure Monitor workspace");
        assert.deepEqual(paths({ acrPullRegistryIds: [WORKSPACE, REGISTRY, REGISTRY.toUpperCase()] }), ["acrPullRegistryIds[0]", "acrPullRegistryIds[2]"]);
    });

    it("checks each maintenance window against AKS's bounds, and its upgrade channel", () => {
        const window = { dayOfWeek: "Sunday", startTime: "02:00", durationHours: 4 } as const;
        const at = (changes: Record<string, unknown>) => paths({ maintenance: { autoUpgrade: { ...window, ...changes } as never } });
        assert.deepEqual(at({}), []);
        assert.deepEqual(at({ dayOfWeek: "sunday" }), ["maintenance.autoUpgrade.dayOfWeek"]);
        for (const time of ["2:00", "24:00", "02:60", "0200"]) assert.deepEqual(at({ startTime: time }), ["maintenance.autoUpgrade.startTime"], time);
        assert.deepEqual(at({ startTime: "23:59" }), []);
        for (const hours of [3, 25, 4.5]) assert.deepEqual(at({ durationHours: hours }), ["maintenance.autoUpgrade.durationHours"], String(hours));
        assert.deepEqual(at({ durationHours: 24 }), []);
        for (const offset of ["+9:00", "09:00", "+15:00"]) assert.deepEqual(at({ utcOffset: offset }), ["maintenance.autoUpgrade.utcOffset"], offset);
        assert.deepEqual(at({ utcOffset: "-05:30" }), []);
        for (const weeks of [0, 5]) assert.deepEqual(at({ intervalWeeks: weeks }), ["maintenance.autoUpgrade.intervalWeeks"], String(weeks));
        assert.deepEqual(at({ intervalWeeks: 4 }), []);
        assert.deepEqual(problems({ upgradeChannel: undefined, maintenance: { autoUpgrade: window } }), [
            "maintenance.autoUpgrade: schedules the cluster auto-upgrade channel, which is off: set upgradeChannel (patch, stable, rapid or node-image)",
        ]);
        assert.deepEqual(paths({ upgradeChannel: "none", maintenance: { autoUpgrade: window } }), ["maintenance.autoUpgrade"]);
        assert.deepEqual(problems({ nodeOSUpgradeChannel: "Unmanaged", maintenance: { nodeOSUpgrade: window } }), [
            "maintenance.nodeOSUpgrade: schedules node OS upgrades, which AKS doesn't run with nodeOSUpgradeChannel Unmanaged: use NodeImage or SecurityPatch",
        ]);
        assert.deepEqual(paths({ nodeOSUpgradeChannel: "None", maintenance: { nodeOSUpgrade: window } }), ["maintenance.nodeOSUpgrade"]);
        assert.deepEqual(paths({ maintenance: { nodeOSUpgrade: window } }), [], "AKS's default node OS channel upgrades");
    });

    it("takes a private DNS zone only for a private cluster: system, none, or an AKS zone's id", () => {
        const zone = (privateDNSZone: string, enablePrivateCluster = true) => problems({ apiServer: { enablePrivateCluster, privateDNSZone } });
        for (const ok of ["system", "none", `${SUB}/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.koreacentral.azmk8s.io`, `${SUB}/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/team.privatelink.koreacentral.azmk8s.io`]) {
            assert.deepEqual(zone(ok), [], ok);
        }
        assert.deepEqual(zone("system", false), ["apiServer.privateDNSZone: is only used with enablePrivateCluster: true"]);
        assert.deepEqual(zone("System"), [`apiServer.privateDNSZone: "System" is not system, none or a private DNS zone's resource id (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/privateDnsZones/<name>)`]);
        assert.deepEqual(zone(`${SUB}/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/example.com`), [
            "apiServer.privateDNSZone: example.com is not a zone AKS can use: name it privatelink.<region>.azmk8s.io or <subzone>.privatelink.<region>.azmk8s.io",
        ]);
    });

    it("takes a versioned Key Vault key for KMS, and the vault's id only for a private vault", () => {
        const key = "https://kv-aks.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef";
        const vault = `${SUB}/resourceGroups/sec/providers/Microsoft.KeyVault/vaults/kv-aks`;
        assert.deepEqual(problems({ kms: { keyId: key } }), []);
        assert.deepEqual(problems({ kms: { keyId: key, keyVaultNetworkAccess: "Private", keyVaultResourceId: vault } }), []);
        assert.deepEqual(problems({ kms: { keyId: "https://kv-aks.vault.azure.net/keys/etcd" } }), [
            `kms.keyId: "https://kv-aks.vault.azure.net/keys/etcd" is not a Key Vault key id with its version (https://<vault>.vault.azure.net/keys/<name>/<32-hex version>)`,
        ]);
        assert.deepEqual(problems({ kms: { keyId: key, keyVaultNetworkAccess: "Private" } }), ["kms.keyVaultResourceId: is required with keyVaultNetworkAccess: Private (AKS adds a private endpoint to the vault)"]);
        assert.deepEqual(problems({ kms: { keyId: key, keyVaultResourceId: vault } }), ["kms.keyVaultResourceId: is only used with keyVaultNetworkAccess: Private; leave it out for a public vault"]);
        assert.deepEqual(paths({ kms: { keyId: key, keyVaultNetworkAccess: "Private", keyVaultResourceId: "kv-aks" } }), ["kms.keyVaultResourceId"]);
        assert.deepEqual(paths({ kms: { keyId: key, keyVaultNetworkAccess: "Internal" as never } }), ["kms.keyVaultNetworkAccess"]);
    });

    it("sends KMS with the key, and the private vault's id", async () => {
        const engine = await MockEngine.install();
        const key = "https://kv-aks.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef";
        const vault = `${SUB}/resourceGroups/sec/providers/Microsoft.KeyVault/vaults/kv-aks`;
        buildStack({ cluster: { nodePools: [system], kms: { keyId: key, keyVaultNetworkAccess: "Private", keyVaultResourceId: vault } } });
        await engine.settle();
        assert.deepEqual((engine.one(CLUSTER).inputs.securityProfile as Record<string, unknown>).azureKeyVaultKms, { enabled: true, keyId: key, keyVaultNetworkAccess: "Private", keyVaultResourceId: vault });
        const publicVault = await MockEngine.install();
        buildStack({ cluster: { nodePools: [system], kms: { keyId: key } } });
        await publicVault.settle();
        assert.deepEqual((publicVault.one(CLUSTER).inputs.securityProfile as Record<string, unknown>).azureKeyVaultKms, { enabled: true, keyId: key, keyVaultNetworkAccess: "Public" });
    });

    it("says what is wrong with each setting, whatever type it was given as", () => {
        const pool = (settings: Record<string, unknown>) => problems({ nodePools: [system, { name: "apps", mode: "User", count: 1, ...settings } as NodePoolArgs] });
        assert.deepEqual(pool({ osDiskType: 5 }), ["nodePools[1].osDiskType: 5 is not one of Managed, Ephemeral"]);
        assert.deepEqual(pool({ osDiskSizeGB: 0 }), ["nodePools[1].osDiskSizeGB: 0 is not a disk size: use a whole number of GB from 1 to 2048"]);
        assert.deepEqual(pool({ sshAccess: "off" }), [`nodePools[1].sshAccess: "off" is not one of LocalUser, Disabled`]);
        assert.deepEqual(pool({ spot: { evictionPolicy: "Stop" } }), [`nodePools[1].spot.evictionPolicy: "Stop" is not one of Delete, Deallocate`]);
        assert.deepEqual(pool({ spot: { maxPrice: "0.5" } }), ["nodePools[1].spot.maxPrice: 0.5 is not a spot price: use -1 (up to the on-demand price) or US dollars per hour above 0, with at most 5 decimals"]);
        const window = { dayOfWeek: "Sunday", startTime: "02:00", durationHours: 4 };
        const maintenance = (changes: Record<string, unknown>) => problems({ maintenance: { nodeOSUpgrade: { ...window, ...changes } as never } });
        assert.deepEqual(maintenance({ dayOfWeek: "Sun" }), [`maintenance.nodeOSUpgrade.dayOfWeek: "Sun" is not one of Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday`]);
        assert.deepEqual(maintenance({ startTime: 200 }), [`maintenance.nodeOSUpgrade.startTime: 200 is not a time of day: write HH:mm, e.g. "02:00"`]);
        assert.deepEqual(maintenance({ durationHours: "4" }), ["maintenance.nodeOSUpgrade.durationHours: 4 is not a window length: AKS takes whole hours from 4 to 24"]);
        assert.deepEqual(maintenance({ utcOffset: 9 }), [`maintenance.nodeOSUpgrade.utcOffset: 9 is not a UTC offset: write +HH:mm or -HH:mm, e.g. "+09:00"`]);
        assert.deepEqual(maintenance({ intervalWeeks: 5 }), ["maintenance.nodeOSUpgrade.intervalWeeks: 5 is not a week interval: use 1 to 4"]);
        assert.deepEqual(problems({ addons: { imageCleaner: { intervalHours: 12 } } }), ["addons.imageCleaner.intervalHours: 12 is not an Image Cleaner interval: use whole hours from 24 to 2160"]);
        assert.deepEqual(problems({ addons: { keyVaultSecretsProvider: { rotationPollInterval: 120 as never } } }), [`addons.keyVaultSecretsProvider.rotationPollInterval: 120 is not a duration (e.g. "2m", "1h")`]);
        assert.deepEqual(problems({ acrPullRegistryIds: [REGISTRY, REGISTRY] }), [`acrPullRegistryIds[1]: ${REGISTRY} is listed twice`]);
        assert.deepEqual(problems({ autoscalerProfile: { expander: "fastest" as never } }), [`autoscalerProfile.expander: "fastest" is not one of least-waste, most-pods, priority, random`]);
        assert.deepEqual(problems({ autoscalerProfile: { scanInterval: 10 as never } }), [`autoscalerProfile.scanInterval: 10 is not a duration: a whole number of s, m or h, e.g. "10m"`]);
        assert.deepEqual(problems({ autoscalerProfile: { scaleDownUtilizationThreshold: "0.5" as never } }), ["autoscalerProfile.scaleDownUtilizationThreshold: 0.5 is not a utilization share: use a number above 0 and at most 1"]);
        assert.deepEqual(problems({ autoscalerProfile: { maxGracefulTerminationSec: 1.5 } }), ["autoscalerProfile.maxGracefulTerminationSec: 1.5 is not a number of seconds: use a whole number of 0 or more"]);
        assert.deepEqual(problems({ kms: { keyId: 7 as never } }), ["kms.keyId: 7 is not a Key Vault key id with its version (https://<vault>.vault.azure.net/keys/<name>/<32-hex version>)"]);
        assert.deepEqual(problems({ kms: { keyId: "https://kv-aks.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef", keyVaultNetworkAccess: "Internal" as never } }), [`kms.keyVaultNetworkAccess: "Internal" is not one of Public, Private`]);
    });

    it("checks the autoscaler profile, and takes it only with an autoscaled pool", () => {
        assert.deepEqual(problems({ nodePools: [system], autoscalerProfile: { expander: "random" } }), [
            "autoscalerProfile: applies to autoscaled pools, and no pool has enableAutoScaling: true; remove it or autoscale a pool",
        ]);
        assert.deepEqual(paths({ autoscalerProfile: { expander: "fastest" as never } }), ["autoscalerProfile.expander"]);
        for (const key of ["scanInterval", "scaleDownDelayAfterAdd", "scaleDownUnneededTime", "maxNodeProvisionTime"]) {
            assert.deepEqual(paths({ autoscalerProfile: { [key]: "10 minutes" } }), [`autoscalerProfile.${key}`], key);
            assert.deepEqual(paths({ autoscalerProfile: { [key]: "90s" } }), [], key);
        }
        for (const share of [0, 1.1]) assert.deepEqual(paths({ autoscalerProfile: { scaleDownUtilizationThreshold: share } }), ["autoscalerProfile.scaleDownUtilizationThreshold"], String(share));
        assert.deepEqual(paths({ autoscalerProfile: { scaleDownUtilizationThreshold: 1 } }), []);
        assert.deepEqual(paths({ autoscalerProfile: { maxGracefulTerminationSec: -1 } }), ["autoscalerProfile.maxGracefulTerminationSec"]);
        assert.deepEqual(paths({ autoscalerProfile: { maxGracefulTerminationSec: 0 } }), []);
    });
});
