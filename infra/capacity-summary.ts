import { CapacityReport, ScaleNeed, capacityReport, parseCidrOrThrow, podNetworkingOf, scaleNeed } from "../components/address";
import { poolSizing } from "../components/rules";
import { StackConfig } from "./config/schema";

export interface StackCapacity extends CapacityReport {
    /** What the configured pools need at maximum scale with upgrade surge. */
    planned: ScaleNeed;
}

/** The capacity command's report for a validated stack, plus what its pools plan to use. */
export function stackCapacity(config: StackConfig): StackCapacity {
    const podNetworking = podNetworkingOf(config.cluster.networkPlugin, config.cluster.networkPluginMode);
    const pools = config.cluster.nodePools.map(poolSizing);
    return {
        ...capacityReport({
            subnet: parseCidrOrThrow(config.network.subnetCidr),
            podNetworking,
            podCidr: podNetworking === "azure" ? undefined : parseCidrOrThrow(config.cluster.podCidr),
            // The densest pool sets the pod ceiling per node.
            maxPods: Math.max(...pools.map((p) => p.maxPods)),
            customRoutes: config.network.routes.length,
        }),
        planned: scaleNeed(pools, podNetworking),
    };
}
