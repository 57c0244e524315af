/**
 * The review as a pull-request comment: the changes most dangerous first, what forces each
 * replacement and what it means, and a Mermaid graph (GitHub renders it in comments) of the
 * changed resources and what they depend on.
 */
import { SynthResource } from "../synth/synthesize";
import { ACTIONS, Action, Review } from "./plan";

const HEADINGS: Record<Action, string> = {
    blocked: "Refused: pulumi up fails here",
    delete: "Deleted",
    replace: "Replaced",
    update: "Updated in place",
    create: "Created",
};
const STYLES: Record<Action, string> = {
    blocked: "fill:#f8d7da,stroke:#b02a37",
    delete: "fill:#f8d7da,stroke:#b02a37",
    replace: "fill:#fff3cd,stroke:#b58105",
    update: "fill:#cfe2ff,stroke:#0a58ca",
    create: "fill:#d1e7dd,stroke:#146c43",
};
const VERBS: Record<Action, string> = { blocked: "blocked", delete: "deleted", replace: "replaced", update: "updated", create: "created" };

const shortType = (type: string) => type.split(":").slice(1).join(":");
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

export interface ReviewSides {
    stack: string;
    base: string;
    head: string;
    /** The stack has no stack file on that side: added, or removed, by the change. */
    baseMissing?: boolean;
    headMissing?: boolean;
}

/** The Mermaid graph: changed resources, styled by action, and the resources they depend on. */
function graph(review: Review, resources: SynthResource[]): string[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const ids = new Map<string, string>();
    const id = (urn: string) => {
        if (!ids.has(urn)) ids.set(urn, `r${ids.size}`);
        return ids.get(urn)!;
    };
    const lines = ["```mermaid", "graph LR"];
    const changed = new Set(review.changes.map((c) => c.urn));
    for (const change of review.changes) lines.push(`  ${id(change.urn)}["${shortType(change.type)} ${change.name}<br/>${VERBS[change.action]}"]:::${change.action}`);
    for (const change of review.changes) {
        for (const dependency of byUrn.get(change.urn)?.dependencies ?? []) {
            const target = byUrn.get(dependency);
            if (!target || target.type.startsWith("aks-kubenet:")) continue;
            if (!changed.has(dependency)) lines.push(`  ${id(dependency)}["${shortType(target.type)} ${target.name}"]`);
            lines.push(`  ${id(change.urn)} --> ${id(dependency)}`);
        }
    }
    const present = new Set(review.changes.map((c) => c.action));
    for (const action of ACTIONS) if (present.has(action)) lines.push(`  classDef ${action} ${STYLES[action]}`);
    lines.push("```");
    return [...new Set(lines)];
}

/** One change as a table row; a refused one says why and what to do, and has no order: it doesn't happen. */
function row(change: Review["changes"][number]): string {
    const order = change.replaceOrder ? ` (${change.replaceOrder})` : "";
    const forcedBy = change.forcedBy ?? [];
    const forced = forcedBy.length > 0 ? `; ${change.action === "blocked" ? "would be replaced" : "replaced"} for ${forcedBy.map((p) => `\`${p}\``).join(", ")}` : "";
    const properties = change.properties.map((p) => `\`${p}\``).join(", ") || "–";
    const refusal = change.action === "blocked"
        ? [`**refused**: ${(change.refusedBecause ?? []).join("; ")}`, `**to do**: ${change.todo ?? "–"}`]
        : [];
    return `| \`${shortType(change.type)}\` ${change.name}${order} | ${cell(properties + forced)} | ${cell([...refusal, ...change.impact].join("; ") || "–")} |`;
}

/**
 * The lines a reader must not miss, before the tables: the cluster deleted (with every workload
 * on it), the resources whose protection the change removes, and a stack added or removed.
 */
function warnings(review: Review, sides: ReviewSides): string[] {
    const lines: string[] = [];
    for (const change of review.changes.filter((c) => c.type === "azure-native:containerservice:ManagedCluster" && (c.action === "replace" || c.action === "delete"))) {
        lines.push(`> [!CAUTION]\n> **pulumi up deletes the cluster ${change.name}${change.action === "replace" ? " and creates it again" : ""}**: every node, every workload and everything stored in it goes${(change.forcedBy ?? []).length > 0 ? ` (forced by ${change.forcedBy!.map((p) => `\`${p}\``).join(", ")})` : ""}. Nothing protects it in this change.`, "");
    }
    if (review.protectionRemoved.length > 0) {
        lines.push(`**Protection removed** from ${review.protectionRemoved.map((r) => `\`${shortType(r.type)}\` ${r.name}`).join(", ")}: from this change on the engine replaces or deletes ${review.protectionRemoved.length === 1 ? "it" : "them"} when asked.`, "");
    }
    if (sides.baseMissing) lines.push(`The stack file is new: \`pulumi up\` on a new stack creates everything.`, "");
    if (sides.headMissing) lines.push(`The stack file is removed: this is what \`pulumi destroy\` would do to the stack (removing the file deletes nothing by itself).`, "");
    return lines;
}

