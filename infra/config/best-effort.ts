import { z } from "zod";
import { isRelated } from "../../components/rules";

/*
 * A stack file with type errors is still checked by every rule that doesn't depend on the
 * wrong values: the values zod refused are taken out (an unknown key removed, a wrong value
 * removed, a wrong list entry made empty so the entries after it keep their positions), and
 * the rules run on the rest. A rule problem about a refused value, or about what contains it,
 * is dropped: the type problem already says what to fix there.
 */

type Container = Record<string | number, unknown>;

/** What holds the value at a zod issue's path: zod reports a value inside another only once that one parsed as an object or a list. */
function containerAt(root: unknown, path: PropertyKey[]): Container {
    return path.reduce<unknown>((node, part) => (node as Container)[part as string | number], root) as Container;
}

/** `raw` without the values the issues refer to. */
export function bestEffortValue(raw: unknown, issues: z.core.$ZodIssue[]): Record<string, unknown> {
    const copy = structuredClone(raw) as Record<string, unknown>;
    for (const issue of issues) {
        if (issue.code === "unrecognized_keys") {
            const holder = containerAt(copy, issue.path);
            for (const key of issue.keys) delete holder[key];
            continue;
        }
        // A stack file that isn't an object at all has no rest to check.
        if (issue.path.length === 0) return {};
        const holder = containerAt(copy, issue.path.slice(0, -1));
        const last = issue.path[issue.path.length - 1] as string | number;
        if (Array.isArray(holder)) holder[last as number] = {};
        else delete holder[last];
    }
    return copy;
}

/** Whether `path` is one of `others`, inside one, or holds one. */
export function relatedToAny(path: string, others: string[]): boolean {
    return others.some((other) => isRelated(path, other));
}
