import { PathOf, Problem } from "../../address";
import { checkOneOf, isWholeNumberIn } from "../../common/checks";
import { KnownClusterArgs } from "../args";
import { MaintenanceArgs, MaintenanceWindowArgs, DAYS_OF_WEEK } from "./args";
import { MAINTENANCE_LIMITS } from "./resources";

/* The maintenance windows' rules: AKS's bounds, and a window only for an upgrade that runs. */

const CLOCK_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

const UTC_OFFSET = /^[+-](0[0-9]|1[0-4]):[0-5][0-9]$/;

/**
 * A window for an upgrade that never runs would be accepted and do nothing: the auto-upgrade
 * window needs an upgrade channel, the node OS window a channel AKS itself applies.
 */
export function checkMaintenance(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
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
