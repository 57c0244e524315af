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

function containerAt(root: unknown, path: PropertyKey[]): Container | undefined {
    let node: unknown = root;
    for (const part of path) {
        if (node === null || typeof node !== "object") return undefined;
        node = (node as Container)[part as string | number];
    }
    return node !== null && typeof node === "object" ? (node as Container) : undefined;
}

/** `raw` without the values the issues refer to. */
export function bestEffortValue(raw: unknown, issues: z.core.$ZodIssue[]): Record<string, unknown> {
    const copy = structuredClone(raw) as Record<string, unknown>;
    for (const issue of issues) {
        if (issue.code === "unrecognized_keys") {
            const holder = containerAt(copy, issue.path);
            for (const key of issue.keys) if (holder) delete holder[key];
            continue;
        }
        if (issue.path.length === 0) continue;
        const holder = containerAt(copy, issue.path.slice(0, -1));
        const last = issue.path[issue.path.length - 1] as string | number;
        if (holder === undefined) continue;
        if (Array.isArray(holder)) holder[last as number] = {};
        else delete holder[last];
    }
    return copy;
}

/** Whether `path` is one of `others`, inside one, or holds one. */
export function relatedToAny(path: string, others: string[]): boolean {
    return others.some((other) => isRelated(path, other));
}
