import * as pulumi from "@pulumi/pulumi";
import { Problem, formatProblem } from "../address";

/* How a component refuses its arguments, and the options its children get from it. */

/**
 * Stops a component before it creates any child: one error listing every problem, tied to the
 * component so the engine reports it there.
 */
export function throwIfProblems(problems: Problem[], component: pulumi.Resource, what: string): void {
    if (problems.length === 0) return;
    const lines = problems.map(formatProblem).join("\n");
    throw new pulumi.ResourceError(`invalid ${what} arguments:\n${lines}`, component);
}

/**
 * Options for a component's children, so the standard options a user gives the component reach
 * them as Pulumi users expect. The SDK itself passes `protect` (when a child sets none) and
 * `provider`/`providers` from parent to child (@pulumi/pulumi resource.js, the Resource
 * constructor), so a child here never sets `protect: false`: that would undo the user's
 * `{ protect: true }`. `retainOnDelete` is not inherited by the SDK; it is passed on here.
 * `protect: true` is set only where the component itself protects a child (its `protect` input,
 * the cluster unless `allowReplacement`).
 */
export function childOptions(
    parent: pulumi.Resource,
    componentOpts: pulumi.ComponentResourceOptions | undefined,
    protect: boolean | undefined,
    extra: pulumi.CustomResourceOptions = {},
): pulumi.CustomResourceOptions {
    return {
        parent,
        ...(protect ? { protect: true } : {}),
        ...(componentOpts?.retainOnDelete !== undefined ? { retainOnDelete: componentOpts.retainOnDelete } : {}),
        ...extra,
    };
}
