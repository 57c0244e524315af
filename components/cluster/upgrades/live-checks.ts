import { PathOf, Problem } from "../../address";
import { KubenetClusterArgs, NodePool } from "../args";
import { versionSupport } from "./kubernetes-versions";
import { LiveCluster, LivePool } from "./live";
import { agentPoolName, createOnlySettings, defaultPoolOf } from "../node-pools/names";
import { minorAbove, parseKubernetesVersion } from "./versions";

/*
 * The rules only the running cluster can decide, checked during preview (live.ts). Each names
 * the stack-file key it is about, like the rules checked before anything runs.
 */

type Version = { major: number; minor: number; patch?: number };

function compareVersions(a: Version, b: Version, withPatch: boolean): number {
    if (a.major !== b.major) return a.major - b.major;
    if (a.minor !== b.minor) return a.minor - b.minor;
    return withPatch ? (a.patch ?? 0) - (b.patch ?? 0) : 0;
}

/** The version the control plane runs: AKS's current version, which the channels move. */
function runningVersion(live: LiveCluster): Version | undefined {
    const text = live.currentKubernetesVersion ?? live.kubernetesVersion;
    return text === undefined ? undefined : parseKubernetesVersion(text);
}

/**
 * Whether the stack file asks AKS for another version than the control plane runs: a new minor
 * for `MAJOR.MINOR`, another patch for a pinned `MAJOR.MINOR.PATCH`.
 */
export function isUpgrade(args: Pick<KubenetClusterArgs, "kubernetesVersion">, live: LiveCluster | undefined): boolean {
    const pinned = args.kubernetesVersion === undefined ? undefined : parseKubernetesVersion(args.kubernetesVersion);
    const running = live && runningVersion(live);
    return pinned !== undefined && running !== undefined && compareVersions(pinned, running, pinned.patch !== undefined) > 0;
}

/** The Azure names of the pools the arguments declare, lower-cased (Azure compares them so). */
export function declaredAzureNames(args: KubenetClusterArgs): Map<string, NodePool> {
    const defaultPool = defaultPoolOf(args);
    return new Map(args.nodePools.map((pool) => [(pool === defaultPool ? pool.name : agentPoolName(pool)).toLowerCase(), pool]));
}

function versionProblems(args: KubenetClusterArgs, live: LiveCluster, pathOf: PathOf): Problem[] {
    const pinnedText = args.kubernetesVersion;
    const pinned = pinnedText === undefined ? undefined : parseKubernetesVersion(pinnedText);
    const running = runningVersion(live);
    if (pinned === undefined || running === undefined) return [];
    const at = pathOf("kubernetesVersion");
    const runs = live.currentKubernetesVersion ?? live.kubernetesVersion;
    const order = compareVersions(pinned, running, pinned.patch !== undefined);
    if (order < 0) {
        return [{ path: at, message: `${JSON.stringify(pinnedText)} is below the version the cluster runs, ${runs}: AKS doesn't downgrade, and a cluster AKS upgraded by itself (out of support, or an auto-upgrade channel) or that was upgraded outside Pulumi stays there; set "${running.major}.${running.minor}"` }];
    }
    if (pinned.major === running.major && pinned.minor > running.minor + 1) {
        return [{ path: at, message: `${JSON.stringify(pinnedText)} is ${pinned.minor - running.minor} minor versions above the running ${runs}: AKS upgrades one minor version at a time; set "${running.major}.${running.minor + 1}" first, pulumi up, then the next` }];
    }
    if (order > 0) {
        const spot = args.nodePools.findIndex((pool) => pool.spot !== undefined);
        if (spot >= 0) {
            // Microsoft: "You can't upgrade the control plane and node pools at the same time ...
            // or remove the Spot node pool" (spot-node-pool.md, limitations); the upgrade here is
            // one request for the control plane and every pool.
            return [{ path: at, message: `the upgrade to ${pinnedText} upgrades the control plane and every pool at once, which AKS refuses with a Spot pool (nodePools[${spot}], ${args.nodePools[spot].name}): remove the Spot pool, pulumi up the upgrade, then add it back` }];
        }
        const declared = declaredAzureNames(args);
        const leftBehind = live.agentPoolProfiles.map((pool) => pool.name).filter((name) => !declared.has(name.toLowerCase()));
        if (leftBehind.length > 0) {
            return [{ path: at, message: `the upgrade to ${pinnedText} must name every pool of the cluster, and ${leftBehind.join(", ")} ${leftBehind.length === 1 ? "is" : "are"} no longer in nodePools (a rotation or removal not finished, or a pool made outside Pulumi): pulumi up without the version change first, or delete ${leftBehind.length === 1 ? "it" : "them"} with az aks nodepool delete, then change kubernetesVersion` }];
        }
    }
    return [];
}

