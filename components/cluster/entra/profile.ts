import { KubenetClusterArgs } from "../args";

/** The cluster request's Entra ID profile, as the slice declares it: managed Entra ID, or none. */
export function aadProfileOf(settings: Pick<KubenetClusterArgs, "aad">) {
    const aad = settings.aad;
    return aad
        ? { managed: true, enableAzureRBAC: aad.enableAzureRBAC ?? false, adminGroupObjectIDs: aad.adminGroupObjectIDs, tenantID: aad.tenantID }
        : undefined;
}
