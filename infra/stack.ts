import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes/provider";
import * as monitor from "@pulumi/azure-native/monitor";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as resources from "@pulumi/azure-native/resources";
import { ClusterIdentity, KubenetCluster, KubenetNetwork, NamespaceBootstrap } from "../components";
import { stackCapacity } from "./capacity-summary";
import { bootstrapArgsOf, clusterArgsOf, identityArgsOf, networkArgsOf } from "./config/component-args";
import { StackModel, WORKSPACE_RETENTION_DAYS } from "./config/validate";
import { bootstrapKeyPath, clusterKeyPath, identityKeyPath, networkKeyPath } from "./config/key-paths";
import { withKeyPaths } from "../components/common/key-paths";

/**
 * The stack: a resource group, then the network, the identity and its grants, the cluster
 * (after the grants), and the namespace bootstrap through the cluster's own API.
 */
export function defineStack(model: StackModel) {
    const { config, location } = model;
    const resourceGroup = new resources.ResourceGroup("rg", {
        resourceGroupName: model.resourceGroupName,
        location,
        tags: config.tags,
    }, { protect: config.protect });
    const resourceGroupName = resourceGroup.name;

    const network = new KubenetNetwork("network", withKeyPaths(networkArgsOf(config, { resourceGroupName, location }), networkKeyPath, model.unreadable));
    const identity = new ClusterIdentity("control-plane", withKeyPaths({
        ...identityArgsOf(config),
        resourceGroupName,
        location,
        vnetId: network.vnetId,
        subnetId: network.subnetId,
        routeTableId: network.routeTableId,
        apiServerSubnetId: network.apiServerSubnetId,
    }, identityKeyPath, model.unreadable));
    const monitoring = config.cluster.monitoring;
    // The stack's own workspace, unless the stack file names one (a shared, central workspace).
    const workspace = monitoring && monitoring.logAnalyticsWorkspaceId === undefined
        ? new operationalinsights.Workspace("logs", {
            resourceGroupName,
            location,
            sku: { name: "PerGB2018" },
            retentionInDays: monitoring.workspaceRetentionDays ?? WORKSPACE_RETENTION_DAYS.min,
            tags: config.tags,
        }, { protect: config.protect })
        : undefined;
    // Managed Prometheus' Azure Monitor workspace, likewise, in the cluster's region.
    const prometheusWorkspace = monitoring?.prometheus && monitoring.prometheus.azureMonitorWorkspaceId === undefined
        ? new monitor.AzureMonitorWorkspace("metrics", { resourceGroupName, location, tags: config.tags }, { protect: config.protect })
        : undefined;
    // Through ARM, nothing reaches the Kubernetes API: no credentials are read, so a preview
    // needs no right beyond reading the resources.
    const throughKubernetes = config.namespacesThrough === "kubernetes";
    const clusterArgs = clusterArgsOf(config, model.stack, { resourceGroupName, location, createdWorkspaceId: workspace?.id, createdPrometheusWorkspaceId: prometheusWorkspace?.id });
    const cluster = new KubenetCluster("cluster", withKeyPaths({
        ...clusterArgs,
        // The API server's subnet the network creates (network.apiServerSubnetCidr), or yours.
        apiServer: network.apiServerSubnetId === undefined ? clusterArgs.apiServer : { ...clusterArgs.apiServer, subnetId: network.apiServerSubnetId },
        subnetId: network.subnetId,
        identityId: identity.identityId,
        networkAddressing: network.addressing,
        listCredentials: throughKubernetes,
    }, clusterKeyPath, model.unreadable));

    if (throughKubernetes) {
        const kubernetes = new k8s.Provider("kubernetes", {
            kubeconfig: cluster.kubeconfig,
            enableServerSideApply: true,
            // Without it pulumi-kubernetes replaces the provider, and every object it manages, when
            // the kubeconfig's server or CA changes (az aks rotate-certs does both). The cluster's
            // resource id changes only with the cluster itself (@pulumi/kubernetes provider.d.ts).
            clusterIdentifier: cluster.clusterId,
        });
        new NamespaceBootstrap("bootstrap", withKeyPaths(bootstrapArgsOf(config), bootstrapKeyPath, model.unreadable), { providers: { kubernetes } });
    } else {
        // The managed namespaces are the cluster's children in ARM: they wait for it, and for its
        // pools, by its name, since AKS takes one operation at a time on a cluster.
        const settled = pulumi.all([cluster.clusterName, ...Object.values(cluster.agentPools).map((pool) => pool.id)]).apply(([name]) => name);
        new NamespaceBootstrap("bootstrap", withKeyPaths(bootstrapArgsOf(config, { resourceGroupName, name: settled }), bootstrapKeyPath, model.unreadable));
    }

    return {
        resourceGroupName,
        clusterName: cluster.clusterName,
        clusterId: cluster.clusterId,
        nodeResourceGroup: cluster.nodeResourceGroup,
        vnetId: network.vnetId,
        subnetId: network.subnetId,
        routeTableId: network.routeTableId ?? pulumi.output("created by AKS"),
        identityId: identity.identityId,
        identityPrincipalId: identity.principalId,
        kubeletIdentityObjectId: cluster.kubeletIdentityObjectId,
        // Only where they exist: Pulumi warns about an undefined stack output.
        ...(config.cluster.workloadIdentity ? { oidcIssuerUrl: cluster.oidcIssuerUrl } : {}),
        ...(monitoring ? { logAnalyticsWorkspaceId: monitoring.logAnalyticsWorkspaceId ?? workspace!.id } : {}),
        // Only where the program reads it: `az aks get-credentials` (or, for a namespace's people,
        // `az aks namespace get-credentials`) otherwise.
        ...(cluster.kubeconfig ? { kubeconfig: cluster.kubeconfig } : {}),
        capacity: stackCapacity(config),
    };
}
