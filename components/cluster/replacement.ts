/*
 * What only a new cluster can take, in the program's own names, and the guard that keeps the
 * running cluster from being replaced for one of them unless the stack file allows it.
 */
import { PathOf, Problem } from "../address";
import * as pulumi from "@pulumi/pulumi";
import { KubenetClusterArgs } from "./args";
import { LiveCluster, LiveNetworkProfile } from "./upgrades/live";
import { parseKubernetesVersion } from "./upgrades/kubernetes-versions";
import { NETWORK_DEFAULTS, NETWORK_LEAF_KEYS, NetworkLeaves, networkChange } from "./network-profile/in-place";
import { networkProfileOf } from "./network-profile/profile";

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

/** Whether `version` is below the move's lowest version; false when it can't be read (checkVersionFormat reports that, never assumed new enough). */
export function belowOverlayMigrationVersion(version: string | undefined): boolean {
    const parsed = version === undefined ? undefined : parseKubernetesVersion(version);
    const { major, minor } = OVERLAY_MIGRATION_MIN_VERSION;
    return parsed !== undefined && (parsed.major < major || (parsed.major === major && parsed.minor < minor));
}

/** What the program sends for the properties azure-native replaces the cluster for, known values only. */
export interface DeclaredReplacementProperties {
    network: { [K in keyof LiveNetworkProfile]?: string };
    dnsPrefix?: string;
    /** Only when the stack file names it: unset, AKS chose one and azure-native sends none. */
    nodeResourceGroup?: string;
}

/** What the cluster's request says for them (index.ts sends the same), values or outputs. */
export function declaredReplacementProperties(settings: KubenetClusterArgs): pulumi.Input<DeclaredReplacementProperties> {
    // The profile the request sends, less what azure-native doesn't replace the cluster for.
    const { loadBalancerSku: _sku, ...network } = networkProfileOf(settings);
    return {
        network,
        dnsPrefix: settings.dnsPrefix ?? settings.name,
        nodeResourceGroup: settings.nodeResourceGroup,
    } as pulumi.Input<DeclaredReplacementProperties>;
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
    const refuse = (key: string, wanted: string, running: string | undefined, why?: string) => problems.push({
        path: pathOf(key),
        message: `${wanted} differs from the running cluster's ${running ?? "(none)"}: azure-native replaces the cluster for it (a new cluster is created and the running one deleted, with every workload on it), ${why ?? "which AKS can't change in place"}; keep ${running ?? "it unset"}, or set allowReplacement: true to rebuild the cluster`,
    });
    if (live.networkProfile !== undefined) {
        // A setting AKS reports nothing for, and has no default of, can't be compared: it counts as unchanged.
        const running: NetworkLeaves = {};
        for (const key of NETWORK_LEAF_KEYS) {
            const reported = live.networkProfile[key];
            running[key] = reported === undefined && NETWORK_DEFAULTS[key] === undefined ? declared.network[key] : reported;
        }
        const verdict = networkChange(running, declared.network);
        if (verdict.verdict === "notInPlace") {
            for (const key of verdict.keys) refuse(key, declared.network[key] ?? NETWORK_DEFAULTS[key] ?? "(none)", running[key], `since ${verdict.reason}`);
        } else if (verdict.verdict === "inPlace" && verdict.change.kind === "overlayMigration" && !migrating) {
            problems.push({ path: pathOf("migrateFromKubenet"), message: "must be true to move the running kubenet cluster to Azure CNI Overlay: the move reimages every node pool at once and can't be undone (docs/migrate-to-overlay.md)" });
        }
    }
    if (declared.dnsPrefix !== undefined && live.dnsPrefix !== undefined && declared.dnsPrefix.toLowerCase() !== live.dnsPrefix.toLowerCase()) {
        refuse("dnsPrefix", declared.dnsPrefix, live.dnsPrefix);
    }
    if (declared.nodeResourceGroup !== undefined && live.nodeResourceGroup !== undefined && declared.nodeResourceGroup.toLowerCase() !== live.nodeResourceGroup.toLowerCase()) {
        refuse("nodeResourceGroup", declared.nodeResourceGroup, live.nodeResourceGroup);
    }
    return problems;
}
