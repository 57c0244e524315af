/* Key paths as the contract writes them (`cluster.nodePools[1].osType`), and how two relate. */

/** A path's parts as a key path: names after a dot, list positions in brackets. */
export function keyPathOf(parts: readonly PropertyKey[]): string {
    return parts.map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`)).join("");
}

/** Whether `inner` is `outer` or a key path inside it (`a.b` and `a[0]` are inside `a`, `ab` isn't). */
export function isWithin(inner: string, outer: string): boolean {
    return inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
}

/** Whether one of two key paths is, or holds, the other. */
export function isRelated(a: string, b: string): boolean {
    return isWithin(a, b) || isWithin(b, a);
}
