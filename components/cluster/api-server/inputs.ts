import { z } from "zod";
import { input, inputShape } from "../../common/inputs";
import { ApiServer } from "./args";

/* The API server's input schema, tied to its args (args.ts documents each key). */

export const apiServerInputs = z.strictObject(inputShape<ApiServer>()({
    authorizedIPRanges: input(z.array(z.string())).optional(),
    enablePrivateCluster: z.boolean().optional(),
    disableRunCommand: z.boolean().optional(),
    privateDNSZone: input(z.string()).optional(),
    subnetId: input(z.string()).optional(),
}));
