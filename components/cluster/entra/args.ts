import * as pulumi from "@pulumi/pulumi";

/* Entra ID for the cluster: its integration, the deployer's grant and the kubeconfig's sign-in; inputs.ts is their schema. */

/** Who runs `pulumi up`: the principal types Azure accepts on a role assignment. */
export const DeployerPrincipalType = { ServicePrincipal: "ServicePrincipal", User: "User", Group: "Group" } as const;
export type DeployerPrincipalType = (typeof DeployerPrincipalType)[keyof typeof DeployerPrincipalType];
export const DEPLOYER_PRINCIPAL_TYPES = Object.values(DeployerPrincipalType);

/**
 * The principal that deploys Kubernetes objects through the cluster's API (the pipeline's, or
 * yours), granted Azure Kubernetes Service RBAC Cluster Admin on the cluster. Stated, never
 * inferred from whoever runs `pulumi up`: that flips between a person and the pipeline.
 */
export interface Deployer {
    /** The principal's Entra ID object id; for a service principal its object id, not the app id. */
    objectId: string;
    /** ServicePrincipal for a pipeline, User or Group for people. */
    principalType: DeployerPrincipalType;
}

/** Managed Entra ID integration. */
export interface Aad {
    /** Entra ID groups that get cluster-admin. */
    adminGroupObjectIDs?: string[];
    /** Authorize Kubernetes requests with Azure RBAC role assignments. */
    enableAzureRBAC?: boolean;
    /** With Azure RBAC, required: the principal `kubeconfig` is for, granted RBAC Cluster Admin. */
    deployer?: Deployer;
    /** Entra ID tenant; default the subscription's. */
    tenantID?: pulumi.Input<string>;
}

/** How the `kubeconfig` of an Entra ID cluster signs in with kubelogin. */
export const KubeloginMode = { AzureCli: "azurecli", WorkloadIdentity: "workloadidentity", Spn: "spn", DeviceCode: "devicecode", Msi: "msi" } as const;
export type KubeloginMode = (typeof KubeloginMode)[keyof typeof KubeloginMode];
export const KUBELOGIN_MODES = Object.values(KubeloginMode);
