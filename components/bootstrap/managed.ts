import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { parseQuantity } from "./validate";
import { roleAssignmentNameOutput } from "../common/role-assignment";
import {
    AKS_NAMESPACE_USER_ROLE_ID, AKS_RBAC_ADMIN_ROLE_ID, AKS_RBAC_READER_ROLE_ID, AKS_RBAC_WRITER_ROLE_ID, builtInRoleDefinitionId, subscriptionOf,
} from "../common/roles";
import { NamespaceSpec } from "./args";
import { podSecurityLabels } from "./pod-security";

/*
 * The namespaces as AKS managed namespaces, through Azure Resource Manager: nothing reaches the
 * cluster's API server, so a pipeline on runners outside your network (GitHub's hosted runners,
 * whose addresses an authorized range can't hold) deploys them too, with the same credentials
 * it deploys the cluster with.
 *
 * `Microsoft.ContainerService/managedClusters/managedNamespaces`, generally available with REST
 * API 2025-09-01 (azure-rest-api-specs, aks/ManagedNamespace.tsp; MicrosoftDocs/azure-aks-docs
 * articles/aks/managed-namespaces.md, 2025-11-18), azure-native's containerservice
 * ManagedNamespace (3.28.0, API 2025-09-01): labels, annotations, a default resource quota of
 * CPU and memory requests and limits, a default network policy per direction (AllowAll,
 * AllowSameNamespace, DenyAll), adoption and delete policies. "A component is installed on the
 * cluster to reconcile the namespace with the state in Azure Resource Manager. This component
 * blocks changes to the managed fields and resources from the Kubernetes API." Access is Azure
 * role assignments on the namespace.
 *
 * What it can't express, and the program refuses in this mode (validate.ts): a pod-count quota
 * (the quota holds CPU and memory only), default container limits (no LimitRange), Kubernetes
 * RoleBindings (access is Azure RBAC, so the cluster needs enableAzureRBAC for group access),
 * and the `default` namespace's labels (AKS manages no system namespace).
 */

const ROLE_FOR = { admins: AKS_RBAC_ADMIN_ROLE_ID, editors: AKS_RBAC_WRITER_ROLE_ID, viewers: AKS_RBAC_READER_ROLE_ID } as const;

/** Where the managed namespaces go. */
export interface ManagedNamespaceTarget {
    resourceGroupName: pulumi.Input<string>;
    clusterName: pulumi.Input<string>;
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A CPU quantity as AKS's quota takes it, "in one-thousandth CPU form" (ManagedNamespace.tsp,
 * ResourceQuota.cpuRequest): "4" is "4000m". validate.ts refuses what has no whole millicore form.
 */
export function armCpu(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    const quantity = parseQuantity(text)!;
    const millis = quantity.mantissa * 10n ** BigInt(Math.max(0, quantity.exponent + 3)) / 10n ** BigInt(Math.max(0, -(quantity.exponent + 3)));
    return `${millis}m`;
}

/** One managed namespace, its quota and policy, and its groups' roles on it. */
export function declareManagedNamespace(prefix: string, spec: NamespaceSpec, target: ManagedNamespaceTarget, children: pulumi.CustomResourceOptions): containerservice.ManagedNamespace {
    const id = `${prefix}-${spec.name}`;
    const quota = spec.quota;
    const namespace = new containerservice.ManagedNamespace(id, {
        resourceGroupName: target.resourceGroupName,
        resourceName: target.clusterName,
        managedNamespaceName: spec.name,
        tags: target.tags,
        properties: {
            // Sent whole each time: an update replaces the labels and annotations AKS holds.
            labels: podSecurityLabels(spec.podSecurity!),
            defaultResourceQuota: quota && (quota.requestsCpu ?? quota.limitsCpu ?? quota.requestsMemory ?? quota.limitsMemory) !== undefined
                ? { cpuRequest: armCpu(quota.requestsCpu), cpuLimit: armCpu(quota.limitsCpu), memoryRequest: quota.requestsMemory, memoryLimit: quota.limitsMemory }
                : undefined,
            // Always explicit: the SDK's default for ingress is AllowSameNamespace, which the
            // Kubernetes path (no policy) doesn't have.
            defaultNetworkPolicy: { ingress: spec.defaultDenyIngress ? "DenyAll" : "AllowAll", egress: "AllowAll" },
            // A namespace of that name made before (through the Kubernetes API, say) is taken
            // over with what the stack file says, instead of failing the deployment.
            adoptionPolicy: "Always",
            // Removing the namespace from the stack file removes it from the cluster, as the
            // Kubernetes path does.
            deletePolicy: "Delete",
        },
    }, children);

    const subscription = subscriptionOf(namespace.id);
    const grant = (name: string, roleId: string, group: string, description: string) => {
        const roleDefinitionId = builtInRoleDefinitionId(subscription, roleId);
        new authorization.RoleAssignment(`${id}-${name}-${group}`, {
            roleAssignmentName: roleAssignmentNameOutput(namespace.id, group, roleDefinitionId),
            principalId: group,
            principalType: "Group",
            roleDefinitionId,
            scope: namespace.id,
            description,
        }, { ...children, deleteBeforeReplace: true });
    };
    const members = new Set<string>();
    for (const role of ["admins", "editors", "viewers"] as const) {
        for (const group of spec[role] ?? []) {
            grant(role, ROLE_FOR[role], group, `aks-kubenet: ${role} of namespace ${spec.name}`);
            members.add(group);
        }
    }
    for (const group of members) grant("user", AKS_NAMESPACE_USER_ROLE_ID, group, `aks-kubenet: credentials of namespace ${spec.name}`);
    return namespace;
}
