import * as pulumi from "@pulumi/pulumi";
import { KubenetClusterArgs } from "../args";
import { ADDON_KEYS } from "../security/profile";

/*
 * The monitoring slice's fragments of the cluster's request: the Container Insights add-on and
 * Defender's workspace. Sent off as well as on: AKS keeps what a request leaves out (Azure/AKS#2904).
 */

/** The monitoring add-on (addonProfiles.omsagent). */
export function monitoringAddonProfiles(args: Pick<KubenetClusterArgs, "monitoring">) {
    const monitoring = args.monitoring;
    const containerInsights = monitoring !== undefined && monitoring.containerInsights !== false;
    return {
        // Managed-identity auth (useAADAuth): Container Insights' current mode, which reads what to
        // collect from the data collection rule the component associates with the cluster.
        [ADDON_KEYS.monitoring]: containerInsights
            ? { enabled: true, config: { logAnalyticsWorkspaceResourceID: monitoring.logAnalyticsWorkspaceId, useAADAuth: "true" } }
            : { enabled: false },
    };
}

/** Defender's part of the security profile: it needs the workspace while on, and none while off. */
export function defenderProfile(args: Pick<KubenetClusterArgs, "monitoring">) {
    const workspace: pulumi.Input<string> | undefined = args.monitoring?.defender ? args.monitoring.logAnalyticsWorkspaceId : undefined;
    return workspace
        ? { logAnalyticsWorkspaceResourceId: workspace, securityMonitoring: { enabled: true } }
        : { securityMonitoring: { enabled: false } };
}
