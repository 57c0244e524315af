import { RecordedResource } from "../../infra/synth/engine";

/** Every leaf path where two input values differ, in Pulumi's property-path form (`a.b[0].c`). */
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

/**
 * The input changes `pulumi up` would act on between two declarations of the same resource:
 * those outside its `ignoreChanges`. Empty means the change in the stack file does nothing.
 */
export function actionableChanges(before: RecordedResource, after: RecordedResource): string[] {
    return changedPaths(before.inputs, after.inputs).filter((path) => !after.ignoreChanges.some((option) => covers(option, path)));
}

/** The changes that the resource's `replaceOnChanges` turns into a replacement. */
export function replacingChanges(before: RecordedResource, after: RecordedResource): string[] {
    return actionableChanges(before, after).filter((path) => after.replaceOnChanges.some((option) => covers(option, path)));
}
