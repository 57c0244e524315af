import { Document, isAlias, isMap, isScalar, isSeq, Scalar } from "yaml";

/*
 * Numbers as the Pulumi CLI reads a stack file. It decodes stack files with go-yaml v3, whose
 * resolver reads a plain scalar that starts with a digit or a sign with Go's
 * `strconv.ParseInt(plain, 0, 64)` after dropping every underscore, then as a float
 * (go-yaml/yaml v3 resolve.go, `resolve`: "Octals from the 1.1 spec, spelled as 0777, are still
 * decoded by default in v3"). synth and review read YAML 1.2 (the yaml package's core schema),
 * where `017` is 17, `1_0` and `0b11` are text, and `0X1F` is text. Where the two disagree, the
 * offline check and `pulumi up` would judge different values: the stack file is refused with the
 * value the Pulumi CLI would use, so its author writes what they mean.
 */

/** go-yaml v3's float form (resolve.go, `yamlStyleFloat`). */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's `strconv.ParseInt(s, 0, 64)` (and ParseUint for what passes int64), underscores already dropped; undefined where Go refuses. */
function goParseInt(text: string): bigint | undefined {
    const match = /^([+-]?)(0[bB][01]+|0[oO][0-7]+|0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
    if (!match) return undefined;
    const [, sign, digits] = match;
    const prefix = digits.slice(0, 2).toLowerCase();
    let magnitude: bigint;
    if (prefix === "0b" || prefix === "0o" || prefix === "0x") magnitude = BigInt(`0${prefix[1]}${digits.slice(2)}`);
    else if (digits.length > 1 && digits.startsWith("0")) magnitude = BigInt(`0o${digits.slice(1)}`);
    else magnitude = BigInt(digits);
    const value = sign === "-" ? -magnitude : magnitude;
    if (value >= INT64.min && value <= INT64.max) return value;
    return sign === "" && value <= UINT64_MAX ? value : undefined;
}

/** A plain scalar's value as go-yaml v3 resolves it, when it is a number; undefined when it is text or something else. */
export function goYamlNumber(source: string): number | undefined {
    if (!/^[-+0-9]/.test(source)) return undefined;
    const plain = source.replaceAll("_", "");
    const integer = goParseInt(plain);
    if (integer !== undefined) return Number(integer);
    // What go-yaml tries after ParseInt: ParseUint and ParseFloat of the same text.
    if (YAML_STYLE_FLOAT.test(plain)) return Number(plain);
    return undefined;
}

/** Why go-yaml's number differs from what the file seems to say. */
function because(source: string): string {
    const plain = source.replace(/^[+-]/, "");
    if (source.includes("_")) return "it drops the underscores";
    if (/^0[0-7]/.test(plain)) return "a leading 0 makes it octal";
    if (/^0[bB]/.test(plain)) return "0b makes it binary";
    if (/^0[oO]/.test(plain)) return "0O makes it octal";
    if (/^0X/.test(plain)) return "0X makes it hexadecimal";
    return "it reads numbers as Go does";
}

export interface ReadDifference {
    /** Where, inside the config key (`.nodePools[0].count`). */
    path: string;
    message: string;
}

/**
 * The plain scalars in a config value (at any depth) that the Pulumi CLI reads as another value
 * than synth does: each with the value `pulumi up` would get. A top-level value is handed to the
 * program as its text by the CLI, so only values inside objects and lists are compared.
 */
export function readDifferences(node: unknown, document: Document.Parsed, at = ""): ReadDifference[] {
    const target = isAlias(node) ? node.resolve(document) : node;
    if (isMap(target)) {
        return target.items.flatMap((pair) => (isScalar(pair.key) ? readDifferences(pair.value, document, `${at}.${String(pair.key.value)}`) : []));
    }
    if (isSeq(target)) return target.items.flatMap((item, i) => readDifferences(item, document, `${at}[${i}]`));
    if (!isScalar(target) || at === "") return [];
    const scalar = target as Scalar;
    if (scalar.type !== Scalar.PLAIN || scalar.tag !== undefined || typeof scalar.source !== "string") return [];
    const pulumiValue = goYamlNumber(scalar.source);
    if (pulumiValue === undefined || pulumiValue === scalar.value) return [];
    const quoted = JSON.stringify(scalar.source);
    return [{
        path: at,
        message: `${scalar.source} is read by the Pulumi CLI as ${pulumiValue} (its YAML reader, go-yaml: ${because(scalar.source)}): write ${pulumiValue} if you mean it, the number you mean without the ambiguity, or ${quoted} in quotes for text`,
    }];
}
