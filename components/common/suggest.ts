import { closest, distance } from "fastest-levenshtein";

/**
 * The known name closest to a mistyped one, or undefined when none is close enough to be a
 * plausible typo (at most a third of the name's characters differ) or the typed name is the
 * start of exactly one known name. Case differences count as near: `AKS-KUBENET` suggests
 * `aks-kubenet`.
 */
export function closestName(typed: string, known: readonly string[]): string | undefined {
    if (known.length === 0) return undefined;
    // A shortened key (`nextHopIp` for `nextHopIpAddress`) is a prefix, however far in edits.
    const lower = typed.toLowerCase();
    const extended = known.filter((k) => lower.length >= 3 && k.toLowerCase().startsWith(lower));
    if (extended.length === 1) return extended[0];
    const candidate = closest(typed.toLowerCase(), known.map((k) => k.toLowerCase()));
    const match = known.find((k) => k.toLowerCase() === candidate)!;
    return distance(typed.toLowerCase(), candidate) <= Math.max(1, Math.floor(candidate.length / 3)) ? match : undefined;
}
