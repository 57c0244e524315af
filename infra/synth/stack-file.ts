import * as fs from "node:fs";
import { Document, isAlias, isMap, isScalar, parseDocument } from "yaml";
import { echo, showable, showKey } from "../config/issues";
import { closestName } from "../config/suggest";
import { secretMask } from "./secret-digest";
import { readDifferences } from "./go-yaml-numbers";

export interface StackFileConfig {
    /**
     * Every key as the engine holds it ("namespace:key"), values as strings as the Pulumi CLI
     * stores them: a scalar as the text the file holds, an object or a list as JSON.
     */
    all: Record<string, string>;
    /** Keys holding a `secure:` value, which can't be decrypted offline and are masked. */
    secretKeys: string[];
    /**
     * Where the `secure:` values are, as key paths ("namespace:key" and the path inside it:
     * `aks-kubenet:cluster.aad.deployer.objectId`): their rules can't run offline.
     */
    secretPaths: string[];
    /**
     * Values inside objects and lists that the Pulumi CLI reads as other numbers than synth does
     * (`count: 017` is 15 to it), under their key paths ("namespace:key" and the path inside).
     */
    readDifferences: { path: string; message: string }[];
}

/**
 * Replaces `{ secure: ... }` values (at any depth) with a placeholder, "[secret]" (with a review's
 * key, one that tells ciphertexts apart: secret-digest.ts); says whether it did.
 */
function maskSecure(value: unknown, key: Buffer | undefined, at = ""): { value: unknown; secret: boolean; paths: string[] } {
    if (Array.isArray(value)) {
        const items = value.map((item, i) => maskSecure(item, key, `${at}[${i}]`));
        return { value: items.map((i) => i.value), secret: items.some((i) => i.secret), paths: items.flatMap((i) => i.paths) };
    }
    if (value && typeof value === "object") {
        const entries = Object.entries(value as Record<string, unknown>);
        if (entries.length === 1 && entries[0][0] === "secure") return { value: secretMask(entries[0][1], key), secret: true, paths: [at] };
        const masked = entries.map(([k, v]) => [k, maskSecure(v, key, `${at}.${k}`)] as const);
        return { value: Object.fromEntries(masked.map(([k, m]) => [k, m.value])), secret: masked.some(([, m]) => m.secret), paths: masked.flatMap(([, m]) => m.paths) };
    }
    return { value, secret: false, paths: [] };
}

/** Nesting no stack file needs; deeper documents are refused before anything walks them. */
export const MAX_NESTING = 64;
/** Aliases a stack file may expand; more is a resource-exhaustion attempt ("billion laughs"). */
export const MAX_ALIASES = 100;
const MAX_MESSAGE = 160;

/**
 * The keys of a stack file (Pulumi's project stack settings): the config, and what a
 * self-managed backend's secrets provider writes there.
 */
export const STACK_FILE_KEYS = ["config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment"] as const;

/** A problem with a stack file as a whole: one line, never a stack trace, never unbounded. */
export class StackFileError extends Error {}

