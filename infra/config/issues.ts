import { z } from "zod";
import { Problem } from "../../components/address";

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

/** Zod's issues as the contract's problems: the key path, and a sentence a person can act on. */
export function problemsFromZod(error: z.ZodError): Problem[] {
    return error.issues.flatMap((issue): Problem[] => {
        const path = keyPath(issue.path);
        const input = (issue as { input?: unknown }).input;
        switch (issue.code) {
            case "invalid_type":
                if (input === undefined) return [{ path, message: "is required" }];
                return [{ path, message: `expected ${issue.expected === "int" ? "a whole number" : issue.expected}, got ${describe(input)}` }];
            case "invalid_value":
                return [{ path, message: `${JSON.stringify(input)} is not one of ${issue.values.map(String).join(", ")}` }];
            case "unrecognized_keys":
                return issue.keys.map((key) => ({ path: keyPath([...issue.path, key]), message: "is not a known key (see the configuration reference)" }));
            case "too_small":
                return [{ path, message: issue.origin === "array" ? `needs at least ${issue.minimum} entry` : issue.message }];
            default:
                return [{ path, message: issue.message }];
        }
    });
}
