import * as pulumi from "@pulumi/pulumi";
import * as monitor from "@pulumi/azure-native/monitor";
import { ClusterMonitoringArgs } from "./args";

/**
 * AKS's resource log categories (Microsoft, "Monitor AKS: resource logs"). The default set is the
 * control plane's: the API server, the admin audit log (audit without get and list), the
 * controller manager, the autoscaler and guard (Entra ID authentication).
 */
export const CONTROL_PLANE_LOG_CATEGORIES = [
    "kube-apiserver", "kube-audit", "kube-audit-admin", "kube-controller-manager", "kube-scheduler",
    "cluster-autoscaler", "cloud-controller-manager", "guard",
    "csi-azuredisk-controller", "csi-azurefile-controller", "csi-snapshot-controller",
] as const;
export const DEFAULT_CONTROL_PLANE_LOGS = ["kube-apiserver", "kube-audit-admin", "kube-controller-manager", "cluster-autoscaler", "guard"];

/** Where a cluster's monitoring resources go: its group and region, its id, its tags. */
export interface MonitoredCluster {
    resourceGroupName: pulumi.Input<string>;
    location?: pulumi.Input<string>;
    clusterId: pulumi.Input<string>;
    tags?: Record<string, string>;
}

/** The stream Container Insights collects by default with managed-identity auth. */
const CONTAINER_INSIGHTS_STREAM = "Microsoft-ContainerInsights-Group-Default";

/**
 * Container Insights' data collection rule and its association with the cluster, as Microsoft's
 * template for managed-identity auth declares them ("Enable Container insights", ARM template):
 * the monitoring add-on with useAADAuth reads what to collect from the rule associated with the
 * cluster under the name ContainerInsightsExtension, and collects nothing without one.
 */
export function declareContainerInsights(
    prefix: string,
    monitoring: ClusterMonitoringArgs,
    cluster: MonitoredCluster,
    opts: pulumi.CustomResourceOptions,
): void {
    const rule = new monitor.DataCollectionRule(`${prefix}-container-insights`, {
        resourceGroupName: cluster.resourceGroupName,
        location: cluster.location,
        kind: "Linux",
        dataSources: {
            extensions: [{
                name: "ContainerInsightsExtension",
                extensionName: "ContainerInsights",
                streams: [CONTAINER_INSIGHTS_STREAM],
                extensionSettings: { dataCollectionSettings: { interval: "1m", namespaceFilteringMode: "Off", enableContainerLogV2: true } },
            }],
        },
        destinations: { logAnalytics: [{ name: "ciworkspace", workspaceResourceId: monitoring.logAnalyticsWorkspaceId }] },
        dataFlows: [{ streams: [CONTAINER_INSIGHTS_STREAM], destinations: ["ciworkspace"] }],
        tags: cluster.tags,
    }, opts);
    new monitor.DataCollectionRuleAssociation(`${prefix}-container-insights`, {
        associationName: "ContainerInsightsExtension",
        resourceUri: cluster.clusterId,
        dataCollectionRuleId: rule.id,
    }, opts);
}

/** A diagnostic setting sending the chosen control-plane logs to the workspace; none for an empty list. */
export function declareControlPlaneLogs(
    prefix: string,
    monitoring: ClusterMonitoringArgs,
    clusterId: pulumi.Input<string>,
    opts: pulumi.CustomResourceOptions,
): monitor.DiagnosticSetting | undefined {
    const categories = monitoring.controlPlaneLogs ?? DEFAULT_CONTROL_PLANE_LOGS;
    if (categories.length === 0) return undefined;
    return new monitor.DiagnosticSetting(`${prefix}-control-plane-logs`, {
        name: "control-plane-logs",
        resourceUri: clusterId,
        workspaceId: monitoring.logAnalyticsWorkspaceId,
        // Resource-specific tables (AKSAudit, AKSControlPlane, …) instead of AzureDiagnostics.
        logAnalyticsDestinationType: "Dedicated",
        logs: categories.map((category) => ({ category, enabled: true })),
    }, opts);
}

/**
 * Managed Prometheus as Microsoft's template for an existing Azure Monitor workspace declares it
 * ("Enable Prometheus metrics for AKS", ARM template): a data collection endpoint and rule named
 * MSProm-<region>-<cluster> that forward the Prometheus stream to the workspace, associated with
 * the cluster as ContainerInsightsMetricsExtension (the rule) and configurationAccessEndpoint
 * (the endpoint); the cluster's azureMonitorProfile turns the metrics add-on on.
 */
export function declarePrometheus(
    prefix: string,
    azureMonitorWorkspaceId: pulumi.Input<string>,
    cluster: MonitoredCluster,
    opts: pulumi.CustomResourceOptions,
): void {
    const endpoint = new monitor.DataCollectionEndpoint(`${prefix}-prometheus`, {
        resourceGroupName: cluster.resourceGroupName,
        location: cluster.location,
        kind: "Linux",
        tags: cluster.tags,
    }, opts);
    const rule = new monitor.DataCollectionRule(`${prefix}-prometheus`, {
        resourceGroupName: cluster.resourceGroupName,
        location: cluster.location,
        kind: "Linux",
        dataCollectionEndpointId: endpoint.id,
        dataSources: { prometheusForwarder: [{ name: "PrometheusDataSource", streams: [PROMETHEUS_STREAM], labelIncludeFilter: {} }] },
        destinations: { monitoringAccounts: [{ name: "MonitoringAccount1", accountResourceId: azureMonitorWorkspaceId }] },
        dataFlows: [{ streams: [PROMETHEUS_STREAM], destinations: ["MonitoringAccount1"] }],
        tags: cluster.tags,
    }, opts);
    new monitor.DataCollectionRuleAssociation(`${prefix}-prometheus-rule`, {
        associationName: "ContainerInsightsMetricsExtension",
        resourceUri: cluster.clusterId,
        dataCollectionRuleId: rule.id,
    }, opts);
    new monitor.DataCollectionRuleAssociation(`${prefix}-prometheus-endpoint`, {
        associationName: "configurationAccessEndpoint",
        resourceUri: cluster.clusterId,
        dataCollectionEndpointId: endpoint.id,
    }, opts);
}

const PROMETHEUS_STREAM = "Microsoft-PrometheusMetrics";
