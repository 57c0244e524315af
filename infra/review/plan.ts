/**
 * What `pulumi up` would do to get from one declaration of a stack to another, by the engine's
 * rules (pulumi/pulumi v3.248.0, pkg/resource/deploy/step_generator.go) and the providers'
 * (replacements.ts): each resource paired with the one it continues, by URN or alias
 * (identity.ts); its action decided from its changed inputs, its provider, its protection; the
 * dependents a delete-first replacement takes with it (dependents.ts); what the program itself
 * refuses against the running cluster; and what each change means for the running cluster
 * (impact.ts). Pure: it compares two synth outputs, nothing deployed.
 */
import { isSecretMask } from "../synth/secret-digest";
import { inPlaceChangeSummary, networkChange, networkLeavesOf, networkStateMigration } from "../../components/cluster/network-profile/in-place";
import { SynthOutput, SynthResource } from "../synth/synthesize";
import { changedPaths, covers, valueAt } from "./diff";
import { dependentReplacements } from "./dependents";
import { pairResources, withEngineUrns } from "./identity";
import { impactOf } from "./impact";
import { forcingPaths, providerDeletesFirst, replacementRuleFor, sameToProvider } from "./replacements";

export type Action = "blocked" | "delete" | "replace" | "update" | "create";
/** Most dangerous first: the order a reviewer reads them in. */
export const ACTIONS: readonly Action[] = ["blocked", "delete", "replace", "update", "create"];
export type ReplaceOrder = "create-before-delete" | "delete-before-create";

export interface Change {
    urn: string;
    type: string;
    name: string;
    action: Action;
    /** For a replacement that happens: which goes first. */
    replaceOrder?: ReplaceOrder;
    /** The input paths that changed (for a create or delete, none). */
    properties: string[];
    /** For a replacement (or a refused one): the changed paths that force it; `provider` when its provider is replaced. */
    forcedBy?: string[];
    /** For a resource replaced because another is replaced delete-first: that resource's name. */
    replacedWith?: string;
    /** Changed paths holding secrets: they differ, or could not be compared; their values never appear. */
    secrets?: string[];
    /** For a blocked change: why the engine, the provider or the program refuses it. */
    refusedBecause?: string[];
    /** For a blocked change: what to do to make it happen, or to avoid it. */
    todo?: string;
    /** What it means for the running cluster, in words. */
    impact: string[];
}

export interface Review {
    changes: Change[];
    summary: Record<Action, number>;
    /** Resources the base protects and the head no longer does: from this change on, the engine would replace or delete them. */
    protectionRemoved: { urn: string; type: string; name: string }[];
}

/** What a review knows beyond the two declarations. */
export interface PlanContext {
    /** The program's refusals at preview against the base's cluster as the running one, `key.path: message` each. */
    refusals?: string[];
}

const CLUSTER = "azure-native:containerservice:ManagedCluster";

const isCustom = (r: SynthResource) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("aks-kubenet:");
const providerUrnOf = (reference: string | undefined) => (reference ? reference.slice(0, reference.lastIndexOf("::")) : undefined);

/** The stack-file switch that protects a resource: the cluster's own, or the stack's. */
const protectionSwitch = (resource: SynthResource) => (resource.type === CLUSTER ? "cluster.allowReplacement: true" : "aks-kubenet:protect: false");

/**
 * What to do about a refused replacement of a resource the program itself replaces: the engine
 * replaces what the head no longer protects, so turning protection off in the same change is
 * enough ("we do allow unprotecting and replacing to happen in a single update cycle").
 */
function allowReplacing(resource: SynthResource): string {
    return `set ${protectionSwitch(resource)} in the same change if ${resource.type === CLUSTER ? "rebuilding the cluster" : "replacing it"} is meant; otherwise drop the change`;
}

/**
 * What to do about a refused deletion, or a replacement another's replacement forces: the engine
 * checks the protection the state holds, which a change in the same run doesn't reach in time.
 */
function unprotectFirst(resource: SynthResource): string {
    return `set ${protectionSwitch(resource)} and run pulumi up first (the engine checks the protection the state holds), then make this change; otherwise drop it`;
}

/** The changed paths a resource's provider diff sees, less what ignoreChanges covers and what the provider holds equal. */
function changedInputs(before: SynthResource, after: SynthResource): string[] {
    return changedPaths(before.inputs, after.inputs).filter((path) => !after.ignoreChanges.some((option) => covers(option, path))
        && !sameToProvider(after.type, path, valueAt(before.inputs, path), valueAt(after.inputs, path)));
}

