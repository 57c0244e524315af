import { PathOf, Problem } from "../address";
import { checkOneOf, isOneOf, isWholeNumberIn } from "../common/checks";
import { checkResourceId, resourceNameFromId } from "../common/resource-id";
import { KEY_VAULT_NETWORK_ACCESS } from "../identity";
import { AUTOSCALER_EXPANDERS, DAYS_OF_WEEK, KnownClusterArgs, MaintenanceArgs, MaintenanceWindowArgs } from "./args";
import { isOwnPrivateDnsZone } from "./api-access";
import { autoscalerDurationProblems } from "./autoscaler-units";
import { ACR_TYPE, AZURE_MONITOR_WORKSPACE_TYPE, LOG_ANALYTICS_TYPE } from "./features";
import { MAINTENANCE_LIMITS } from "./maintenance";
import { CONTROL_PLANE_LOG_CATEGORIES } from "./observability";

/** A Go duration as AKS's add-on settings take it: `2m`, `1h30m`, `90s`. */
const GO_DURATION = /^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/;
const CLOCK_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const UTC_OFFSET = /^[+-](0[0-9]|1[0-4]):[0-5][0-9]$/;
/** Image Cleaner's interval bounds (Microsoft, "Use Image Cleaner on AKS"): a day to three months. */
export const IMAGE_CLEANER_INTERVAL_HOURS = { min: 24, max: 2160 } as const;

/** Add-ons, monitoring, registries, maintenance windows and the autoscaler profile. */
export function checkClusterFeatures(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    return [
        ...checkPrivateDnsZone(args, pathOf),
        ...checkKms(args, pathOf),
        ...checkAddons(args, pathOf),
        ...checkMonitoring(args, pathOf),
        ...checkRegistries(args, pathOf),
        ...checkMaintenance(args, pathOf),
        ...checkAutoscalerProfile(args, pathOf),
    ];
}

function checkAddons(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const problems: Problem[] = [];
    const keyVault = args.addons?.keyVaultSecretsProvider;
    if (keyVault?.rotationPollInterval !== undefined) {
        if (typeof keyVault.rotationPollInterval !== "string" || !GO_DURATION.test(keyVault.rotationPollInterval)) {
            problems.push({ path: pathOf("addons.keyVaultSecretsProvider.rotationPollInterval"), message: `${JSON.stringify(keyVault.rotationPollInterval)} is not a duration (e.g. "2m", "1h")` });
        } else if (keyVault.secretRotation === false) {
            problems.push({ path: pathOf("addons.keyVaultSecretsProvider.rotationPollInterval"), message: "is only used with secretRotation: true; remove it or turn rotation on" });
        }
    }
    const interval = args.addons?.imageCleaner?.intervalHours;
    const { min, max } = IMAGE_CLEANER_INTERVAL_HOURS;
    if (interval !== undefined && !isWholeNumberIn(interval, min, max)) {
        problems.push({ path: pathOf("addons.imageCleaner.intervalHours"), message: `${interval} is not an Image Cleaner interval: use whole hours from ${min} to ${max}` });
    }
    return problems;
}

function checkMonitoring(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const monitoring = args.monitoring;
    if (!monitoring) return [];
    const problems: Problem[] = [];
    // An id known only at deployment (another resource's output) is Azure's to check.
    if (typeof monitoring.logAnalyticsWorkspaceId === "string") {
        problems.push(...checkResourceId(monitoring.logAnalyticsWorkspaceId, LOG_ANALYTICS_TYPE, pathOf("monitoring.logAnalyticsWorkspaceId")));
    }
    const prometheusWorkspace = monitoring.prometheus?.azureMonitorWorkspaceId;
    if (typeof prometheusWorkspace === "string") {
        problems.push(...checkResourceId(prometheusWorkspace, AZURE_MONITOR_WORKSPACE_TYPE, pathOf("monitoring.prometheus.azureMonitorWorkspaceId")));
    }
    const seen = new Set<string>();
    (monitoring.controlPlaneLogs ?? []).forEach((category, i) => {
        const at = pathOf(`monitoring.controlPlaneLogs[${i}]`);
        if (!isOneOf(CONTROL_PLANE_LOG_CATEGORIES, category)) {
            problems.push({ path: at, message: `${JSON.stringify(category)} is not an AKS log category: use ${CONTROL_PLANE_LOG_CATEGORIES.join(", ")}` });
        } else if (seen.has(category)) {
            problems.push({ path: at, message: `${category} is listed twice` });
        }
        seen.add(category);
    });
    return problems;
}

