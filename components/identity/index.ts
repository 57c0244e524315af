import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import { Problem, samePath, PathOf } from "../address";
import { COMPONENT_TYPES, withTypeAlias } from "../common/component-types";
import { checkAzureName } from "../common/azure-names";
import { childOptions, throwIfProblems } from "../common/problems";
import { RetryPolicy, transientErrorHook } from "../common/retry";
import { roleAssignmentNameOutput } from "../common/role-assignment";
import { NETWORK_CONTRIBUTOR_ROLE_ID, builtInRoleDefinitionId } from "../common/roles";

export { NETWORK_CONTRIBUTOR_ROLE_ID };

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
    /** Tags on the identity. */
    tags?: Record<string, string>;
    /** Pulumi `protect` on the identity. */
    protect?: boolean;
}

export function validateIdentityArgs(args: ClusterIdentityArgs, pathOf: PathOf = samePath): Problem[] {
    const problems = checkAzureName(args.identityName, "userAssignedIdentity", pathOf("identityName"));
    if (args.roleScope !== undefined && !ROLE_SCOPES.includes(args.roleScope)) {
        problems.push({ path: pathOf("roleScope"), message: `${JSON.stringify(args.roleScope)} is not one of ${ROLE_SCOPES.join(", ")}` });
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
    /** The Network Contributor grants (network, and route table when there is one). */
    public readonly roleAssignments: authorization.RoleAssignment[];

    constructor(name: string, args: ClusterIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.ClusterIdentity, name, {}, withTypeAlias(opts, "aks-kubenet:identity:ClusterIdentity"));
        throwIfProblems(validateIdentityArgs(args), this, "ClusterIdentity");

        this.identity = new managedidentity.UserAssignedIdentity(`${name}-identity`, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            resourceName: args.identityName,
            tags: args.tags,
        }, childOptions(this, args.protect));
        this.principalId = this.identity.principalId;
        this.clientId = this.identity.clientId;

        const client = authorization.getClientConfigOutput({ parent: this });
        const roleDefinitionId = builtInRoleDefinitionId(client.subscriptionId, NETWORK_CONTRIBUTOR_ROLE_ID);
        const retry = transientErrorHook(`${name}-principal-retry`, ROLE_ASSIGNMENT_RETRY);
        const grant = (role: string, scope: pulumi.Input<string>, description: string) =>
            new authorization.RoleAssignment(`${name}-${role}`, {
                // Derived from what it grants, so a stack rebuilt after lost state finds it again.
                roleAssignmentName: roleAssignmentNameOutput(scope, this.identity.principalId, roleDefinitionId),
                principalId: this.identity.principalId,
                // Without it a fresh identity can fail with PrincipalNotFound (replication delay).
                principalType: "ServicePrincipal",
                roleDefinitionId,
                scope,
                description,
            }, childOptions(this, undefined, {
                // Azure allows one assignment per scope, principal and role: a replacement under a
                // new name would fail with RoleAssignmentExists while the old one exists.
                deleteBeforeReplace: true,
                hooks: { onError: [retry] },
            }));

        const networkScope = args.roleScope === "subnet" ? args.subnetId : args.vnetId;
        this.roleAssignments = [
            grant(`network-contributor-${args.roleScope ?? "vnet"}`, networkScope, "AKS kubenet: join and read the cluster subnet"),
        ];
        if (args.routeTableId !== undefined) {
            this.roleAssignments.push(grant("network-contributor-route-table", args.routeTableId, "AKS kubenet: write pod routes into the route table"));
        }
        // Readiness travels in the id: it carries every grant as a dependency.
        this.identityId = pulumi.all([this.identity.id, ...this.roleAssignments.map((grant) => grant.id)]).apply(([id]) => id);
        this.registerOutputs({ identityId: this.identityId, principalId: this.principalId, clientId: this.clientId });
    }
}
