import { CapacityPlan, PodNetworking, planCapacity } from "./capacity";
import { Cidr } from "./cidr";
import { NodeFit, fitNodes } from "./fit";
import { MaxSurge } from "./surge";

/* The capacity command's report: a subnet's plan and, for a node count, whether it fits. */

/** The capacity command's JSON object (contract.md), also embedded in synth's output. */
export interface CapacityReport extends CapacityPlan {
    /** Present when a node count was asked about. */
    nodes?: NodeFit & { maxSurge: string };
}

export interface CapacityRequest {
    subnet: Cidr;
    podNetworking: PodNetworking;
    podCidr?: Cidr;
    maxPods?: number;
    customRoutes?: number;
    nodes?: number;
    maxSurge?: { text: string; value: MaxSurge };
}

export function capacityReport(request: CapacityRequest): CapacityReport {
    const plan = planCapacity(request);
    if (request.nodes === undefined || request.maxSurge === undefined) return plan;
    return { ...plan, nodes: { ...fitNodes(plan, request.nodes, request.maxSurge.value), maxSurge: request.maxSurge.text } };
}

/** `networkPlugin` / `networkPluginMode` as the ARM API names them, to the arithmetic they imply. */
export function podNetworkingOf(networkPlugin: "kubenet" | "azure", networkPluginMode?: string): PodNetworking {
    if (networkPlugin === "kubenet") return "kubenet";
    return networkPluginMode === "overlay" ? "overlay" : "azure";
}
