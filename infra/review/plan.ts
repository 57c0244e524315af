/**
 * What `pulumi up` would do to get from one declaration of a stack to another: each resource
 * paired by URN (following its aliases), and its action decided as the engine and the providers
 * decide it (replacements.ts), with what the change means for the running cluster (impact.ts).
 * Pure: it compares two synth outputs, nothing deployed.
 */
import { SynthOutput, SynthResource } from "../synth/synthesize";
import { changedPaths, covers } from "./diff";
import { impactOf } from "./impact";
import { providerDeletesFirst, replacementRuleFor } from "./replacements";

export type Action = "blocked" | "delete" | "replace" | "update" | "create";
/** Most dangerous first: the order a reviewer reads them in. */
export const ACTIONS: readonly Action[] = ["blocked", "delete", "replace", "update", "create"];
export type ReplaceOrder = "create-before-delete" | "delete-before-create";

export interface Change {
    urn: string;
    type: string;
    name: string;
    action: Action;
    /** For a replacement (or a blocked one): which goes first. */
    replaceOrder?: ReplaceOrder;
    /** The input paths that changed (for a create or delete, none). */
    properties: string[];
    /** For a replacement: the changed paths that force it. */
    forcedBy?: string[];
    /** What it means for the running cluster, in words. */
    impact: string[];
}

export interface Review {
    changes: Change[];
    summary: Record<Action, number>;
}

/** A resource's URN as it was before one of its aliases: its own type or name changed, or an ancestor's type. */
function aliasUrns(resource: SynthResource, byUrn: Map<string, SynthResource>): string[] {
    const urns: string[] = [];
    const [prefix, typeChain, name] = splitUrn(resource.urn);
    if (prefix === undefined) return urns;
    const chain = typeChain.split("$");
    for (const alias of resource.aliases) {
        if (alias.urn) urns.push(alias.urn);
        const type = alias.type ?? chain[chain.length - 1];
        if (alias.noParent) {
            // Right under the stack: the engine's URN has no parent type, synth's the stack's.
            urns.push(`${prefix}::${type}::${alias.name ?? name}`, `${prefix}::pulumi:pulumi:Stack$${type}::${alias.name ?? name}`);
        } else if (alias.type || alias.name) {
            urns.push(`${prefix}::${[...chain.slice(0, -1), type].join("$")}::${alias.name ?? name}`);
        }
    }
    // A component's changed type changes every child's URN: the engine derives the children's
    // aliases from the parent's (@pulumi/pulumi resource.js, inheritedChildAlias).
    let parent = resource.parent ? byUrn.get(resource.parent) : undefined;
    let depth = chain.length - 2;
    while (parent && depth >= 0) {
        for (const alias of parent.aliases) {
            if (!alias.type) continue;
            const renamed = [...chain];
            renamed[depth] = alias.type;
            urns.push(`${prefix}::${renamed.join("$")}::${name}`);
        }
        parent = parent.parent ? byUrn.get(parent.parent) : undefined;
        depth--;
    }
    return urns;
}

function splitUrn(urn: string): [string | undefined, string, string] {
    const match = /^(urn:pulumi:[^:]+::[^:]+)::(.+)::([^:]+)$/.exec(urn);
    return match ? [match[1], match[2], match[3]] : [undefined, "", ""];
}

/**
 * The base resource each head resource continues, by URN or through an alias; `declared` holds
 * every head resource, components included, whose aliases their children inherit.
 */
function pair(base: SynthResource[], head: SynthResource[], declared: SynthResource[]): Map<SynthResource, SynthResource> {
    const baseByUrn = new Map(base.map((r) => [r.urn, r]));
    const headByUrn = new Map(declared.map((r) => [r.urn, r]));
    const pairs = new Map<SynthResource, SynthResource>();
    for (const resource of head) {
        const previous = baseByUrn.get(resource.urn) ?? aliasUrns(resource, headByUrn).map((urn) => baseByUrn.get(urn)).find((r) => r !== undefined);
        if (previous) pairs.set(resource, previous);
    }
    return pairs;
}

/** The engine refuses to replace or delete a protected resource; protection is the state's, the base's. */
function decide(before: SynthResource, after: SynthResource, replaced: boolean): Change | undefined {
    const properties = changedPaths(before.inputs, after.inputs).filter((path) => !after.ignoreChanges.some((option) => covers(option, path)));
    const rule = replacementRuleFor(after.type);
    const forcedBy = properties.filter((path) => [...rule.replaceOn, ...after.replaceOnChanges].some((option) => covers(option, path)));
    const replace = replaced || forcedBy.length > 0;
    if (!replace && properties.length === 0) return undefined;
    const change: Change = { urn: after.urn, type: after.type, name: after.name, action: replace ? (before.protect ? "blocked" : "replace") : "update", properties, impact: [] };
    if (replace) {
        // The resource option, when the program set it either way, wins over the provider's choice.
        const deletesFirst = after.deleteBeforeReplaceDefined ? after.deleteBeforeReplace : providerDeletesFirst(after.type, before.inputs, after.inputs);
        change.replaceOrder = deletesFirst ? "delete-before-create" : "create-before-delete";
        change.forcedBy = forcedBy;
    }
    return change;
}

/** What `pulumi up` would do, going from `base` to `head`. */
export function planChanges(base: SynthOutput, head: SynthOutput): Review {
    const custom = (output: SynthOutput) => output.resources.filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("aks-kubenet:"));
    const baseResources = custom(base);
    const headResources = custom(head);
    const pairs = pair(baseResources, headResources, head.resources);
    const continued = new Set(pairs.values());
    const changes: Change[] = [];

    // A replaced Kubernetes provider replaces every object it manages (pulumi-kubernetes
    // provider.d.ts: "changes to ... will cause ... to be replaced"); this program has one.
    const kubernetesProvider = headResources.find((r) => r.type === "pulumi:providers:kubernetes");
    const providerBefore = kubernetesProvider && pairs.get(kubernetesProvider);
    const providerChange = kubernetesProvider && providerBefore ? decide(providerBefore, kubernetesProvider, false) : undefined;
    const providerReplaced = providerChange !== undefined && providerChange.action !== "update";

    for (const resource of headResources) {
        const before = pairs.get(resource);
        if (!before) {
            changes.push({ urn: resource.urn, type: resource.type, name: resource.name, action: "create", properties: [], impact: [] });
            continue;
        }
        const replacedWithProvider = providerReplaced && resource.type.startsWith("kubernetes:");
        // The provider itself was decided above.
        const change = resource === kubernetesProvider ? providerChange : decide(before, resource, replacedWithProvider);
        if (change) changes.push(change);
    }
    for (const resource of baseResources) {
        if (continued.has(resource)) continue;
        changes.push({ urn: resource.urn, type: resource.type, name: resource.name, action: resource.protect ? "blocked" : "delete", properties: [], impact: [] });
    }

    const before = new Map([...pairs].map(([after, prior]) => [after.urn, prior]));
    const baseByUrn = new Map(baseResources.map((r) => [r.urn, r]));
    const headByUrn = new Map(headResources.map((r) => [r.urn, r]));
    for (const change of changes) {
        change.impact = impactOf(change, { before: before.get(change.urn) ?? baseByUrn.get(change.urn), after: headByUrn.get(change.urn), providerReplaced });
    }
    changes.sort((a, b) => ACTIONS.indexOf(a.action) - ACTIONS.indexOf(b.action) || a.urn.localeCompare(b.urn));
    const summary = Object.fromEntries(ACTIONS.map((action) => [action, changes.filter((c) => c.action === action).length])) as Record<Action, number>;
    return { changes, summary };
}