function checkRegistries(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const problems: Problem[] = [];
    const seen = new Set<string>();
    (args.acrPullRegistryIds ?? []).forEach((id, i) => {
        const at = pathOf(`acrPullRegistryIds[${i}]`);
        const wrong = checkResourceId(id, ACR_TYPE, at);
        if (wrong.length > 0) problems.push(...wrong);
        else if (seen.has(id.toLowerCase())) problems.push({ path: at, message: `${id} is listed twice` });
        seen.add(String(id).toLowerCase());
    });
    return problems;
}

/**
 * A window for an upgrade that never runs would be accepted and do nothing: the auto-upgrade
 * window needs an upgrade channel, the node OS window a channel AKS itself applies.
 */
function checkMaintenance(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const maintenance = args.maintenance;
    if (!maintenance) return [];
    const problems: Problem[] = [];
    const windows: [keyof MaintenanceArgs, MaintenanceWindowArgs | undefined][] = [["autoUpgrade", maintenance.autoUpgrade], ["nodeOSUpgrade", maintenance.nodeOSUpgrade]];
    for (const [kind, window] of windows) {
        if (!window) continue;
        problems.push(...checkWindow(window, (key) => pathOf(`maintenance.${kind}.${key}`)));
    }
    if (maintenance.autoUpgrade && (args.upgradeChannel === undefined || args.upgradeChannel === "none")) {
        problems.push({ path: pathOf("maintenance.autoUpgrade"), message: "schedules the cluster auto-upgrade channel, which is off: set upgradeChannel (patch, stable, rapid or node-image)" });
    }
    if (maintenance.nodeOSUpgrade && (args.nodeOSUpgradeChannel === "None" || args.nodeOSUpgradeChannel === "Unmanaged")) {
        problems.push({ path: pathOf("maintenance.nodeOSUpgrade"), message: `schedules node OS upgrades, which AKS doesn't run with nodeOSUpgradeChannel ${args.nodeOSUpgradeChannel}: use NodeImage or SecurityPatch` });
    }
    return problems;
}

function checkWindow(window: MaintenanceWindowArgs, at: (key: string) => string): Problem[] {
    const problems: Problem[] = [];
    const { minDurationHours, maxDurationHours, minIntervalWeeks, maxIntervalWeeks } = MAINTENANCE_LIMITS;
    problems.push(...checkOneOf(window.dayOfWeek, DAYS_OF_WEEK, at("dayOfWeek"), true));
    if (typeof window.startTime !== "string" || !CLOCK_TIME.test(window.startTime)) {
        problems.push({ path: at("startTime"), message: `${JSON.stringify(window.startTime)} is not a time of day: write HH:mm, e.g. "02:00"` });
    }
    if (!isWholeNumberIn(window.durationHours, minDurationHours, maxDurationHours)) {
        problems.push({ path: at("durationHours"), message: `${window.durationHours} is not a window length: AKS takes whole hours from ${minDurationHours} to ${maxDurationHours}` });
    }
    if (window.utcOffset !== undefined && (typeof window.utcOffset !== "string" || !UTC_OFFSET.test(window.utcOffset))) {
        problems.push({ path: at("utcOffset"), message: `${JSON.stringify(window.utcOffset)} is not a UTC offset: write +HH:mm or -HH:mm, e.g. "+09:00"` });
    }
    if (window.intervalWeeks !== undefined && !isWholeNumberIn(window.intervalWeeks, minIntervalWeeks, maxIntervalWeeks)) {
        problems.push({ path: at("intervalWeeks"), message: `${window.intervalWeeks} is not a week interval: use ${minIntervalWeeks} to ${maxIntervalWeeks}` });
    }
    return problems;
}

