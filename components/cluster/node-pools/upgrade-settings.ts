import { z } from "zod";
import { DEFAULT_MAX_SURGE, PathOf, Problem } from "../../address";
import { parseMaxSurge } from "../../address/surge";
import { inputShape, stringish, wholeNumberIn } from "../../common/inputs";

/*
 * A node pool's upgrade settings, end to end: the input, its rules and what is sent to AKS.
 * The REST model is AgentPoolUpgradeSettings of the API version azure-native's
 * containerservice module uses (see UPGRADE_SETTINGS_LIMITS).
 */

/** What AKS does with a node it can't drain (a PodDisruptionBudget blocks it). */
export const UndrainableNodeBehavior = { Cordon: "Cordon", Schedule: "Schedule" } as const;
export type UndrainableNodeBehavior = (typeof UndrainableNodeBehavior)[keyof typeof UndrainableNodeBehavior];
export const UNDRAINABLE_NODE_BEHAVIORS = Object.values(UndrainableNodeBehavior);

/** How AKS upgrades a pool's nodes. Each setting left out is AKS's default, sent as such. */
export interface UpgradeSettings {
    /** Extra nodes during an upgrade, a node count ("1") or a share of the pool ("33%"); default 10%. */
    maxSurge?: string;
    /** Nodes that may be unavailable at once, a count ("1") or a share ("5%"); default 0. */
    maxUnavailable?: string;
    /** Minutes AKS waits for a node's pods to be evicted before it fails the upgrade (or cordons the node); default 30. */
    drainTimeoutInMinutes?: number;
    /** Minutes AKS waits after draining a node, before it reimages it and moves on to the next; default 0. */
    nodeSoakDurationInMinutes?: number;
    /**
     * What happens to a node that can't be drained (a PodDisruptionBudget blocks it): Schedule
     * (the default) makes it schedulable again and the upgrade fails; Cordon leaves it cordoned,
     * labelled `kubernetes.azure.com/upgrade-status=Quarantined`, and upgrades the others.
     */
    undrainableNodeBehavior?: UndrainableNodeBehavior;
}


/**
 * AKS's defaults and bounds. The REST model (AgentPoolUpgradeSettings, API 2025-09-01, which
 * azure-native 3.28 uses: drainTimeoutInMinutes 1–1440, nodeSoakDurationInMinutes 0–30, the
 * defaults 10%, 0, 30 and 0) and what the service adds (Microsoft, "Upgrade AKS node pools with
 * rolling upgrades", azure-aks-docs fb060abe: "Node drain timeout values can be a minimum of 5
 * minutes and a maximum of 24 hours"; Azure/AKS release 2024-08-05: "Validation for minimum 5
 * minutes has been introduced for drain timeout value").
 */
export const UPGRADE_SETTINGS_LIMITS = {
    defaultMaxSurge: DEFAULT_MAX_SURGE,
    defaultMaxUnavailable: "0",
    defaultDrainTimeoutInMinutes: 30,
    drainTimeoutInMinutes: { min: 5, max: 1440 },
    defaultNodeSoakDurationInMinutes: 0,
    nodeSoakDurationInMinutes: { min: 0, max: 30 },
    defaultUndrainableNodeBehavior: UndrainableNodeBehavior.Schedule,
} as const;

const { drainTimeoutInMinutes: drain, nodeSoakDurationInMinutes: soak } = UPGRADE_SETTINGS_LIMITS;

export const upgradeSettingsInputs = z.strictObject(inputShape<UpgradeSettings>()({
    maxSurge: stringish.optional(),
    maxUnavailable: stringish.optional(),
    drainTimeoutInMinutes: wholeNumberIn(drain.min, drain.max, (shown) => `${shown} is not a drain timeout: AKS takes whole minutes from ${drain.min} to ${drain.max}`).optional(),
    nodeSoakDurationInMinutes: wholeNumberIn(soak.min, soak.max, (shown) => `${shown} is not a soak time: AKS takes whole minutes from ${soak.min} to ${soak.max}`).optional(),
    undrainableNodeBehavior: z.enum(UNDRAINABLE_NODE_BEHAVIORS).optional(),
}));

/** What of the pool decides which upgrade settings it can take. */
export interface UpgradingPool {
    mode?: string;
    spot?: unknown;
}

/** A node count or a share of the pool: "0", "3", "33%". */
function parseCountOrShare(text: unknown): { count: number; percent: boolean } | undefined {
    const match = typeof text === "string" ? /^(\d+)(%?)$/.exec(text) : null;
    return match ? { count: Number(match[1]), percent: match[2] === "%" } : undefined;
}

