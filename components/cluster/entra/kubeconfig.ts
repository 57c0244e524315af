import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { parse, stringify } from "yaml";
import { roleAssignmentNameOutput } from "../../common/role-assignment";
import { AKS_RBAC_CLUSTER_ADMIN_ROLE_ID, builtInRoleDefinitionId } from "../../common/roles";
import { Aad, KubeloginMode } from "../args";

/*
 * The cluster's kubeconfig: AKS's credentials, kubelogin with Entra ID, and the deployer's RBAC
 * Cluster Admin grant.
 */

/** The Entra ID application every AKS cluster's API server accepts tokens for. */
export const AKS_AAD_SERVER_ID = "6dae42f8-4368-4678-94ff-3960e28e3630";

interface Kubeconfig {
    users?: { name: string; user: Record<string, unknown> }[];
}

/**
 * Replaces each user's credentials with kubelogin, so the kubeconfig works for the way this
 * deployment signs in: azurecli for people, workloadidentity or spn for pipelines.
 */
export function useKubelogin(kubeconfigYaml: string, mode: KubeloginMode, tenantId: string): string {
    const kubeconfig = (parse(kubeconfigYaml) ?? {}) as Kubeconfig;
    for (const user of kubeconfig.users ?? []) {
        user.user = {
            exec: {
                apiVersion: "client.authentication.k8s.io/v1beta1",
                command: "kubelogin",
                args: ["get-token", "--login", mode, "--server-id", AKS_AAD_SERVER_ID, "--tenant-id", tenantId, "--environment", "AzurePublicCloud"],
                env: null,
                provideClusterInfo: false,
                interactiveMode: mode === "azurecli" || mode === "devicecode" ? "IfAvailable" : "Never",
            },
        };
    }
    return stringify(kubeconfig);
}

/** What the cluster component needs to reach its API. */
export interface AccessTarget {
    resourceGroupName: pulumi.Input<string>;
    cluster: containerservice.ManagedCluster;
    aad?: Aad;
    kubeloginMode: KubeloginMode;
    /** False: no credentials are read, and there is no kubeconfig (KubenetClusterArgs.listCredentials). */
    listCredentials: boolean;
}

/**
 * How a deployment reaches the cluster's API, as a secret kubeconfig. Without Entra ID the
 * cluster-user credentials carry a certificate. With Entra ID the kubeconfig signs in through
 * kubelogin, and with Azure RBAC the principal named in `aad.deployer` is granted RBAC Cluster
 * Admin. Readiness travels in the output: it resolves only once the cluster and that grant
 * exist, so a Kubernetes provider built from it waits for both.
 */
export function declareClusterAccess(name: string, target: AccessTarget, children: pulumi.CustomResourceOptions): pulumi.Output<string> | undefined {
    const { cluster, aad } = target;
    const invokeOptions = { parent: children.parent };
    const deployer = aad?.enableAzureRBAC ? aad.deployer : undefined;
    // The tenant and subscription are read only where they are used: with Entra ID.
    const client = aad && (target.listCredentials || deployer) ? authorization.getClientConfigOutput(invokeOptions) : undefined;
    const credentials = target.listCredentials ? containerservice.listManagedClusterUserCredentialsOutput({
        resourceGroupName: target.resourceGroupName,
        resourceName: cluster.name,
        format: aad ? "exec" : undefined,
    }, invokeOptions) : undefined;
    // AKS returns one kubeconfig, clusterUser; a unit test's mocks may answer none.
    const raw = credentials?.kubeconfigs.apply((configs) => Buffer.from(configs?.[0]?.value ?? "", "base64").toString("utf8"));
    const kubeconfig = raw && aad
        ? pulumi.all([raw, client!.tenantId]).apply(([yaml, tenant]) => useKubelogin(yaml, target.kubeloginMode, tenant))
        : raw;

    const ready: pulumi.Output<string>[] = [cluster.id];
    if (deployer) {
        const roleDefinitionId = builtInRoleDefinitionId(client!.subscriptionId, AKS_RBAC_CLUSTER_ADMIN_ROLE_ID);
        ready.push(new authorization.RoleAssignment(`${name}-deployer-cluster-admin`, {
            roleAssignmentName: roleAssignmentNameOutput(cluster.id, deployer.objectId, roleDefinitionId),
            principalId: deployer.objectId,
            principalType: deployer.principalType,
            roleDefinitionId,
            scope: cluster.id,
            description: "aks-kubenet: lets the deploying principal bootstrap namespaces",
        }, {
            ...children,
            deleteBeforeReplace: true,
            // Declared by the program itself, outside the component, before 0.3.0.
            aliases: [{ name: "deployer-cluster-admin", parent: pulumi.rootStackResource }],
        }).id);
    }
    return kubeconfig && pulumi.secret(pulumi.all([kubeconfig, ...ready]).apply(([yaml]) => yaml));
}
