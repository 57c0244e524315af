/**
 * Where two declarations of a resource differ, in Pulumi's property-path form (`a.b[0].c`), and
 * which of those paths a lifecycle option covers. The engine matches replace-on-changes and
 * ignore-changes paths the same way: an option covers a path equal to it or under it
 * (pulumi/pulumi pkg/resource/deploy/step_generator.go, applyReplaceOnChanges:
 * PropertyPath.Contains).
 */

/** The value at a property path of inputs (`metadata.name`, `agentPoolProfiles[0].tags`); undefined where any step is missing. */
export function valueAt(inputs: unknown, path: string): unknown {
    return path.replace(/\[(\d+)\]/g, ".$1").split(".").reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), inputs);
}

/** Every leaf path where two input values differ. */
export function changedPaths(before: unknown, after: unknown, path = ""): string[] {
    if (Array.isArray(before) && Array.isArray(after)) {
        const length = Math.max(before.length, after.length);
        return Array.from({ length }, (_, i) => changedPaths(before[i], after[i], `${path}[${i}]`)).flat();
    }
    const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
    if (isObject(before) && isObject(after)) {
        const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
        return keys.flatMap((key) => changedPaths(before[key], after[key], path ? `${path}.${key}` : key));
    }
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [path];
}

/** True when `path` is `option` or lies under it (`agentPoolProfiles[0]` covers `agentPoolProfiles[0].count`). */
export function covers(option: string, path: string): boolean {
    return path === option || path.startsWith(`${option}.`) || path.startsWith(`${option}[`);
}
