import { Problem } from "../../components/address";
import { showKey } from "./issues";
import { PROJECT_NAMESPACE, configInputProblems } from "./project";
import { closestName } from "./suggest";

/**
 * Config namespaces the program reads besides its own: azure-native's provider settings
 * (location, subscription, credentials). Any other namespace is a mistake (`aks-kubnet:protect`)
 * or belongs to a provider this program doesn't configure from config, and is refused, unless
 * the stack lists it in `aks-kubenet:allowedConfigNamespaces` (for tools that read the stack
 * file too).
 */
export const PROVIDER_NAMESPACES = ["azure-native"] as const;

/**
 * What is wrong with the engine's config before the project's schema reads it. Every key
 * outside the namespaces the program reads, as a problem: a key without a namespace, a misspelt
 * namespace, or an unknown one. Then, in every namespace, reserved keys (`__proto__`,
 * `constructor`, `prototype`) at any depth and control or invisible formatting characters in
 * any key or value. `projectKeys` are the keys the project's schema knows, for suggestions.
 */
export function configNamespaceProblems(all: Record<string, string>, projectKeys: readonly string[], allowed: readonly string[]): Problem[] {
    const namespaces = [PROJECT_NAMESPACE, ...PROVIDER_NAMESPACES, ...allowed];
    const problems: Problem[] = [];
    for (const key of Object.keys(all)) {
        const colon = key.indexOf(":");
        // ":protect" names no namespace either, and is answered like "protect".
        if (colon <= 0) {
            const known = closestName(key, projectKeys);
            problems.push({ path: showKey(key), message: `is not in a config namespace: project keys are written ${PROJECT_NAMESPACE}:<key>${known ? ` (did you mean ${PROJECT_NAMESPACE}:${known}?)` : ""}` });
            continue;
        }
        const namespace = key.slice(0, colon);
        if (namespaces.includes(namespace)) continue;
        const near = closestName(namespace, namespaces);
        problems.push({
            path: showKey(key),
            message: near
                ? `${showKey(namespace)} is not a config namespace this program reads (did you mean ${near}:${showKey(key.slice(colon + 1))}?)`
                : `${showKey(namespace)} is not a config namespace this program reads (${namespaces.map(showKey).join(", ")}); list it in ${PROJECT_NAMESPACE}:allowedConfigNamespaces if another tool reads it`,
        });
    }
    return [...problems, ...configInputProblems(all)];
}
