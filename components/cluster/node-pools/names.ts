import { createHash } from "node:crypto";
import { DEFAULT_VM_SIZE, KUBENET_DEFAULT_MAX_PODS } from "../../address";
import { KubenetClusterArgs } from "../args";
import { NodePool } from "./args";

/*
 * The pools' names: in the stack file, in Azure (which rotates on a create-only change), on the
 * nodes, and which pool the cluster is created with. Pure, so the rules, the running cluster's
 * checks and the resources all read the same names without depending on one another.
 */

/**
 * The node label every pool carries with its name from the stack file. AKS's own
 * `kubernetes.azure.com/agentpool` label holds the Azure pool name, which changes when a pool is
 * rotated (see `agentPoolName`); select on this one to follow a pool through rotations.
 */
export const POOL_NAME_LABEL = "aks-kubenet/pool";

/** AKS's pool-name limits: 12 characters for Linux pools, 6 for Windows. */
export const MAX_POOL_NAME_LENGTH = { Linux: 12, Windows: 6 } as const;
const ROTATION_SUFFIX_LENGTH = 4;

/**
 * The pool settings AKS fixes when it creates a pool (`az aks nodepool update` can't change
 * them; for `vmSize` azure-native plans a replacement, provider/pkg/gen/replacement.go). A change
 * to any of them needs a new pool. The OS SKU can also be migrated in place (Ubuntu to Azure
 * Linux reimages every node); a rotation does the same with the old pool still running.
 */
export const CREATE_ONLY_POOL_SETTINGS = [
    "vmSize", "osType", "availabilityZones", "maxPods",
    "osSKU", "osDiskType", "osDiskSizeGB", "enableEncryptionAtHost", "spot",
] as const;

/**
 * A pool's create-only settings. The first four have AKS's defaults filled in, so "unset" and
 * "default" agree. The others are sent only when set (unset means AKS's choice at creation, which
 * for the OS disk depends on the VM size), so they are left out here when unset, and a pool that
 * doesn't set them keeps the Azure name it had before they existed.
 */
export function createOnlySettings(pool: NodePool) {
    return {
        vmSize: pool.vmSize ?? DEFAULT_VM_SIZE,
        osType: pool.osType ?? "Linux",
        availabilityZones: [...(pool.availabilityZones ?? [])].sort(),
        maxPods: pool.maxPods ?? KUBENET_DEFAULT_MAX_PODS,
        osSKU: pool.osSKU,
        osDiskType: pool.osDiskType,
        osDiskSizeGB: pool.osDiskSizeGB,
        enableEncryptionAtHost: pool.enableEncryptionAtHost,
        spot: pool.spot && { evictionPolicy: pool.spot.evictionPolicy ?? "Delete", maxPrice: pool.spot.maxPrice ?? -1 },
    };
}

/**
 * The Azure name of a pool declared as its own AgentPool: the stack-file name (cut to leave room)
 * plus four characters derived from its create-only settings. A change to one of them gives a new
 * Azure name; azure-native replaces an AgentPool whose name changes, and with a new name Pulumi
 * creates the new pool before it deletes the old one, so the pool's capacity never drops to zero.
 * With the same name the replacement would have to delete the old pool first.
 */
export function agentPoolName(pool: NodePool): string {
    const settings = createOnlySettings(pool);
    const digest = createHash("sha256").update(JSON.stringify({ name: pool.name, ...settings })).digest();
    const suffix = BigInt(`0x${digest.subarray(0, 8).toString("hex")}`).toString(36).padStart(ROTATION_SUFFIX_LENGTH, "0").slice(-ROTATION_SUFFIX_LENGTH);
    return pool.name.slice(0, MAX_POOL_NAME_LENGTH[settings.osType] - ROTATION_SUFFIX_LENGTH) + suffix;
}

/**
 * The pool the cluster is created with. AKS needs one pool in the cluster's own request; it stays
 * in that request for the cluster's life (see `KubenetCluster`). It is `defaultNodePool` when set,
 * otherwise the only System pool. Undefined when that is ambiguous, which validation reports.
 */
export function defaultPoolOf(args: Pick<KubenetClusterArgs, "nodePools" | "defaultNodePool">): NodePool | undefined {
    const pools = args.nodePools ?? [];
    if (args.defaultNodePool !== undefined) return pools.find((pool) => pool.name === args.defaultNodePool);
    const system = pools.filter((pool) => pool.mode === "System");
    return system.length === 1 ? system[0] : undefined;
}

