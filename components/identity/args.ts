import * as pulumi from "@pulumi/pulumi";
import { KeyVaultNetworkAccess } from "../common/key-vault";

/* The identity's arguments and their enumerations; inputs.ts is their schema. */

export { KeyVaultNetworkAccess, KEY_VAULT_NETWORK_ACCESS } from "../common/key-vault";

/** Where Network Contributor is granted: the vnet (as the kubenet guide does) or the subnet. */
export const RoleScope = { Vnet: "vnet", Subnet: "subnet" } as const;
export type RoleScope = (typeof RoleScope)[keyof typeof RoleScope];
export const ROLE_SCOPES = Object.values(RoleScope);

/** The role on the network: the guide's Network Contributor, or a custom role with only what kubenet uses. */
export const NetworkRole = { NetworkContributor: "networkContributor", LeastPrivilege: "leastPrivilege" } as const;
export type NetworkRole = (typeof NetworkRole)[keyof typeof NetworkRole];
export const NETWORK_ROLES = Object.values(NetworkRole);

/** The key vault of KMS etcd encryption, for the identity's grants on it. */
export interface KmsKeyVault {
    /** The key vault's resource id (an Azure RBAC vault). */
    keyVaultId: pulumi.Input<string>;
    /** Default Public; Private also grants Key Vault Contributor, for the private endpoint AKS adds. */
    networkAccess?: KeyVaultNetworkAccess;
}

/** The arguments that may be known only at deployment and that the rules check (`components/common/late-values.ts`). */
export const IDENTITY_LATE_CHECKED = ["name", "privateDNSZone", "kms.keyVaultId", "tags"] as const;

/** The identity's arguments as they can be checked before anything is deployed: without the ids it is given. */
export type IdentityArgsToCheck = Omit<ClusterIdentityArgs, "resourceGroupName" | "vnetId" | "subnetId"> & Partial<Pick<ClusterIdentityArgs, "resourceGroupName" | "vnetId" | "subnetId">>;

export interface ClusterIdentityArgs {
    /** Resource group of the identity. */
    resourceGroupName: pulumi.Input<string>;
    /** Azure region; default the provider's location. */
    location?: pulumi.Input<string>;
    /** Name of the user-assigned identity; auto-named when omitted. */
    name?: pulumi.Input<string>;
    /** The vnet holding the cluster subnet (`KubenetNetwork.vnetId`). */
    vnetId: pulumi.Input<string>;
    /** The cluster subnet (`KubenetNetwork.subnetId`); granted instead of the vnet with `roleScope: subnet`. */
    subnetId: pulumi.Input<string>;
    /**
     * The route table AKS writes pod routes into (`KubenetNetwork.routeTableId`); omit only when
     * AKS creates its own. Undefined is taken as omitted, so the network's output is passed as it is.
     */
    routeTableId?: pulumi.Input<string> | undefined;
    /**
     * The API server's delegated subnet (`KubenetNetwork.apiServerSubnetId`), with API Server
     * VNet Integration: Microsoft, "The cluster identity needs permissions to both the API server
     * subnet and the node subnet". Granted the network role there with `roleScope: subnet`; the
     * vnet's grant covers it otherwise.
     */
    apiServerSubnetId?: pulumi.Input<string> | undefined;
    /**
     * Where Network Contributor is granted: `vnet` as the kubenet guide does, or `subnet` for
     * least privilege. The route table is granted either way. Default `vnet`.
     */
    roleScope?: RoleScope;
    /**
     * The role granted on the network and the route table: `networkContributor` (the guide's,
     * the default) or `leastPrivilege`, a custom role with only the subnet and route actions
     * kubenet uses (`KUBENET_NETWORK_ACTIONS`); creating it needs Owner or User Access Administrator.
     */
    networkRole?: NetworkRole;
    /**
     * The private cluster's DNS zone, as `KubenetCluster`'s `apiServer.privateDNSZone`: a zone of
     * your own (its resource id) is granted Private DNS Zone Contributor, which needs `roleScope:
     * vnet`; `system` and `none` are AKS's and need no grant.
     */
    privateDNSZone?: pulumi.Input<string>;
    /** KMS etcd encryption's key vault: granted Key Vault Crypto User on it. */
    kms?: KmsKeyVault;
    /** Tags on the identity. */
    tags?: pulumi.Input<Record<string, string>>;
    /** Pulumi `protect` on the identity. */
    protect?: boolean;
}

