import * as pulumi from "@pulumi/pulumi";
import { parseMaxSurge, surgeNodes } from "../../address";
import { NodePool } from "../node-pools/args";
import { poolSizing } from "../node-pools/rules";
import { upgradeSettingsProfile } from "../node-pools/upgrade-settings";

/*
 * How long AKS may take, so that Pulumi waits long enough and the pipeline's jobs outlast Pulumi.
 *
 * azure-native stops waiting for an operation after 2 hours unless the resource's customTimeouts
 * say otherwise (pulumi/pulumi-azure-native provider/pkg/provider/provider.go, azureContext:
 * "d := 120 * time.Minute"), and then fails with "operation timed out" while AKS goes on. Microsoft
 * counts an upgrade that "takes more than 2 hours" among common issues (MicrosoftDocs/azure-aks-docs
 * articles/aks/aks-production-upgrade-strategies.md, 2026-08-06), and a minor upgrade here is one
 * cluster request naming every pool, in which "AKS upgrades the control plane first, then upgrades
 * each node pool sequentially" (upgrade-aks-control-plane.md, 2026-07-30).
 *
 * A pool upgrades in batches of its surge: "it cordons and drains as many nodes at the same time
 * as the number of buffer nodes specified", a percentage "rounded up to the nearest node count"
 * (upgrade-aks-node-pools-rolling.md, 2026-05-29). Each batch waits for new nodes, then for the
 * drain (at most the pool's drain timeout: "If the drain timeout value elapses and pods are
 * still running, the upgrade operation stops") and the soak time. The figures below are the
 * worst case of that arithmetic; Microsoft publishes no per-node time, so the node allowance is
 * the program's own: "Allow up to 10 minutes for provisioning" is Microsoft's figure for a whole
 * cluster (quick-windows-container-deploy-cli.md, 2026-07-13).
 */

/** Allowances, in minutes, where Microsoft gives no figure. */
export const DURATION_ALLOWANCES = {
    /** A batch of new nodes created, joined and ready, or reimaged. */
    nodeBatch: 10,
    /** The control plane upgraded or created. */
    controlPlane: 30,
    /** A cluster created with its default pool ("Allow up to 10 minutes", three times over). */
    clusterCreate: 30,
    /** A pool created (its nodes come up together). */
    poolCreate: 20,
    /** A cluster deleted, with its node resource group. */
    clusterDelete: 60,
} as const;

/** The longest a GitHub-hosted runner's job may run: "6 hours" (GitHub Docs, Actions limits). */
export const HOSTED_RUNNER_JOB_MINUTES = 360;

/** The longest a pool's rolling upgrade may take, in minutes, at its largest size. */
export function poolUpgradeMinutes(pool: NodePool): number {
    const nodes = Math.max(1, poolSizing(pool).maxNodes);
    const settings = upgradeSettingsProfile(pool.upgradeSettings, pool);
    const drain = settings.drainTimeoutInMinutes;
    const soak = settings.nodeSoakDurationInMinutes;
    if (pool.spot !== undefined) {
        // "There are no surge nodes available for Spot node pool upgrades ... no drain is
        // applied" (spot-node-pool.md): one node at a time, without the drain.
        return nodes * (DURATION_ALLOWANCES.nodeBatch + soak);
    }
    const surge = settings.maxSurge === undefined ? undefined : parseMaxSurge(settings.maxSurge);
    const unavailable = settings.maxUnavailable === undefined ? undefined : parseMaxSurge(settings.maxUnavailable);
    const atOnce = Math.max(1, (surge?.ok ? surgeNodes(nodes, surge.value) : 0) + (unavailable?.ok ? surgeNodes(nodes, unavailable.value) : 0));
    const batches = Math.ceil(nodes / atOnce);
    return batches * (DURATION_ALLOWANCES.nodeBatch + drain + soak);
}

/** A whole cluster upgrade: the control plane, then every pool one after the other. */
export function clusterUpgradeMinutes(pools: NodePool[]): number {
    return DURATION_ALLOWANCES.controlPlane + pools.reduce((sum, pool) => sum + poolUpgradeMinutes(pool), 0);
}

/** A pool deleted: its nodes drained together, each within the drain timeout. */
export function poolDeleteMinutes(pool: NodePool): number {
    return DURATION_ALLOWANCES.nodeBatch + upgradeSettingsProfile(pool.upgradeSettings, pool).drainTimeoutInMinutes;
}

const minutes = (value: number) => `${Math.ceil(value)}m`;

/** The ManagedCluster's customTimeouts: the update covers an upgrade of every pool it names. */
export function clusterTimeouts(pools: NodePool[]): pulumi.CustomTimeouts {
    return { create: minutes(DURATION_ALLOWANCES.clusterCreate), update: minutes(clusterUpgradeMinutes(pools)), delete: minutes(DURATION_ALLOWANCES.clusterDelete) };
}

/** An AgentPool's customTimeouts. */
export function agentPoolTimeouts(pool: NodePool): pulumi.CustomTimeouts {
    return { create: minutes(DURATION_ALLOWANCES.poolCreate), update: minutes(poolUpgradeMinutes(pool)), delete: minutes(poolDeleteMinutes(pool)) };
}

/**
 * The longest one `pulumi up` of the cluster may run, in minutes: creating it (its grants'
 * propagation waited out first, then the cluster, then each AgentPool in turn), upgrading every
 * pool, or rotating every AgentPool onto new nodes, whichever is longest.
 */
export function longestUpMinutes(pools: NodePool[], defaultPool: NodePool, permissionRetryMinutes: number): number {
    const agentPools = pools.filter((pool) => pool !== defaultPool);
    const create = permissionRetryMinutes + DURATION_ALLOWANCES.clusterCreate + agentPools.length * DURATION_ALLOWANCES.poolCreate;
    const rotate = agentPools.reduce((sum, pool) => sum + DURATION_ALLOWANCES.poolCreate + poolDeleteMinutes(pool), 0);
    return Math.max(create, clusterUpgradeMinutes(pools), rotate);
}
