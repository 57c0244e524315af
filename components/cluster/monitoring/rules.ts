import { PathOf, Problem } from "../../address";
import { checkResourceId } from "../../common/resource-id";
import { KnownClusterArgs } from "../args";

/* The monitoring settings' rules: the workspaces' ids and the control-plane log categories. */

/** The resource types of the workspaces' ids. */
export function checkMonitoring(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const monitoring = args.monitoring;
    if (!monitoring) return [];
    const problems: Problem[] = [];
    // An id known only at deployment (another resource's output) is Azure's to check.
    if (typeof monitoring.logAnalyticsWorkspaceId === "string") {
        problems.push(...checkResourceId(monitoring.logAnalyticsWorkspaceId, LOG_ANALYTICS_TYPE, pathOf("monitoring.logAnalyticsWorkspaceId")));
    }
    const prometheusWorkspace = monitoring.prometheus?.azureMonitorWorkspaceId;
    if (typeof prometheusWorkspace === "string") {
        problems.push(...checkResourceId(prometheusWorkspace, AZURE_MONITOR_WORKSPACE_TYPE, pathOf("monitoring.prometheus.azureMonitorWorkspaceId")));
    }
    const seen = new Set<string>();
    (monitoring.controlPlaneLogs ?? []).forEach((category, i) => {
        const at = pathOf(`monitoring.controlPlaneLogs[${i}]`);
        if (seen.has(category)) {
            problems.push({ path: at, message: `${category} is listed twice` });
        }
        seen.add(category);
    });
    return problems;
}

export const LOG_ANALYTICS_TYPE = "Microsoft.OperationalInsights/workspaces";

export const AZURE_MONITOR_WORKSPACE_TYPE = "Microsoft.Monitor/accounts";
