import { PathOf, Problem } from "../../address";
import { KnownClusterArgs } from "../args";
import {
    KUBERNETES_VERSIONS_RECORDED_ON,
    VERSION_WARNING_DAYS,
    daysBetween,
    endOfMonth,
    minorAbove,
    monthName,
    parseKubernetesVersion,
    versionToMoveTo,
    versionSupport,
} from "./kubernetes-versions";

/*
 * The Kubernetes version's rules: its form, its channel, AKS's support on the plan given, and the
 * warnings.
 */

export { minorAbove, parseKubernetesVersion };

/** Whether `version` is a version in AKS's form, the one the other version rules judge. */
const inVersionForm = (version: string | undefined, pathOf: PathOf): version is string => version !== undefined && checkVersionFormat(version, pathOf).length === 0;

/** `MAJOR.MINOR` or `MAJOR.MINOR.PATCH` with a major of at least 1; "latest" and "0" are not versions. */
export function checkVersionFormat(version: string | undefined, pathOf: PathOf): Problem[] {
    if (version === undefined) return [];
    const parsed = typeof version === "string" ? parseKubernetesVersion(version) : undefined;
    if (parsed === undefined || parsed.major < 1) {
        return [{ path: pathOf("kubernetesVersion"), message: `${JSON.stringify(version)} is not a Kubernetes version: write MAJOR.MINOR ("1.33") or MAJOR.MINOR.PATCH ("1.33.2")` }];
    }
    // AKS names its versions without leading zeros ("1.36.4"); "1.036" reads as 1.36 here but
    // is no version AKS has, so it is refused with the form meant.
    if (/(^|\.)0\d/.test(version)) {
        const meant = version.split(".").map((part) => String(Number(part))).join(".");
        return [{ path: pathOf("kubernetesVersion"), message: `${JSON.stringify(version)} has a leading zero, which AKS's versions never have: write "${meant}"` }];
    }
    return [];
}

/**
 * A pinned version and an auto-upgrade channel must not pull in opposite directions. AKS moves a
 * cluster on the `patch` channel to newer patches, and on `stable` and `rapid` to newer minor
 * versions; a version pinned below where the channel took the cluster makes the next
 * `pulumi up` ask AKS for a downgrade, which it refuses. So the program refuses the combination
 * before anything runs. MAJOR.MINOR is what the patch channel keeps: "updating the cluster with
 * the same <major.minor> once it has been created will not trigger an upgrade" (the AKS API's
 * description of kubernetesVersion and orchestratorVersion, in azure-native's types); stable
 * and rapid own the version entirely.
 */
export function checkVersionChannel(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const version = args.kubernetesVersion;
    if (!inVersionForm(version, pathOf)) return [];
    const parsed = parseKubernetesVersion(version)!;
    const channel = args.upgradeChannel;
    if (channel === "stable" || channel === "rapid") {
        return [{
            path: pathOf("kubernetesVersion"),
            message: `must be left unset with upgradeChannel ${channel}: AKS moves the cluster to newer minor versions itself, and a pinned ${version} would make a later pulumi up ask for a downgrade; remove kubernetesVersion, or use upgradeChannel patch with a MAJOR.MINOR version`,
        }];
    }
    if (channel === "patch" && parsed.patch !== undefined) {
        return [{
            path: pathOf("kubernetesVersion"),
            message: `${version} pins a patch release, which upgradeChannel patch moves past (a later pulumi up would ask for a downgrade); write "${parsed.major}.${parsed.minor}" and let the channel choose the patch`,
        }];
    }
    return [];
}

/**
 * The node-image cluster channel owns the node OS channel: "when you set the cluster autoupgrade
 * channel to node-image, it also automatically sets the node OS autoupgrade channel to
 * NodeImage. You can't change the node OS autoupgrade channel value if your cluster autoupgrade
 * channel is node-image" (Microsoft, "Auto-upgrade node OS images").
 */
export function checkUpgradeChannels(args: Pick<KnownClusterArgs, "upgradeChannel" | "nodeOSUpgradeChannel">, pathOf: PathOf): Problem[] {
    return args.upgradeChannel === "node-image" && args.nodeOSUpgradeChannel !== undefined && args.nodeOSUpgradeChannel !== "NodeImage"
        ? [{ path: pathOf("nodeOSUpgradeChannel"), message: `must be NodeImage (or unset) with upgradeChannel node-image, which sets the node OS channel to NodeImage and keeps it there; remove nodeOSUpgradeChannel or choose another upgradeChannel` }]
        : [];
}


/** Channels under which AKS upgrades the control plane, and with it every pool. */
const CONTROL_PLANE_CHANNELS = new Set(["patch", "stable", "rapid"]);

/**
 * A Spot pool can't be upgraded with the control plane: "You can't upgrade the control plane and
 * node pools at the same time. You must upgrade them separately or remove the Spot node pool"
 * (MicrosoftDocs/azure-aks-docs articles/aks/spot-node-pool.md, limitations), while "Cluster
 * autoupgrade always upgrades the control plane and the node pools together"
 * (auto-upgrade-cluster.md, 2026-06-26). So no control-plane channel with a Spot pool; the
 * program's own upgrade is refused against the running cluster (live-checks.ts).
 */
