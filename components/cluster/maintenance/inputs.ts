import { z } from "zod";
import { inputShape, wholeNumber } from "../../common/inputs";
import { DAYS_OF_WEEK, MaintenanceArgs, MaintenanceWindowArgs } from "./args";

/* The maintenance windows' input schema, tied to their args (args.ts documents each key). */

const maintenanceWindowInputs = z.strictObject(inputShape<MaintenanceWindowArgs>()({
    dayOfWeek: z.enum(DAYS_OF_WEEK),
    startTime: z.string(),
    durationHours: wholeNumber,
    utcOffset: z.string().optional(),
    intervalWeeks: wholeNumber.optional() }));

export const maintenanceInputs = z.strictObject(inputShape<MaintenanceArgs>()({
    autoUpgrade: maintenanceWindowInputs.optional(),
    nodeOSUpgrade: maintenanceWindowInputs.optional() }));
