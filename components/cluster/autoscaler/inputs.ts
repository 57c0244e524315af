import { z } from "zod";
import { inputShape, wholeNumber } from "../../common/inputs";
import { AUTOSCALER_EXPANDERS, AutoscalerProfileArgs } from "./args";

/* The autoscaler profile's input schema, tied to its args (args.ts documents each key). */

export const autoscalerProfileInputs = z.strictObject(inputShape<AutoscalerProfileArgs>()({
    expander: z.enum(AUTOSCALER_EXPANDERS).optional(),
    scanInterval: z.string().optional(),
    scaleDownDelayAfterAdd: z.string().optional(),
    scaleDownUnneededTime: z.string().optional(),
    scaleDownUtilizationThreshold: z.number().optional(),
    maxGracefulTerminationSec: wholeNumber.optional(),
    balanceSimilarNodeGroups: z.boolean().optional(),
    skipNodesWithSystemPods: z.boolean().optional(),
    skipNodesWithLocalStorage: z.boolean().optional(),
    maxNodeProvisionTime: z.string().optional() }));