/**
 * A resource present on both sides: nothing, an update, or a replacement (refused when the state
 * protects it and the program still does: "we do allow unprotecting and replacing to happen in a
 * single update cycle", generateStepsFromDiff). A resource whose provider is replaced is replaced
 * too (providerChanged).
 */
function decide(recorded: SynthResource, after: SynthResource, replacedProviders: Set<string>): Change | undefined {
    const before = afterStateMigrations(recorded, after);
    const properties = changedInputs(before, after);
    const forcedBy = forcingPaths(after.type, before, after, properties).concat(properties.filter((path) => after.replaceOnChanges.some((option) => covers(option, path))));
    const byProvider = replacedProviders.has(providerUrnOf(after.provider) ?? "");
    if (byProvider) forcedBy.push("provider");
    if (forcedBy.length === 0 && properties.length === 0) return undefined;
    const change: Change = { urn: after.urn, type: after.type, name: after.name, action: "update", properties, impact: [] };
    const secrets = properties.filter((path) => isSecretMask(valueAt(before.inputs, path)) || isSecretMask(valueAt(after.inputs, path)));
    if (secrets.length > 0) change.secrets = secrets;
    if (forcedBy.length === 0) return change;
    change.forcedBy = [...new Set(forcedBy)];
    if (before.protect && after.protect) {
        return { ...change, action: "blocked", refusedBecause: ["the engine refuses to replace a resource the state protects while the program still protects it"], todo: allowReplacing(after) };
    }
    // The resource option, when the program set it either way, wins over the provider's choice;
    // a replacement for the provider's sake carries no provider choice (providerChanged).
    const deletesFirst = after.deleteBeforeReplaceDefined ? after.deleteBeforeReplace : !byProvider && providerDeletesFirst(after.type, before.inputs, after.inputs);
    return { ...change, action: "replace", replaceOrder: deletesFirst ? "delete-before-create" : "create-before-delete" };
}

/**
 * The recorded resource as the engine diffs it, after the state migrations the head's program
 * registers (the engine runs them before it plans: pulumi/pulumi#24328): the cluster
 * component's, which takes the recorded network profile out for a change AKS makes in place
 * (components/cluster/network-profile/in-place.ts), so azure-native sees an added profile, an
 * update. Only a cluster whose state recorded a profile and whose head declares one is touched.
 */
function afterStateMigrations(before: SynthResource, after: SynthResource): SynthResource {
    if (after.type !== CLUSTER) return before;
    const declared = networkLeavesOf(after.inputs.networkProfile);
    if (declared === undefined) return before;
    const migrated = networkStateMigration(declared)({ urn: after.urn, oldState: [{ urn: before.urn, type: before.type, custom: true, inputs: before.inputs }] });
    if (migrated === undefined || migrated instanceof Promise) return before;
    return { ...before, inputs: migrated.newState[0].inputs as Record<string, unknown> };
}

/** What a cluster's in-place network change means, for a reviewer; undefined when there is none. */
function inPlaceNetworkImpact(before: SynthResource | undefined, after: SynthResource | undefined): string | undefined {
    if (before?.type !== CLUSTER || after?.type !== CLUSTER) return undefined;
    const [recorded, declared] = [networkLeavesOf(before.inputs.networkProfile), networkLeavesOf(after.inputs.networkProfile)];
    if (recorded === undefined || declared === undefined) return undefined;
    const verdict = networkChange(recorded, declared);
    return verdict.verdict === "inPlace" ? inPlaceChangeSummary(verdict.change) : undefined;
}

/** A resource only in the base: deleted, unless the state protects it (step.go, DeleteStep.Apply). */
function deletion(before: SynthResource, created: SynthResource[]): Change {
    const change: Change = { urn: before.urn, type: before.type, name: before.name, action: "delete", properties: [], impact: [] };
    if (!before.protect) return change;
    const successor = created.find((r) => r.type === before.type);
    return {
        ...change,
        action: "blocked",
        refusedBecause: ["the engine refuses to delete a resource the state protects"],
        todo: successor
            ? `if ${successor.name} is this resource renamed or moved, give it an alias to ${before.urn} so the engine continues it; otherwise ${unprotectFirst(before)}`
            : unprotectFirst(before),
    };
}

