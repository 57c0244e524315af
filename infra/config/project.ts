/** The project's config namespace: its keys are `aks-kubenet:<key>`. */
export const PROJECT_NAMESPACE = "aks-kubenet";

/** Config values arrive as strings; objects, lists, numbers and booleans as JSON. */
function decode(value: string): unknown {
    try {
        return JSON.parse(value);
    } catch {
        return value;
    }
}

/** The project's keys from the engine's config, namespace removed. */
export function projectConfig(all: Record<string, string>): Record<string, unknown> {
    const prefix = `${PROJECT_NAMESPACE}:`;
    return Object.fromEntries(Object.entries(all)
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, value]) => [key.slice(prefix.length), decode(value)]));
}
