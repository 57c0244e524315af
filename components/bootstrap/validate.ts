import { PathOf, Problem, samePath } from "../address";
import { z } from "zod";
import { checkArgs } from "../common/validation";
import { bootstrapArgsSchemas } from "./inputs";
import { ENTRA_OBJECT_ID } from "../common/entra";
import { DEFAULT_CONTAINER_LIMITS, NamespaceBootstrapArgs, NamespaceSpec } from "./args";

/*
 * The namespace bootstrap's rules: names, quantities, LimitRange defaults Kubernetes accepts,
 * group ids.
 */

const RFC1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const QUANTITY = /^(\d+(\.\d+)?|\.\d+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;
/** Namespaces Kubernetes itself owns; `default` is labelled by the bootstrap, not created. */
export const SYSTEM_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];

/** A namespace's name: a label Kubernetes takes, not one of its own, not another namespace's. */
function checkNamespaceName(name: string, i: number, firstIndex: Map<string, number>, path: string): Problem[] {
    if (!RFC1123_LABEL.test(name)) {
        return [{ path, message: `${JSON.stringify(name)} is not a namespace name: an RFC 1123 label of up to 63 lowercase letters, digits or '-', starting and ending with a letter or digit` }];
    }
    if (SYSTEM_NAMESPACES.includes(name)) return [{ path, message: `${name} belongs to Kubernetes; choose another name` }];
    if (firstIndex.has(name)) return [{ path, message: `${name} is already the name of namespaces[${firstIndex.get(name)}]` }];
    firstIndex.set(name, i);
    return [];
}

export function validateNamespaces(specs: NamespaceSpec[], pathOf: PathOf = samePath): Problem[] {
    const problems: Problem[] = [];
    const firstIndex = new Map<string, number>();
    specs.forEach((spec, i) => {
        const at = (key: string) => pathOf(`namespaces[${i}]${key ? `.${key}` : ""}`);
        // A name the schema refused isn't here to check.
        if (spec.name !== undefined) problems.push(...checkNamespaceName(spec.name, i, firstIndex, at("name")));
        const quantities: [string, string | undefined][] = [
            ["quota.requestsCpu", spec.quota?.requestsCpu],
            ["quota.requestsMemory", spec.quota?.requestsMemory],
            ["quota.limitsCpu", spec.quota?.limitsCpu],
            ["quota.limitsMemory", spec.quota?.limitsMemory],
            ["defaultLimits.cpu", spec.defaultLimits?.cpu],
            ["defaultLimits.memory", spec.defaultLimits?.memory],
            ["defaultLimits.requestsCpu", spec.defaultLimits?.requestsCpu],
            ["defaultLimits.requestsMemory", spec.defaultLimits?.requestsMemory],
        ];
        for (const [key, value] of quantities) {
            if (value !== undefined && !QUANTITY.test(value)) {
                problems.push({ path: at(key), message: `${JSON.stringify(value)} is not a Kubernetes quantity (e.g. "500m", "4", "8Gi")` });
            }
        }
        problems.push(...checkDefaultRequests(spec, at));
        for (const role of ["admins", "editors", "viewers"] as const) {
            (spec[role] ?? []).forEach((id, g) => {
                if (!ENTRA_OBJECT_ID.test(id)) {
                    problems.push({ path: at(`${role}[${g}]`), message: `${JSON.stringify(id)} is not an Entra ID group object id (a GUID)` });
                }
            });
        }
    });
    return problems;
}

/**
 * A Kubernetes quantity as an exact number: `mantissa × 10^exponent`, negative when `negative`.
 * Rounded up to a whole nano-unit and, in binary units, capped at 2^63-1, as Kubernetes stores it.
 */
export interface Quantity {
    readonly negative: boolean;
    readonly mantissa: bigint;
    readonly exponent: number;
}

