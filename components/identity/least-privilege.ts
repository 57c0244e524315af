import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import { v5 as uuidv5 } from "uuid";

/* The custom role with only what kubenet's control plane does with the network. */

/**
 * What kubenet's control-plane identity does with the network, and nothing more (kubenet guide
 * and Microsoft's "AKS service permissions"): join and read the cluster subnet, and read and
 * write the route table and the pod routes it writes there. Network Contributor, the guide's
 * default, can change every part of the network it is granted on.
 */
export const KUBENET_NETWORK_ACTIONS = [
    "Microsoft.Network/virtualNetworks/subnets/join/action",
    "Microsoft.Network/virtualNetworks/subnets/read",
    "Microsoft.Network/routeTables/read",
    "Microsoft.Network/routeTables/write",
    "Microsoft.Network/routeTables/routes/read",
    "Microsoft.Network/routeTables/routes/write",
    "Microsoft.Network/routeTables/routes/delete",
] as const;

// A fixed namespace for the custom role's GUID, so the same scopes always give the same id.
const ROLE_DEFINITION_NAMESPACE = "0b8f4c67-5f2e-4d0a-9e1b-6a3c2d7e8f90";

const RESOURCE_GROUP_OF = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+/i;

/**
 * Where a custom role may be assigned: the resource groups holding the resources it is granted
 * on, each once. Azure takes management groups, subscriptions and resource groups as a role's
 * assignable scopes, not single resources ("Understand Azure role definitions",
 * AssignableScopes); the assignments themselves stay on the subnet (or vnet) and route table.
 */
export function assignableScopesOf(scopes: string[]): string[] {
    const groups = scopes.map((scope) => RESOURCE_GROUP_OF.exec(scope)?.[0] ?? scope);
    const seen = new Set<string>();
    return groups.filter((group) => !seen.has(group.toLowerCase()) && seen.add(group.toLowerCase()));
}

/**
 * A custom role with `KUBENET_NETWORK_ACTIONS`, assignable in the resource groups of the scopes
 * it is granted on (`assignableScopesOf`). Its id (a GUID Azure requires) and its name (unique
 * in the tenant) come from those scopes. Creating it needs
 * Microsoft.Authorization/roleDefinitions/write, as Owner or User Access Administrator have.
 */
export function kubenetNetworkRole(name: string, subscriptionId: pulumi.Input<string>, scopes: pulumi.Input<string>[], opts: pulumi.CustomResourceOptions): authorization.RoleDefinition {
    const id = pulumi.all(scopes).apply((list) => uuidv5(list.map((s) => s.toLowerCase()).join("|"), ROLE_DEFINITION_NAMESPACE));
    return new authorization.RoleDefinition(name, {
        roleDefinitionId: id,
        roleName: pulumi.interpolate`aks-kubenet network access ${id}`,
        description: "aks-kubenet: join and read the cluster subnet, write pod routes into the route table",
        roleType: "CustomRole",
        permissions: [{ actions: [...KUBENET_NETWORK_ACTIONS], notActions: [] }],
        assignableScopes: pulumi.all(scopes).apply(assignableScopesOf),
        scope: pulumi.interpolate`/subscriptions/${subscriptionId}`,
    }, opts);
}