export function checkSpotPoolsUnderChannel(args: Pick<KnownClusterArgs, "upgradeChannel" | "nodePools">, pathOf: PathOf): Problem[] {
    if (!CONTROL_PLANE_CHANNELS.has(args.upgradeChannel ?? "none")) return [];
    // A System pool with spot settings is refused for that already (node-pools/settings.ts).
    return (args.nodePools ?? []).flatMap((pool, i) => (pool?.spot === undefined || pool.mode === "System" ? [] : [{
        path: pathOf(`nodePools[${i}].spot`),
        message: `a Spot pool can't be upgraded together with the control plane, which upgradeChannel ${args.upgradeChannel} does: set upgradeChannel none or node-image, or move these workloads to a regular pool`,
    }]));
}

const LTS_FIX = "skuTier Premium with supportPlan AKSLongTermSupport";

/**
 * Long-term support is a plan of the Premium tier: "Enabling LTS requires moving your cluster to
 * the Premium tier and explicitly selecting the LTS support plan" (Microsoft, "Long-term support
 * for AKS versions").
 */
export function checkSupportPlan(args: Pick<KnownClusterArgs, "supportPlan" | "skuTier">, pathOf: PathOf): Problem[] {
    return args.supportPlan === "AKSLongTermSupport" && args.skuTier !== "Premium"
        ? [{ path: pathOf("supportPlan"), message: `AKSLongTermSupport needs skuTier Premium (it is ${args.skuTier ?? "Free"}): AKS offers long-term support on the Premium tier only` }]
        : [];
}

/**
 * A pinned version AKS no longer runs on the plan given is refused: AKS creates no cluster on
 * it and upgrades the ones left on it by itself (kubernetes-versions.ts), so a stack pinning it
 * fails at creation, or asks for a downgrade once AKS has moved the cluster on.
 */
export function checkVersionSupport(args: Pick<KnownClusterArgs, "kubernetesVersion" | "supportPlan">, pathOf: PathOf, today: Date): Problem[] {
    const version = args.kubernetesVersion;
    // A version checkVersionFormat refuses is not judged again here.
    if (!inVersionForm(version, pathOf)) return [];
    const plan = args.supportPlan ?? "KubernetesOfficial";
    const support = versionSupport(version, plan, today);
    if (support.status !== "ended") return [];
    const newest = versionToMoveTo(today);
    const moveTo = newest ? `use "${newest.version}" (supported until the end of ${monthName(newest.endOfSupport)}) or later` : "use a version AKS supports (az aks get-versions)";
    const at = pathOf("kubernetesVersion");
    if (support.row === undefined) {
        return [{ path: at, message: `${JSON.stringify(version)} is out of AKS support, long-term support included; ${moveTo}` }];
    }
    if (plan === "AKSLongTermSupport") {
        return [{ path: at, message: `${JSON.stringify(version)} left AKS long-term support at the end of ${monthName(support.row.ltsEnd)}; ${moveTo}` }];
    }
    const lts = today <= endOfMonth(support.row.ltsEnd) ? `, or long-term support: ${LTS_FIX} (${support.row.version} until the end of ${monthName(support.row.ltsEnd)})` : "";
    return [{
        path: at,
        message: `${JSON.stringify(version)} is out of AKS support: community support ended in ${monthName(support.row.endOfSupport)} and platform support when ${minorAbove(support.row.version, 4)} went GA (${monthName(support.endedMonth!)}), so AKS creates no cluster on it and upgrades the ones left on it by itself; ${moveTo}${lts}`,
    }];
}

/**
 * What the user should hear before it becomes a refusal: a version leaving support within
 * VERSION_WARNING_DAYS, one on platform support (existing clusters only), one newer than the table.
 * In the format of the kubenet retirement warning: the date, and the days from today.
 */
export function kubernetesVersionWarnings(args: Pick<KnownClusterArgs, "kubernetesVersion" | "supportPlan">, pathOf: PathOf, today: Date): Problem[] {
    const version = args.kubernetesVersion;
    if (!inVersionForm(version, pathOf)) return [];
    const plan = args.supportPlan ?? "KubernetesOfficial";
    const support = versionSupport(version, plan, today);
    const at = pathOf("kubernetesVersion");
    const day = today.toISOString().slice(0, 10);
    if (support.status === "supported") {
        const days = daysBetween(today, support.until);
        if (days > VERSION_WARNING_DAYS) return [];
        const window = plan === "AKSLongTermSupport" ? "long-term support" : "support";
        const lts = plan === "AKSLongTermSupport" ? "" : `, or turn on long-term support (${LTS_FIX})`;
        return [{ path: at, message: `AKS ends ${window} for ${support.row.version} at the end of ${monthName(support.untilMonth)} (${days} days from ${day}); upgrade to "${minorAbove(version, 1)}" before then${lts} (docs/kubernetes-versions.md)` }];
    }
    if (support.status === "platform") {
        const until = support.untilMonth ? ` until ${support.untilVersion}'s GA (${monthName(support.untilMonth)})` : ` until ${support.untilVersion} goes GA`;
        return [{ path: at, message: `${support.row.version} left AKS community support at the end of ${monthName(support.endedMonth)}: AKS creates no cluster on it and keeps an existing one on platform support only${until}; upgrade to "${minorAbove(version, 1)}", or turn on long-term support (${LTS_FIX}; ${support.row.version} until the end of ${monthName(support.row.ltsEnd)}) (docs/kubernetes-versions.md)` }];
    }
    if (support.status === "unknown") {
        return [{ path: at, message: `${JSON.stringify(version)} is newer than the program's calendar of AKS versions (read on ${KUBERNETES_VERSIONS_RECORDED_ON}): check that AKS offers it in your region (az aks get-versions --location <region>) and add it to components/cluster/upgrades/kubernetes-versions.ts (docs/kubernetes-versions.md)` }];
    }
    return [];
}
