import { z } from "zod";
import { Problem } from "../address";
import { closestName } from "./suggest";

/*
 * Problems as every caller gets them, a stack file or a program using the components: zod's
 * issues turned into `key.path: message` lines, and the user's values echoed so a line stays one
 * line, short and free of anything invisible.
 */

/** What zod 4 keeps of a schema, read through its public `def`. */
interface Def {
    type: string;
    innerType?: z.ZodType;
    in?: z.ZodType;
    shape?: Record<string, z.ZodType>;
    element?: z.ZodType;
    options?: z.ZodType[];
    defaultValue?: unknown;
}

export function defOf(schema: z.ZodType): Def {
    return (schema as unknown as { def: Def }).def;
}

/** The schema that parses a value, past optional, default, nullable and pipe wrappers. */
export function unwrapped(schema: z.ZodType): z.ZodType {
    for (let node = schema; ;) {
        const def = defOf(node);
        if (def.type === "optional" || def.type === "default" || def.type === "nullable" || def.type === "prefault") node = def.innerType!;
        else if (def.type === "pipe") node = def.in!;
        else return node;
    }
}

function suggestion(key: string, known: string[]): string {
    const match = closestName(key, known);
    if (match !== undefined) return `did you mean ${match}?`;
    return known.length > 0 ? `the keys here are ${known.join(", ")}` : "see the configuration reference";
}

/** The keys a strict object in `schema` accepts at a key path, for "did you mean" suggestions. */
export function knownKeysAt(schema: z.ZodType, path: PropertyKey[]): string[] {
    let node: z.ZodType | undefined = unwrapped(schema);
    for (const part of path) {
        const def = defOf(node!);
        if (def.type === "array" && typeof part === "number") node = def.element;
        else if (def.type === "object" && typeof part === "string") node = def.shape![part];
        else return [];
        if (node === undefined) return [];
        node = unwrapped(node);
    }
    const def = defOf(node!);
    return def.type === "object" ? Object.keys(def.shape!) : [];
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
export const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

export const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

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
 * Keys a release renamed, by where they were (`nodePools[].maxSurge`: list positions as `[]`),
 * with what replaced them and since when: a program still using one is told the key it means.
 */
export type RenamedKeys = Readonly<Record<string, { current: string; since: string }>>;

/** Where a key is, whatever its list positions: `nodePools[2].maxSurge` is `nodePools[].maxSurge`. */
const anyPosition = (path: PropertyKey[]) => keyPath(path.map((part) => (typeof part === "number" ? -1 : part))).replace(/\[-1\]/g, "[]");

function unknownKeyMessage(path: PropertyKey[], key: string, schema: z.ZodType | undefined, renamed: RenamedKeys): string {
    const moved = renamed[anyPosition([...path, key])];
    if (moved) return `was renamed ${moved.current} in ${moved.since}: write ${moved.current} instead`;
    return `is not a known key: ${suggestion(key, schema ? knownKeysAt(schema, path) : [])}`;
}

/** How zod's own messages begin; a schema's own sentence begins otherwise. */
const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized|Expected)/;

/**
 * Zod's issues as the contract's problems: the key path, and a sentence a person can act on.
 * With the schema, an unknown key gets the closest known key at its level as a suggestion, or
 * the key that replaced it when a release renamed it.
 */
export function problemsFromZod(error: z.ZodError, schema?: z.ZodType, renamed: RenamedKeys = {}): Problem[] {
    return problemsFromIssues(error.issues, schema, renamed);
}

/**
 * What a value matching none of a union's options is told: the options' issues without those of
 * `input(...)`'s deployment-value option (a custom check no plain value passes), so a plain value
 * gets its plain schema's problem.
 */
function unionIssues(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue[] | undefined {
    const options = issue.errors.filter((option) => !(option.length === 1 && option[0].code === "custom"));
    if (options.length !== 1) return undefined;
    return options[0].map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as z.core.$ZodIssue);
}

function problemsFromIssues(issues: readonly z.core.$ZodIssue[], schema: z.ZodType | undefined, renamed: RenamedKeys): Problem[] {
    return issues.flatMap((issue): Problem[] => {
        if (issue.code === "invalid_union") {
            const inner = unionIssues(issue);
            if (inner) return problemsFromIssues(inner, schema, renamed);
        }
        const path = keyPath(issue.path);
        const input = (issue as { input?: unknown }).input;
        // A schema's own sentence (one that knows the range, or the likely mistake) wins over zod's.
        if (!ZOD_DEFAULT_MESSAGE.test(issue.message)) return [{ path, message: issue.message }];
        if (input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union")) return [{ path, message: "is required" }];
        switch (issue.code) {
            case "invalid_type":
                return [{ path, message: `expected ${issue.expected === "int" ? "a whole number" : issue.expected}, got ${describe(input)}` }];
            case "invalid_value":
                return [{ path, message: `${echo(input)} is not one of ${issue.values.map(String).join(", ")}` }];
            case "unrecognized_keys":
                return issue.keys.map((key) => ({
                    path: keyPath([...issue.path, key]),
                    message: unknownKeyMessage(issue.path, key, schema, renamed),
                }));
            case "too_small":
                return [{ path, message: issue.origin === "array" ? `needs at least ${issue.minimum} entry` : issue.message }];
            default:
                return [{ path, message: issue.message }];
        }
    });
}

