import { KUBENET_RETIREMENT_DATE, Problem, daysUntilKubenetRetirement, formatProblem } from "../../components/address";
import { OVERLAY_MIGRATION_MIN_VERSION, belowOverlayMigrationVersion } from "../../components/cluster/replacement";
import { StackConfig } from "../config/schema";

/*
 * The way off kubenet for every stack a team owns: per stack, where it is, what blocks its move
 * and the fix, and the pull request that takes it one step further, in waves (docs/migrate-to-overlay.md,
 * "A fleet"). It reads the stack files as `pulumi up` would validate them, offline.
 */

/** Where a stack is on its way off kubenet. */
export type MoveState =
    /** On Azure CNI Overlay. */
    | "done"
    /** The stack file says migrateFromKubenet: the next `pulumi up` moves it. */
    | "moving"
    /** kubenet, with a pull request that takes it a step further. */
    | "ready"
    /** kubenet, with something to fix before the next step. */
    | "blocked"
    /** The stack file doesn't validate: fix it first. */
    | "invalid";

/** Waves, each proven on the one before: throwaway stacks, then pre-production, then production. */
export const WAVES = ["dev", "staging", "prod"] as const;
export type Wave = (typeof WAVES)[number];

/**
 * Days a wave runs on Overlay before the next starts: a week of the stacks' own traffic and a
 * weekly cycle of jobs, the project's choice (Microsoft sets none), the same for every wave.
 */
export const WAVE_SOAK_DAYS = 7;

export interface StackMove {
    stack: string;
    wave: Wave;
    /** The network as the stack file declares it: `kubenet`, or `azure overlay`. */
    network: string;
    state: MoveState;
    /** Days left until AKS retires kubenet (negative once it has). */
    daysLeft: number;
    /** What stops the next step, each with its fix. */
    blockers: { key: string; fix: string }[];
    /** The next pull request: its title and the cluster keys it sets in the stack file. */
    nextPullRequest?: { title: string; cluster: Record<string, unknown> };
}

export interface FleetReport {
    today: string;
    retirement: string;
    soakDays: number;
    stacks: StackMove[];
}

/** A stack's wave from its name: production last, pre-production in between, the rest first. */
export function waveOf(stack: string): Wave {
    if (/prod|prd|live/i.test(stack) && !/pre-?prod|non-?prod/i.test(stack)) return "prod";
    if (/stag|stg|uat|qa|pre-?prod|test/i.test(stack)) return "staging";
    return "dev";
}

/** One stack's place on the way off kubenet: `config` when its stack file validates, `problems` when it doesn't. */
export function stackMove(stack: string, checked: { config: StackConfig } | { problems: Problem[] }, today: Date): StackMove {
    const daysLeft = daysUntilKubenetRetirement(today);
    const base = { stack, wave: waveOf(stack), daysLeft };
    if ("problems" in checked) {
        return { ...base, network: "unknown", state: "invalid", blockers: checked.problems.slice(0, 5).map((problem) => ({ key: problem.path, fix: formatProblem(problem) })) };
    }
    const cluster = checked.config.cluster;
    const network = cluster.networkPlugin === "azure" ? `azure ${cluster.networkPluginMode ?? ""}`.trim() : cluster.networkPlugin;
    if (cluster.networkPlugin !== "kubenet") return { ...base, network, state: cluster.migrateFromKubenet ? "moving" : "done", blockers: [] };

    const blockers: StackMove["blockers"] = [];
    if (belowOverlayMigrationVersion(cluster.kubernetesVersion)) {
        const { major, minor } = OVERLAY_MIGRATION_MIN_VERSION;
        blockers.push({ key: "cluster.kubernetesVersion", fix: `upgrade to ${major}.${minor} or later first: the move needs it (update-azure-cni.md)` });
    }
    if (cluster.allowReplacement) blockers.push({ key: "cluster.allowReplacement", fix: "remove it: the move keeps the running cluster, and can't be combined with allowing its replacement" });
    if (blockers.length > 0) return { ...base, network, state: "blocked", blockers };
    if ((cluster.networkPolicy ?? "none") !== "none") {
        return {
            ...base, network, state: "ready", blockers: [],
            nextPullRequest: { title: `Turn ${cluster.networkPolicy} network policy off before the move to Azure CNI Overlay`, cluster: { networkPolicy: "none" } },
        };
    }
    return {
        ...base, network, state: "ready", blockers: [],
        nextPullRequest: { title: "Move the cluster to Azure CNI Overlay in place", cluster: { networkPlugin: "azure", networkPluginMode: "overlay", migrateFromKubenet: true } },
    };
}

/** The fleet, wave by wave, then by stack name. */
export function fleetReport(moves: StackMove[], today: Date): FleetReport {
    const stacks = [...moves].sort((a, b) => WAVES.indexOf(a.wave) - WAVES.indexOf(b.wave) || a.stack.localeCompare(b.stack));
    return { today: today.toISOString().slice(0, 10), retirement: KUBENET_RETIREMENT_DATE, soakDays: WAVE_SOAK_DAYS, stacks };
}

/** The report as Markdown: what is left, then a table per wave. */
export function renderFleetReport(report: FleetReport): string {
    const left = report.stacks.filter((s) => s.state !== "done");
    const days = daysUntilKubenetRetirement(new Date(`${report.today}T00:00:00Z`));
    const lines = [
        "# The way off kubenet",
        "",
        `AKS retires kubenet on ${report.retirement}: ${days} days from ${report.today}. ${left.length} of ${report.stacks.length} stacks still to move; waves dev, staging, prod, each on Overlay for ${report.soakDays} days before the next starts (docs/migrate-to-overlay.md).`,
    ];
    for (const wave of WAVES) {
        const stacks = report.stacks.filter((s) => s.wave === wave);
        if (stacks.length === 0) continue;
        lines.push("", `## Wave ${WAVES.indexOf(wave) + 1}: ${wave}`, "", "| stack | network | state | next pull request | blocked by |", "|---|---|---|---|---|");
        for (const s of stacks) {
            const next = s.nextPullRequest ? `${s.nextPullRequest.title}: \`${Object.entries(s.nextPullRequest.cluster).map(([k, v]) => `cluster.${k}: ${String(v)}`).join(", ")}\`` : s.state === "moving" ? "merged: the next pulumi up moves it" : "–";
            const blocked = s.blockers.map((b) => `${b.key}: ${b.fix}`).join("<br>").replaceAll("|", "\\|") || "–";
            lines.push(`| ${s.stack} | ${s.network} | ${s.state} | ${next.replaceAll("|", "\\|")} | ${blocked} |`);
        }
    }
    return `${lines.join("\n")}\n`;
}
