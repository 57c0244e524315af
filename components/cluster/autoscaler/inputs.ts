import { z } from "zod";
import { inputShape, wholeNumberIn } from "../../common/inputs";
import { AUTOSCALER_EXPANDERS, AutoscalerProfile } from "./args";

/* The autoscaler profile's input schema, tied to its args (args.ts documents each key). */

export const autoscalerProfileInputs = z.strictObject(inputShape<AutoscalerProfile>()({
    expander: z.enum(AUTOSCALER_EXPANDERS).optional(),
    scanInterval: z.string().optional(),
    scaleDownDelayAfterAdd: z.string().optional(),
    scaleDownUnneededTime: z.string().optional(),
    scaleDownUtilizationThreshold: z.number().optional(),
    maxGracefulTerminationSec: wholeNumberIn(0, Number.MAX_SAFE_INTEGER, (shown) => `${shown} is not a number of seconds: use a whole number of 0 or more`).optional(),
    balanceSimilarNodeGroups: z.boolean().optional(),
    skipNodesWithSystemPods: z.boolean().optional(),
    skipNodesWithLocalStorage: z.boolean().optional(),
    maxNodeProvisionTime: z.string().optional() }));
