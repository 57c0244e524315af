import * as pulumi from "@pulumi/pulumi";
import { ClusterIdentityArgs, KubenetClusterArgs, KubenetNetworkArgs, NamespaceBootstrapArgs } from "../../components";
import { bootstrapInputShape } from "../../components/inputs";
import { StackConfig } from "./schema";

/*
 * The components' arguments from a stack file. Each section is its component's input schema,
 * so it is handed over as it is; what is added here is what only the stack knows: the resource
 * group, the tags and protection every resource gets, the cluster's default name, and the ids
 * of the workspaces the stack creates when the file names none.
 */

/** What exists only once the stack deploys; validation passes placeholders. */
export interface StackDeployment {
    resourceGroupName: pulumi.Input<string>;
    /** The stack's region, where the workspaces it creates are. */
    location?: pulumi.Input<string>;
    /** The Log Analytics workspace the stack creates, when monitoring names none. */
    createdWorkspaceId?: pulumi.Input<string>;
    /** The Azure Monitor workspace the stack creates, when prometheus names none. */
    createdPrometheusWorkspaceId?: pulumi.Input<string>;
}

/** Stands for the workspaces the stack will create, while only the stack file is checked. */
const CREATED_WORKSPACE = "the stack's own Log Analytics workspace";
const CREATED_PROMETHEUS_WORKSPACE = "the stack's own Azure Monitor workspace";

export function networkArgsOf(config: Pick<StackConfig, "network" | "tags" | "protect">, deployment: StackDeployment): KubenetNetworkArgs {
    return { ...config.network, resourceGroupName: deployment.resourceGroupName, location: deployment.location, tags: config.tags, protect: config.protect };
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

/** The namespace bootstrap's keys are the stack file's own top-level keys (`namespaces`, …). */
export function bootstrapArgsOf(config: Pick<StackConfig, "namespaces" | "defaultNamespacePodSecurity">): NamespaceBootstrapArgs {
    return Object.fromEntries(Object.keys(bootstrapInputShape).map((key) => [key, config[key as keyof typeof bootstrapInputShape]])) as NamespaceBootstrapArgs;
}

/** The name the stack gives its cluster when the file gives none. */
export function clusterNameOf(config: Pick<StackConfig, "cluster">, stack: string): string {
    return config.cluster.name ?? `aks-${stack}`;
}

export function clusterArgsOf(config: Pick<StackConfig, "cluster" | "tags">, stack: string, deployment: StackDeployment): Omit<KubenetClusterArgs, "subnetId" | "identityId"> {
    const { monitoring, ...cluster } = config.cluster;
    const stackMonitoring = monitoring && (() => {
        const { workspaceRetentionDays: _retention, prometheus, ...toCluster } = monitoring;
        const ownWorkspace = monitoring.logAnalyticsWorkspaceId === undefined;
        return {
            ...toCluster,
            logAnalyticsWorkspaceId: monitoring.logAnalyticsWorkspaceId ?? deployment.createdWorkspaceId ?? pulumi.output(CREATED_WORKSPACE),
            // The stack's own workspaces are in its region.
            logAnalyticsWorkspaceLocation: ownWorkspace ? deployment.location : monitoring.logAnalyticsWorkspaceLocation,
            prometheus: prometheus && {
                ...prometheus,
                azureMonitorWorkspaceId: prometheus.azureMonitorWorkspaceId ?? deployment.createdPrometheusWorkspaceId ?? pulumi.output(CREATED_PROMETHEUS_WORKSPACE),
                azureMonitorWorkspaceLocation: prometheus.azureMonitorWorkspaceId === undefined ? deployment.location : prometheus.azureMonitorWorkspaceLocation,
            },
        };
    })();
    return {
        ...cluster,
        name: clusterNameOf(config, stack),
        resourceGroupName: deployment.resourceGroupName,
        location: deployment.location,
        monitoring: stackMonitoring,
        tags: config.tags,
        keyPathPrefix: "cluster.",
    };
}
