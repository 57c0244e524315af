import * as pulumi from "@pulumi/pulumi";
import { v5 as uuidv5 } from "uuid";
import { RetryPolicy } from "./retry";

/* Role assignments' stable names and the retry a new principal needs. */

/**
 * The namespace of this project's role assignment names (a UUIDv5 of the project's name in the
 * URL namespace), so its names never collide with another tool's UUIDv5 names.
 */
export const ROLE_ASSIGNMENT_NAMESPACE = uuidv5("urn:aks-kubenet:role-assignment", uuidv5.URL);

/**
 * A role assignment's name from what it grants: the same scope, principal and role always give
 * the same GUID. azure-native otherwise generates a random GUID when `roleAssignmentName` is
 * unset (the auto-naming added for pulumi/pulumi-azure-native#582); a stack rebuilt after lost
 * state would then try to create a second assignment of the same role and fail with
 * `RoleAssignmentExists`. Terraform's azurerm moved to the same UUIDv5 of scope, principal and
 * role (hashicorp/terraform-provider-azurerm#32446), matching ARM, Bicep and the CLI. With a derived name, the rebuilt stack
 * addresses the existing assignment (and `pulumi import` can adopt it).
 *
 * Scope ids are case-insensitive in Azure, so they are lower-cased first.
 */
export function roleAssignmentName(scope: string, principalId: string, roleDefinitionId: string): string {
    return uuidv5(`${scope.toLowerCase()}|${principalId.toLowerCase()}|${roleDefinitionId.toLowerCase()}`, ROLE_ASSIGNMENT_NAMESPACE);
}

/**
 * The same, from values that may still be unknown. Azure always answers a principal id; a unit
 * test's mocks that echo inputs don't, and then the name is left to azure-native's auto-naming
 * instead of failing the consumer's test.
 */
export function roleAssignmentNameOutput(scope: pulumi.Input<string>, principalId: pulumi.Input<string>, roleDefinitionId: pulumi.Input<string>): pulumi.Output<string | undefined> {
    return pulumi.all([scope, principalId, roleDefinitionId]).apply(([s, p, r]) =>
        (s === undefined || p === undefined || r === undefined ? undefined : roleAssignmentName(s, p, r)));
}

/**
 * A role assignment for a just-created identity can fail with PrincipalNotFound until Entra ID
 * has replicated the principal; `principalType: ServicePrincipal` avoids most of it, and Microsoft
 * documents the rest as a delay to wait out ("Assign Azure roles using Azure Resource Manager
 * templates": the new principal may not be available yet, wait and retry).
 */
export const ROLE_ASSIGNMENT_RETRY: RetryPolicy = {
    waitingFor: "Entra ID to replicate the new identity",
    transient: [/\bPrincipalNotFound\b/],
    maxRetries: 8,
    firstDelaySeconds: 10,
    maxDelaySeconds: 60,
};
