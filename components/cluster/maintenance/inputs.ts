import { z } from "zod";
import { inputShape, wholeNumberIn } from "../../common/inputs";
import { DAYS_OF_WEEK, MAINTENANCE_LIMITS, Maintenance, MaintenanceWindow } from "./args";

/* The maintenance windows' input schema, tied to their args (args.ts documents each key). */

const { minDurationHours, maxDurationHours, minIntervalWeeks, maxIntervalWeeks } = MAINTENANCE_LIMITS;

const maintenanceWindowInputs = z.strictObject(inputShape<MaintenanceWindow>()({
    dayOfWeek: z.enum(DAYS_OF_WEEK),
    // A number here is a time YAML read as one (an unquoted 02:00 is 120 in YAML 1.1's sexagesimal).
    startTime: z.string({ error: (issue) => (typeof issue.input === "number" ? `${issue.input} is not a time of day: write HH:mm, e.g. "02:00"` : undefined) }),
    durationHours: wholeNumberIn(minDurationHours, maxDurationHours, (shown) => `${shown} is not a window length: AKS takes whole hours from ${minDurationHours} to ${maxDurationHours}`),
    utcOffset: z.string({ error: (issue) => (typeof issue.input === "number" ? `${issue.input} is not a UTC offset: write +HH:mm or -HH:mm in quotes, e.g. "+09:00"` : undefined) }).optional(),
    intervalWeeks: wholeNumberIn(minIntervalWeeks, maxIntervalWeeks, (shown) => `${shown} is not a week interval: use ${minIntervalWeeks} to ${maxIntervalWeeks}`).optional() }));

export const maintenanceInputs = z.strictObject(inputShape<Maintenance>()({
    autoUpgrade: maintenanceWindowInputs.optional(),
    nodeOSUpgrade: maintenanceWindowInputs.optional() }));
