import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import { Problem, samePath, PathOf } from "../address";
import { COMPONENT_TYPES, withTypeAlias } from "../common/component-types";
import { checkAzureName } from "../common/azure-names";
import { childOptions, throwIfProblems } from "../common/problems";
import { RetryPolicy, retryHooks } from "../common/retry";
import { roleAssignmentNameOutput } from "../common/role-assignment";
import { checkOneOf } from "../common/checks";
import { checkResourceId } from "../common/resource-id";
import {
    KEY_VAULT_CONTRIBUTOR_ROLE_ID,
    KEY_VAULT_CRYPTO_USER_ROLE_ID,
    NETWORK_CONTRIBUTOR_ROLE_ID,
    PRIVATE_DNS_ZONE_CONTRIBUTOR_ROLE_ID,
    builtInRoleDefinitionId,
} from "../common/roles";
import { kubenetNetworkRole } from "./least-privilege";

export { NETWORK_CONTRIBUTOR_ROLE_ID };
export { KUBENET_NETWORK_ACTIONS } from "./least-privilege";

/**
 * A role assignment for a just-created identity can fail with PrincipalNotFound until Entra ID
 * has replicated the principal; `principalType: ServicePrincipal` avoids most of it, and Microsoft
 * documents the rest as a delay to wait out ("Assign Azure roles using Azure Resource Manager
 * templates": the new principal may not be available yet, wait and retry).
 */
export const ROLE_ASSIGNMENT_RETRY: RetryPolicy = {
    waitingFor: "Entra ID to replicate the new identity",
    transient: [/\bPrincipalNotFound\b/],
    maxRetries: 8,
    firstDelaySeconds: 10,
    maxDelaySeconds: 60,
};

/** Where Network Contributor is granted: the vnet (as the kubenet guide does) or the subnet. */
export const RoleScope = { Vnet: "vnet", Subnet: "subnet" } as const;
export type RoleScope = (typeof RoleScope)[keyof typeof RoleScope];
export const ROLE_SCOPES = Object.values(RoleScope);

/** The role on the network: the guide's Network Contributor, or a custom role with only what kubenet uses. */
export const NetworkRole = { NetworkContributor: "networkContributor", LeastPrivilege: "leastPrivilege" } as const;
export type NetworkRole = (typeof NetworkRole)[keyof typeof NetworkRole];
export const NETWORK_ROLES = Object.values(NetworkRole);

/** Whether the KMS key vault is reachable from public networks or only through a private endpoint. */
export const KeyVaultNetworkAccess = { Public: "Public", Private: "Private" } as const;
export type KeyVaultNetworkAccess = (typeof KeyVaultNetworkAccess)[keyof typeof KeyVaultNetworkAccess];
export const KEY_VAULT_NETWORK_ACCESS = Object.values(KeyVaultNetworkAccess);

/** The key vault of KMS etcd encryption, for the identity's grants on it. */
export interface KmsKeyVaultArgs {
    /** The key vault's resource id (an Azure RBAC vault). */
    keyVaultId: pulumi.Input<string>;
    /** Default Public; Private also grants Key Vault Contributor, for the private endpoint AKS adds. */
    networkAccess?: KeyVaultNetworkAccess;
}

export interface ClusterIdentityArgs {
    /** Resource group of the identity. */
    resourceGroupName: pulumi.Input<string>;
    /** Azure region; default the provider's location. */
    location?: pulumi.Input<string>;
    /** Name of the user-assigned identity; auto-named when omitted. */
    identityName?: string;
    /** The vnet holding the cluster subnet (`KubenetNetwork.vnetScopeId`). */
    vnetId: pulumi.Input<string>;
    /** The cluster subnet (`KubenetNetwork.subnetId`); granted instead of the vnet with `roleScope: subnet`. */
    subnetId: pulumi.Input<string>;
    /** The route table AKS writes pod routes into; omit only when AKS creates its own. */
    routeTableId?: pulumi.Input<string>;
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
    /** A private cluster's own private DNS zone: granted Private DNS Zone Contributor on it. */
    privateDnsZoneId?: pulumi.Input<string>;
    /** KMS etcd encryption's key vault: granted Key Vault Crypto User on it. */
    kms?: KmsKeyVaultArgs;
    /** Tags on the identity. */
    tags?: Record<string, string>;
    /** Pulumi `protect` on the identity. */
    protect?: boolean;
}

export function validateIdentityArgs(args: ClusterIdentityArgs, pathOf: PathOf = samePath): Problem[] {
    const problems = checkAzureName(args.identityName, "userAssignedIdentity", pathOf("identityName"));
    problems.push(...checkOneOf(args.roleScope, ROLE_SCOPES, pathOf("roleScope")), ...checkOneOf(args.networkRole, NETWORK_ROLES, pathOf("networkRole")));
    if (typeof args.privateDnsZoneId === "string") problems.push(...checkResourceId(args.privateDnsZoneId, "Microsoft.Network/privateDnsZones", pathOf("privateDnsZoneId")));
    if (args.kms) {
        if (typeof args.kms.keyVaultId === "string") problems.push(...checkResourceId(args.kms.keyVaultId, "Microsoft.KeyVault/vaults", pathOf("kms.keyVaultId")));
        problems.push(...checkOneOf(args.kms.networkAccess, KEY_VAULT_NETWORK_ACCESS, pathOf("kms.networkAccess")));
    }
    return problems;
}

