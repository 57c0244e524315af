import * as pulumi from "@pulumi/pulumi";
import { PathOf, Problem } from "../address";
import { isDeploymentValue } from "./inputs";
import { isRelated, isWithin, keyPathOf, withKeyPathsOf } from "./key-paths";
import { throwIfProblems } from "./problems";
import { echo } from "./zod-problems";

/*
 * A component's rules on arguments that may be known only at deployment: another stack's
 * output, or a resource's. What is known at construction is checked then, before any child is
 * created; a rule about a value known later waits for it and runs inside an output that every
 * child needs (the resource group's name), so no child is created before it has passed, and
 * it fails with the same message.
 */

/** A value known only at deployment, and where it is in the arguments (`podCidr`, `apiServer.authorizedIPRanges`). */
interface LateValue {
    path: (string | number)[];
    value: unknown;
}

/**
 * The values of `args` known only at deployment under the keys the rules check (`checked`, key
 * paths such as `podCidr`, `apiServer.authorizedIPRanges`), in plain objects and lists at any
 * depth. Other late values (the ids of resources the component is given) are the provider's to
 * check and stay as they are.
 */
function lateValues(value: unknown, checked: readonly string[], path: (string | number)[] = [], found: LateValue[] = []): LateValue[] {
    const at = keyPathOf(path);
    if (isDeploymentValue(value)) {
        // Only under a checked key: an output that holds a checked key (`apiServer` for
        // `apiServer.authorizedIPRanges`) is the provider's to check.
        if (checked.some((key) => isWithin(at, key))) found.push({ path, value });
    } else if (Array.isArray(value)) {
        value.forEach((item, i) => lateValues(item, checked, [...path, i], found));
    } else if (value !== null && typeof value === "object") {
        for (const [key, item] of Object.entries(value)) lateValues(item, checked, [...path, key], found);
    }
    return found;
}

/** `args` with the value at each path replaced (a copy along the paths only). */
function replaced<T>(args: T, late: LateValue[], values: unknown[]): T {
    const copy = (node: unknown): unknown => (Array.isArray(node) ? [...node] : { ...(node as object) });
    const root = copy(args) as Record<string | number, unknown>;
    late.forEach(({ path }, i) => {
        let holder = root;
        for (const part of path.slice(0, -1)) {
            holder[part] = copy(holder[part]);
            holder = holder[part] as Record<string | number, unknown>;
        }
        const last = path[path.length - 1];
        if (values[i] === undefined && !Array.isArray(holder)) delete holder[last];
        else holder[last] = values[i];
    });
    return withKeyPathsOf(root, args) as T;
}

/** Whether a problem's key path is a late value's, inside it, or holds it. */
function about(problem: Problem, paths: string[]): boolean {
    return paths.some((path) => isRelated(problem.path, path));
}

/**
 * The problems of `args` that can be known now: the rules run without the late values, and a
 * problem about one of them (it is absent now, so "required", say) waits for it.
 */
export function problemsKnownNow<T>(args: T, checked: readonly string[], rules: (args: T) => Problem[], pathOf: PathOf): Problem[] {
    const late = lateValues(args, checked);
    if (late.length === 0) return rules(args);
    const paths = late.map((l) => pathOf(keyPathOf(l.path)));
    return rules(replaced(args, late, late.map(() => undefined))).filter((problem) => !about(problem, paths));
}

/** Every text in a value (a string, or the strings in its lists and objects). */
function textsIn(value: unknown): string[] {
    if (typeof value === "string") return [value];
    if (typeof value === "number" || typeof value === "boolean") return [String(value)];
    if (Array.isArray(value)) return value.flatMap(textsIn);
    if (value !== null && typeof value === "object") return Object.values(value).flatMap(textsIn);
    return [];
}

/**
 * `problems` with every secret's text written `[secret]`: the secret as it is, and as a message
 * shows a value (JSON-quoted, cut, escaped), wherever a rule put it, its own key's or another's.
 */
export function redacted(problems: Problem[], secrets: readonly string[]): Problem[] {
    const forms = [...new Set(secrets.filter((secret) => secret !== "").flatMap((secret) => {
        const quoted = echo(secret);
        const shown = quoted.replace(/ \(\d+ characters\)$/, "");
        return [secret, quoted, shown, shown.slice(1, -1).replace(/…$/, ""), JSON.stringify(secret).slice(1, -1)];
    }))].filter((form) => form !== "").sort((a, b) => b.length - a.length);
    if (forms.length === 0) return problems;
    const hide = (text: string) => forms.reduce((out, form) => out.split(form).join("[secret]"), text);
    return problems.map((problem) => ({ path: problem.path, message: hide(problem.message) }));
}

/**
 * The rules run again once every late value is known, failing the deployment (tied to the
 * component) with the same messages, a secret value's text never in them. The result resolves to
 * `gated` once they have passed (at once when every value is known now): give it to the children
 * in place of `gated`. It is as secret as `gated` is, whatever the checked values are.
 */
export function checkedWhenKnown<T, G>(args: T, checked: readonly string[], gated: pulumi.Input<G>, rules: (args: T) => Problem[], component: pulumi.Resource, what: string): pulumi.Output<G> {
    const late = lateValues(args, checked);
    if (late.length === 0) return pulumi.output(gated) as pulumi.Output<G>;
    const secrecy = Promise.all(late.map((l) => (pulumi.Output.isInstance(l.value) ? pulumi.isSecret(l.value as pulumi.Output<unknown>) : false)));
    // Only that the rules passed leaves this output: not the values they read, secret or not.
    const passed = pulumi.unsecret(pulumi.all(late.map((l) => l.value as pulumi.Input<unknown>)).apply(async (values) => {
        const secret = await secrecy;
        const problems = rules(replaced(args, late, values));
        throwIfProblems(redacted(problems, values.filter((_, i) => secret[i]).flatMap(textsIn)), component, what);
        return true;
    }));
    return pulumi.all([gated, passed]).apply(([value]) => value) as pulumi.Output<G>;
}
