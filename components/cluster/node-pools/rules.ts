import { KUBENET_DEFAULT_MAX_PODS, PathOf, PoolSizing, Problem } from "../../address";
import { KnownClusterArgs } from "../args";
import { MAX_POOL_NAME_LENGTH, POOL_NAME_LABEL, agentPoolName, defaultPoolOf } from "./names";
import { NodePool } from "./args";
import { checkNodeSettings, checkPoolSettings } from "./settings";
import { checkUpgradeSettings } from "./upgrade-settings";

/*
 * The node pools' rules: names, sizes, the default pool, each pool's settings (settings.ts,
 * labels.ts, upgrade-settings.ts), and what a pool may be in the cluster it joins (Windows and
 * kubenet, System pools).
 */

const POOL_NAME = /^[a-z][a-z0-9]{0,11}$/;

/** A pool's smallest and largest size, for the capacity rules. */
export function poolSizing(pool: NodePool): PoolSizing {
    const autoscaling = pool.enableAutoScaling === true;
    return {
        maxPods: pool.maxPods ?? KUBENET_DEFAULT_MAX_PODS,
        minNodes: (autoscaling ? pool.minCount : pool.count) ?? 0,
        maxNodes: (autoscaling ? pool.maxCount : pool.count) ?? 0,
        maxSurge: pool.upgradeSettings?.maxSurge,
    };
}

/** Sizes (whole numbers in range: the schema's): count alone for a fixed pool, min ≤ max when autoscaling. */
export function checkPoolCounts(pool: NodePool, field: string, pathOf: PathOf): Problem[] {
    const problems: Problem[] = [];
    const at = (key: string) => pathOf(`${field}.${key}`);
    if (pool.enableAutoScaling) {
        if (pool.minCount === undefined) problems.push({ path: at("minCount"), message: "is required when enableAutoScaling is true" });
        if (pool.maxCount === undefined) problems.push({ path: at("maxCount"), message: "is required when enableAutoScaling is true" });
        if (pool.minCount !== undefined && pool.maxCount !== undefined && pool.minCount > pool.maxCount) {
            problems.push({ path: at("minCount"), message: `${pool.minCount} is more than maxCount ${pool.maxCount}` });
        }
        // The autoscaler owns the count of an autoscaled pool, so the program ignores it after
        // creation; a count in the stack file would be accepted and then ignored.
        if (pool.count !== undefined) {
            problems.push({ path: at("count"), message: "is set by the cluster autoscaler when enableAutoScaling is true (the pool starts at minCount): remove count and size the pool with minCount and maxCount" });
        }
    } else {
        if (pool.count === undefined) problems.push({ path: at("count"), message: "is required unless enableAutoScaling is true" });
        for (const key of ["minCount", "maxCount"] as const) {
            if (pool[key] !== undefined) problems.push({ path: at(key), message: "is only used with enableAutoScaling: true; set enableAutoScaling or remove it" });
        }
    }
    return problems;
}

/** A pool's own rules; `countProblems` are its checkPoolCounts results, computed once by the caller. */
function checkPool(pool: NodePool, i: number, args: KnownClusterArgs, pathOf: PathOf, countProblems: Problem[]): Problem[] {
    const field = `nodePools[${i}]`;
    const at = (key: string) => pathOf(`${field}.${key}`);
    const problems: Problem[] = [];
    const kubenet = (args.networkPlugin ?? "kubenet") === "kubenet";
    const windows = pool.osType === "Windows";
    if (pool.name === undefined) {
        // Refused by the schema.
    } else if (!POOL_NAME.test(pool.name)) {
        problems.push({ path: at("name"), message: `${JSON.stringify(pool.name)} is not a node pool name: a lowercase letter, then up to 11 lowercase letters or digits` });
    } else if (windows && !kubenet && pool.name.length > MAX_POOL_NAME_LENGTH.Windows) {
        problems.push({ path: at("name"), message: `${JSON.stringify(pool.name)} is too long for a Windows pool: at most ${MAX_POOL_NAME_LENGTH.Windows} characters` });
    }
    if (windows && kubenet) {
        problems.push({ path: at("osType"), message: "Windows node pools need Azure CNI; kubenet supports Linux only" });
    } else if (windows && args.networkPolicy === "cilium") {
        problems.push({ path: at("osType"), message: "Windows node pools can't run with networkPolicy cilium: Azure CNI powered by Cilium supports Linux only" });
    }
    if (pool.mode === "System") {
        if (windows) problems.push({ path: at("osType"), message: "System pools must run Linux" });
        const smallest = pool.enableAutoScaling ? pool.minCount : pool.count;
        if (smallest === 0) problems.push({ path: at(pool.enableAutoScaling ? "minCount" : "count"), message: "a System pool can't scale to 0; use at least 1 node" });
    }
    problems.push(...countProblems);
    problems.push(...checkPoolSettings(pool, field, pathOf), ...checkNodeSettings(pool, field, pathOf), ...checkUpgradeSettings(pool.upgradeSettings, pool, field, pathOf));
    if (pool.nodeLabels && Object.prototype.hasOwnProperty.call(pool.nodeLabels, POOL_NAME_LABEL)) {
        problems.push({ path: at(`nodeLabels.${POOL_NAME_LABEL}`), message: `is set by the program to the pool's name, so workloads can follow the pool through rotations; remove it` });
    }
    const zones = pool.availabilityZones ?? [];
    zones.forEach((zone, z) => {
        if (zones.indexOf(zone) !== z) {
            problems.push({ path: at(`availabilityZones[${z}]`), message: `zone ${zone} is listed twice` });
        }
    });
    return problems;
}

