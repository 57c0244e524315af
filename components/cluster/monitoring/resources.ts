import * as pulumi from "@pulumi/pulumi";
import * as alertsmanagement from "@pulumi/azure-native/alertsmanagement";
import * as monitor from "@pulumi/azure-native/monitor";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import { ClusterMonitoring, DEFAULT_CONTROL_PLANE_LOGS, Prometheus } from "./args";
import { PROMETHEUS_RECORDING_RULE_GROUPS, RECORDING_RULES_INTERVAL } from "./prometheus-rules";

/*
 * The cluster's monitoring resources: Container Insights, control-plane logs, managed Prometheus
 * and its rule groups.
 */


/** Where a cluster's monitoring resources go: its group, its name and id, its tags. */
export interface MonitoredCluster {
    resourceGroupName: pulumi.Input<string>;
    clusterName: pulumi.Input<string>;
    clusterId: pulumi.Input<string>;
    tags?: pulumi.Input<Record<string, string>>;
}

const WORKSPACE_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/[^/]+\/[^/]+\/([^/]+)$/i;

/** A workspace id's resource group and name; undefined for an id of another shape. */
function workspaceParts(id: string): { resourceGroupName: string; name: string } | undefined {
    const match = WORKSPACE_ID.exec(id);
    return match ? { resourceGroupName: match[1], name: match[2] } : undefined;
}

/**
 * A workspace's region: the one given, or the workspace's own, read from Azure (a workspace of
 * the user's may be anywhere). The data collection rules that feed a workspace live in its
 * region in Microsoft's templates.
 */
function workspaceRegion(
    given: pulumi.Input<string> | undefined,
    workspaceId: pulumi.Input<string>,
    read: (parts: { resourceGroupName: string; name: string }) => Promise<{ location?: string }>,
): pulumi.Output<string | undefined> {
    if (given !== undefined) return pulumi.output(given);
    return pulumi.output(workspaceId).apply(async (id) => {
        const parts = workspaceParts(id);
        return parts ? (await read(parts)).location : undefined;
    });
}

/** The stream Container Insights collects by default with managed-identity auth. */
const CONTAINER_INSIGHTS_STREAM = "Microsoft-ContainerInsights-Group-Default";

/**
 * Container Insights' data collection rule and its association with the cluster, as Microsoft's
 * template for managed-identity auth declares them ("Enable Container insights", ARM template;
 * microsoft/Docker-Provider's onboarding templates): the monitoring add-on with useAADAuth reads
 * what to collect from the rule associated with the cluster under the name
 * ContainerInsightsExtension, and collects nothing without one. The rule is in the Log
 * Analytics workspace's region ("location: workspaceRegion"; Azure Monitor's "Data collection
 * rules for Kubernetes": "Same as Log Analytics workspace").
 */
export function declareContainerInsights(
    prefix: string,
    monitoring: ClusterMonitoring,
    cluster: MonitoredCluster,
    opts: pulumi.CustomResourceOptions,
): void {
    const location = workspaceRegion(monitoring.logAnalyticsWorkspaceLocation, monitoring.logAnalyticsWorkspaceId, ({ resourceGroupName, name }) =>
        operationalinsights.getWorkspace({ resourceGroupName, workspaceName: name }, { parent: opts.parent }));
    const rule = new monitor.DataCollectionRule(`${prefix}-container-insights`, {
        resourceGroupName: cluster.resourceGroupName,
        location,
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
    monitoring: ClusterMonitoring,
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
 * (Azure/prometheus-collector AddonArmTemplate/FullAzureMonitorMetricsProfile.json; "Enable
 * Prometheus metrics for AKS"): a data collection endpoint and rule in the workspace's region
 * that forward the Prometheus stream to the workspace, associated with the cluster as
 * ContainerInsightsMetricsExtension (the rule) and configurationAccessEndpoint (the endpoint),
 * and the node, Kubernetes and UX recording rule groups (prometheus-rules.ts), in the
 * workspace's region and scoped to the workspace and the cluster. The cluster's
 * azureMonitorProfile turns the metrics add-on on.
 */
export function declarePrometheus(
    prefix: string,
    prometheus: Prometheus,
    cluster: MonitoredCluster,
    opts: pulumi.CustomResourceOptions,
): void {
    const azureMonitorWorkspaceId = prometheus.azureMonitorWorkspaceId;
    const location = workspaceRegion(prometheus.azureMonitorWorkspaceLocation, azureMonitorWorkspaceId, ({ resourceGroupName, name }) =>
        monitor.getAzureMonitorWorkspace({ resourceGroupName, azureMonitorWorkspaceName: name }, { parent: opts.parent }));
    const endpoint = new monitor.DataCollectionEndpoint(`${prefix}-prometheus`, {
        resourceGroupName: cluster.resourceGroupName,
        location,
        kind: "Linux",
        tags: cluster.tags,
    }, opts);
    const rule = new monitor.DataCollectionRule(`${prefix}-prometheus`, {
        resourceGroupName: cluster.resourceGroupName,
        location,
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
    PROMETHEUS_RECORDING_RULE_GROUPS.forEach((group, i) => {
        new alertsmanagement.PrometheusRuleGroup(`${prefix}-prometheus-rules-${RULE_GROUP_KEYS[i]}`, {
            resourceGroupName: cluster.resourceGroupName,
            location,
            ruleGroupName: pulumi.output(cluster.clusterName).apply(group.name),
            description: group.description,
            scopes: [azureMonitorWorkspaceId, cluster.clusterId],
            clusterName: cluster.clusterName,
            interval: RECORDING_RULES_INTERVAL,
            enabled: true,
            rules: group.rules.map((rule) => ({ ...rule, enabled: true })),
            tags: cluster.tags,
        }, opts);
    });
}

/** The rule groups' names in Pulumi, in PROMETHEUS_RECORDING_RULE_GROUPS' order. */
const RULE_GROUP_KEYS = ["node", "kubernetes", "ux"];

const PROMETHEUS_STREAM = "Microsoft-PrometheusMetrics";
