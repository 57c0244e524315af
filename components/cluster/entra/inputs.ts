import { z } from "zod";
import { input, inputShape } from "../../common/inputs";
import { Aad, DEPLOYER_PRINCIPAL_TYPES } from "./args";

/* Entra ID's input schema, tied to its args (args.ts documents each key). */

export const aadInputs = z.strictObject(inputShape<Aad>()({
    adminGroupObjectIDs: z.array(z.string()).optional(),
    enableAzureRBAC: z.boolean().optional(),
    deployer: z.strictObject({ objectId: z.string(), principalType: z.enum(DEPLOYER_PRINCIPAL_TYPES) }).optional(),
    tenantID: input(z.string()).optional() }));