/**
 * Kubernetes' quantity forms (kubernetes/apimachinery pkg/api/resource/quantity.go, the grammar
 * above `Quantity` and `ParseQuantity`; suffix.go for the suffixes; commit
 * eed236ceee2c19c2753a3d93ac0631dc20750454,
 * https://github.com/kubernetes/apimachinery/blob/master/pkg/api/resource/quantity.go):
 * an optional sign, digits with an optional fraction (`1`, `1.5`, `1.`, `.5`), then a binary suffix
 * (Ki Mi Gi Ti Pi Ei), a decimal suffix (n u m "" k M G T P E; `n` and `u` are in suffix.go though
 * not in the grammar's comment) or an exponent `e`/`E` with a signed whole number. `1E` is one
 * exa; `1E3` is a thousand.
 */
const QUANTITY_FORM = /^([+-]?)([0-9]+)?(?:\.([0-9]*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei)|[eE]([+-]?[0-9]+)|(n|u|m|k|M|G|T|P|E)?)$/;
const DECIMAL_SUFFIX_EXPONENTS: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX_POWERS: Record<string, bigint> = { Ki: 10n, Mi: 20n, Gi: 30n, Ti: 40n, Pi: 50n, Ei: 60n };
/** Kubernetes' smallest unit, 1n: smaller fractions are rounded up to it. */
const NANO_EXPONENT = -9;
/** The cap ParseQuantity puts on binary-suffixed values. */
const MAX_BINARY_QUANTITY = 2n ** 63n - 1n;
const INT32_MAX = 2 ** 31 - 1;

const digitCount = (n: bigint) => n.toString().length;

/** `text` as Kubernetes reads a quantity, or undefined when it isn't one (or its exponent is outside int32). */
export function parseQuantity(text: string): Quantity | undefined {
    const match = QUANTITY_FORM.exec(text);
    if (!match) return undefined;
    const [, sign, whole = "", fraction, binary, exponentText, decimal = ""] = match;
    if (whole === "" && !fraction) return undefined;
    let mantissa = BigInt(whole + (fraction ?? "") || "0");
    let exponent = -(fraction ?? "").length;
    if (binary !== undefined) {
        mantissa <<= BINARY_SUFFIX_POWERS[binary];
    } else if (exponentText !== undefined) {
        const power = Number(exponentText);
        if (Math.abs(power) > INT32_MAX) return undefined;
        exponent += power;
    } else {
        exponent += DECIMAL_SUFFIX_EXPONENTS[decimal];
    }
    if (mantissa !== 0n && exponent < NANO_EXPONENT) {
        // Round up to 1n: a value below 1n becomes 1n, without expanding a huge divisor.
        if (digitCount(mantissa) + exponent <= NANO_EXPONENT) {
            mantissa = 1n;
        } else {
            const divisor = 10n ** BigInt(NANO_EXPONENT - exponent);
            mantissa = (mantissa + divisor - 1n) / divisor;
        }
        exponent = NANO_EXPONENT;
    }
    if (binary !== undefined && compareMagnitudes({ negative: false, mantissa, exponent }, { negative: false, mantissa: MAX_BINARY_QUANTITY, exponent: 0 }) > 0) {
        mantissa = MAX_BINARY_QUANTITY;
        exponent = 0;
    }
    return { negative: sign === "-" && mantissa !== 0n, mantissa, exponent };
}

function compareMagnitudes(a: Quantity, b: Quantity): number {
    if (a.mantissa === 0n || b.mantissa === 0n) return Number(a.mantissa !== 0n) - Number(b.mantissa !== 0n);
    // Orders of magnitude first, so a huge exponent is never expanded.
    const order = (q: Quantity) => digitCount(q.mantissa) + q.exponent;
    if (order(a) !== order(b)) return order(a) > order(b) ? 1 : -1;
    const low = Math.min(a.exponent, b.exponent);
    const scaled = (q: Quantity) => q.mantissa * 10n ** BigInt(q.exponent - low);
    const [x, y] = [scaled(a), scaled(b)];
    return x === y ? 0 : x > y ? 1 : -1;
}