/** Values AKS reports in its own spelling: sizes and SKUs in any case, no zones as null. */
function sameSetting(key: keyof ReturnType<typeof createOnlySettings>, wanted: unknown, actual: unknown): boolean {
    if (key === "availabilityZones") return JSON.stringify(wanted) === JSON.stringify([...((actual as string[] | undefined) ?? [])].sort());
    if (key === "enableEncryptionAtHost") return wanted === (actual ?? false);
    if (typeof wanted === "string" && typeof actual === "string") return wanted.toLowerCase() === actual.toLowerCase();
    return wanted === actual;
}

const SHOWN: Record<string, (value: unknown) => string> = {
    availabilityZones: (value) => `zones [${((value as string[] | undefined) ?? []).join(", ")}]`,
};

/**
 * The default pool lives in the cluster's own request, where azure-native sends whatever the
 * stack file says and AKS refuses or ignores a setting it fixed at creation. The pool is found
 * by its name in what AKS reports, never by its position in that list (AKS lists every pool,
 * in its own order).
 */
function defaultPoolProblems(args: KubenetClusterArgs, live: LiveCluster, pathOf: PathOf): Problem[] {
    const defaultPool = defaultPoolOf(args);
    if (defaultPool === undefined) return [];
    const index = args.nodePools.indexOf(defaultPool);
    const field = (key: string) => pathOf(`nodePools[${index}].${key}`);
    const running = live.agentPoolProfiles.find((pool) => pool.name.toLowerCase() === defaultPool.name.toLowerCase());
    if (running === undefined) {
        const names = live.agentPoolProfiles.map((pool) => pool.name).join(", ");
        return [{ path: field("name"), message: `${JSON.stringify(defaultPool.name)} is not a pool of the running cluster (its pools: ${names}): the pool the cluster was created with stays in the cluster's request for its life and can't be renamed; name it as it is, and set defaultNodePool to it if several pools are System pools` }];
    }
    const wanted = createOnlySettings(defaultPool);
    const problems: Problem[] = [];
    for (const key of Object.keys(wanted) as (keyof typeof wanted)[]) {
        if (key === "spot" || wanted[key] === undefined) continue;
        const actual = running[key as keyof LivePool];
        if (sameSetting(key, wanted[key], actual)) continue;
        const show = SHOWN[key] ?? ((value: unknown) => JSON.stringify(value ?? null));
        problems.push({
            path: field(key),
            message: `${show(wanted[key])} differs from ${show(actual)}, which the running default pool was created with and AKS can't change in place; keep ${show(actual)} and add a System pool with the new setting, then retire this one (docs/operations.md, section 8)`,
        });
    }
    return problems;
}

/**
 * Everything the running cluster (or its absence) says against the arguments. Without a
 * cluster, only creation is judged: AKS creates none on a version on platform support.
 */
export function liveClusterProblems(args: KubenetClusterArgs, live: LiveCluster | undefined, today: Date, pathOf: PathOf): Problem[] {
    if (live === undefined) {
        const version = args.kubernetesVersion;
        const support = version === undefined ? undefined : versionSupport(version, args.supportPlan ?? "KubernetesOfficial", today);
        return support?.status === "platform"
            ? [{ path: pathOf("kubernetesVersion"), message: `${support.row.version} is on AKS platform support, on which AKS creates no cluster: use "${minorAbove(support.row.version, 1)}" or later for the new cluster, or turn on long-term support (skuTier Premium with supportPlan AKSLongTermSupport)` }]
            : [];
    }
    return [...defaultPoolProblems(args, live, pathOf), ...versionProblems(args, live, pathOf)];
}
