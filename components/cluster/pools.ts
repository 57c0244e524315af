import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_VM_SIZE, KUBENET_DEFAULT_MAX_PODS } from "../address";
import { NodePoolArgs } from "./args";

/**
 * The settings a node pool has whether it is declared inside the cluster (the first System
 * pool, which AKS needs at creation) or as its own AgentPool resource.
 */
export function poolProfile(pool: NodePoolArgs, subnetId: pulumi.Input<string>, tags: Record<string, string> | undefined) {
    const autoscaling = pool.enableAutoScaling === true;
    return {
        mode: pool.mode,
        vmSize: pool.vmSize ?? DEFAULT_VM_SIZE,
        osType: pool.osType ?? "Linux",
        type: "VirtualMachineScaleSets",
        vnetSubnetID: subnetId,
        // An autoscaled pool starts at its minimum unless told otherwise; AKS requires a count.
        count: pool.count ?? (autoscaling ? pool.minCount : undefined),
        enableAutoScaling: autoscaling,
        minCount: autoscaling ? pool.minCount : undefined,
        maxCount: autoscaling ? pool.maxCount : undefined,
        maxPods: pool.maxPods ?? KUBENET_DEFAULT_MAX_PODS,
        availabilityZones: pool.availabilityZones,
        upgradeSettings: pool.maxSurge === undefined ? undefined : { maxSurge: pool.maxSurge },
        nodeLabels: pool.nodeLabels,
        nodeTaints: pool.nodeTaints,
        tags,
    };
}

/** The pool declared inline: the first System pool. */
export function inlinePoolIndex(pools: NodePoolArgs[]): number {
    return pools.findIndex((pool) => pool.mode === "System");
}