function checkAutoscalerProfile(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const profile = args.autoscalerProfile;
    if (!profile) return [];
    const problems: Problem[] = [];
    const at = (key: string) => pathOf(`autoscalerProfile.${key}`);
    if (!(args.nodePools ?? []).some((pool) => pool.enableAutoScaling)) {
        problems.push({ path: pathOf("autoscalerProfile"), message: "applies to autoscaled pools, and no pool has enableAutoScaling: true; remove it or autoscale a pool" });
    }
    problems.push(...checkOneOf(profile.expander, AUTOSCALER_EXPANDERS, at("expander")));
    problems.push(...autoscalerDurationProblems(profile as Record<string, string | undefined>, pathOf("autoscalerProfile")));
    const threshold = profile.scaleDownUtilizationThreshold;
    if (threshold !== undefined && !(typeof threshold === "number" && threshold > 0 && threshold <= 1)) {
        problems.push({ path: at("scaleDownUtilizationThreshold"), message: `${threshold} is not a utilization share: use a number above 0 and at most 1` });
    }
    const grace = profile.maxGracefulTerminationSec;
    if (grace !== undefined && !isWholeNumberIn(grace, 0, Number.MAX_SAFE_INTEGER)) {
        problems.push({ path: at("maxGracefulTerminationSec"), message: `${grace} is not a number of seconds: use a whole number of 0 or more` });
    }
    return problems;
}

/** `privatelink.<region>.azmk8s.io`, or a subzone of it (Microsoft, "Create a private AKS cluster"). */
const AKS_PRIVATE_ZONE_NAME = /^([a-z0-9-]+\.)?privatelink\.[a-z0-9]+\.azmk8s\.io$/i;

function checkPrivateDnsZone(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const zone = args.apiServer?.privateDNSZone;
    if (zone === undefined) return [];
    const at = pathOf("apiServer.privateDNSZone");
    if (!args.apiServer?.enablePrivateCluster) return [{ path: at, message: "is only used with enablePrivateCluster: true" }];
    if (!isOwnPrivateDnsZone(zone)) return [];
    const name = resourceNameFromId(zone, "Microsoft.Network/privateDnsZones");
    if (name === undefined) return [{ path: at, message: `${JSON.stringify(zone)} is not system, none or a private DNS zone's resource id (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/privateDnsZones/<name>)` }];
    return AKS_PRIVATE_ZONE_NAME.test(name) ? [] : [{ path: at, message: `${name} is not a zone AKS can use: name it privatelink.<region>.azmk8s.io or <subzone>.privatelink.<region>.azmk8s.io` }];
}

/** A Key Vault key id with its version; KMS needs the version. */
const KEY_ID = /^https:\/\/[a-zA-Z0-9-]{3,24}\.vault\.(azure\.net|azure\.cn|usgovcloudapi\.net)\/keys\/[a-zA-Z0-9-]{1,127}\/[0-9a-fA-F]{32}$/;

function checkKms(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const kms = args.kms;
    if (!kms) return [];
    const problems: Problem[] = [];
    if (typeof kms.keyId !== "string" || !KEY_ID.test(kms.keyId)) {
        problems.push({ path: pathOf("kms.keyId"), message: `${JSON.stringify(kms.keyId)} is not a Key Vault key id with its version (https://<vault>.vault.azure.net/keys/<name>/<32-hex version>)` });
    }
    const accessProblems = checkOneOf(kms.networkAccess, KEY_VAULT_NETWORK_ACCESS, pathOf("kms.networkAccess"));
    if (accessProblems.length > 0) {
        problems.push(...accessProblems);
    } else if (kms.networkAccess === "Private" && kms.keyVaultId === undefined) {
        problems.push({ path: pathOf("kms.keyVaultId"), message: "is required with networkAccess: Private (AKS adds a private endpoint to the vault)" });
    }
    if (kms.keyVaultId !== undefined) problems.push(...checkResourceId(kms.keyVaultId, "Microsoft.KeyVault/vaults", pathOf("kms.keyVaultId")));
    return problems;
}
