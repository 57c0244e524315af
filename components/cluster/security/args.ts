import * as pulumi from "@pulumi/pulumi";
import { KeyVaultNetworkAccess } from "../../common/key-vault";

/* The cluster's add-ons, KMS etcd encryption and image registries; inputs.ts is their schema. */

/** KMS etcd encryption: Kubernetes secrets encrypted with your Key Vault key. */
export interface Kms {
    /** The key's identifier with its version, `https://<vault>.vault.azure.net/keys/<name>/<version>`. */
    keyId: pulumi.Input<string>;
    /**
     * The vault's resource id. Required with Private access, where AKS adds a private endpoint to
     * it; with Public access AKS takes no id, and the vault is where `ClusterIdentity.kms` grants.
     */
    keyVaultId?: pulumi.Input<string>;
    /** Public (default) or Private (the vault takes no public traffic; AKS adds a private endpoint). */
    networkAccess?: KeyVaultNetworkAccess;
}

/** The Secrets Store CSI driver with the Azure Key Vault provider. */
export interface KeyVaultSecretsProvider {
    /** Re-read mounted secrets so rotated ones reach the pods; default true. */
    secretRotation?: boolean;
    /** How often rotation re-reads, a duration such as `2m` (AKS's default) or `1h`. */
    rotationPollInterval?: string;
}

/** Image Cleaner: removes unused images with known vulnerabilities from the nodes. */
export interface ImageCleaner {
    /** Hours between scans, 24 to 2160 (three months); default 168, AKS's. */
    intervalHours?: number;
}

/** Add-ons AKS runs in the cluster. Each one left out is turned off, in Azure too. */
export interface ClusterAddons {
    /** Azure Policy for Kubernetes, so Azure Policy assignments are enforced inside the cluster. */
    azurePolicy?: boolean;
    /** Mount Key Vault secrets into pods through the Secrets Store CSI driver. */
    keyVaultSecretsProvider?: KeyVaultSecretsProvider;
    /** Remove vulnerable unused images from the nodes. */
    imageCleaner?: ImageCleaner;
}
