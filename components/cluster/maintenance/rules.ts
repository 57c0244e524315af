import { PathOf, Problem } from "../../address";
import { echo } from "../../common/zod-problems";
import { KnownClusterArgs } from "../args";
import { Maintenance, MaintenanceWindow } from "./args";

/* The maintenance windows' rules: AKS's bounds, and a window only for an upgrade that runs. */

const CLOCK_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

const UTC_OFFSET = /^[+-](0[0-9]|1[0-4]):[0-5][0-9]$/;

let offsetsInUse: Set<string> | undefined;

/**
 * The UTC offsets some time zone uses, in winter or summer: from the time zone database the
 * runtime carries (Node's ICU, `Intl.supportedValuesOf("timeZone")` and the fixed Etc/GMT±N
 * zones), so `-14:00` or `+05:17`, which no zone has, is refused, and an offset a zone takes up
 * later arrives with the runtime.
 */
export function utcOffsetsInUse(): Set<string> {
    if (offsetsInUse) return offsetsInUse;
    const year = new Date().getUTCFullYear();
    const instants = [new Date(Date.UTC(year, 0, 15)), new Date(Date.UTC(year, 6, 15))];
    offsetsInUse = new Set(["+00:00"]);
    // The database's fixed-offset zones too (Etc/GMT+12 is UTC-12:00), which the list leaves out.
    const fixed = [...Array.from({ length: 12 }, (_, i) => `Etc/GMT+${i + 1}`), ...Array.from({ length: 14 }, (_, i) => `Etc/GMT-${i + 1}`)];
    for (const timeZone of [...Intl.supportedValuesOf("timeZone"), ...fixed]) {
        const format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
        for (const instant of instants) {
            const name = format.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
            const offset = /^GMT([+-]\d{2}:\d{2})$/.exec(name)?.[1];
            if (offset) offsetsInUse.add(offset);
        }
    }
    return offsetsInUse;
}

/**
 * A window for an upgrade that never runs would be accepted and do nothing: the auto-upgrade
 * window needs an upgrade channel, the node OS window a channel AKS itself applies.
 */
export function checkMaintenance(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const maintenance = args.maintenance;
    if (!maintenance) return [];
    const problems: Problem[] = [];
    const windows: [keyof Maintenance, MaintenanceWindow | undefined][] = [["autoUpgrade", maintenance.autoUpgrade], ["nodeOSUpgrade", maintenance.nodeOSUpgrade]];
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

function checkWindow(window: MaintenanceWindow, at: (key: string) => string): Problem[] {
    const problems: Problem[] = [];
    if (window.startTime !== undefined && !CLOCK_TIME.test(window.startTime)) {
        problems.push({ path: at("startTime"), message: `${JSON.stringify(window.startTime)} is not a time of day: write HH:mm, e.g. "02:00"` });
    }
    if (window.utcOffset !== undefined && !UTC_OFFSET.test(window.utcOffset)) {
        problems.push({ path: at("utcOffset"), message: `${echo(window.utcOffset)} is not a UTC offset: write +HH:mm or -HH:mm, e.g. "+09:00"` });
    } else if (window.utcOffset !== undefined && !utcOffsetsInUse().has(window.utcOffset.replace(/^-00:00$/, "+00:00"))) {
        problems.push({ path: at("utcOffset"), message: `${window.utcOffset} is no time zone's offset: use your zone's, e.g. "+09:00" for Korea, "+05:30" for India` });
    }
    return problems;
}
