import * as fs from "node:fs";
import { parse } from "yaml";
import { SECRET_MASK } from "./engine";

export interface StackFileConfig {
    /** Every key as the engine holds it ("namespace:key"), values as strings, objects as JSON. */
    all: Record<string, string>;
    /** Keys holding a `secure:` value, which can't be decrypted offline and are masked. */
    secretKeys: string[];
}

/** Replaces `{ secure: ... }` values (at any depth) with a placeholder; says whether it did. */
function maskSecure(value: unknown): { value: unknown; secret: boolean } {
    if (Array.isArray(value)) {
        const items = value.map(maskSecure);
        return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
    }
    if (value && typeof value === "object") {
        const entries = Object.entries(value as Record<string, unknown>);
        if (entries.length === 1 && entries[0][0] === "secure") return { value: SECRET_MASK, secret: true };
        const masked = entries.map(([k, v]) => [k, maskSecure(v)] as const);
        return { value: Object.fromEntries(masked.map(([k, m]) => [k, m.value])), secret: masked.some(([, m]) => m.secret) };
    }
    return { value, secret: false };
}

/** Reads a stack file (`stacks/Pulumi.<stack>.yaml` format) into the engine's config shape. */
export function readStackFile(file: string): StackFileConfig {
    const document = parse(fs.readFileSync(file, "utf8")) as { config?: Record<string, unknown> } | null;
    const config = document?.config ?? {};
    if (typeof config !== "object" || Array.isArray(config)) throw new Error(`${file}: "config" must be a mapping of keys to values`);
    const all: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, raw] of Object.entries(config)) {
        const { value, secret } = maskSecure(raw);
        all[key] = typeof value === "string" ? value : JSON.stringify(value);
        if (secret) secretKeys.push(key);
    }
    return { all, secretKeys };
}
