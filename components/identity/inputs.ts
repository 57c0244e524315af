import { z } from "zod";
import { input, inputShape, tagsInput } from "../common/inputs";
import { argsSchemas } from "../common/validation";
import { ClusterIdentityArgs, KEY_VAULT_NETWORK_ACCESS, KmsKeyVault, NETWORK_ROLES, ROLE_SCOPES } from "./args";

/*
 * The identity's input schema, tied to `ClusterIdentityArgs` (index.ts documents each key): the
 * types a stack file or another language can get wrong, and the defaults. The stack file's
 * `identity` section is its name, scope and role; the private DNS zone and the KMS vault come
 * from the `cluster` section, which names them for the cluster.
 */

/** Given only where the identity is deployed. */
type IdentityDeploymentKeys = "resourceGroupName" | "location" | "vnetId" | "subnetId" | "routeTableId" | "apiServerSubnetId" | "tags" | "protect";

const kmsKeyVaultInputs = z.strictObject(inputShape<KmsKeyVault>()({
    keyVaultId: input(z.string()),
    networkAccess: z.enum(KEY_VAULT_NETWORK_ACCESS).default("Public"),
}));

export const identityInputShape = inputShape<ClusterIdentityArgs, IdentityDeploymentKeys>()({
    name: input(z.string()).optional(),
    roleScope: z.enum(ROLE_SCOPES).default("vnet"),
    networkRole: z.enum(NETWORK_ROLES).default("networkContributor"),
    privateDNSZone: input(z.string()).optional(),
    kms: kmsKeyVaultInputs.optional(),
});

export const identityInputs = z.strictObject(identityInputShape);

/** The identity's whole arguments, as the component takes them and as a program checks them first. */
export const identityArgsSchemas = argsSchemas(identityInputShape, inputShape<ClusterIdentityArgs, Exclude<keyof ClusterIdentityArgs, IdentityDeploymentKeys>>()({
    resourceGroupName: input(z.string()),
    location: input(z.string()).optional(),
    vnetId: input(z.string()),
    subnetId: input(z.string()),
    routeTableId: input(z.string()).optional(),
    apiServerSubnetId: input(z.string()).optional(),
    tags: tagsInput.optional(),
    protect: z.boolean().optional(),
}));
