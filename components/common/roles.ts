import * as pulumi from "@pulumi/pulumi";

/** Built-in Azure role definition ids (the same in every tenant). */

/** Network Contributor: kubenet's control-plane identity needs it on the network and the route table. */
export const NETWORK_CONTRIBUTOR_ROLE_ID = "4d97b98b-1d4f-4787-a291-c67834d212e7";

/** AcrPull: pull images from a container registry; the kubelet identity needs it on each registry. */
export const ACR_PULL_ROLE_ID = "7f951dda-4ed3-4680-a7ca-43fe172d538d";

/** Azure Kubernetes Service RBAC Cluster Admin. */
export const AKS_RBAC_CLUSTER_ADMIN_ROLE_ID = "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b";

/** A built-in role's definition id in a subscription, as role assignments take it. */
export function builtInRoleDefinitionId(subscriptionId: pulumi.Input<string>, roleId: string): pulumi.Output<string> {
    return pulumi.interpolate`/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`;
}
