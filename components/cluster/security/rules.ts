import { PathOf, Problem } from "../../address";
import { checkResourceId } from "../../common/resource-id";
import { KnownClusterArgs } from "../args";
import { ACR_TYPE } from "./profile";

/* The add-ons', KMS's and registries' rules: AKS's formats and bounds, and what goes together. */

/** A Go duration as AKS's add-on settings take it: `2m`, `1h30m`, `90s`. */
const GO_DURATION = /^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/;


export function checkAddons(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const problems: Problem[] = [];
    const keyVault = args.addons?.keyVaultSecretsProvider;
    if (keyVault?.rotationPollInterval !== undefined) {
        if (!GO_DURATION.test(keyVault.rotationPollInterval)) {
            problems.push({ path: pathOf("addons.keyVaultSecretsProvider.rotationPollInterval"), message: `${JSON.stringify(keyVault.rotationPollInterval)} is not a duration (e.g. "2m", "1h")` });
        } else if (keyVault.secretRotation === false) {
            problems.push({ path: pathOf("addons.keyVaultSecretsProvider.rotationPollInterval"), message: "is only used with secretRotation: true; remove it or turn rotation on" });
        }
    }
    return problems;
}

export function checkRegistries(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const problems: Problem[] = [];
    const seen = new Set<string>();
    (args.acrPullRegistryIds ?? []).forEach((id, i) => {
        const at = pathOf(`acrPullRegistryIds[${i}]`);
        const wrong = checkResourceId(id, ACR_TYPE, at);
        if (wrong.length > 0) problems.push(...wrong);
        else if (seen.has(id.toLowerCase())) problems.push({ path: at, message: `${id} is listed twice` });
        seen.add(String(id).toLowerCase());
    });
    return problems;
}

/** A Key Vault key id with its version; KMS needs the version. */
const KEY_ID = /^https:\/\/[a-zA-Z0-9-]{3,24}\.vault\.(azure\.net|azure\.cn|usgovcloudapi\.net)\/keys\/[a-zA-Z0-9-]{1,127}\/[0-9a-fA-F]{32}$/;

export function checkKms(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const kms = args.kms;
    if (!kms) return [];
    const problems: Problem[] = [];
    if (kms.keyId !== undefined && !KEY_ID.test(kms.keyId)) {
        problems.push({ path: pathOf("kms.keyId"), message: `${JSON.stringify(kms.keyId)} is not a Key Vault key id with its version (https://<vault>.vault.azure.net/keys/<name>/<32-hex version>)` });
    }
    if (kms.networkAccess === "Private" && kms.keyVaultId === undefined) {
        problems.push({ path: pathOf("kms.keyVaultId"), message: "is required with networkAccess: Private (AKS adds a private endpoint to the vault)" });
    }
    if (kms.keyVaultId !== undefined) problems.push(...checkResourceId(kms.keyVaultId, "Microsoft.KeyVault/vaults", pathOf("kms.keyVaultId")));
    return problems;
}
