/*
 * Secrets as synth shows them: "[secret]", whatever the value. A review must still tell whether a
 * secret input changed between its two sides without either side's value appearing anywhere: the
 * review makes a random key for itself, gives it to both sides, and each side shows a secret as
 * "[secret:<HMAC-SHA256 of the value under that key>]". Equal values give equal masks; the key
 * is never written down and dies with the review, so a mask says nothing about the value. A
 * `secure:` value of the stack file is the Pulumi CLI's ciphertext, which synth can't decrypt: its
 * mask compares ciphertexts, and the same value encrypted again (`pulumi config set --secret`)
 * differs, so the review says such inputs "differ or could not be compared".
 */
import { createHmac, randomBytes } from "node:crypto";

/** The environment variable a review's side process reads its digest key from (hex). */
export const SECRET_DIGEST_KEY_ENV = "AKS_KUBENET_SECRET_DIGEST_KEY";

export const SECRET_MASK = "[secret]";

const DIGEST_MASK = /\[secret:[0-9a-f]{64}\]/g;

/** A fresh key for one review. */
export function newSecretDigestKey(): Buffer {
    return randomBytes(32);
}

/** The key a review's side was given, if any: 32 bytes as 64 hex digits, anything else ignored. */
export function secretDigestKeyFrom(env: NodeJS.ProcessEnv): Buffer | undefined {
    const hex = env[SECRET_DIGEST_KEY_ENV];
    return hex !== undefined && /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, "hex") : undefined;
}

/** JSON with object keys sorted, so equal values give equal text. */
function canonical(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
    if (value && typeof value === "object") {
        return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(",")}}`;
    }
    return JSON.stringify(value) ?? "null";
}

/** A secret as synth shows it: "[secret]", or with a key, "[secret:<digest>]". */
export function secretMask(value: unknown, key: Buffer | undefined): string {
    return key === undefined ? SECRET_MASK : `[secret:${createHmac("sha256", key).update(canonical(value)).digest("hex")}]`;
}

/** Whether an input value is a secret's mask, with or without a digest. */
export function isSecretMask(value: unknown): boolean {
    return value === SECRET_MASK || (typeof value === "string" && value.length === 73 && new RegExp(`^${DIGEST_MASK.source}$`).test(value));
}

/** Text as a reader may see it: every digest back to "[secret]". */
export function withoutDigests<T>(value: T): T {
    if (typeof value === "string") return value.replace(DIGEST_MASK, SECRET_MASK) as T;
    if (Array.isArray(value)) return value.map(withoutDigests) as T;
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutDigests(v)])) as T;
    return value;
}
