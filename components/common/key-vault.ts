/* The KMS key vault, which two components take: the cluster (AKS's KMS settings) and the identity (granted on it). */

/** Whether the KMS key vault is reachable from public networks or only through a private endpoint. */
export const KeyVaultNetworkAccess = { Public: "Public", Private: "Private" } as const;
export type KeyVaultNetworkAccess = (typeof KeyVaultNetworkAccess)[keyof typeof KeyVaultNetworkAccess];
export const KEY_VAULT_NETWORK_ACCESS = Object.values(KeyVaultNetworkAccess);