/**
 * The rolling upgrade's rules (Microsoft, "Upgrade AKS node pools with rolling upgrades"):
 * "When maxUnavailable is 0, AKS requires maxSurge to be greater than 0"; "You can't set max
 * unavailable on system node pools"; maxUnavailable is used with maxSurge 0 (both above 0 is
 * the preview "MaxUnavailable fallback"). Spot pools take neither: AKS refuses "Spot pools
 * can't set max surge" (Azure/AKS and hashicorp/terraform-provider-azurerm#19355; azurerm
 * refuses max_unavailable on spot pools too).
 *
 * Microsoft's own modules declare the same: azurerm's node pool sends maxUnavailable "0" with a
 * surge, maxSurge "0" with unavailable nodes, none of either on a spot pool and no maxUnavailable
 * on the default (System) pool (hashicorp/terraform-provider-azurerm, kubernetes_cluster_node_pool,
 * expandAgentPoolUpgradeSettings); the AKS Azure Verified Module takes `upgrade_settings` with
 * max_surge, max_unavailable, drain_timeout_in_minutes, node_soak_duration_in_minutes and
 * undrainable_node_behavior per pool (Azure/terraform-azurerm-avm-res-containerservice-managedcluster).
 * azurerm recreates a pool whose drain timeout or undrainable behaviour goes from set to unset
 * (its CustomizeDiff: AKS can't unset them); this component always sends both, AKS's defaults
 * when none is given, so removing one from the stack file is an update, never a recreation.
 */
export function checkUpgradeSettings(settings: UpgradeSettings | undefined, pool: UpgradingPool, field: string, pathOf: PathOf): Problem[] {
    if (settings === undefined) return [];
    const at = (key: string) => pathOf(`${field}.upgradeSettings.${key}`);
    const problems: Problem[] = [];
    const surge = parseCountOrShare(settings.maxSurge);
    const unavailable = parseCountOrShare(settings.maxUnavailable);
    const spot = pool.spot !== undefined;
    if (settings.maxSurge !== undefined) {
        if (spot) problems.push({ path: at("maxSurge"), message: "can't be set on a spot pool: AKS upgrades spot nodes without surge nodes (\"Spot pools can't set max surge\")" });
        else if (surge?.count !== 0) {
            const parsed = parseMaxSurge(settings.maxSurge);
            if (!parsed.ok) problems.push({ path: at("maxSurge"), message: parsed.error });
        }
    }
    if (settings.maxUnavailable !== undefined) {
        if (spot) problems.push({ path: at("maxUnavailable"), message: "can't be set on a spot pool" });
        else if (pool.mode === "System") problems.push({ path: at("maxUnavailable"), message: "can't be set on a System pool: AKS keeps System pools' nodes available during upgrades; use maxSurge" });
        else if (unavailable === undefined) problems.push({ path: at("maxUnavailable"), message: `${JSON.stringify(settings.maxUnavailable)} is not a node count such as "1" or a percentage such as "5%"` });
        else if (unavailable.percent && unavailable.count > 100) problems.push({ path: at("maxUnavailable"), message: `${settings.maxUnavailable} is more than the whole pool: a percentage is at most 100%` });
    }
    const unavailableNodes = !spot && pool.mode !== "System" && unavailable !== undefined && unavailable.count > 0;
    if (!spot && surge?.count === 0 && !unavailableNodes) {
        problems.push({ path: at("maxSurge"), message: "is 0 while maxUnavailable is 0: AKS needs one of them above 0 to upgrade the pool" });
    }
    if (unavailableNodes && surge?.count !== 0) {
        problems.push({ path: at("maxSurge"), message: `must be "0" with maxUnavailable ${settings.maxUnavailable}: AKS upgrades a pool either with surge nodes or with unavailable nodes (both at once is a preview feature)` });
    }
    return problems;
}

/**
 * What a pool sends: every setting it can take, AKS's default where the stack file gives none,
 * because a request that leaves one out keeps its old value in Azure. A spot pool sends no
 * surge and a System pool no unavailable nodes, which AKS refuses on them.
 */
export function upgradeSettingsProfile(settings: UpgradeSettings | undefined, pool: UpgradingPool) {
    const limits = UPGRADE_SETTINGS_LIMITS;
    const spot = pool.spot !== undefined;
    return {
        maxSurge: spot ? undefined : settings?.maxSurge ?? limits.defaultMaxSurge,
        maxUnavailable: spot || pool.mode === "System" ? undefined : settings?.maxUnavailable ?? limits.defaultMaxUnavailable,
        drainTimeoutInMinutes: settings?.drainTimeoutInMinutes ?? limits.defaultDrainTimeoutInMinutes,
        nodeSoakDurationInMinutes: settings?.nodeSoakDurationInMinutes ?? limits.defaultNodeSoakDurationInMinutes,
        undrainableNodeBehavior: settings?.undrainableNodeBehavior ?? limits.defaultUndrainableNodeBehavior,
    };
}
