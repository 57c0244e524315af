import { KubenetClusterArgs } from "../../components";
import { LiveCluster, LivePool } from "../../components/cluster/upgrades/live";
import { MockEngine } from "../../infra/synth/engine";
import { LiveRouteTables } from "../../infra/synth/azure-state";
import { buildStack } from "./fixtures";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const POOL = "azure-native:containerservice:AgentPool";

const LIVE_KEYS = ["vmSize", "osType", "availabilityZones", "maxPods", "osSKU", "osDiskType", "osDiskSizeGB", "enableEncryptionAtHost"] as const;

function livePool(name: string, inputs: Record<string, unknown>, version: string | undefined): LivePool {
    const pool: LivePool = { name };
    for (const key of LIVE_KEYS) if (inputs[key] !== undefined) (pool as unknown as Record<string, unknown>)[key] = inputs[key];
    return { ...pool, orchestratorVersion: version, currentOrchestratorVersion: version };
}

/**
 * What AKS reports after a deployment of what `engine` recorded: the default pool from the
 * cluster's request and every AgentPool under its Azure name, all of them in the cluster's
 * `agentPoolProfiles`, in an order of AKS's own (here: the AgentPools first, by Azure name, and
 * the default pool last, so no test can pass by relying on positions).
 */
export function runningClusterOf(engine: MockEngine, running: { version?: string } = {}): LiveCluster {
    const cluster = engine.one(CLUSTER);
    const version = running.version ?? (cluster.inputs.kubernetesVersion as string | undefined);
    const inline = (cluster.inputs.agentPoolProfiles as Record<string, unknown>[]).map((p) => livePool(String(p.name), p, version));
    const pools = engine.byType(POOL).map((p) => livePool(String(p.inputs.agentPoolName), p.inputs, version)).sort((a, b) => a.name.localeCompare(b.name));
    const network = cluster.inputs.networkProfile as Record<string, string>;
    return {
        kubernetesVersion: version,
        currentKubernetesVersion: version,
        agentPoolProfiles: [...pools, ...inline].map((pool) => ({ ...pool, provisioningState: "Succeeded" })),
        provisioningState: "Succeeded",
        powerState: "Running",
        // AKS reports the network profile it was created with, none and its defaults spelt out.
        networkProfile: {
            networkPlugin: network.networkPlugin,
            networkPluginMode: network.networkPluginMode,
            networkPolicy: network.networkPolicy ?? "none",
            podCidr: network.podCidr,
            serviceCidr: network.serviceCidr,
            dnsServiceIP: network.dnsServiceIP,
            outboundType: network.outboundType,
        },
        dnsPrefix: cluster.inputs.dnsPrefix as string,
    };
}

/** The stack declared with `cluster` settings, where the cluster `aks-test` already runs as `running` says. */
export async function declareAgainst(running: LiveCluster | undefined, cluster: Partial<KubenetClusterArgs>, options: { preview?: boolean; liveRouteTables?: LiveRouteTables } = {}): Promise<{ engine: MockEngine; error?: Error }> {
    const engine = await MockEngine.install({ liveClusters: running ? { "aks-test": running as unknown as Record<string, unknown> } : {}, preview: options.preview, liveRouteTables: options.liveRouteTables });
    // A refusal from the running cluster fails the cluster's registration, which the engine
    // reports as the program's error (the SDK rethrows it as an uncaught exception or leaves it
    // an unhandled rejection); here it is caught instead of failing the test run.
    type Listener = (reason: unknown) => void;
    const events = ["unhandledRejection", "uncaughtException"] as const;
    const saved = events.map((event) => [event, process.listeners(event as "uncaughtException") as Listener[]] as const);
    for (const event of events) process.removeAllListeners(event);
    let error: Error | undefined;
    const failed = new Promise<void>((resolve) => {
        for (const event of events) {
            process.on(event as "uncaughtException", (reason: unknown) => {
                error ??= reason as Error;
                resolve();
            });
        }
    });
    try {
        buildStack({ cluster });
        await Promise.race([engine.settle(), failed]);
        // Every input that waited on the refused read fails with the same error, soon after.
        if (error) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
        for (const [event, listeners] of saved) {
            process.removeAllListeners(event);
            for (const listener of listeners) process.on(event as "uncaughtException", listener);
        }
    }
    return { engine, error };
}
