import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import { Problem, samePath, PathOf } from "../address";
import { COMPONENT_TYPES, withTypeAlias } from "../common/component-types";
import { checkAzureName } from "../common/azure-names";
import { childOptions, throwIfProblems } from "../common/problems";
import { retryHooks } from "../common/retry";
import { withRequiredCli } from "../common/pulumi-cli";
import { roleAssignmentNameOutput } from "../common/role-assignment";
import { z } from "zod";
import { keyPathsOf } from "../common/key-paths";
import { argsAsRead, checkArgs } from "../common/validation";
import { checkResourceId } from "../common/resource-id";
import { checkTagsArg } from "../common/tags";
import {
    KEY_VAULT_CONTRIBUTOR_ROLE_ID,
    KEY_VAULT_CRYPTO_USER_ROLE_ID,
    NETWORK_CONTRIBUTOR_ROLE_ID,
    PRIVATE_DNS_ZONE_CONTRIBUTOR_ROLE_ID,
    builtInRoleDefinitionId,
} from "../common/roles";
import { kubenetNetworkRole } from "./least-privilege";
import { ClusterIdentityArgs, IDENTITY_LATE_CHECKED, IdentityArgsToCheck } from "./args";
import { checkedWhenKnown, problemsKnownNow } from "../common/late-values";
import { identityArgsSchemas } from "./inputs";
import { RenamedKeys } from "../common/zod-problems";
import { isOwnPrivateDnsZone } from "../common/private-dns";
import { ROLE_ASSIGNMENT_RETRY } from "../common/role-assignment";

/*
 * ClusterIdentity: the control plane's user-assigned identity and its grants, created before the
 * cluster.
 */

export { NETWORK_CONTRIBUTOR_ROLE_ID };
export * from "./args";
export { KUBENET_NETWORK_ACTIONS } from "./least-privilege";

/** The arguments 0.3.0 renamed: a program still giving one is told the new name. */
export const IDENTITY_RENAMED: RenamedKeys = {
    identityName: { current: "name", since: "0.3.0" },
    privateDnsZoneId: { current: "privateDNSZone", since: "0.3.0" },
};

/** The zone the identity is granted on: a zone of the user's own, not AKS's `system` or `none`. */
function ownZone(zone: pulumi.Input<string> | undefined): pulumi.Input<string> | undefined {
    return typeof zone === "string" && !isOwnPrivateDnsZone(zone) ? undefined : zone;
}

/**
 * Every problem with the identity's arguments that can be known now, under the caller's key
 * paths; rules on values known only at deployment (its tags) run once they are known.
 */
export function validateIdentityArgs(args: IdentityArgsToCheck, pathOf: PathOf = samePath): Problem[] {
    return problemsKnownNow(args, IDENTITY_LATE_CHECKED, identityChecks(identityArgsSchemas.toCheck, pathOf), pathOf);
}

/** The identity's schema, then its rules on what the schema accepted. */
export function identityChecks(schema: z.ZodType, pathOf: PathOf): (args: unknown) => Problem[] {
    return (args) => checkArgs<ClusterIdentityArgs>(schema, args, (settings) => identityRules(settings, pathOf), pathOf, IDENTITY_RENAMED).problems;
}