/** -1, 0 or 1 as `a` is below, equal to or above `b`, like Quantity.Cmp. */
export function compareQuantities(a: Quantity, b: Quantity): number {
    if (a.negative !== b.negative) return a.negative ? -1 : 1;
    const magnitude = compareMagnitudes(a, b);
    return a.negative ? -magnitude : magnitude;
}

/**
 * The LimitRange the bootstrap declares (a quota or defaultLimits; index.ts) has one Container
 * limit with `default` (cpu, memory) and `defaultRequest` (requestsCpu, requestsMemory), each
 * the namespace's value or DEFAULT_CONTAINER_LIMITS'. Kubernetes' ValidateLimitRange refuses,
 * per resource, "default request value %s is greater than default limit value %s"
 * (kubernetes/kubernetes pkg/apis/core/validation/validation.go, commit
 * a7264f95ffc8b56377da16e83461aa59467ebb3e,
 * https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go).
 * Its other relations compare min, max and maxLimitRequestRatio, which the bootstrap doesn't set,
 * and require default = defaultRequest only for resources that can't be overcommitted, which cpu
 * and memory can. ValidateResourceQuotaSpec compares no hard values with each other, so a quota's
 * requests above its limits is not refused.
 */
const DEFAULT_REQUEST_PAIRS = [
    { resource: "CPU", request: "requestsCpu", limit: "cpu" },
    { resource: "memory", request: "requestsMemory", limit: "memory" },
] as const;

function checkDefaultRequests(spec: NamespaceSpec, at: (key: string) => string): Problem[] {
    if (!spec.quota && !spec.defaultLimits) return [];
    const own = spec.defaultLimits ?? {};
    const merged = { ...DEFAULT_CONTAINER_LIMITS, ...spec.defaultLimits };
    const problems: Problem[] = [];
    for (const { resource, request, limit } of DEFAULT_REQUEST_PAIRS) {
        const [requestText, limitText] = [merged[request], merged[limit]];
        // A value that isn't a quantity is reported as such above.
        if (typeof requestText !== "string" || typeof limitText !== "string" || !QUANTITY.test(requestText) || !QUANTITY.test(limitText)) continue;
        const [requestQuantity, limitQuantity] = [parseQuantity(requestText), parseQuantity(limitText)];
        if (!requestQuantity || !limitQuantity || compareQuantities(requestQuantity, limitQuantity) <= 0) continue;
        const rule = "Kubernetes refuses a LimitRange whose default request is above its default limit";
        if (own[request] !== undefined) {
            const whose = own[limit] === undefined ? " (the program's default)" : "";
            problems.push({ path: at(`defaultLimits.${request}`), message: `${requestText} is above the default ${resource} limit ${limitText}${whose}: ${rule}` });
        } else {
            problems.push({ path: at(`defaultLimits.${limit}`), message: `${limitText} is below the default ${resource} request ${requestText} (the program's default): ${rule}; raise it or set ${request}` });
        }
    }
    return problems;
}

const BINARY_MEMORY = /^\d+(Ki|Mi|Gi|Ti|Pi|Ei)$/;
const THROUGH_KUBERNETES = "bootstrap through the Kubernetes API instead (namespacesThrough: kubernetes) from a runner that reaches it";

/**
 * What an AKS managed namespace can't take (managed.ts): its quota holds CPU "in one-thousandth
 * CPU form" and memory "in power-of-two equivalents form: Ei, Pi, Ti, Gi, Mi, Ki"
 * (azure-rest-api-specs, aks/ManagedNamespace.tsp, ResourceQuota), and nothing else: no pod
 * count, no LimitRange; AKS manages no system namespace, so the `default` namespace's labels
 * can't be set through it.
 */
