import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { PathOf, Problem } from "../address";
import { withDefaults } from "./inputs";
import { RenamedKeys, problemsFromZod } from "./zod-problems";
import { isWithin, keyPathOf, unreadablePathsOf } from "./key-paths";

/*
 * How every component checks its arguments, whoever calls it (the stack file, another TypeScript
 * program, Python or YAML through the component package): its input schema first (types,
 * enumerations, defaults; a value known only at deployment passes as it is, and is checked once
 * known), then its rules on what the schema accepted, every problem at once under the caller's
 * key paths. A value the schema refuses is taken out before the rules run, so no rule reads it,
 * and the schema's problem is the only one about it.
 */

type Container = Record<string | number, unknown>;

/** What holds the value at an issue's path: zod reports a value inside another only once that one parsed. */
function containerAt(root: unknown, path: PropertyKey[]): Container | undefined {
    let node: unknown = root;
    for (const part of path) {
        if (node === null || typeof node !== "object") return undefined;
        node = (node as Container)[part as string | number];
    }
    return node !== null && typeof node === "object" ? node as Container : undefined;
}

/**
 * `raw` without the values the issues refer to: an unknown key removed, a wrong value removed, a
 * wrong list entry made empty so the entries after it keep their positions.
 */
export function bestEffortValue(raw: unknown, issues: readonly z.core.$ZodIssue[]): Record<string, unknown> {
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return {};
    const copy = copyPlain(raw) as Record<string, unknown>;
    for (const issue of issues) {
        if (issue.code === "unrecognized_keys") {
            const holder = containerAt(copy, issue.path);
            for (const key of issue.keys) if (holder) delete holder[key];
            continue;
        }
        // Arguments that aren't an object at all have no rest to check.
        if (issue.path.length === 0) return {};
        const holder = containerAt(copy, issue.path.slice(0, -1));
        if (!holder) continue;
        const last = issue.path[issue.path.length - 1] as string | number;
        if (Array.isArray(holder)) holder[last as number] = {};
        else delete holder[last];
    }
    return copy;
}

/** A copy of plain objects and lists, values known only at deployment kept as they are. */
function copyPlain(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(copyPlain);
    if (value !== null && typeof value === "object" && !pulumi.Output.isInstance(value) && !(value instanceof Promise)) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyPlain(item)]));
    }
    return value;
}

/** Arguments as the schema reads them, and the problems found on the way. */
export interface Checked<T> {
    /** The arguments with the schema's defaults and conversions; refused values left out. */
    settings: T;
    problems: Problem[];
}

/**
 * `args` through `schema`, then `rules` on what it accepted. Problems name their key through
 * `pathOf` (the caller's prefix: `cluster.` for a stack file). A rule that fails on what it reads
 * (a bug, not the user's mistake) is reported as a problem of its own, never swallowed.
 */
export function checkArgs<T>(schema: z.ZodType, args: unknown, rules: (settings: T) => Problem[], pathOf: PathOf, renamed: RenamedKeys = {}): Checked<T> {
    const parsed = schema.safeParse(args, { reportInput: true });
    let settings: T;
    const problems: Problem[] = [];
    if (parsed.success) {
        settings = parsed.data as T;
    } else {
        problems.push(...problemsFromZod(parsed.error, schema, renamed).map((problem) => ({ path: pathOf(problem.path), message: problem.message })));
        const rest = bestEffortValue(args, parsed.error.issues);
        const reparsed = schema.safeParse(rest);
        // Without a refused required value the rest doesn't parse: it is read with the schema's
        // defaults and conversions alone, so the rules still check every other value.
        settings = (reparsed.success ? reparsed.data : withDefaults(schema, rest)) as T;
    }
    // A refused value is left out, or stands as an empty entry in its list: what a rule says
    // about it (or inside it) would only repeat the schema's problem there.
    const refused = parsed.success ? [] : parsed.error.issues.filter((issue) => issue.code !== "unrecognized_keys").map((issue) => pathOf(keyPathOf(issue.path)));
    try {
        problems.push(...rules(settings).filter((problem) => !refused.some((path) => isWithin(problem.path, path))));
    } catch (error) {
        problems.push({ path: pathOf(""), message: `a rule failed on these arguments (${error instanceof Error ? error.message : String(error)}); please report it` });
    }
    // A value the caller holds only as a mask is checked where it is read (pulumi up), not here.
    const unreadable = unreadablePathsOf(args);
    return { settings, problems: problems.filter((problem) => !unreadable.some((path) => isWithin(problem.path, path))) };
}

/**
 * A component's argument schemas: `args`, its settings and what only a deployment gives it (the
 * resource group, the ids of other resources), as the component takes them; `toCheck`, the same
 * with those deployment values optional, for a program that checks its settings before anything
 * exists (aks-kubenet/rules).
 */
export function argsSchemas(settings: z.ZodRawShape, deployment: z.ZodRawShape, toCheckOverrides: z.ZodRawShape = {}): { args: z.ZodObject; toCheck: z.ZodObject } {
    const optional = Object.fromEntries(Object.entries(deployment).map(([key, schema]) => [key, (schema as z.ZodType).optional()]));
    return {
        args: z.strictObject({ ...settings, ...deployment }),
        toCheck: z.strictObject({ ...settings, ...optional, ...toCheckOverrides }),
    };
}

/**
 * The arguments as the schema reads them, defaults filled in, for a component that has checked
 * them (and refused them if they failed): values known only at deployment stay as they are.
 */
export function argsAsRead<T>(schema: z.ZodType, args: unknown): T {
    const parsed = schema.safeParse(args);
    return (parsed.success ? parsed.data : withDefaults(schema, args)) as T;
}
