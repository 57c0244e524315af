/**
 * The review as a pull-request comment: the changes most dangerous first, what forces each
 * replacement and what it means, and a Mermaid graph (GitHub renders it in comments) of the
 * changed resources and what they depend on.
 */
import { SynthResource } from "../synth/synthesize";
import { ACTIONS, Action, Review } from "./plan";

const HEADINGS: Record<Action, string> = {
    blocked: "Refused by the engine (protected)",
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

/** The Markdown report; `resources` are both sides' declarations, for the graph's dependencies. */
export function renderReview(review: Review, sides: ReviewSides, resources: SynthResource[]): string {
    const counts = ACTIONS.map((action) => `${review.summary[action]} ${VERBS[action]}`).join(", ");
    const lines = [`### \`pulumi up\` on ${sides.stack}: ${sides.base} → ${sides.head}`, "", `**${counts}**`, ""];
    if (review.changes.length === 0) {
        lines.push("No resource changes: `pulumi up` would change nothing that the program declares.", "");
        return lines.join("\n");
    }
    for (const action of ACTIONS) {
        const changes = review.changes.filter((c) => c.action === action);
        if (changes.length === 0) continue;
        lines.push(`#### ${HEADINGS[action]}`, "", "| resource | changed | what it means |", "|---|---|---|");
        for (const change of changes) {
            const order = change.replaceOrder ? ` (${change.replaceOrder})` : "";
            const forced = change.forcedBy && change.forcedBy.length > 0 ? `; replaced for ${change.forcedBy.map((p) => `\`${p}\``).join(", ")}` : "";
            const properties = change.properties.map((p) => `\`${p}\``).join(", ") || "–";
            lines.push(`| \`${shortType(change.type)}\` ${change.name}${order} | ${cell(properties + forced)} | ${cell(change.impact.join("; ") || "–")} |`);
        }
        lines.push("");
    }
    lines.push(...graph(review, resources), "");
    lines.push("Compares the two declarations offline, not what is deployed: drift is `pulumi preview`'s to find.", "");
    return lines.join("\n");
}
