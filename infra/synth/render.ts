import { SynthOutput, SynthResource } from "./synthesize";

/** Counts as capacity prints them: 1,019, not 1019. */
const count = (n: number) => n.toLocaleString("en-US");

const LIMITS = { subnet: "subnet", podCidr: "pod CIDR", routeTable: "route table", clusterLimit: "cluster limit" } as const;

function annotations(r: SynthResource): string {
    const notes: string[] = [];
    if (r.protect) notes.push("protect");
    if (r.ignoreChanges.length > 0) notes.push(`ignoreChanges: ${r.ignoreChanges.join(", ")}`);
    if (r.replaceOnChanges.length > 0) notes.push(`replaceOnChanges: ${r.replaceOnChanges.join(", ")}`);
    if (r.deleteBeforeReplace) notes.push("deleteBeforeReplace");
    if (r.onErrorHooks.length > 0) notes.push(`retries: ${r.onErrorHooks.join(", ")}`);
    const timeouts = Object.entries(r.customTimeouts ?? {}).map(([operation, limit]) => `${operation} ${limit}`);
    if (timeouts.length > 0) notes.push(`timeouts: ${timeouts.join(", ")}`);
    return notes.length > 0 ? `  [${notes.join("; ")}]` : "";
}

/** Synth's human form: the resource tree, the address plan and the warnings. */
export function renderSynth(output: SynthOutput): string {
    const children = new Map<string | null, SynthResource[]>();
    for (const r of output.resources) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
    const lines: string[] = [];
    const walk = (parent: string | null, indent: string) => {
        const kids = (children.get(parent) ?? []).slice().sort((a, b) => a.urn.localeCompare(b.urn));
        kids.forEach((r, i) => {
            const last = i === kids.length - 1;
            const branch = parent === null ? "" : last ? "└─ " : "├─ ";
            lines.push(`${indent}${branch}${r.type}  ${r.name}${annotations(r)}`);
            walk(r.urn, parent === null ? indent : indent + (last ? "   " : "│  "));
        });
    };
    walk(null, "");

    const c = output.capacity;
    const plan = [
        `Address plan (${c.podNetworking}): subnet ${c.subnet.cidr} (${count(c.subnet.usable)} usable), pod CIDR ${c.podCidr ?? "none"}`,
        `  room for ${count(c.maxNodes)} nodes / ${count(c.maxPods)} pods (limited by ${LIMITS[c.limitedBy]})`,
        `  planned: ${count(c.planned.nodes)} nodes at maximum scale + ${count(c.planned.surgeNodes)} upgrade surge, ${count(c.planned.subnetAddresses)} subnet addresses`,
    ];
    return [`${output.stack}: ${output.resources.length} resources`, ...lines, "", ...plan, "", ...output.warnings].join("\n") + "\n";
}
