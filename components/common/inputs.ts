import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { echo } from "./zod-problems";

/*
 * A component's inputs are declared once: the args interface carries the names, the types and
 * the documentation (Pulumi's schema inference reads it for the other languages), and the
 * input schema next to it carries what a stack file or another language can get wrong (types,
 * enumerations) and the defaults. `inputShape` ties the two at compile time, so a setting added
 * to the interface and forgotten in the schema (or the other way round) fails to compile. The
 * stack file's sections are these schemas composed, and the components apply the same defaults
 * (`withDefaults`), so no layer copies a setting or a default from another.
 */

/** The schema of each key of `Args` but the `Omitted` ones (those given only at deployment). */
export type InputShape<Args, Omitted extends keyof Args = never> = {
    [K in Exclude<keyof Args, Omitted>]-?: z.ZodType<Args[K]>;
};

/**
 * Declares the schema of a component's args: every key of the interface (but the omitted ones)
 * and no other, each with a schema whose values the interface accepts.
 */
export function inputShape<Args, Omitted extends keyof Args = never>() {
    return <Shape extends InputShape<Args, Omitted>>(shape: Shape & Record<Exclude<keyof Shape, Exclude<keyof Args, Omitted>>, never>): Shape => shape;
}

/** YAML writes `1` where text is meant (a zone, a surge, a quantity): take both, keep the text. */
export const stringish = z.union([z.string(), z.number()]).transform(String);

/**
 * Azure tags: text values only. YAML reads an unquoted `1.10` as the number 1.1, and Azure would
 * be sent "1.1": a number is refused with the fix, never converted.
 */
export const tagValue = z.string({
    error: (issue) => typeof issue.input === "number"
        ? `${issue.input} is a number, but a tag's value is text, and YAML reads an unquoted 1.10 as 1.1: write it in quotes, as you mean it`
        : undefined,
});
export const tagsInput = input(z.record(z.string(), tagValue));

/** A count, a size or a duration in whole units. */
export const wholeNumber = z.number().int();

/**
 * A whole number from `min` to `max`, declared once with the sentence that refuses it (`refusal`
 * is given the value as a message shows it): the wrong type, a fraction and a value out of range
 * all get it, so the schema is the only place that checks the range.
 */
export function wholeNumberIn(min: number, max: number, refusal: (shown: string) => string): z.ZodNumber {
    // A missing value is zod's to report ("is required").
    const error = (issue: { input?: unknown }) => (issue.input === undefined ? undefined : refusal(echo(issue.input)));
    return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

/**
 * One of an enumeration's values; `hint` adds what the likely mistake is (a value AKS renamed,
 * one that needs another setting).
 */
export function oneOf<const T extends readonly [string, ...string[]] | string[]>(values: T, hint: string): z.ZodEnum<{ [K in T[number]]: K }> {
    return z.enum(values as readonly string[] as [string, ...string[]], {
        error: (issue) => (issue.input === undefined ? undefined : `${echo(issue.input)} is not one of ${values.join(", ")} (${hint})`),
    }) as unknown as z.ZodEnum<{ [K in T[number]]: K }>;
}

/** Whether a value is known only at deployment: another resource's output, or a promise. */
export function isDeploymentValue(value: unknown): boolean {
    return pulumi.Output.isInstance(value) || value instanceof Promise;
}

/**
 * A `pulumi.Input<T>`: a value `schema` accepts, or one known only at deployment, which the
 * component checks once it is known.
 */
export function input<T>(schema: z.ZodType<T>): z.ZodType<pulumi.Input<T>> {
    return z.custom<pulumi.Input<T>>((value) => isDeploymentValue(value)).or(schema) as z.ZodType<pulumi.Input<T>>;
}

type Def = { type?: string; innerType?: z.ZodType; defaultValue?: unknown; shape?: Record<string, z.ZodType>; element?: z.ZodType; options?: z.ZodType[] };

function defOf(schema: z.ZodType): Def {
    return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/**
 * The schema that parses a present value: past the optional and default wrappers the input
 * schemas use, and past `input(...)`'s deployment value to the plain schema.
 */
export function innerSchema(schema: z.ZodType): z.ZodType {
    const def = defOf(schema);
    if (def.type === "optional" || def.type === "default") return innerSchema(def.innerType!);
    if (def.type === "union" && defOf(def.options![0]).type === "custom") return innerSchema(def.options![1]);
    return schema;
}

/** The schema's default, a copy of its own, when it declares one (past an optional wrapper). */
function defaultOf(schema: z.ZodType): unknown {
    const def = defOf(schema);
    if (def.type === "default") return structuredClone(def.defaultValue);
    return def.type === "optional" ? defaultOf(def.innerType!) : undefined;
}

/**
 * `value` with the schema's defaults filled in where a key is absent, and its conversions
 * applied (YAML's `1` where the text "1" is meant), at every depth, without checking anything
 * else: a value of the wrong type is left for the rules to report. Values known only at
 * deployment are kept as they are.
 */
export function withDefaults<T>(schema: z.ZodType, value: T): T {
    if (isDeploymentValue(value)) return value;
    const inner = innerSchema(schema);
    const def = defOf(inner);
    if (def.type === "pipe") {
        const converted = inner.safeParse(value);
        return converted.success ? converted.data as T : value;
    }
    if (def.type === "object" && value !== null && typeof value === "object" && !Array.isArray(value)) {
        const result: Record<string, unknown> = { ...(value as Record<string, unknown>) };
        for (const [key, field] of Object.entries(def.shape!)) {
            const present = Object.prototype.hasOwnProperty.call(result, key) ? result[key] : undefined;
            const filled = present === undefined ? defaultOf(field) : present;
            if (filled !== undefined) result[key] = withDefaults(field, filled);
        }
        return result as T;
    }
    if (def.type === "array" && Array.isArray(value)) return value.map((item) => withDefaults(def.element!, item)) as T;
    return value;
}