function oneLine(message: string): string {
    const line = message.split("\n")[0].trim();
    return showable(line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE)}…` : line);
}

/** The nesting depth of parsed YAML, stopping as soon as it passes the limit (no recursion). */
function deeperThan(value: unknown, limit: number): boolean {
    // Depth first, so a self-referencing alias (which nests forever) passes the limit quickly.
    const stack: [unknown, number][] = [[value, 0]];
    while (stack.length > 0) {
        const [node, depth] = stack.pop()!;
        if (depth > limit) return true;
        if (node === null || typeof node !== "object") continue;
        for (const child of Object.values(node as Record<string, unknown>)) stack.push([child, depth + 1]);
    }
    return false;
}

/**
 * The yaml package's message ends "at line L, column C:" and shows the lines below it; one line
 * carries the reason, where it is, and the offending line itself.
 */
function yamlProblem(error: Error & { linePos?: { line: number; col: number }[] }, text: string): string {
    const reason = oneLine(error.message).replace(/:$/, "");
    const line = error.linePos?.[0]?.line;
    const source = line === undefined ? undefined : text.split(/\r?\n/)[line - 1]?.trim();
    return source ? `${reason}: ${showable(JSON.stringify(source.length > 60 ? `${source.slice(0, 60)}…` : source))}` : reason;
}

/** The file's text, or where it stops being UTF-8: line, column and byte offset, and the bytes. */
function decodeUtf8(bytes: Buffer): string {
    try {
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
        throw new StackFileError(`is not valid UTF-8: ${invalidUtf8(bytes)}; save it as UTF-8`);
    }
}

/**
 * Where the first invalid UTF-8 sequence starts, found with the decoder itself: the shortest
 * prefix it refuses when read as a stream (where an unfinished character at the end is not yet
 * wrong), then back to the last character boundary before it.
 */
function invalidUtf8(bytes: Buffer): string {
    const refuses = (length: number, stream: boolean) => {
        try {
            new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, length), { stream });
            return false;
        } catch {
            return true;
        }
    };
    // Without a prefix refused as a stream, the file ends inside a character.
    let end = bytes.length;
    if (refuses(bytes.length, true)) {
        let low = 0;
        while (low < end) {
            const middle = Math.floor((low + end) / 2);
            if (refuses(middle, true)) end = middle;
            else low = middle + 1;
        }
    }
    let start = end === bytes.length ? bytes.length : end - 1;
    while (start > 0 && refuses(start, false)) start--;
    const text = new TextDecoder("utf-8").decode(bytes.subarray(0, start));
    const lineStart = text.lastIndexOf("\n") + 1;
    const line = text.slice(0, lineStart).split("\n").length;
    const column = Array.from(text.slice(lineStart)).length + 1;
    // The bytes of the broken character; an ASCII byte that showed it broken is a character of its own.
    const last = end < bytes.length && end - 1 > start && bytes[end - 1] < 0x80 ? end - 1 : Math.max(end, start + 1);
    const shown = Array.from(bytes.subarray(start, last), (b) => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`);
    const what = end === bytes.length ? `the file ends inside a character (${shown.join(" ")})` : `${shown.length === 1 ? "byte" : "bytes"} ${shown.join(" ")}`;
    return `${what} at line ${line}, column ${column} (byte offset ${start})`;
}

function parseYaml(text: string): { document: Document.Parsed; value: unknown } {
    try {
        const document = parseDocument(text, { uniqueKeys: true });
        if (document.errors.length > 0) throw document.errors[0];
        // As the yaml package's parse() does: warnings (an unresolved tag) go to the process's warnings.
        for (const warning of document.warnings) process.emitWarning(warning);
        return { document, value: document.toJS({ maxAliasCount: MAX_ALIASES }) };
    } catch (error) {
        // The parser recurses per level: a document deep enough overflows the stack, which the
        // yaml package reports either as the RangeError or inside its own parse error.
        if (error instanceof RangeError || /Maximum call stack/.test((error as Error).message)) {
            throw new StackFileError(`nested more than ${MAX_NESTING} levels deep`);
        }
        const message = (error as Error).message;
        if (/alias count/i.test(message)) throw new StackFileError(`expands more than ${MAX_ALIASES} aliases (a resource-exhaustion pattern)`);
        throw new StackFileError(`not valid YAML: ${yamlProblem(error as Error, text)}`);
    }
}

/**
 * A top-level key Pulumi doesn't know is a mistake the CLI would pass over: config keys written
 * without the `config:` above them, or a misspelt `config` or `secretsprovider`.
 */
function checkTopLevelKeys(keys: string[]): void {
    const unknown = keys.filter((key) => !(STACK_FILE_KEYS as readonly string[]).includes(key));
    if (unknown.length === 0) return;
    const configKeys = unknown.filter((key) => key.includes(":"));
    if (configKeys.length > 0) {
        const shown = configKeys.slice(0, 3).map(showKey).join(", ") + (configKeys.length > 3 ? ", …" : "");
        throw new StackFileError(`has config keys at its top level (${shown}): put them under config:`);
    }
    const key = unknown[0];
    const meant = closestName(key, STACK_FILE_KEYS);
    throw new StackFileError(`${echo(key)} is not a key of a stack file${meant ? `: did you mean ${meant}?` : ""} (its keys: ${STACK_FILE_KEYS.join(", ")})`);
}

/** The largest stack file read: a stack file is a few kilobytes; more is a mistake or an attack. */
export const MAX_STACK_FILE_BYTES = 1024 * 1024;

function whatItIs(stat: fs.Stats): string {
    if (stat.isDirectory()) return "a directory";
    if (stat.isFIFO()) return "a named pipe (FIFO)";
    if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
    if (stat.isSocket()) return "a socket";
    return "not a regular file";
}

