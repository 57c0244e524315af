import * as pulumi from "@pulumi/pulumi";

/* Where the cluster's logs and metrics go, and what is collected; inputs.ts is their schema. */

/** Where the cluster's logs go, and what is collected. */
export interface ClusterMonitoring {
    /** The Log Analytics workspace's resource id. */
    logAnalyticsWorkspaceId: pulumi.Input<string>;
    /**
     * The Log Analytics workspace's region, where Container Insights' data collection rule goes;
     * default the workspace's own, read from Azure (give it for a workspace in a subscription the
     * deployment can't read).
     */
    logAnalyticsWorkspaceLocation?: pulumi.Input<string>;
    /** Container Insights (the monitoring add-on, with managed-identity auth and its data collection rule); default true. */
    containerInsights?: boolean;
    /**
     * Control-plane log categories sent to the workspace by a diagnostic setting; default
     * kube-apiserver, kube-audit-admin, kube-controller-manager, cluster-autoscaler and guard.
     * An empty list sends none.
     */
    controlPlaneLogs?: string[];
    /** Microsoft Defender for Containers' sensor, reporting to the workspace. */
    defender?: boolean;
    /** Managed Prometheus: the cluster's metrics into an Azure Monitor workspace. */
    prometheus?: Prometheus;
}

/** Managed Prometheus (Azure Monitor managed service for Prometheus). */
export interface Prometheus {
    /** The Azure Monitor workspace's resource id. */
    azureMonitorWorkspaceId: pulumi.Input<string>;
    /**
     * The Azure Monitor workspace's region, where the data collection endpoint and rule and the
     * recording rule groups go; default the workspace's own, read from Azure.
     */
    azureMonitorWorkspaceLocation?: pulumi.Input<string>;
}

/**
 * AKS's resource log categories (Microsoft, "Monitor AKS: resource logs"). The default set is the
 * control plane's: the API server, the admin audit log (audit without get and list, into the
 * AKSAuditAdmin table; kube-audit goes to AKSAudit), the controller manager, the autoscaler and
 * guard (Entra ID authentication).
 */
export const CONTROL_PLANE_LOG_CATEGORIES = [
    "kube-apiserver", "kube-audit", "kube-audit-admin", "kube-controller-manager", "kube-scheduler",
    "cluster-autoscaler", "cloud-controller-manager", "guard",
    "csi-azuredisk-controller", "csi-azurefile-controller", "csi-snapshot-controller",
] as const;
export const DEFAULT_CONTROL_PLANE_LOGS = ["kube-apiserver", "kube-audit-admin", "kube-controller-manager", "cluster-autoscaler", "guard"];
