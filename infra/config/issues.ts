import { z } from "zod";
import { Problem } from "../../components/address";
import { closestName } from "./suggest";

function suggestion(key: string, known: string[]): string {
    const match = closestName(key, known);
    if (match !== undefined) return `did you mean ${match}?`;
    return known.length > 0 ? `the keys here are ${known.join(", ")}` : "see the configuration reference";
}

/** The keys a strict object in `schema` accepts at a key path, for "did you mean" suggestions. */
export function knownKeysAt(schema: z.ZodType, path: PropertyKey[]): string[] {
    let node: unknown = schema;
    const unwrap = () => {
        // Optional, default, nullable and pipe wrappers hold the type that parses the value.
        for (;;) {
            const def = (node as { _zod?: { def?: { type?: string; in?: unknown } } })._zod?.def;
            if (def?.type === "optional" || def?.type === "default" || def?.type === "nullable" || def?.type === "prefault") node = (node as { unwrap(): unknown }).unwrap();
            else if (def?.type === "pipe") node = def.in;
            else return;
        }
    };
    unwrap();
    for (const part of path) {
        const def = (node as { _zod?: { def?: { type?: string } } })._zod?.def;
        if (def?.type === "array" && typeof part === "number") node = (node as { element: unknown }).element;
        else if (def?.type === "object" && typeof part === "string") node = (node as { shape: Record<string, unknown> }).shape[part];
        else return [];
        if (node === undefined) return [];
        unwrap();
    }
    const def = (node as { _zod?: { def?: { type?: string } } })._zod?.def;
    return def?.type === "object" ? Object.keys((node as { shape: Record<string, unknown> }).shape) : [];
}

/** A zod path as the contract writes key paths: `cluster.nodePools[1].osType`. */
export function keyPath(path: PropertyKey[]): string {
    return path.map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`)).join("");
}

function describe(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "object") return "an object";
    return `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Zod's issues as the contract's problems: the key path, and a sentence a person can act on.
 * With the schema, an unknown key gets the closest known key at its level as a suggestion.
 */
export function problemsFromZod(error: z.ZodError, schema?: z.ZodType): Problem[] {
    return error.issues.flatMap((issue): Problem[] => {
        const path = keyPath(issue.path);
        const input = (issue as { input?: unknown }).input;
        switch (issue.code) {
            case "invalid_type":
                if (input === undefined) return [{ path, message: "is required" }];
                // A schema's own message (one that knows the likely mistake) wins over the generic one.
                if (!issue.message.startsWith("Invalid input")) return [{ path, message: issue.message }];
                return [{ path, message: `expected ${issue.expected === "int" ? "a whole number" : issue.expected}, got ${describe(input)}` }];
            case "invalid_value":
                return [{ path, message: `${JSON.stringify(input)} is not one of ${issue.values.map(String).join(", ")}` }];
            case "unrecognized_keys":
                return issue.keys.map((key) => ({
                    path: keyPath([...issue.path, key]),
                    message: `is not a known key: ${suggestion(key, schema ? knownKeysAt(schema, issue.path) : [])}`,
                }));
            case "too_small":
                return [{ path, message: issue.origin === "array" ? `needs at least ${issue.minimum} entry` : issue.message }];
            default:
                return [{ path, message: issue.message }];
        }
    });
}
