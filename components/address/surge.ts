import { Parsed } from "./cidr";

/* Upgrade surge: how AKS writes it, and the extra nodes it takes. */

/** An upgrade surge as AKS takes it: a node count ("3") or a share of the pool ("33%"). */
export type MaxSurge = { kind: "count"; value: number } | { kind: "percent"; value: number };

export function parseMaxSurge(text: string): Parsed<MaxSurge> {
    const match = typeof text === "string" ? /^(\d+)(%?)$/.exec(text) : null;
    if (!match) {
        return { ok: false, error: `${JSON.stringify(text)} is not a surge: use a node count such as "1" or a percentage such as "33%"` };
    }
    const value = Number(match[1]);
    if (match[2] === "%") {
        return value >= 1 && value <= 100
            ? { ok: true, value: { kind: "percent", value } }
            : { ok: false, error: `${text} is not a surge: a percentage must be from 1% to 100%` };
    }
    return value >= 1
        ? { ok: true, value: { kind: "count", value } }
        : { ok: false, error: `${text} is not a surge: a node count must be at least 1` };
}

/**
 * Extra nodes a pool of `nodes` creates while upgrading. Percentages round up, as AKS does. A
 * count larger than the pool is capped: no more nodes can be replaced at once than the pool has.
 */
export function surgeNodes(nodes: number, surge: MaxSurge): number {
    if (nodes <= 0) return 0;
    return surge.kind === "percent"
        ? Math.ceil((nodes * surge.value) / 100)
        : Math.min(surge.value, nodes);
}