/**
 * The base's property dependencies as the engine holds them; a base synthesized by an older
 * version lacks them, and then the head's, mapped back to base URNs, stand in.
 */
function withPropertyDependencies(base: SynthResource[], pairs: Map<SynthResource, SynthResource>): SynthResource[] {
    if (base.every((r) => r.propertyDependencies !== undefined)) return base;
    const toBase = new Map([...pairs].map(([after, before]) => [after.urn, before.urn]));
    const headOf = new Map([...pairs].map(([after, before]) => [before, after]));
    return base.map((r) => {
        if (r.propertyDependencies !== undefined) return r;
        const own = headOf.get(r)?.propertyDependencies ?? {};
        return { ...r, propertyDependencies: Object.fromEntries(Object.entries(own).map(([key, urns]) => [key, urns.map((urn) => toBase.get(urn) ?? urn)])) };
    });
}

/**
 * The dependents each delete-first replacement takes with it (dependents.ts), as changes: each
 * replaced delete-first before the root is deleted; a protected one refuses the whole
 * replacement, the root's too.
 */
function applyDependentReplacements(changes: Map<string, Change>, base: SynthResource[], head: SynthResource[], pairs: Map<SynthResource, SynthResource>): void {
    const headOf = new Map([...pairs].map(([after, before]) => [before.urn, after]));
    const baseOf = (after: SynthResource) => pairs.get(after);
    // The roots are the resources replaced delete-first for their own sake; a dependent's own
    // deletion comes with its root's step, and it is created again when it registers.
    const roots = head.filter((r) => {
        const change = changes.get(r.urn);
        return change?.action === "replace" && change.replaceOrder === "delete-before-create" && change.replacedWith === undefined;
    });
    for (const root of roots) {
        const rootChange = changes.get(root.urn)!;
        if (rootChange.action !== "replace") continue;
        const dependents = dependentReplacements(baseOf(root)!, base);
        const protectedOne = dependents.find((d) => d.resource.protect);
        if (protectedOne) {
            const { resource } = protectedOne;
            const name = headOf.get(resource.urn)?.name ?? resource.name;
            Object.assign(rootChange, {
                action: "blocked", replaceOrder: undefined,
                refusedBecause: [`replacing it deletes ${name} first (it depends on it), and the state protects ${name}`],
                todo: `for ${name}: ${unprotectFirst(resource)}; or avoid replacing ${root.name}`,
            });
            const after = headOf.get(resource.urn);
            changes.set(after?.urn ?? resource.urn, {
                ...(changes.get(after?.urn ?? resource.urn) ?? { urn: after?.urn ?? resource.urn, type: resource.type, name, properties: [], impact: [] }),
                action: "blocked", replaceOrder: undefined, forcedBy: protectedOne.keys.length > 0 ? protectedOne.keys : ["provider"], replacedWith: root.name,
                refusedBecause: [`replacing ${root.name} delete-first deletes it first, and the state protects it`],
                todo: unprotectFirst(resource),
            });
            continue;
        }
        for (const { resource, keys } of dependents) {
            const after = headOf.get(resource.urn);
            // Gone from the head: its deletion stands.
            if (!after) continue;
            const existing = changes.get(after.urn);
            // Refused, or already taken by an earlier root's replacement.
            if (existing?.action === "blocked" || existing?.replacedWith !== undefined) continue;
            changes.set(after.urn, {
                ...(existing ?? { urn: after.urn, type: after.type, name: after.name, properties: [], impact: [] }),
                action: "replace", replaceOrder: "delete-before-create", replacedWith: root.name,
                forcedBy: [...new Set([...(existing?.forcedBy ?? []), ...(keys.length > 0 ? keys : ["provider"])])],
            });
        }
    }
}

/** The program's refusals at preview: the cluster's registration fails, so the cluster's change is blocked. */
function applyRefusals(changes: Map<string, Change>, head: SynthResource[], refusals: string[]): void {
    if (refusals.length === 0) return;
    const cluster = head.find((r) => r.type === CLUSTER);
    if (!cluster) return;
    const existing: Change = changes.get(cluster.urn) ?? { urn: cluster.urn, type: cluster.type, name: cluster.name, action: "update", properties: [], impact: [] };
    changes.set(cluster.urn, {
        ...existing,
        action: "blocked",
        replaceOrder: undefined,
        refusedBecause: [...(existing.refusedBecause ?? []), ...refusals.map((line) => `the program refuses it against the running cluster: ${line}`)],
        todo: "change the stack file as each refusal says",
    });
}

