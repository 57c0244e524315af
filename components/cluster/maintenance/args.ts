/* Planned maintenance windows for the auto-upgrade channels; inputs.ts is their schema. */

/** A day of the week, as AKS's maintenance schedules name it. */
export const DayOfWeek = {
    Monday: "Monday", Tuesday: "Tuesday", Wednesday: "Wednesday", Thursday: "Thursday", Friday: "Friday", Saturday: "Saturday", Sunday: "Sunday",
} as const;
export type DayOfWeek = (typeof DayOfWeek)[keyof typeof DayOfWeek];
export const DAYS_OF_WEEK = Object.values(DayOfWeek);

/** A weekly planned-maintenance window. */
export interface MaintenanceWindow {
    /** The day the window opens. */
    dayOfWeek: DayOfWeek;
    /** When it opens, `HH:mm`. */
    startTime: string;
    /** How long it stays open, 4 to 24 hours. */
    durationHours: number;
    /** The time zone of startTime, `+HH:mm` or `-HH:mm`; default +00:00. */
    utcOffset?: string;
    /** Every how many weeks, 1 to 4; default 1. */
    intervalWeeks?: number;
}

/** Planned maintenance: when AKS may upgrade the cluster and the nodes' OS images. */
export interface Maintenance {
    /** The window for the cluster auto-upgrade channel (`upgradeChannel`). */
    autoUpgrade?: MaintenanceWindow;
    /** The window for node OS upgrades (`nodeOSUpgradeChannel`). */
    nodeOSUpgrade?: MaintenanceWindow;
}

/** The REST model's bounds (MaintenanceWindow and WeeklySchedule, 2025-09-01). */
export const MAINTENANCE_LIMITS = { minDurationHours: 4, maxDurationHours: 24, minIntervalWeeks: 1, maxIntervalWeeks: 4 } as const;