/**
 * Every pool's rules, and the pools as a whole (at least one System pool, names unique);
 * `countProblems` are each pool's size problems, for the capacity rules to leave unsound pools out.
 */
export function checkNodePools(args: KnownClusterArgs, pathOf: PathOf): { problems: Problem[]; countProblems: Problem[][] } {
    const problems: Problem[] = [];
    const pools = args.nodePools ?? [];
    if (pools.length === 0) {
        problems.push({ path: pathOf("nodePools"), message: "needs at least one node pool, with mode System" });
    } else if (!pools.some((pool) => pool.mode === "System") && pools.every((pool) => pool.mode !== undefined)) {
        // A pool whose mode the schema refused ("system") may be the System pool its author meant.
        problems.push({ path: pathOf("nodePools"), message: "needs at least one pool with mode System: AKS runs its system pods there" });
    }
    const countProblems = pools.map((pool, i) => checkPoolCounts(pool, `nodePools[${i}]`, pathOf));
    const firstIndex = new Map<string, number>();
    pools.forEach((pool, i) => {
        problems.push(...checkPool(pool, i, args, pathOf, countProblems[i]));
        if (firstIndex.has(pool.name)) {
            problems.push({ path: pathOf(`nodePools[${i}].name`), message: `${JSON.stringify(pool.name)} is already the name of nodePools[${firstIndex.get(pool.name)}]` });
        } else {
            firstIndex.set(pool.name, i);
        }
    });
    problems.push(...azureNameClashes(args, pathOf));
    return { problems, countProblems };
}

/**
 * The default pool (the one in the cluster's own request) must be chosen so that it can't move:
 * explicitly, or as the only System pool. AKS creates a cluster only with a Linux System pool.
 */
export function checkDefaultPool(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const pools = args.nodePools ?? [];
    const systemNames = [...new Set(pools.filter((pool) => pool.mode === "System").map((pool) => pool.name))];
    if (args.defaultNodePool === undefined) {
        return systemNames.length > 1
            ? [{ path: pathOf("defaultNodePool"), message: `is required when several pools have mode System (${systemNames.join(", ")}): name the pool the cluster is, or was, created with, so adding a System pool never changes it` }]
            : [];
    }
    const index = pools.findIndex((pool) => pool.name === args.defaultNodePool);
    if (index < 0) {
        return [{ path: pathOf("defaultNodePool"), message: `${JSON.stringify(args.defaultNodePool)} is not the name of a pool in nodePools; the default pool can't be removed while the cluster exists (retire it with mode: User and count: 0 instead)` }];
    }
    return (pools[index].osType ?? "Linux") === "Linux"
        ? []
        : [{ path: pathOf(`nodePools[${index}].osType`), message: "the default pool must run Linux: AKS creates a cluster with a Linux System pool" }];
}


/**
 * The names pools have in Azure: the default pool its own, every other pool its name with a
 * suffix (`agentPoolName`). A pool whose Azure name is already another's would be the same
 * AgentPool in AKS: the second request would change the first pool instead of creating one.
 */
function azureNameClashes(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const pools = args.nodePools ?? [];
    const defaultPool = defaultPoolOf(args);
    const taken = new Map<string, number>();
    const problems: Problem[] = [];
    pools.forEach((pool, i) => {
        if (typeof pool?.name !== "string") return;
        const azureName = pool === defaultPool ? pool.name : agentPoolName(pool);
        const other = taken.get(azureName);
        if (other !== undefined && pools[other].name !== pool.name) {
            problems.push({ path: pathOf(`nodePools[${i}].name`), message: `its name in Azure, ${azureName}, is already nodePools[${other}]'s: rename one of them` });
        } else if (other === undefined) {
            taken.set(azureName, i);
        }
    });
    return problems;
}