export function managedNamespaceProblems(args: NamespaceBootstrapArgs, pathOf: PathOf = samePath): Problem[] {
    const problems: Problem[] = [];
    if (args.namespacesThrough !== "arm") return problems;
    if (args.defaultNamespacePodSecurity !== undefined) {
        problems.push({ path: pathOf("defaultNamespacePodSecurity"), message: `can't be applied through ARM: AKS manages no system namespace, default included; remove it (Azure Policy's Pod Security baseline covers the default namespace), or ${THROUGH_KUBERNETES}` });
    }
    (args.namespaces ?? []).forEach((spec, i) => {
        const at = (key: string) => pathOf(`namespaces[${i}].${key}`);
        if (spec?.quota?.pods !== undefined) {
            problems.push({ path: at("quota.pods"), message: `a managed namespace's quota holds CPU and memory only, no pod count: remove it, or ${THROUGH_KUBERNETES}` });
        }
        if (spec?.defaultLimits !== undefined) {
            problems.push({ path: at("defaultLimits"), message: `a managed namespace has no default container limits (no LimitRange): remove them, or ${THROUGH_KUBERNETES}` });
        }
        for (const key of ["requestsCpu", "limitsCpu"] as const) {
            const text = spec?.quota?.[key];
            const quantity = typeof text === "string" && QUANTITY.test(text) ? parseQuantity(text) : undefined;
            if (quantity && (quantity.negative || quantity.exponent + 3 < 0 && quantity.mantissa % 10n ** BigInt(-(quantity.exponent + 3)) !== 0n)) {
                problems.push({ path: at(`quota.${key}`), message: `${text} has no whole number of millicores, the unit a managed namespace's quota takes CPU in` });
            }
        }
        for (const key of ["requestsMemory", "limitsMemory"] as const) {
            const text = spec?.quota?.[key];
            if (typeof text === "string" && QUANTITY.test(text) && !BINARY_MEMORY.test(text)) {
                problems.push({ path: at(`quota.${key}`), message: `${text} is not in power-of-two units, the only ones a managed namespace's quota takes memory in: write it in Ki, Mi, Gi, Ti, Pi or Ei (8Gi, say)` });
            }
        }
    });
    return problems;
}

/** Where managed namespaces go, which only the deployment gives: the cluster's names. */
function managedNamespaceTargetProblems(args: NamespaceBootstrapArgs, pathOf: PathOf): Problem[] {
    if (args.namespacesThrough !== "arm") return [];
    return (["clusterResourceGroupName", "clusterName"] as const)
        .filter((key) => args[key] === undefined)
        .map((key) => ({ path: pathOf(key), message: "is required with namespacesThrough arm: the managed namespaces are the cluster's" }));
}

/**
 * The bootstrap's rules on what its schema accepted: the namespaces', and what managed
 * namespaces can't take. `deployed`: the arguments are the component's, which must also say
 * where managed namespaces go; a program checking its settings first has no cluster yet.
 */
export function bootstrapRules(pathOf: PathOf, deployed: boolean): (args: NamespaceBootstrapArgs) => Problem[] {
    return (args) => [
        ...validateNamespaces(args.namespaces ?? [], pathOf),
        ...managedNamespaceProblems(args, pathOf),
        ...(deployed ? managedNamespaceTargetProblems(args, pathOf) : []),
    ];
}

/** The bootstrap's schema, then its rules on what the schema accepted. */
export function bootstrapChecks(schema: z.ZodType, pathOf: PathOf, deployed: boolean): (args: unknown) => Problem[] {
    return (args) => checkArgs(schema, args, bootstrapRules(pathOf, deployed), pathOf).problems;
}

/** Every problem with the bootstrap's arguments, schema first, under the caller's key paths. */
export function validateBootstrapArgs(args: unknown, pathOf: PathOf = samePath): Problem[] {
    return bootstrapChecks(bootstrapArgsSchemas.toCheck, pathOf, false)(args);
}
