/*
 * What a delete-first replacement takes with it. Before the engine deletes a resource it replaces
 * delete-before-create, it deletes every resource that would be replaced by the change: walking
 * the state's resources that depend on it (explicitly, through an input, or through their
 * provider), it makes unknown each input whose value comes from a resource being replaced, and
 * replaces the dependent when its provider's diff then asks for a replacement, or when its
 * provider is being replaced; a protected dependent stops the whole replacement (pulumi/pulumi
 * v3.248.0, pkg/resource/deploy/step_generator.go: calculateDependentReplacements, and the
 * delete-before-replace branch of generateStepsFromDiff; pkg/resource/graph/dependency_graph.go,
 * DependingOn). The graph is the base's: the state's, as the engine's is.
 */
import { SynthResource } from "../synth/synthesize";
import { replacedForUnknown } from "./replacements";

export interface DependentReplacement {
    /** The dependent, as the base declares it. */
    resource: SynthResource;
    /** The inputs made unknown that force it; empty when its provider is replaced. */
    keys: string[];
}

const providerUrnOf = (reference: string | undefined) => (reference ? reference.slice(0, reference.lastIndexOf("::")) : undefined);

/** Components and the stack: the engine replaces neither ("neither component nor external resources require replacement"). */
const isComponent = (resource: SynthResource) => resource.type === "pulumi:pulumi:Stack" || resource.type.startsWith("aks-kubenet:");

/**
 * The resources the engine deletes before `root` and creates again after it, in the order the
 * state lists them (a topological order: the program registers a resource after what it
 * depends on). `base` is every resource of the base, in that order.
 */
export function dependentReplacements(root: SynthResource, base: SynthResource[]): DependentReplacement[] {
    const start = base.indexOf(root);
    const dependentSet = new Set([root.urn]);
    const replaceSet = new Set([root.urn]);
    const replaced: DependentReplacement[] = [];
    for (const candidate of base.slice(start + 1)) {
        const providerUrn = providerUrnOf(candidate.provider);
        const propertyDependencies = candidate.propertyDependencies ?? {};
        const references = [...candidate.dependencies, ...Object.values(propertyDependencies).flat(), ...(providerUrn ? [providerUrn] : [])];
        if (!references.some((urn) => dependentSet.has(urn))) continue;
        dependentSet.add(candidate.urn);
        if (isComponent(candidate)) continue;
        let keys: string[] | undefined;
        if (providerUrn !== undefined && replaceSet.has(providerUrn)) {
            keys = [];
        } else {
            const unknown = Object.keys(propertyDependencies).filter((key) => propertyDependencies[key].some((urn) => replaceSet.has(urn))).sort();
            if (unknown.length > 0 && replacedForUnknown(candidate.type, unknown, candidate.inputs, candidate.replaceOnChanges)) keys = unknown;
        }
        if (keys === undefined) continue;
        replaceSet.add(candidate.urn);
        replaced.push({ resource: candidate, keys });
    }
    return replaced;
}
