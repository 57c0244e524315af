import * as pulumi from "@pulumi/pulumi";
import { Problem, formatProblem } from "../address";

/* How a component refuses its arguments, and the options its children get from it. */

/**
 * A component's refusal of its arguments: every problem, under the caller's key paths. It is a
 * `ResourceError` that hides its stack, so `pulumi up` prints the message alone against the
 * component (@pulumi/pulumi cmd/run/run.js: "Hide the stack if requested to by the ResourceError
 * creator"); and for a program in another language, which reaches the component through the
 * package's Construct call, it is also an `InputPropertiesError`, which the SDK's provider server
 * hands the engine as one error per property (@pulumi/pulumi provider/server.js, construct:
 * `buildInvalidPropertiesError`). The SDK recognises that kind by a marker, not by class
 * (`InputPropertiesError.isInstance`), since a program may load two copies of the SDK; the test
 * checks the SDK's own `isInstance` says both.
 */
export class ArgumentsError extends pulumi.ResourceError {
    /** What the engine shows a Construct caller, property by property. */
    readonly errors: { propertyPath: string; reason: string }[];

    constructor(readonly component: string, readonly problems: readonly Problem[], resource: pulumi.Resource) {
        super(`invalid ${component} arguments:\n${problems.map(formatProblem).join("\n")}`, resource, true);
        this.errors = problems.map((problem) => ({ propertyPath: problem.path, reason: problem.message }));
        // Where the SDK shows a failed value's error by its stack (an invoke's arguments, logged
        // as "Error serializing arguments for invoke": @pulumi/pulumi runtime/invoke.js), the
        // refusal shows as itself: its stack is its message, a user's problem, not code's.
        this.stack = this.message;
        Object.defineProperty(this, "__pulumiInputPropertiesError", { value: true });
    }
}

/**
 * Stops a component before it creates any child: one error listing every problem, tied to the
 * component so the engine reports it there.
 */
export function throwIfProblems(problems: Problem[], component: pulumi.Resource, what: string): void {
    if (problems.length === 0) return;
    throw new ArgumentsError(what, problems, component);
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
