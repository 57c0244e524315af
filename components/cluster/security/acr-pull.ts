import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import { retryHooks } from "../../common/retry";
import { resourceNameFromId } from "../../common/resource-id";
import { ROLE_ASSIGNMENT_RETRY, roleAssignmentNameOutput } from "../../common/role-assignment";
import { ACR_PULL_ROLE_ID, builtInRoleDefinitionId } from "../../common/roles";
import { ACR_TYPE } from "./profile";

/* The kubelet identity's AcrPull grants on the registries it pulls from. */

/**
 * AcrPull on each registry for the kubelet identity, the identity nodes pull images with; a
 * grant named after its registry, so adding or removing one leaves the others as they are.
 */
export function declareAcrPull(prefix: string, registryIds: string[], kubeletObjectId: pulumi.Output<string | undefined>, children: pulumi.CustomResourceOptions): void {
    if (registryIds.length === 0) return;
    const client = authorization.getClientConfigOutput({ parent: children.parent });
    const roleDefinitionId = builtInRoleDefinitionId(client.subscriptionId, ACR_PULL_ROLE_ID);
    const principalId = kubeletObjectId.apply((id) => id ?? "");
    for (const registryId of registryIds) {
        const registryName = resourceNameFromId(registryId, ACR_TYPE)!.toLowerCase();
        new authorization.RoleAssignment(`${prefix}-acr-pull-${registryName}`, {
            roleAssignmentName: roleAssignmentNameOutput(registryId, principalId, roleDefinitionId),
            principalId,
            principalType: "ServicePrincipal",
            roleDefinitionId,
            scope: registryId,
            description: "aks-kubenet: lets the cluster's nodes pull images",
        }, { ...children, deleteBeforeReplace: true, hooks: retryHooks(`${prefix}-acr-pull-retry`, ROLE_ASSIGNMENT_RETRY) });
    }
}
