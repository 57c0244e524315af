import { z } from "zod";
import { input, inputShape, wholeNumber } from "../../common/inputs";
import { KEY_VAULT_NETWORK_ACCESS } from "../../common/key-vault";
import { ClusterAddonsArgs, KmsArgs } from "./args";

/* The add-ons' and KMS's input schema, tied to their args (args.ts documents each key). */

/** The names kept for one release, which the component translates. */
type DeprecatedKmsKeys = "keyVaultNetworkAccess" | "keyVaultResourceId";

export const kmsInputs = z.strictObject(inputShape<KmsArgs, DeprecatedKmsKeys>()({
    keyId: input(z.string()),
    keyVaultId: input(z.string()).optional(),
    networkAccess: z.enum(KEY_VAULT_NETWORK_ACCESS).default("Public") }));

export const addonsInputs = z.strictObject(inputShape<ClusterAddonsArgs>()({
    azurePolicy: z.boolean().optional(),
    keyVaultSecretsProvider: z.strictObject({
        secretRotation: z.boolean().optional(),
        rotationPollInterval: z.string().optional() }).optional(),
    imageCleaner: z.strictObject({ intervalHours: wholeNumber.optional() }).optional() }));

