import { Problem } from "../../components/address";
import { refusedCharacters, showKey } from "./issues";

/** The project's config namespace: its keys are `aks-kubenet:<key>`. */
export const PROJECT_NAMESPACE = "aks-kubenet";

/**
 * Keys that name JavaScript's object internals. No key of the configuration has these names, and
 * as data they are dropped or turn into prototype changes on the way (an object's `__proto__`
 * sets its prototype), so they are refused wherever they appear instead.
 */
export const RESERVED_KEYS: readonly string[] = ["__proto__", "constructor", "prototype"];

const RESERVED_MESSAGE = "is not a key this project reads: __proto__, constructor and prototype are refused at any depth (they name JavaScript object internals)";

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

/** A key path without the project's namespace (`aks-kubenet:cluster.podCidr` → `cluster.podCidr`); another namespace's key stays whole. */
export const projectKeyPath = (path: string) => (path.startsWith(`${PROJECT_NAMESPACE}:`) ? path.slice(PROJECT_NAMESPACE.length + 1) : path);

/** A config key without its namespace if it is the project's, else the whole key; as output shows it. */
const topLevelPath = (key: string) => showKey(projectKeyPath(key));

/**
 * Walks a decoded value (without recursion: the engine's JSON can nest as deep as it likes),
 * refusing reserved keys, which are removed so no later layer drops them silently, and keys and
 * strings holding control or invisible formatting characters.
 */
function checkValue(value: unknown, path: string, problems: Problem[]): void {
    const stack: [unknown, string][] = [[value, path]];
    while (stack.length > 0) {
        const [node, at] = stack.pop()!;
        if (typeof node === "string") {
            const refused = refusedCharacters(node);
            if (refused) problems.push({ path: at, message: refused });
            continue;
        }
        if (node === null || typeof node !== "object") continue;
        const children: [unknown, string][] = [];
        if (Array.isArray(node)) {
            node.forEach((item, i) => children.push([item, `${at}[${i}]`]));
        } else {
            const object = node as Record<string, unknown>;
            for (const key of Object.keys(object)) {
                const child = `${at}.${showKey(key)}`;
                if (RESERVED_KEYS.includes(key)) {
                    problems.push({ path: child, message: RESERVED_MESSAGE });
                    delete object[key];
                    continue;
                }
                const refused = refusedCharacters(key);
                if (refused) problems.push({ path: child, message: `the key ${refused}` });
                children.push([object[key], child]);
            }
        }
        // Last in, first out: pushed in reverse, the children are checked in the file's order.
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
}

/**
 * Every engine config key and value decoded, with the problems no schema can see: reserved keys
 * at any depth, and control or invisible formatting characters in any key or value. Project
 * keys are named without their namespace (`cluster.nodePools[0].name`), others in full
 * (`azure-native:location`).
 */
function readConfig(all: Record<string, string>): { decoded: [key: string, value: unknown][]; problems: Problem[] } {
    const problems: Problem[] = [];
    const decoded: [string, unknown][] = [];
    for (const [key, raw] of Object.entries(all)) {
        const path = topLevelPath(key);
        const name = key.slice(key.indexOf(":") + 1);
        // A key without a namespace is the namespace check's to refuse; a reserved name is refused here.
        if (key.includes(":") && RESERVED_KEYS.includes(name)) {
            problems.push({ path, message: RESERVED_MESSAGE });
            continue;
        }
        const refused = refusedCharacters(key);
        if (refused) problems.push({ path, message: `the key ${refused}` });
        const value = decode(raw);
        checkValue(value, path, problems);
        decoded.push([key, value]);
    }
    return { decoded, problems };
}

/** The project's keys from the engine's config, namespace removed, reserved keys left out. */
export function projectConfig(all: Record<string, string>): Record<string, unknown> {
    const prefix = `${PROJECT_NAMESPACE}:`;
    return Object.fromEntries(readConfig(all).decoded
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, value]) => [key.slice(prefix.length), value]));
}

/** What is wrong with the engine's config before any schema reads it: reserved keys and refused characters. */
export function configInputProblems(all: Record<string, string>): Problem[] {
    return readConfig(all).problems;
}
