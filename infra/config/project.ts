/** The project's config namespace: its keys are `aks-kubenet:<key>`. */
export const PROJECT_NAMESPACE = "aks-kubenet";

/**
 * A config value as the engine hands it to the program, read as Pulumi's own Config reads the
 * type the key holds. The engine gives every value as a string: an object or a list as JSON
 * (`getObject` parses it), a boolean as `true` or `false` (`getBoolean`), and any other scalar
 * as the text the stack file holds (`get`), so `resourceGroupName: "2024"` and
 * `resourceGroupName: 2024` are both the string "2024". No top-level key of the project holds
 * a number; inside an object, values keep the types the stack file gave them.
 */
function decode(value: string): unknown {
    if (value === "true") return true;
    if (value === "false") return false;
    if (/^\s*[[{]/.test(value)) {
        try {
            return JSON.parse(value);
        } catch {
            return value;
        }
    }
    return value;
}

/** The project's keys from the engine's config, namespace removed. */
export function projectConfig(all: Record<string, string>): Record<string, unknown> {
    const prefix = `${PROJECT_NAMESPACE}:`;
    return Object.fromEntries(Object.entries(all)
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, value]) => [key.slice(prefix.length), decode(value)]));
}
