import * as pulumi from "@pulumi/pulumi";

/* The built-in Azure roles the components grant. */

/** Built-in Azure role definition ids (the same in every tenant). */

/** Network Contributor: kubenet's control-plane identity needs it on the network and the route table. */
export const NETWORK_CONTRIBUTOR_ROLE_ID = "4d97b98b-1d4f-4787-a291-c67834d212e7";

/** Private DNS Zone Contributor: a private cluster's identity needs it on a zone you give it. */
export const PRIVATE_DNS_ZONE_CONTRIBUTOR_ROLE_ID = "b12aa53e-6015-4669-85d0-8515ebb3ae7f";

/** Key Vault Crypto User: KMS etcd encryption wraps and unwraps with the key through it. */
export const KEY_VAULT_CRYPTO_USER_ROLE_ID = "12338af0-0e69-4776-bea7-57ae8d297424";

/** Key Vault Contributor: with a private key vault, AKS adds a private endpoint to it. */
export const KEY_VAULT_CONTRIBUTOR_ROLE_ID = "f25e0fa2-a7c8-4377-a976-54943a77a395";

/** AcrPull: pull images from a container registry; the kubelet identity needs it on each registry. */
export const ACR_PULL_ROLE_ID = "7f951dda-4ed3-4680-a7ca-43fe172d538d";

/** Azure Kubernetes Service RBAC Cluster Admin. */
export const AKS_RBAC_CLUSTER_ADMIN_ROLE_ID = "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b";

/** A built-in role's definition id in a subscription, as role assignments take it. */
export function builtInRoleDefinitionId(subscriptionId: pulumi.Input<string>, roleId: string): pulumi.Output<string> {
    return pulumi.interpolate`/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`;
}

/**
 * The Azure Kubernetes Service RBAC roles a namespace's groups get through ARM (Microsoft,
 * "Azure built-in roles for Containers"): Admin, "read/write access to most resources in a
 * namespace, including the ability to create roles and role bindings within the namespace";
 * Writer, "read/write access to most objects in a namespace"; Reader, "read-only access to see
 * most objects in a namespace". They take effect through Azure RBAC for Kubernetes
 * authorization only (aadProfile.enableAzureRBAC).
 */
export const AKS_RBAC_ADMIN_ROLE_ID = "3498e952-d568-435e-9b2c-8d77e338d7f7";
export const AKS_RBAC_WRITER_ROLE_ID = "a7ffa36f-339b-4b5c-8bdf-e2c188b2c0eb";
export const AKS_RBAC_READER_ROLE_ID = "7f6c6a51-bcf8-42ba-9220-52d62157d7db";

/**
 * Azure Kubernetes Service Namespace User: "Allows read-only access to a managed namespace on a
 * cluster. Allows access to list credentials on the namespace" (MicrosoftDocs/azure-aks-docs
 * articles/aks/concepts-managed-namespaces.md), so a namespace's people get its kubeconfig
 * (az aks namespace get-credentials) without a role on the whole cluster.
 */
export const AKS_NAMESPACE_USER_ROLE_ID = "c9f76ca8-b262-4b10-8ed2-09cf0948aa35";

/** The subscription in an Azure resource id. */
export function subscriptionOf(resourceId: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.output(resourceId).apply((id) => /^\/subscriptions\/([^/]+)\//i.exec(id)?.[1] ?? "");
}
