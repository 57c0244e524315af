import { strict as assert } from "node:assert";
import { KubenetClusterArgs, NodePool } from "../../components";
import { validateClusterArgs } from "../../components/rules";
import { formatProblem } from "../../components/address";
import {
    autoscaledPool as autoscaled,
    fixedSystemPool as system,
    hardenedCluster as hardened,
    REGISTRY_ID as REGISTRY,
    SUBSCRIPTION as SUB,
    WORKSPACE_ID as WORKSPACE,
} from "./fixtures";

/**
 * The production features' rules, checked on validateClusterArgs alone: no stack is declared, so
 * these run in milliseconds (the mutation run orders them before the stack-building tests).
 */
describe("components/cluster: production features are validated", () => {
    const base: KubenetClusterArgs = { resourceGroupName: "rg", name: "aks-test", subnetId: "s", identityId: "i", nodePools: [system, autoscaled], upgradeChannel: "patch" };
    const problems = (args: Partial<KubenetClusterArgs>) => validateClusterArgs({ ...base, ...args }).map(formatProblem);
    const paths = (args: Partial<KubenetClusterArgs>) => problems(args).map((p) => p.split(": ")[0]);

    it("accepts every feature of the hardened cluster", () => {
        assert.deepEqual(problems(hardened), []);
    });

    it("checks the OS image, disk, SSH and spot settings of each pool", () => {
        // No control-plane channel: a Spot pool can't be upgraded with the control plane (below).
        const pool = (settings: Partial<NodePool>) => paths({ upgradeChannel: "none", nodePools: [system, { name: "apps", mode: "User", count: 1, ...settings } as NodePool] });
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

    it("refuses a Spot pool under a channel that upgrades the control plane, which upgrades every pool with it", () => {
        // Microsoft: a Spot pool and the control plane can't be upgraded at the same time
        // (spot-node-pool.md), and auto-upgrade "always upgrades the control plane and the node
        // pools together" (auto-upgrade-cluster.md).
        const spot = { name: "cheap", mode: "User" as const, count: 1, spot: {} };
        for (const channel of ["patch", "stable", "rapid"] as const) {
            assert.deepEqual(problems({ upgradeChannel: channel, nodePools: [system, spot] }), [
                `nodePools[1].spot: a Spot pool can't be upgraded together with the control plane, which upgradeChannel ${channel} does: set upgradeChannel none or node-image, or move these workloads to a regular pool`,
            ]);
        }
        for (const channel of ["none", "node-image", undefined] as const) assert.deepEqual(problems({ upgradeChannel: channel, nodePools: [system, spot] }), [], String(channel));
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
        for (const offset of ["+05:30", "+05:45", "+13:45", "-12:00", "-09:30"]) assert.deepEqual(at({ utcOffset: offset }), [], offset);
        // Written right, but no time zone keeps them (the runtime's time zone database).
        for (const offset of ["-14:00", "+05:17", "-05:30"]) {
            assert.deepEqual(problems({ maintenance: { autoUpgrade: { ...window, utcOffset: offset } } }), [`maintenance.autoUpgrade.utcOffset: ${offset} is no time zone's offset: use your zone's, e.g. "+09:00" for Korea, "+05:30" for India`], offset);
        }
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

    it("takes a versioned Key Vault key for KMS, and the vault's id, which a private vault needs", () => {
        const key = "https://kv-aks.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef";
        const vault = `${SUB}/resourceGroups/sec/providers/Microsoft.KeyVault/vaults/kv-aks`;
        assert.deepEqual(problems({ kms: { keyId: key } }), []);
        assert.deepEqual(problems({ kms: { keyId: key, networkAccess: "Private", keyVaultId: vault } }), []);
        assert.deepEqual(problems({ kms: { keyId: key, keyVaultId: vault } }), [], "a public vault's id is where ClusterIdentity grants");
        assert.deepEqual(problems({ kms: { keyId: "https://kv-aks.vault.azure.net/keys/etcd" } }), [
            `kms.keyId: "https://kv-aks.vault.azure.net/keys/etcd" is not a Key Vault key id with its version (https://<vault>.vault.azure.net/keys/<name>/<32-hex version>)`,
        ]);
        assert.deepEqual(problems({ kms: { keyId: key, networkAccess: "Private" } }), ["kms.keyVaultId: is required with networkAccess: Private (AKS adds a private endpoint to the vault)"]);
        assert.deepEqual(paths({ kms: { keyId: key, networkAccess: "Private", keyVaultId: "kv-aks" } }), ["kms.keyVaultId"]);
        assert.deepEqual(paths({ kms: { keyId: key, keyVaultId: "kv-aks" } }), ["kms.keyVaultId"]);
        assert.deepEqual(paths({ kms: { keyId: key, networkAccess: "Internal" as never } }), ["kms.networkAccess"]);
    });

    it("refuses the KMS settings' names 0.3.0 renamed, naming the one meant", () => {
        const key = "https://kv-aks.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef";
        const vault = `${SUB}/resourceGroups/sec/providers/Microsoft.KeyVault/vaults/kv-aks`;
        assert.deepEqual(problems({ kms: { keyId: key, keyVaultNetworkAccess: "Private", keyVaultResourceId: vault } as never }), [
            "kms.keyVaultNetworkAccess: was renamed kms.networkAccess in 0.3.0: write kms.networkAccess instead",
            "kms.keyVaultResourceId: was renamed kms.keyVaultId in 0.3.0: write kms.keyVaultId instead",
        ]);
    });

    it("says what is wrong with each setting, whatever type it was given as", () => {
        const pool = (settings: Record<string, unknown>) => problems({ upgradeChannel: "none", nodePools: [system, { name: "apps", mode: "User", count: 1, ...settings } as NodePool] });
        assert.deepEqual(pool({ osDiskType: 5 }), ["nodePools[1].osDiskType: 5 is not one of Managed, Ephemeral"]);
        assert.deepEqual(pool({ osDiskSizeGB: 0 }), ["nodePools[1].osDiskSizeGB: 0 is not a disk size: use a whole number of GB from 1 to 2048"]);
        assert.deepEqual(pool({ sshAccess: "off" }), [`nodePools[1].sshAccess: "off" is not one of LocalUser, Disabled`]);
        assert.deepEqual(pool({ spot: { evictionPolicy: "Stop" } }), [`nodePools[1].spot.evictionPolicy: "Stop" is not one of Delete, Deallocate`]);
        assert.deepEqual(pool({ spot: { maxPrice: "0.5" } }), ["nodePools[1].spot.maxPrice: expected number, got string \"0.5\""]);
        const window = { dayOfWeek: "Sunday", startTime: "02:00", durationHours: 4 };
        const maintenance = (changes: Record<string, unknown>) => problems({ maintenance: { nodeOSUpgrade: { ...window, ...changes } as never } });
        assert.deepEqual(maintenance({ dayOfWeek: "Sun" }), [`maintenance.nodeOSUpgrade.dayOfWeek: "Sun" is not one of Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday`]);
        assert.deepEqual(maintenance({ startTime: 200 }), [`maintenance.nodeOSUpgrade.startTime: 200 is not a time of day: write HH:mm, e.g. "02:00"`]);
        assert.deepEqual(maintenance({ durationHours: "4" }), ["maintenance.nodeOSUpgrade.durationHours: \"4\" is not a window length: AKS takes whole hours from 4 to 24"]);
        assert.deepEqual(maintenance({ utcOffset: 9 }), [`maintenance.nodeOSUpgrade.utcOffset: 9 is not a UTC offset: write +HH:mm or -HH:mm in quotes, e.g. "+09:00"`]);
        assert.deepEqual(maintenance({ intervalWeeks: 5 }), ["maintenance.nodeOSUpgrade.intervalWeeks: 5 is not a week interval: use 1 to 4"]);
        assert.deepEqual(problems({ addons: { imageCleaner: { intervalHours: 12 } } }), ["addons.imageCleaner.intervalHours: 12 is not an Image Cleaner interval: use whole hours from 24 to 2160"]);
        assert.deepEqual(problems({ addons: { keyVaultSecretsProvider: { rotationPollInterval: 120 as never } } }), [`addons.keyVaultSecretsProvider.rotationPollInterval: expected string, got number 120`]);
        assert.deepEqual(problems({ acrPullRegistryIds: [REGISTRY, REGISTRY] }), [`acrPullRegistryIds[1]: ${REGISTRY} is listed twice`]);
        assert.deepEqual(problems({ autoscalerProfile: { expander: "fastest" as never } }), [`autoscalerProfile.expander: "fastest" is not one of least-waste, most-pods, priority, random`]);
        assert.deepEqual(problems({ autoscalerProfile: { scanInterval: 10 as never } }), [`autoscalerProfile.scanInterval: expected string, got number 10`]);
        assert.deepEqual(problems({ autoscalerProfile: { scaleDownUtilizationThreshold: "0.5" as never } }), ["autoscalerProfile.scaleDownUtilizationThreshold: expected number, got string \"0.5\""]);
        assert.deepEqual(problems({ autoscalerProfile: { maxGracefulTerminationSec: 1.5 } }), ["autoscalerProfile.maxGracefulTerminationSec: 1.5 is not a number of seconds: use a whole number of 0 or more"]);
        assert.deepEqual(problems({ kms: { keyId: 7 as never } }), ["kms.keyId: expected string, got number 7"]);
        assert.deepEqual(problems({ kms: { keyId: "https://kv-aks.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef", networkAccess: "Internal" as never } }), [`kms.networkAccess: "Internal" is not one of Public, Private`]);
    });

    it("checks the autoscaler profile, and takes it only with an autoscaled pool", () => {
        assert.deepEqual(problems({ nodePools: [system], autoscalerProfile: { expander: "random" } }), [
            "autoscalerProfile: applies to autoscaled pools, and no pool has enableAutoScaling: true; remove it or autoscale a pool",
        ]);
        assert.deepEqual(paths({ autoscalerProfile: { expander: "fastest" as never } }), ["autoscalerProfile.expander"]);
        // The REST model: scan-interval in seconds, the other three in minutes only.
        for (const [key, unit, other] of [["scanInterval", "s", "m"], ["scaleDownDelayAfterAdd", "m", "s"], ["scaleDownUnneededTime", "m", "h"], ["maxNodeProvisionTime", "m", "s"]]) {
            assert.deepEqual(paths({ autoscalerProfile: { [key]: "10 minutes" } }), [`autoscalerProfile.${key}`], key);
            assert.deepEqual(paths({ autoscalerProfile: { [key]: `90${other}` } }), [`autoscalerProfile.${key}`], `${key} in ${other}`);
            assert.deepEqual(paths({ autoscalerProfile: { [key]: `90${unit}` } }), [], key);
            assert.deepEqual(paths({ autoscalerProfile: { [key]: `0${unit}` } }), [], `${key} at 0`);
        }
        for (const share of [0, 1.1]) assert.deepEqual(paths({ autoscalerProfile: { scaleDownUtilizationThreshold: share } }), ["autoscalerProfile.scaleDownUtilizationThreshold"], String(share));
        assert.deepEqual(paths({ autoscalerProfile: { scaleDownUtilizationThreshold: 1 } }), []);
        assert.deepEqual(paths({ autoscalerProfile: { maxGracefulTerminationSec: -1 } }), ["autoscalerProfile.maxGracefulTerminationSec"]);
        assert.deepEqual(paths({ autoscalerProfile: { maxGracefulTerminationSec: 0 } }), []);
    });
});
