import { z } from "zod";
import { Problem, formatProblem } from "../../components/address";
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

/** The most characters of a user's value a message shows; the rest is cut, with `…`. */
export const MAX_ECHO = 80;
/** The most characters of one key a key path shows. */
export const MAX_KEY = 60;

/**
 * Characters a line of output never shows as they are: C0 controls (tab, newline and carriage
 * return too, which would break the one-line format), DEL, C1 controls, and the invisible
 * formatting characters (bidirectional controls and zero-width characters) that make text read
 * differently from what it holds.
 */
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** Text made safe for one line of output: every unshowable character written as a `\uXXXX` escape. */
export function showable(text: string): string {
    return text.replace(UNSHOWABLE, (char) => `\\u${codePoint(char).slice(2)}`);
}

/** At most `max` characters (whole code points), with `…` where text was cut. */
export function cut(text: string, max: number): string {
    // A code point takes one or two UTF-16 units: max + 1 of them fit in 2 * (max + 1).
    const points = Array.from(text.slice(0, 2 * (max + 1)));
    return points.length > max ? `${points.slice(0, max).join("")}…` : text;
}

/**
 * A user's value as a message shows it: JSON-quoted, at most MAX_ECHO characters, unshowable
 * characters escaped, and the length said when it was cut.
 */
export function echo(value: unknown): string {
    if (typeof value !== "string") return showable(cut(JSON.stringify(value) ?? String(value), MAX_ECHO));
    const shown = cut(value, MAX_ECHO);
    return showable(JSON.stringify(shown)) + (shown === value ? "" : ` (${value.length} characters)`);
}

/** One key of a key path as output shows it: escaped, and cut at MAX_KEY characters. */
export function showKey(key: string): string {
    return showable(cut(key, MAX_KEY));
}

/** A zod path as the contract writes key paths: `cluster.nodePools[1].osType`. */
export function keyPath(path: PropertyKey[]): string {
    return path.map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${showKey(String(part))}`)).join("");
}

function describe(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "object") return "an object";
    return `${typeof value} ${echo(value)}`;
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
                return [{ path, message: `${echo(input)} is not one of ${issue.values.map(String).join(", ")}` }];
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

/** The invisible formatting characters refused in input, by name. */
const FORMATTING: Record<string, string> = {
    "\u061c": "arabic letter mark",
    "\u200b": "zero width space",
    "\u200c": "zero width non-joiner",
    "\u200d": "zero width joiner",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2060": "word joiner",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
    "\ufeff": "zero width no-break space",
};

/**
 * What is wrong with text a user wrote as a key or value, if it holds a character no
 * configuration needs: a control character (C0 but tab, newline and carriage return; DEL; C1)
 * or an invisible formatting character, named by its code point.
 */
export function refusedCharacters(text: string): string | undefined {
    const found = text.match(UNSHOWABLE)?.filter((char) => !"\t\n\r".includes(char));
    if (!found || found.length === 0) return undefined;
    const [char] = found;
    const what = FORMATTING[char] ? `${codePoint(char)} (${FORMATTING[char]}), an invisible formatting character` : `${codePoint(char)}, a control character`;
    return `contains ${what}${found.length > 1 ? ` (and ${found.length - 1} more such characters)` : ""}: remove it`;
}

/** The most problems a command or `pulumi up` prints; a last line says how many more there are. */
export const MAX_PROBLEM_LINES = 200;
/** The longest line a problem prints as; every value a message echoes is cut well before this. */
export const MAX_PROBLEM_LINE = 1000;

/**
 * Problems as a command prints them on stderr, and `pulumi up` in its error: one `key.path: message` line each, never a
 * character that would break the line or hide in it, each line and the number of lines bounded,
 * with a last line for the problems not shown.
 */
export function problemLines(problems: readonly Problem[]): string {
    const lines = problems.slice(0, MAX_PROBLEM_LINES).map((problem) => showable(cut(formatProblem(problem), MAX_PROBLEM_LINE)));
    const more = problems.length - lines.length;
    if (more > 0) lines.push(`… and ${more} more ${more === 1 ? "problem" : "problems"} not shown (${problems.length} in all): fix these and run again`);
    return lines.join("\n");
}
