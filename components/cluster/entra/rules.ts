import { PathOf, Problem } from "../../address";
import { ENTRA_OBJECT_ID } from "../../common/entra";
import { KnownClusterArgs } from "../args";
import { Aad } from "./args";

/* Entra ID's rules: its groups, local accounts without it, the deployer's grant. */

export function checkEntra(args: Pick<KnownClusterArgs, "aad" | "disableLocalAccounts">, pathOf: PathOf): Problem[] {
    const problems: Problem[] = [];
    (args.aad?.adminGroupObjectIDs ?? []).forEach((id, i) => {
        if (typeof id !== "string" || !ENTRA_OBJECT_ID.test(id)) {
            problems.push({ path: pathOf(`aad.adminGroupObjectIDs[${i}]`), message: `${JSON.stringify(id)} is not an Entra ID object id (a GUID)` });
        }
    });
    // AKS takes the tenant's id, a GUID (ManagedClusterAADProfile.tenantID), not its domain name.
    const tenant: unknown = args.aad?.tenantID;
    if (typeof tenant === "string" && !ENTRA_OBJECT_ID.test(tenant)) {
        problems.push({ path: pathOf("aad.tenantID"), message: `${JSON.stringify(tenant)} is not an Entra ID tenant id (a GUID, az account show --query tenantId), not the tenant's domain name` });
    }
    if (args.disableLocalAccounts && args.aad === undefined) {
        problems.push({ path: pathOf("disableLocalAccounts"), message: "needs Entra ID (aad): without local accounts, Entra ID is the only way in" });
    }
    problems.push(...checkDeployer(args.aad, pathOf));
    return problems;
}

/**
 * With Azure RBAC the component grants the deploying principal RBAC Cluster Admin, so what the
 * kubeconfig deploys is authorized. Whose object id, and what kind of principal, is stated,
 * never inferred: a grant built from whoever runs `pulumi up` flips between a person and the
 * pipeline (and Azure rejects `principalType: User` for a service principal).
 */
function checkDeployer(aad: Aad | undefined, pathOf: PathOf): Problem[] {
    const deployer = aad?.deployer;
    if (deployer === undefined) return [];
    const problems: Problem[] = [];
    if (!aad?.enableAzureRBAC) {
        problems.push({ path: pathOf("aad.deployer"), message: "is only used with enableAzureRBAC: true; without Azure RBAC, put the deploying principal in a group listed in adminGroupObjectIDs" });
    }
    if (typeof deployer.objectId !== "string" || !ENTRA_OBJECT_ID.test(deployer.objectId)) {
        problems.push({ path: pathOf("aad.deployer.objectId"), message: `${JSON.stringify(deployer.objectId)} is not an Entra ID object id (a GUID); for a service principal use its object id (az ad sp show --id <appId> --query id), not the app id` });
    }
    return problems;
}