/**
 * A creation whose Azure resource already exists in the base fails: azure-native checks before
 * it creates and refuses a resource that exists (azureCanCreate), and the engine creates before
 * it deletes what the program dropped. Only `pulumi up` finds it: preview doesn't create.
 */
function applyExistingNames(changes: Map<string, Change>, base: SynthResource[], head: SynthResource[]): void {
    const baseIds = new Map(base.filter((r) => typeof r.computed?.id === "string").map((r) => [String(r.computed.id).toLowerCase(), r]));
    for (const after of head) {
        const change = changes.get(after.urn);
        if (change?.action !== "create" || !after.type.startsWith("azure-native:") || typeof after.computed?.id !== "string") continue;
        if (valueAt(after.inputs, replacementRuleFor(after.type).nameKey) === undefined) continue;
        const existing = baseIds.get(after.computed.id.toLowerCase());
        if (!existing) continue;
        Object.assign(change, {
            action: "blocked",
            refusedBecause: [`azure-native refuses to create it: ${existing.name} of the base is the same Azure resource (${after.computed.id}), and it still exists when this one is created; pulumi preview doesn't see it, pulumi up fails`],
            todo: `give it an alias to ${existing.urn} so the engine continues the resource instead of creating it`,
        });
    }
}

/** What `pulumi up` would do, going from `base` to `head`. */
export function planChanges(baseOutput: SynthOutput, headOutput: SynthOutput, context: PlanContext = {}): Review {
    const head = withEngineUrns(headOutput).resources;
    const declaredBase = withEngineUrns(baseOutput).resources;
    const pairs = pairResources(declaredBase, head);
    const base = withPropertyDependencies(declaredBase, pairs);
    const baseByUrn = new Map(base.map((r) => [r.urn, r]));
    const pairedBase = new Map([...pairs].map(([after, before]) => [after, baseByUrn.get(before.urn)!]));
    const continued = new Set([...pairedBase.values()].map((r) => r.urn));
    const changes = new Map<string, Change>();
    const replacedProviders = new Set<string>();

    // In registration order, so a provider is decided before the resources it manages.
    for (const after of head.filter(isCustom)) {
        const before = pairedBase.get(after);
        const change = before ? decide(before, after, replacedProviders) : { urn: after.urn, type: after.type, name: after.name, action: "create" as const, properties: [], impact: [] };
        if (!change) continue;
        changes.set(after.urn, change);
        if (after.type.startsWith("pulumi:providers:") && change.action === "replace") replacedProviders.add(after.urn);
    }
    const created = head.filter((r) => changes.get(r.urn)?.action === "create");
    for (const before of base.filter(isCustom)) {
        if (!continued.has(before.urn)) changes.set(before.urn, deletion(before, created));
    }
    // A refusal fails the program before the cluster registers: a cluster the program refuses
    // is no root of a delete-first replacement.
    applyRefusals(changes, head, context.refusals ?? []);
    applyDependentReplacements(changes, base, head, pairedBase);
    applyExistingNames(changes, base, head);

    const headByUrn = new Map(head.map((r) => [r.urn, r]));
    const beforeOf = new Map([...pairedBase].map(([after, before]) => [after.urn, before]));
    const all = [...changes.values()];
    for (const change of all) {
        const [before, after] = [beforeOf.get(change.urn) ?? baseByUrn.get(change.urn), headByUrn.get(change.urn)];
        change.impact = impactOf(change, { before, after, base, head, changes: all });
        const inPlace = change.action === "update" ? inPlaceNetworkImpact(before, after) : undefined;
        if (inPlace) change.impact.unshift(inPlace);
    }
    // Within an action, the cluster first: its replacement or deletion takes every workload with it.
    const rank = (change: Change) => ACTIONS.indexOf(change.action) * 2 + (change.type === CLUSTER ? 0 : 1);
    all.sort((a, b) => rank(a) - rank(b) || a.urn.localeCompare(b.urn));
    const summary = Object.fromEntries(ACTIONS.map((action) => [action, all.filter((c) => c.action === action).length])) as Record<Action, number>;
    const protectionRemoved = [...pairedBase].filter(([after, before]) => before.protect && !after.protect).map(([after]) => ({ urn: after.urn, type: after.type, name: after.name }));
    return { changes: all, summary, protectionRemoved };
}
