import * as pulumi from "@pulumi/pulumi";
import { Problem, formatProblem } from "../address";

/**
 * Stops a component before it creates any child: one error listing every problem, tied to the
 * component so the engine reports it there.
 */
export function throwIfProblems(problems: Problem[], component: pulumi.Resource, what: string): void {
    if (problems.length === 0) return;
    const lines = problems.map(formatProblem).join("\n");
    throw new pulumi.ResourceError(`invalid ${what} arguments:\n${lines}`, component);
}

/** Options for a child: parented to the component, protected when the component asks. */
export function childOptions(parent: pulumi.Resource, protect: boolean | undefined, extra: pulumi.CustomResourceOptions = {}): pulumi.CustomResourceOptions {
    return { parent, protect: protect ?? false, ...extra };
}