/**
 * The cluster's control-plane identity. A system-assigned identity doesn't exist until the
 * cluster does, so outside the Azure CLI the identity must be user-assigned and granted Network
 * Contributor before the cluster is created: on the vnet (or subnet) and on the route table,
 * which a role on the vnet does not cover.
 */
export class ClusterIdentity extends pulumi.ComponentResource {
    /** The user-assigned identity. */
    public readonly identity: managedidentity.UserAssignedIdentity;
    /**
     * The identity's resource id, for `KubenetCluster.identityId`. It resolves only once every
     * Network Contributor grant exists, so a cluster given this id is created after them.
     */
    public readonly identityId: pulumi.Output<string>;
    /** The identity's principal (object) id. */
    public readonly principalId: pulumi.Output<string>;
    /** The identity's client (application) id. */
    public readonly clientId: pulumi.Output<string>;
    /** The grants: the network role (network, and route table when there is one), then the private DNS zone's and the key vault's. */
    public readonly roleAssignments: authorization.RoleAssignment[];

    constructor(name: string, args: ClusterIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.ClusterIdentity, name, {}, withTypeAlias(opts, "aks-kubenet:identity:ClusterIdentity"));
        throwIfProblems(validateIdentityArgs(args), this, "ClusterIdentity");

        this.identity = new managedidentity.UserAssignedIdentity(`${name}-identity`, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            resourceName: args.identityName,
            tags: args.tags,
        }, childOptions(this, opts, args.protect));
        this.principalId = this.identity.principalId;
        this.clientId = this.identity.clientId;

        const client = authorization.getClientConfigOutput({ parent: this });
        const retry = retryHooks(`${name}-principal-retry`, ROLE_ASSIGNMENT_RETRY);
        const grant = (resourceName: string, roleDefinitionId: pulumi.Input<string>, scope: pulumi.Input<string>, description: string) =>
            new authorization.RoleAssignment(`${name}-${resourceName}`, {
                // Derived from what it grants, so a stack rebuilt after lost state finds it again.
                roleAssignmentName: roleAssignmentNameOutput(scope, this.identity.principalId, roleDefinitionId),
                principalId: this.identity.principalId,
                // Without it a fresh identity can fail with PrincipalNotFound (replication delay).
                principalType: "ServicePrincipal",
                roleDefinitionId,
                scope,
                description,
            }, childOptions(this, opts, undefined, {
                // Not under the protect input: a change of role or scope deletes the old grant.
                // Azure allows one assignment per scope, principal and role: a replacement under a
                // new name would fail with RoleAssignmentExists while the old one exists.
                deleteBeforeReplace: true,
                hooks: retry,
            }));
        const builtIn = (roleId: string) => builtInRoleDefinitionId(client.subscriptionId, roleId);

        const networkScope = args.roleScope === "subnet" ? args.subnetId : args.vnetId;
        const scopeName = args.roleScope ?? "vnet";
        const networkScopes = [networkScope, ...(args.routeTableId === undefined ? [] : [args.routeTableId])];
        // The grants keep their names per role, so a change of role creates the new grants
        // before the old ones go, and the identity is never without access.
        const [networkRoleId, prefix] = args.networkRole === "leastPrivilege"
            ? [kubenetNetworkRole(`${name}-kubenet-network-role`, client.subscriptionId, networkScopes, childOptions(this, opts, undefined)).id, "kubenet-network"]
            : [builtIn(NETWORK_CONTRIBUTOR_ROLE_ID), "network-contributor"];
        this.roleAssignments = [grant(`${prefix}-${scopeName}`, networkRoleId, networkScope, "AKS kubenet: join and read the cluster subnet")];
        if (args.routeTableId !== undefined) {
            this.roleAssignments.push(grant(`${prefix}-route-table`, networkRoleId, args.routeTableId, "AKS kubenet: write pod routes into the route table"));
        }
        if (args.privateDnsZoneId !== undefined) {
            this.roleAssignments.push(grant("private-dns-zone-contributor", builtIn(PRIVATE_DNS_ZONE_CONTRIBUTOR_ROLE_ID), args.privateDnsZoneId, "AKS private cluster: write the API server's record into its private DNS zone"));
        }
        if (args.kms) {
            this.roleAssignments.push(grant("key-vault-crypto-user", builtIn(KEY_VAULT_CRYPTO_USER_ROLE_ID), args.kms.keyVaultId, "AKS KMS: encrypt etcd with the key vault's key"));
            if (args.kms.networkAccess === "Private") {
                this.roleAssignments.push(grant("key-vault-contributor", builtIn(KEY_VAULT_CONTRIBUTOR_ROLE_ID), args.kms.keyVaultId, "AKS KMS: reach the private key vault through a private endpoint"));
            }
        }
        // Readiness travels in the id: it carries every grant as a dependency.
        this.identityId = pulumi.all([this.identity.id, ...this.roleAssignments.map((grant) => grant.id)]).apply(([id]) => id);
        this.registerOutputs({ identityId: this.identityId, principalId: this.principalId, clientId: this.clientId });
    }
}
