import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { parse, stringify } from "yaml";
import { KubenetCluster } from "../components";
import { roleAssignmentNameOutput } from "../components/common/role-assignment";
import { AKS_RBAC_CLUSTER_ADMIN_ROLE_ID, builtInRoleDefinitionId } from "../components/common/roles";
import { ClusterConfig, KUBELOGIN_MODES } from "./config/schema";

/** The Entra ID application every AKS cluster's API server accepts tokens for. */
export const AKS_AAD_SERVER_ID = "6dae42f8-4368-4678-94ff-3960e28e3630";

export type KubeloginMode = (typeof KUBELOGIN_MODES)[number];

interface Kubeconfig {
    users?: { name: string; user: Record<string, unknown> }[];
}

/**
 * Replaces each user's credentials with kubelogin, so the kubeconfig works for the way this
 * deployment signs in: azurecli for people, workloadidentity or spn for pipelines.
 */
export function useKubelogin(kubeconfigYaml: string, mode: KubeloginMode, tenantId: string): string {
    const kubeconfig = parse(kubeconfigYaml) as Kubeconfig;
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

export interface ClusterAccess {
    /** A secret. */
    kubeconfig: pulumi.Output<string>;
    /** What a Kubernetes provider must wait for before using the kubeconfig. */
    readyResources: pulumi.Resource[];
}

/**
 * How this deployment reaches the cluster's API. Without Entra ID the cluster-user credentials
 * carry a certificate. With Entra ID the kubeconfig signs in through kubelogin, and with Azure
 * RBAC the deploying principal named in `aad.deployer` is granted RBAC Cluster Admin so the
 * bootstrap can run.
 */
export function clusterAccess(cluster: KubenetCluster, resourceGroupName: pulumi.Input<string>, config: ClusterConfig): ClusterAccess {
    const client = authorization.getClientConfigOutput();
    const aad = config.aad !== undefined;
    const credentials = containerservice.listManagedClusterUserCredentialsOutput({
        resourceGroupName,
        resourceName: cluster.clusterName,
        format: aad ? "exec" : undefined,
    });
    const raw = credentials.kubeconfigs.apply((configs) => Buffer.from(configs[0].value, "base64").toString("utf8"));
    const kubeconfig = aad
        ? pulumi.all([raw, client.tenantId]).apply(([yaml, tenant]) => useKubelogin(yaml, config.kubeloginMode, tenant))
        : raw;

    const readyResources: pulumi.Resource[] = [cluster];
    const deployer = config.aad?.enableAzureRBAC ? config.aad.deployer : undefined;
    if (deployer) {
        const roleDefinitionId = builtInRoleDefinitionId(client.subscriptionId, AKS_RBAC_CLUSTER_ADMIN_ROLE_ID);
        readyResources.push(new authorization.RoleAssignment("deployer-cluster-admin", {
            roleAssignmentName: roleAssignmentNameOutput(cluster.clusterId, deployer.objectId, roleDefinitionId),
            principalId: deployer.objectId,
            principalType: deployer.principalType,
            roleDefinitionId,
            scope: cluster.clusterId,
            description: "aks-kubenet: lets the deploying principal bootstrap namespaces",
        }, { deleteBeforeReplace: true }));
    }
    return { kubeconfig: pulumi.secret(kubeconfig), readyResources };
}