/** The identity's rules on arguments its schema accepted. */
export function identityRules(args: IdentityArgsToCheck, pathOf: PathOf): Problem[] {
    const problems: Problem[] = [];
    problems.push(...checkAzureName(args.name, "userAssignedIdentity", pathOf("name")), ...checkTagsArg(args.tags, pathOf("tags")));
    const zone = ownZone(args.privateDNSZone);
    if (typeof zone === "string") problems.push(...checkResourceId(zone, "Microsoft.Network/privateDnsZones", pathOf("privateDNSZone")));
    // AKS links a zone of yours to the cluster's vnet, which takes the vnet's join permission: a
    // grant on the subnet alone doesn't reach it.
    if (zone !== undefined && args.roleScope === "subnet") {
        problems.push({ path: pathOf("roleScope"), message: "must be vnet with a private DNS zone of your own: AKS links the zone to the cluster's vnet, which needs a grant on the vnet" });
    }
    if (typeof args.kms?.keyVaultId === "string") problems.push(...checkResourceId(args.kms.keyVaultId, "Microsoft.KeyVault/vaults", pathOf("kms.keyVaultId")));
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
        const pathOf = keyPathsOf(args, samePath);
        const checks = identityChecks(identityArgsSchemas.args, pathOf);
        throwIfProblems(problemsKnownNow(args, IDENTITY_LATE_CHECKED, checks, pathOf), this, "ClusterIdentity");
        const settings = argsAsRead<ClusterIdentityArgs>(identityArgsSchemas.args, args);

        this.identity = new managedidentity.UserAssignedIdentity(`${name}-identity`, {
            // Its grants retry while the identity replicates: the CLI must run those retries as they need.
            resourceGroupName: withRequiredCli(checkedWhenKnown(args, IDENTITY_LATE_CHECKED, settings.resourceGroupName, checks, this, "ClusterIdentity"), this, "ClusterIdentity"),
            location: settings.location,
            resourceName: settings.name,
            tags: settings.tags,
        }, childOptions(this, opts, settings.protect));
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

        const networkScope = settings.roleScope === "subnet" ? settings.subnetId : settings.vnetId;
        const scopeName = settings.roleScope;
        // With the vnet as the scope, its grant covers the API server's subnet too.
        const apiServerSubnet = settings.roleScope === "subnet" ? settings.apiServerSubnetId : undefined;
        const networkScopes = [networkScope, ...(settings.routeTableId === undefined ? [] : [settings.routeTableId]), ...(apiServerSubnet === undefined ? [] : [apiServerSubnet])];
        // The grants keep their names per role, so a change of role creates the new grants
        // before the old ones go, and the identity is never without access.
        const [networkRoleId, prefix] = settings.networkRole === "leastPrivilege"
            ? [kubenetNetworkRole(`${name}-kubenet-network-role`, client.subscriptionId, networkScopes, childOptions(this, opts, undefined)).id, "kubenet-network"]
            : [builtIn(NETWORK_CONTRIBUTOR_ROLE_ID), "network-contributor"];
        this.roleAssignments = [grant(`${prefix}-${scopeName}`, networkRoleId, networkScope, "AKS kubenet: join and read the cluster subnet")];
        if (settings.routeTableId !== undefined) {
            this.roleAssignments.push(grant(`${prefix}-route-table`, networkRoleId, settings.routeTableId, "AKS kubenet: write pod routes into the route table"));
        }
        if (apiServerSubnet !== undefined) {
            this.roleAssignments.push(grant(`${prefix}-apiserver-subnet`, networkRoleId, apiServerSubnet, "AKS API Server VNet Integration: put the API server's load balancer in its subnet"));
        }
        const zone = ownZone(settings.privateDNSZone);
        if (zone !== undefined) {
            this.roleAssignments.push(grant("private-dns-zone-contributor", builtIn(PRIVATE_DNS_ZONE_CONTRIBUTOR_ROLE_ID), zone, "AKS private cluster: write the API server's record into its private DNS zone"));
        }
        if (settings.kms) {
            this.roleAssignments.push(grant("key-vault-crypto-user", builtIn(KEY_VAULT_CRYPTO_USER_ROLE_ID), settings.kms.keyVaultId, "AKS KMS: encrypt etcd with the key vault's key"));
            if (settings.kms.networkAccess === "Private") {
                this.roleAssignments.push(grant("key-vault-contributor", builtIn(KEY_VAULT_CONTRIBUTOR_ROLE_ID), settings.kms.keyVaultId, "AKS KMS: reach the private key vault through a private endpoint"));
            }
        }
        // Readiness travels in the id: it carries every grant as a dependency.
        this.identityId = pulumi.all([this.identity.id, ...this.roleAssignments.map((grant) => grant.id)]).apply(([id]) => id);
        this.registerOutputs({ identityId: this.identityId, principalId: this.principalId, clientId: this.clientId });
    }
}
