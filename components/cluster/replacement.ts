/*
 * What only a new cluster can take, in the program's own names, and the guard that keeps the
 * running cluster from being replaced for one of them unless the stack file allows it.
 */
import { PathOf, Problem } from "../address";
import * as pulumi from "@pulumi/pulumi";
import { KubenetClusterArgs } from "./args";
import { LiveCluster, LiveNetworkProfile } from "./upgrades/live";

/**
 * ManagedCluster properties that azure-native can only change by replacing the cluster: a new
 * cluster is created and the old one deleted, with every workload on it. From the provider's
 * `forceNewMap` (pulumi/pulumi-azure-native, provider/pkg/gen/replacement.go), in the
 * program's own names.
 */
export const CLUSTER_REPLACEMENT_PROPERTIES = [
    "networkPlugin",
    "networkPluginMode",
    "networkPolicy",
    "networkDataplane",
    "podCidr",
    "serviceCidr",
    "dnsServiceIP",
    "outboundType",
    "dnsPrefix",
    "nodeResourceGroup",
    "location",
] as const;

/** Microsoft's lowest Kubernetes version for an in-place move from kubenet to Azure CNI Overlay. */
export const OVERLAY_MIGRATION_MIN_VERSION = { major: 1, minor: 27 } as const;

/** What the program sends for the properties azure-native replaces the cluster for, known values only. */
export interface DeclaredReplacementProperties {
    network: { [K in keyof LiveNetworkProfile]?: string };
    dnsPrefix?: string;
    /** Only when the stack file names it: unset, AKS chose one and azure-native sends none. */
    nodeResourceGroup?: string;
}

/** What the cluster's request says for them (index.ts sends the same), values or outputs. */
export function declaredReplacementProperties(settings: KubenetClusterArgs): pulumi.Input<DeclaredReplacementProperties> {
    const policy = settings.networkPolicy;
    return {
        network: {
            networkPlugin: settings.networkPlugin,
            networkPluginMode: settings.networkPluginMode,
            networkPolicy: policy,
            networkDataplane: policy === "cilium" ? "cilium" : undefined,
            podCidr: settings.podCidr,
            serviceCidr: settings.serviceCidr,
            dnsServiceIP: settings.dnsServiceIP,
            outboundType: settings.outboundType,
        },
        dnsPrefix: settings.dnsPrefix ?? settings.name,
        nodeResourceGroup: settings.nodeResourceGroup,
    } as pulumi.Input<DeclaredReplacementProperties>;
}

/** AKS reports no network policy as unset or `none`, and the data plane as unset or `azure` unless it is Cilium. */
const REPORTED_DEFAULTS: Partial<Record<keyof LiveNetworkProfile, string>> = { networkPolicy: "none", networkDataplane: "azure", outboundType: "loadBalancer" };

function same(key: string, declared: string | undefined, running: string | undefined): boolean {
    const normal = (value: string | undefined) => (value ?? REPORTED_DEFAULTS[key as keyof LiveNetworkProfile] ?? "").toLowerCase();
    return normal(declared) === normal(running);
}

/**
 * The properties azure-native replaces the cluster for whose declared value differs from what
 * the running cluster reports. The protected cluster is refused by the engine too, but since
 * Pulumi CLI 3.256.0 `pulumi up --ignore-protect` replaces protected resources
 * (pulumi/pulumi#24053), so the program itself refuses before anything is sent. A declared value
 * equal to the running one is no replacement: azure-native compares a force-new property with
 * the value Azure reports (pulumi/pulumi-azure-native, provider/pkg/provider/diff.go), so
 * writing down the node resource group AKS chose is an update.
 */
export function replacementProblems(declared: DeclaredReplacementProperties, live: LiveCluster, pathOf: PathOf, migrating: boolean): Problem[] {
    const problems: Problem[] = [];
    const refuse = (key: string, wanted: string, running: string | undefined) => problems.push({
        path: pathOf(key),
        message: migrating && ["networkPlugin", "networkPluginMode", "networkPolicy"].includes(key)
            ? `${wanted} differs from the running cluster's ${running ?? "(none)"}, and azure-native would replace the cluster for it: move the running cluster first (docs/migrate-to-overlay.md), then pulumi up`
            : `${wanted} differs from the running cluster's ${running ?? "(none)"}: azure-native replaces the cluster for it (a new cluster is created and the running one deleted, with every workload on it), which AKS can't change in place; keep ${running ?? "it unset"}, or set allowReplacement: true to rebuild the cluster`,
    });
    for (const [key, wanted] of Object.entries(declared.network) as [keyof LiveNetworkProfile, string | undefined][]) {
        const running = live.networkProfile?.[key];
        // A setting AKS reports nothing for, and has no default of, can't be compared.
        if (live.networkProfile === undefined || (running === undefined && REPORTED_DEFAULTS[key] === undefined)) continue;
        if (!same(key, wanted, running)) refuse(key, wanted ?? REPORTED_DEFAULTS[key] ?? "(none)", running);
    }
    if (declared.dnsPrefix !== undefined && live.dnsPrefix !== undefined && declared.dnsPrefix.toLowerCase() !== live.dnsPrefix.toLowerCase()) {
        refuse("dnsPrefix", declared.dnsPrefix, live.dnsPrefix);
    }
    if (declared.nodeResourceGroup !== undefined && live.nodeResourceGroup !== undefined && declared.nodeResourceGroup.toLowerCase() !== live.nodeResourceGroup.toLowerCase()) {
        refuse("nodeResourceGroup", declared.nodeResourceGroup, live.nodeResourceGroup);
    }
    return problems;
}
