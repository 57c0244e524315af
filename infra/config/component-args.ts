import * as pulumi from "@pulumi/pulumi";
import { ClusterIdentityArgs, KubenetClusterArgs, KubenetNetworkArgs, NamespaceBootstrapArgs } from "../../components";
import { ClusterArgsToCheck, NetworkArgsToCheck } from "../../components/rules";
import { bootstrapInputShape } from "../../components/inputs";
import { StackConfig } from "./schema";

/*
 * The components' arguments from a stack file. Each section is its component's input schema,
 * so it is handed over as it is; what is added here is what only the stack knows: the resource
 * group, the tags and protection every resource gets, the cluster's default name, and the ids
 * of the workspaces the stack creates when the file names none.
 */

/** What exists only once the stack deploys. */
export interface StackDeployment {
    resourceGroupName: pulumi.Input<string>;
    /** The stack's region, where the workspaces it creates are. */
    location?: pulumi.Input<string>;
    /** The Log Analytics workspace the stack creates, when monitoring names none. */
    createdWorkspaceId?: pulumi.Input<string>;
    /** The Azure Monitor workspace the stack creates, when prometheus names none. */
    createdPrometheusWorkspaceId?: pulumi.Input<string>;
}

/** The network's settings: the section, and the stack's tags and protection. */
export function networkSettingsOf(config: Pick<StackConfig, "network" | "tags" | "protect">): NetworkArgsToCheck {
    return { ...config.network, tags: config.tags, protect: config.protect };
}

export function networkArgsOf(config: Pick<StackConfig, "network" | "tags" | "protect">, deployment: StackDeployment): KubenetNetworkArgs {
    return { ...networkSettingsOf(config), resourceGroupName: deployment.resourceGroupName, location: deployment.location };
}

/** The identity's own section, and the private DNS zone and KMS vault the cluster names. */
export function identityArgsOf(config: Pick<StackConfig, "identity" | "cluster" | "tags" | "protect">): Omit<ClusterIdentityArgs, "resourceGroupName" | "vnetId" | "subnetId"> {
    const { kms, apiServer } = config.cluster;
    return {
        ...config.identity,
        privateDNSZone: apiServer?.privateDNSZone,
        kms: kms && { keyVaultId: kms.keyVaultId, networkAccess: kms.networkAccess },
        tags: config.tags,
        protect: config.protect,
    };
}

/**
 * The namespace bootstrap's keys are the stack file's own top-level keys (`namespaces`, …); through
 * ARM it also takes the cluster's names and the stack's tags.
 */
export function bootstrapArgsOf(
    config: Pick<StackConfig, "namespaces" | "defaultNamespacePodSecurity" | "namespacesThrough" | "tags">,
    cluster?: { resourceGroupName: pulumi.Input<string>; name: pulumi.Input<string> },
): NamespaceBootstrapArgs {
    const own = Object.fromEntries(Object.keys(bootstrapInputShape).map((key) => [key, config[key as keyof typeof bootstrapInputShape]])) as NamespaceBootstrapArgs;
    return config.namespacesThrough === "arm"
        ? { ...own, clusterResourceGroupName: cluster?.resourceGroupName, clusterName: cluster?.name, tags: config.tags }
        : own;
}

/** The name the stack gives its cluster when the file gives none. */
export function clusterNameOf(config: Pick<StackConfig, "cluster">, stack: string): string {
    return config.cluster.name ?? `aks-${stack}`;
}

/**
 * The cluster's settings: the section, under the name the stack gives it, with the stack's tags;
 * the monitoring section without the stack's own retention, and without the workspaces' ids when
 * the stack creates them.
 */
export function clusterSettingsOf(config: Pick<StackConfig, "cluster" | "tags">, stack: string): ClusterArgsToCheck {
    const { monitoring, ...cluster } = config.cluster;
    const toCluster = monitoring && (() => {
        const { workspaceRetentionDays: _retention, ...rest } = monitoring;
        return rest;
    })();
    return { ...cluster, name: clusterNameOf(config, stack), monitoring: toCluster, tags: config.tags };
}

/** The cluster's settings and what the stack deploys for it: its group, its region, its workspaces. */
export function clusterArgsOf(config: Pick<StackConfig, "cluster" | "tags">, stack: string, deployment: StackDeployment): Omit<KubenetClusterArgs, "subnetId" | "identityId"> {
    const settings = clusterSettingsOf(config, stack);
    const monitoring = settings.monitoring;
    // The stack creates a workspace exactly when the file names none (stack.ts), in its region.
    const ownWorkspace = monitoring?.logAnalyticsWorkspaceId === undefined;
    const ownMetrics = monitoring?.prometheus?.azureMonitorWorkspaceId === undefined;
    return {
        ...settings,
        resourceGroupName: deployment.resourceGroupName,
        location: deployment.location,
        monitoring: monitoring && {
            ...monitoring,
            logAnalyticsWorkspaceId: monitoring.logAnalyticsWorkspaceId ?? deployment.createdWorkspaceId!,
            logAnalyticsWorkspaceLocation: ownWorkspace ? deployment.location : monitoring.logAnalyticsWorkspaceLocation,
            prometheus: monitoring.prometheus && {
                ...monitoring.prometheus,
                azureMonitorWorkspaceId: monitoring.prometheus.azureMonitorWorkspaceId ?? deployment.createdPrometheusWorkspaceId!,
                azureMonitorWorkspaceLocation: ownMetrics ? deployment.location : monitoring.prometheus.azureMonitorWorkspaceLocation,
            },
        },
    };
}
