/*
 * Which resource of the base each resource of the head continues, decided as the Pulumi engine
 * decides it: by URN first, then by the aliases the engine derives from the resource's alias
 * specs and from the alias its parent was found by (pulumi/pulumi v3.248.0,
 * pkg/resource/deploy/step_generator.go: getOldResource, generateAliases, collapseAliasToUrn,
 * inheritedChildAlias; sdk/go/common/resource/alias.go, CreateURN).
 */
import { STACK_TYPE, engineUrn } from "../synth/sdk-adapter";
import { SynthOutput, SynthResource } from "../synth/synthesize";

/** The parts of a URN the engine reads (sdk/go/common/resource/urn/urn.go). */
export function urnParts(urn: string): { stack: string; project: string; qualifiedType: string; type: string; name: string } {
    const [stack = "", project = "", qualifiedType = "", ...name] = urn.replace(/^urn:pulumi:/, "").split("::");
    return { stack, project, qualifiedType, type: qualifiedType.split("$").pop() ?? "", name: name.join("::") };
}

/** `CreateURN`: an alias's URN from its name, type and parent (none: right under the stack). */
function createUrn(name: string, type: string, parent: string, project: string, stack: string): string {
    const prefix = parent === "" ? `urn:pulumi:${stack}::${project}::` : `${parent.slice(0, parent.lastIndexOf("::"))}$`;
    return `${prefix}${type}::${name}`;
}

/**
 * A synth output with every URN as the engine makes it, rebuilt from each resource's parent, type
 * and name. Outputs of this version already hold them; an older synth took the SDK mock
 * monitor's, which keep only a parent's last type (and the stack's), so a review against an older
 * ref compares like with like. Every reference to a URN follows: parents, dependencies, property
 * dependencies, provider references, alias parents and resource references among the inputs.
 */
export function withEngineUrns(output: SynthOutput): SynthOutput {
    const renamed = new Map<string, string>();
    for (const resource of output.resources) {
        const { stack, project } = urnParts(resource.urn);
        const parent = resource.parent === null ? "" : renamed.get(resource.parent) ?? resource.parent;
        renamed.set(resource.urn, resource.type === STACK_TYPE ? resource.urn : engineUrn(stack, project, parent, resource.type, resource.name));
    }
    if ([...renamed].every(([before, after]) => before === after)) return output;
    const urn = (value: string) => renamed.get(value) ?? value;
    const inInputs = (value: unknown): unknown => {
        if (typeof value === "string") return urn(value);
        if (Array.isArray(value)) return value.map(inInputs);
        if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inInputs(v)]));
        return value;
    };
    const resources = output.resources.map((resource) => ({
        ...resource,
        urn: urn(resource.urn),
        parent: resource.parent === null ? null : urn(resource.parent),
        dependencies: resource.dependencies.map(urn),
        // An older synth recorded none: left unset, for the review to know it doesn't have them.
        propertyDependencies: resource.propertyDependencies && Object.fromEntries(Object.entries(resource.propertyDependencies).map(([key, urns]) => [key, urns.map(urn)])),
        ...(resource.provider ? { provider: resource.provider.replace(/^(.*)::([^:]*)$/, (_, ref: string, id: string) => `${urn(ref)}::${id}`) } : {}),
        aliases: resource.aliases.map((alias) => (alias.parentUrn ? { ...alias, parentUrn: urn(alias.parentUrn) } : alias)),
        inputs: inInputs(resource.inputs) as Record<string, unknown>,
    }));
    return { ...output, resources };
}

/** The old URNs a resource answers to, in the engine's order (generateAliases). */
function aliasUrns(resource: SynthResource, foundBy: Map<string, string>): string[] {
    const { stack, project, name } = urnParts(resource.urn);
    const parent = resource.parent ?? "";
    const collapse = (alias: Record<string, string>): string => {
        if (alias.urn) return alias.urn;
        let aliasParent = alias.parentUrn ?? "";
        if (aliasParent === "") aliasParent = parent;
        // "If the parent used an alias then use its old URN here, as that will be this
        // resource's old URN as well."
        else aliasParent = foundBy.get(aliasParent) ?? aliasParent;
        if (alias.noParent || (aliasParent !== "" && urnParts(aliasParent).qualifiedType === STACK_TYPE)) aliasParent = "";
        return createUrn(alias.name ?? name, alias.type ?? resource.type, aliasParent, alias.project ?? project, alias.stack ?? stack);
    };
    const urns = new Set(resource.aliases.map(collapse));
    // A parent found by an alias passes it on: the child answers to the URN it had under the
    // parent's old URN, and a name derived from the parent's ('<parent>-details') follows the
    // parent's old name (inheritedChildAlias).
    const parentAlias = foundBy.get(parent);
    if (parentAlias !== undefined) {
        const parentName = urnParts(parent).name;
        const inherited = (type: string, childName: string) => {
            const aliasName = childName.startsWith(parentName) ? urnParts(parentAlias).name + childName.slice(parentName.length) : childName;
            return engineUrn(stack, project, parentAlias, type, aliasName);
        };
        urns.add(inherited(resource.type, name));
        for (const alias of resource.aliases) {
            const child = urnParts(collapse(alias));
            urns.add(inherited(child.type, child.name));
        }
    }
    return [...urns];
}

/**
 * For each resource of the head, the base resource it continues, if any. Resources are taken in
 * the order the program registered them, parents before children, as the engine meets them, so
 * a parent's alias is known when its children are paired. A base resource is continued once.
 */
export function pairResources(base: SynthResource[], head: SynthResource[]): Map<SynthResource, SynthResource> {
    const baseByUrn = new Map(base.map((r) => [r.urn, r]));
    const pairs = new Map<SynthResource, SynthResource>();
    const claimed = new Set<string>();
    // The alias each resource was found by (the step generator's `aliases`).
    const foundBy = new Map<string, string>();
    for (const resource of head) {
        // "Check the URN first, then aliases."
        const candidates = [resource.urn, ...aliasUrns(resource, foundBy)];
        const urn = candidates.find((candidate) => baseByUrn.has(candidate) && !claimed.has(candidate));
        if (urn === undefined) continue;
        claimed.add(urn);
        pairs.set(resource, baseByUrn.get(urn)!);
        if (urn !== resource.urn) foundBy.set(resource.urn, urn);
    }
    return pairs;
}
