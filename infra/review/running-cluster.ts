/*
 * The base side's cluster as if it ran: what AKS would report for it had the base been deployed,
 * in the shape the program reads from Azure at preview (components/cluster/upgrades/live.ts), so
 * the head's checks against the running cluster can be run offline (synth/preview-refusals.ts).
 */
import type { LiveCluster, LivePool } from "../../components/cluster";
import { SynthOutput } from "../synth/synthesize";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const POOL = "azure-native:containerservice:AgentPool";

/** The pool settings AKS reports in the cluster's agentPoolProfiles that the checks read. */
const POOL_KEYS = ["vmSize", "osType", "availabilityZones", "maxPods", "osSKU", "osDiskType", "osDiskSizeGB", "enableEncryptionAtHost"] as const;

function livePool(name: string, inputs: Record<string, unknown>, clusterVersion: string | undefined): LivePool {
    const pool: Record<string, unknown> = { name };
    for (const key of POOL_KEYS) if (inputs[key] !== undefined) pool[key] = inputs[key];
    const version = (inputs.orchestratorVersion as string | undefined) ?? clusterVersion;
    return { ...(pool as unknown as LivePool), orchestratorVersion: version, currentOrchestratorVersion: version };
}

/**
 * The base's cluster as AKS would report it: its version as declared, the pools of the
 * cluster's own request and every AgentPool of the cluster, each once under its Azure name.
 * Offline, the declaration is all there is: a cluster AKS upgraded on its own (an auto-upgrade
 * channel, or out of support) runs a later version than declared, which only `pulumi preview`
 * sees. Undefined when the base declares no cluster.
 */
export function runningClusterOf(base: SynthOutput): LiveCluster | undefined {
    const cluster = base.resources.find((r) => r.type === CLUSTER);
    if (cluster === undefined) return undefined;
    const version = cluster.inputs.kubernetesVersion as string | undefined;
    const pools = new Map<string, LivePool>();
    const add = (name: unknown, inputs: Record<string, unknown>) => {
        if (typeof name === "string" && !pools.has(name.toLowerCase())) pools.set(name.toLowerCase(), livePool(name, inputs, version));
    };
    for (const profile of (cluster.inputs.agentPoolProfiles as Record<string, unknown>[] | undefined) ?? []) add(profile.name, profile);
    for (const pool of base.resources.filter((r) => r.type === POOL && r.inputs.resourceName === cluster.inputs.resourceName)) add(pool.inputs.agentPoolName, pool.inputs);
    const network = (cluster.inputs.networkProfile as Record<string, string | undefined> | undefined) ?? {};
    const api = (cluster.inputs.apiServerAccessProfile as { enablePrivateCluster?: boolean; privateDNSZone?: string } | undefined) ?? {};
    return {
        kubernetesVersion: version,
        currentKubernetesVersion: version,
        agentPoolProfiles: [...pools.values()],
        // As AKS reports what it was created with: the network profile, no policy spelt "none".
        networkProfile: {
            networkPlugin: network.networkPlugin,
            networkPluginMode: network.networkPluginMode,
            networkPolicy: network.networkPolicy ?? "none",
            networkDataplane: network.networkDataplane,
            podCidr: network.podCidr,
            serviceCidr: network.serviceCidr,
            dnsServiceIP: network.dnsServiceIP,
            outboundType: network.outboundType,
        },
        dnsPrefix: cluster.inputs.dnsPrefix as string | undefined,
        // The name AKS chose when the stack file names none (the mock engine's answer, `computed`).
        nodeResourceGroup: (cluster.inputs.nodeResourceGroup ?? cluster.computed?.nodeResourceGroup) as string | undefined,
        enablePrivateCluster: api.enablePrivateCluster,
        privateDNSZone: api.enablePrivateCluster ? api.privateDNSZone ?? "system" : undefined,
        provisioningState: "Succeeded",
        powerState: "Running",
    };
}
