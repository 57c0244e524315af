import { z } from "zod";
import { input, inputShape, wholeNumberIn } from "../../common/inputs";
import { KEY_VAULT_NETWORK_ACCESS } from "../../common/key-vault";
import { ClusterAddons, Kms } from "./args";

/* The add-ons' and KMS's input schema, tied to their args (args.ts documents each key). */

/** Image Cleaner's interval bounds (Microsoft, "Use Image Cleaner on AKS"): a day to three months. */
export const IMAGE_CLEANER_INTERVAL_HOURS = { min: 24, max: 2160 } as const;
const { min, max } = IMAGE_CLEANER_INTERVAL_HOURS;

export const kmsInputs = z.strictObject(inputShape<Kms>()({
    keyId: input(z.string()),
    keyVaultId: input(z.string()).optional(),
    networkAccess: z.enum(KEY_VAULT_NETWORK_ACCESS).default("Public") }));

export const addonsInputs = z.strictObject(inputShape<ClusterAddons>()({
    azurePolicy: z.boolean().optional(),
    keyVaultSecretsProvider: z.strictObject({
        secretRotation: z.boolean().optional(),
        rotationPollInterval: z.string().optional() }).optional(),
    imageCleaner: z.strictObject({
        intervalHours: wholeNumberIn(min, max, (shown) => `${shown} is not an Image Cleaner interval: use whole hours from ${min} to ${max}`).optional() }).optional() }));

