/* Key paths as the contract writes them (`cluster.nodePools[1].osType`), and how two relate. */

/** A path's parts as a key path: names after a dot, list positions in brackets. */
export function keyPathOf(parts: readonly PropertyKey[]): string {
    return parts.map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`)).join("");
}

/**
 * Whether `inner` is `outer` or a key path inside it (`a.b` and `a[0]` are inside `a`, `ab`
 * isn't). The empty path is the arguments themselves, which hold every key path.
 */
export function isWithin(inner: string, outer: string): boolean {
    return outer === "" || inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
}

/** Whether one of two key paths is, or holds, the other. */
export function isRelated(a: string, b: string): boolean {
    return isWithin(a, b) || isWithin(b, a);
}

/** A caller's key path for a component's own (`podCidr` → `cluster.podCidr`). */
type CallerPaths = (field: string) => string;

/**
 * The key paths a program composing the components wants their problems under (the stack
 * program: `cluster.podCidr` for the cluster's `podCidr`), tied to the arguments object it
 * passes, and the values under those paths it holds only as masks (a `secure:` value an offline
 * run can't decrypt). Not arguments: other programs name the component's own keys.
 */
const callerPaths = new WeakMap<object, { pathOf: CallerPaths; unreadable: readonly string[] }>();

/**
 * `args`, whose problems the component reports under `pathOf`'s key paths; `unreadable` are the
 * caller's key paths of values it can't read (masks in their place), about which nothing is said.
 */
export function withKeyPaths<T extends object>(args: T, pathOf: CallerPaths, unreadable: readonly string[] = []): T {
    callerPaths.set(args, { pathOf, unreadable });
    return args;
}

/** `copy` (of `args`, with values replaced) reported as `args` is. */
export function withKeyPathsOf<T extends object>(copy: T, args: unknown): T {
    const caller = args !== null && typeof args === "object" ? callerPaths.get(args) : undefined;
    if (caller) callerPaths.set(copy, caller);
    return copy;
}

/** The key paths `args` were given with, or the component's own. */
export function keyPathsOf(args: object, own: CallerPaths): CallerPaths {
    return callerPaths.get(args)?.pathOf ?? own;
}

/** The caller's key paths of values in `args` it holds only as masks. */
export function unreadablePathsOf(args: unknown): readonly string[] {
    return args !== null && typeof args === "object" ? callerPaths.get(args)?.unreadable ?? [] : [];
}
