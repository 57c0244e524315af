import { KubenetClusterArgs } from "../args";

/*
 * The cluster's add-ons and security profile as ManagedCluster inputs. Every
 * switch is sent, off as well as on: AKS keeps a setting a request leaves out (an add-on missing
 * from addonProfiles stays enabled, Azure/AKS#2904), so a feature removed from the stack file
 * must be sent as off to be turned off in Azure. A disabled add-on is sent without its config,
 * which AKS refuses to reconfigure on a disabled add-on (Azure/ResourceModules#2880).
 */

/** The resource types of the ids the cluster's features take. */
export const ACR_TYPE = "Microsoft.ContainerRegistry/registries";

/** AKS's add-on keys (addonProfiles), exactly as the API names them. */
export const ADDON_KEYS = { azurePolicy: "azurepolicy", keyVaultSecretsProvider: "azureKeyvaultSecretsProvider", monitoring: "omsagent" } as const;

/** AKS's defaults, documented with `az aks create`/`az aks update`. */
export const DEFAULT_ROTATION_POLL_INTERVAL = "2m";
export const DEFAULT_IMAGE_CLEANER_INTERVAL_HOURS = 168;

/** The add-ons of this slice; the monitoring add-on is the monitoring slice's (monitoring/profile.ts). */
export function addonProfiles(args: Pick<KubenetClusterArgs, "addons">) {
    const keyVault = args.addons?.keyVaultSecretsProvider;
    return {
        [ADDON_KEYS.azurePolicy]: { enabled: args.addons?.azurePolicy === true },
        [ADDON_KEYS.keyVaultSecretsProvider]: keyVault
            ? {
                enabled: true,
                config: {
                    enableSecretRotation: String(keyVault.secretRotation ?? true),
                    rotationPollInterval: keyVault.rotationPollInterval ?? DEFAULT_ROTATION_POLL_INTERVAL,
                },
            }
            : { enabled: false },
    };
}

/** The security profile of this slice; Defender's part is the monitoring slice's (monitoring/profile.ts). */
export function securityProfile(args: Pick<KubenetClusterArgs, "addons" | "kms" | "workloadIdentity">) {
    const imageCleaner = args.addons?.imageCleaner;
    const kms = args.kms;
    return {
        azureKeyVaultKms: kms
            // AKS takes the vault's id with Private access only ("When keyVaultNetworkAccess is
            // Public, leave the field empty", AzureKeyVaultKms in the REST model).
            ? { enabled: true, keyId: kms.keyId, keyVaultNetworkAccess: kms.networkAccess, keyVaultResourceId: kms.networkAccess === "Private" ? kms.keyVaultId : undefined }
            : { enabled: false },
        workloadIdentity: { enabled: args.workloadIdentity === true },
        imageCleaner: imageCleaner
            ? { enabled: true, intervalHours: imageCleaner.intervalHours ?? DEFAULT_IMAGE_CLEANER_INTERVAL_HOURS }
            : { enabled: false },
    };
}