export const summaryLine = (summary: Review["summary"]) => ACTIONS.map((action) => `${summary[action]} ${VERBS[action]}`).join(", ");

const DECLARATIONS_ONLY = "Compares the two declarations offline, not what is deployed: drift is `pulumi preview`'s to find.";

/**
 * The Markdown report; `resources` are both sides' declarations, for the graph's dependencies.
 * With `maxChars`, a report that would be longer drops its graph first, then the rows read last
 * (the least dangerous), and says how many changes it left out: a reader never meets a report
 * cut mid-row or mid-graph, and never a silent omission.
 */
export function renderReview(review: Review, sides: ReviewSides, resources: SynthResource[], maxChars = Infinity): string {
    const head = [`### \`pulumi up\` on ${sides.stack}: ${sides.base} → ${sides.head}`, "", `**${summaryLine(review.summary)}**`, "", ...warnings(review, sides)];
    if (review.changes.length === 0) {
        return [...head, "No resource changes: `pulumi up` would change nothing that the program declares.", ""].join("\n");
    }
    const compose = (shown: number, withGraph: boolean) => {
        const lines = [...head];
        const kept = review.changes.slice(0, shown);
        for (const action of ACTIONS) {
            const changes = kept.filter((c) => c.action === action);
            if (changes.length === 0) continue;
            lines.push(`#### ${HEADINGS[action]}`, "", "| resource | changed | what it means |", "|---|---|---|", ...changes.map(row), "");
        }
        const left = review.changes.slice(shown);
        if (left.length > 0) {
            const counts = ACTIONS.map((action) => [action, left.filter((c) => c.action === action).length] as const).filter(([, n]) => n > 0);
            lines.push(`*${left.length} more change(s) not shown here (${counts.map(([action, n]) => `${n} ${VERBS[action]}`).join(", ")}): the whole report is the review's artifact, or \`review --json\`.*`, "");
        }
        if (withGraph) lines.push(...graph(review, resources), "");
        else if (shown === review.changes.length) lines.push("*The dependency graph is left out for length: it is in the whole report.*", "");
        lines.push(DECLARATIONS_ONLY, "");
        return lines.join("\n");
    };
    const full = compose(review.changes.length, true);
    if (full.length <= maxChars) return full;
    // The changes are sorted most dangerous first: keep as many rows as fit, from the top.
    for (let shown = review.changes.length; shown >= 0; shown--) {
        const text = compose(shown, false);
        if (text.length <= maxChars || shown === 0) return text;
    }
    return full;
}

/** One stack's part of a report over several: its review, or why there is none. */
export type StackReview =
    | { stack: string; review: Review; sides: ReviewSides; resources: SynthResource[] }
    | { stack: string; failure: string };

/**
 * The review of every stack as one report: a summary line per stack first, then each stack's
 * section, each within its share of `maxChars` (a section that needs less leaves the rest to
 * the others), so a long stack can't push another out of the report unannounced.
 */
export function renderStackReviews(reviews: StackReview[], title: string, maxChars = Infinity): string {
    const summary = [title, "", "| stack | what `pulumi up` would do |", "|---|---|"];
    for (const entry of reviews) {
        summary.push(`| ${cell(entry.stack)} | ${"failure" in entry ? `**not reviewed**: ${cell(entry.failure.split("\n")[0])}` : summaryLine(entry.review.summary)} |`);
    }
    summary.push("");
    const sectionOf = (entry: StackReview, budget: number) => "failure" in entry
        ? [`### ${entry.stack}: not reviewed`, "", "```", ...clip(entry.failure, Math.max(0, budget - 40)).split("\n"), "```", ""].join("\n")
        : renderReview(entry.review, entry.sides, entry.resources, budget);
    // Water-filling: the shortest sections take what they need, the longer share what is left.
    let left = maxChars - summary.join("\n").length - 1;
    const budgets = new Map<StackReview, number>();
    const byLength = [...reviews].sort((a, b) => sectionOf(a, Infinity).length - sectionOf(b, Infinity).length);
    byLength.forEach((entry, i) => {
        const share = Math.floor(left / (byLength.length - i));
        const text = sectionOf(entry, share);
        budgets.set(entry, share);
        left -= Math.min(share, text.length + 1);
    });
    return [...summary, ...reviews.map((entry) => sectionOf(entry, budgets.get(entry)!))].join("\n");
}

/** Text within `max` characters, cut at a line end, saying so. */
function clip(text: string, max: number): string {
    if (text.length <= max) return text;
    const note = "… (cut: the whole text is in the review's artifact)";
    const cut = text.slice(0, Math.max(0, max - note.length - 1));
    return `${cut.slice(0, Math.max(0, cut.lastIndexOf("\n")))}\n${note}`;
}