/**
 * The file's bytes, only from a regular file and at most MAX_STACK_FILE_BYTES of them: a pipe,
 * a device such as /dev/zero or /dev/urandom, or a huge file would block or never end. Opened
 * without blocking, so a named pipe with no writer is refused instead of waited on.
 */
function readBounded(file: string): Buffer {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
        const stat = fs.fstatSync(fd);
        if (!stat.isFile()) throw new StackFileError(`is ${whatItIs(stat)}, not a stack file`);
        const tooLarge = () => new StackFileError(`is larger than ${MAX_STACK_FILE_BYTES / 1024 / 1024} MiB, more than any stack file needs`);
        if (stat.size > MAX_STACK_FILE_BYTES) throw tooLarge();
        // The size can grow while it is read: read one byte past the limit to know.
        const buffer = Buffer.alloc(MAX_STACK_FILE_BYTES + 1);
        let length = 0;
        while (length < buffer.length) {
            const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
            if (read === 0) break;
            length += read;
        }
        if (length > MAX_STACK_FILE_BYTES) throw tooLarge();
        return buffer.subarray(0, length);
    } finally {
        fs.closeSync(fd);
    }
}

/**
 * Reads a stack file (`stacks/Pulumi.<stack>.yaml` format) into the engine's config shape.
 * Throws a `StackFileError` with a one-line reason (without the file name, which the caller
 * prints once) for anything that isn't a mapping with a `config` mapping.
 */
export function readStackFile(file: string, options: { secretDigestKey?: Buffer } = {}): StackFileConfig {
    const bytes = readBounded(file);
    if (bytes.includes(0)) throw new StackFileError("is binary, not a YAML stack file");
    const { document: parsed, value: document } = parseYaml(decodeUtf8(bytes));
    if (document === null || document === undefined) throw new StackFileError("is empty: a stack file is a mapping with a config key");
    if (typeof document !== "object" || Array.isArray(document)) throw new StackFileError(`is ${Array.isArray(document) ? "a list" : `a ${typeof document}`}, not a mapping with a config key`);
    if (deeperThan(document, MAX_NESTING)) throw new StackFileError(`nested more than ${MAX_NESTING} levels deep, or an alias refers to itself`);
    checkTopLevelKeys(Object.keys(document));
    const config = (document as { config?: unknown }).config ?? {};
    if (typeof config !== "object" || config === null || Array.isArray(config)) throw new StackFileError("\"config\" must be a mapping of keys to values");
    const nodes = configNodes(parsed);
    const all: Record<string, string> = {};
    const secretKeys: string[] = [];
    const secretPaths: string[] = [];
    const differences: StackFileConfig["readDifferences"] = [];
    for (const [key, raw] of Object.entries(config)) {
        differences.push(...readDifferences(nodes.get(key), parsed).map((difference) => ({ path: `${key}${difference.path}`, message: difference.message })));
        const { value, secret, paths } = maskSecure(raw, options.secretDigestKey);
        secretPaths.push(...paths.map((path) => `${key}${path}`));
        // Defined, not assigned: a key named __proto__ stays a key, for the config checks to refuse.
        Object.defineProperty(all, key, { value: engineString(value, nodes.get(key), parsed), enumerable: true, writable: true, configurable: true });
        if (secret) secretKeys.push(key);
    }
    return { all, secretKeys, secretPaths, readDifferences: differences };
}

/** The value nodes of the `config` mapping, by key, for the text of its scalars. */
function configNodes(document: Document.Parsed): Map<string, unknown> {
    const nodes = new Map<string, unknown>();
    const config = isMap(document.contents) ? document.contents.get("config", true) : undefined;
    if (!isMap(config)) return nodes;
    for (const pair of config.items) {
        if (isScalar(pair.key)) nodes.set(String(pair.key.value), pair.value);
    }
    return nodes;
}

/**
 * A top-level config value as the Pulumi CLI stores it and the engine hands it over: a string
 * as it is, any other scalar as the text the file holds (`2024`, `0x10`, `True`; null, `~` and
 * nothing at all are the empty string), an object or a list as JSON of YAML's own types (there
 * `"2024"` stays a string and `2024` a number).
 */
function engineString(value: unknown, node: unknown, document: Document.Parsed): string {
    if (typeof value === "string") return value;
    if (value !== null && typeof value === "object") return JSON.stringify(value);
    if (value === null) return "";
    const scalar = isAlias(node) ? node.resolve(document) : node;
    return isScalar(scalar) && typeof scalar.source === "string" ? scalar.source : String(value);
}
