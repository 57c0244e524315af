import { PathOf, Problem } from "../../address";
import { NodePool } from "./args";
import { nodeLabelProblems } from "./labels";

/* A pool's VM size, labels, taints, OS image and disk, SSH and spot settings: their rules. */

/** Kubernetes label syntax (apimachinery validation): an optional DNS-subdomain prefix, a name of up to 63 characters. */
const LABEL_NAME = /^[A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;
const TAINT_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];
/** AKS refuses user labels under its own prefixes. */
const RESERVED_LABEL_PREFIXES = ["kubernetes.azure.com"];
/**
 * Azure VM size names: `Standard_` and a size such as `D4s_v5`, `DS2_v2`, `E4-2ds_v4`
 * (constrained vCPU) or `NC24ads_A100_v4`. Whether the size exists in the region is Azure's to
 * say; this catches what can never be a size. Azure compares size names without regard to case
 * (`standard_d4s_v5` is accepted), so neither does this.
 */
const VM_SIZE = /^Standard_[A-Z][A-Za-z0-9-]*(_[A-Za-z0-9-]+)*$/i;

export function checkLabelKey(key: string): string | undefined {
    const slash = key.lastIndexOf("/");
    const prefix = slash < 0 ? undefined : key.slice(0, slash);
    const name = slash < 0 ? key : key.slice(slash + 1);
    if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return "its prefix must be a lowercase DNS subdomain";
    if (prefix !== undefined && RESERVED_LABEL_PREFIXES.some((reserved) => prefix === reserved || prefix.endsWith(`.${reserved}`))) return `the prefix ${prefix} is reserved by AKS`;
    if (!LABEL_NAME.test(name)) return "its name must be 1–63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
    return undefined;
}

export function checkLabelValue(value: string): string | undefined {
    return value === "" || LABEL_NAME.test(value) ? undefined : "a label value is at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
}

/** What is wrong with a taint (`key=value:Effect`, the value optional), or undefined. */
function checkTaint(taint: unknown): string | undefined {
    const match = typeof taint === "string" ? /^([^=:]+)(?:=([^:]*))?:([A-Za-z]+)$/.exec(taint) : null;
    if (!match) return "write key=value:Effect, e.g. CriticalAddonsOnly=true:NoSchedule";
    const [, key, value, effect] = match;
    const keyProblem = checkLabelKey(key);
    if (keyProblem) return `the key ${keyProblem}`;
    const valueProblem = value === undefined ? undefined : checkLabelValue(value);
    if (valueProblem) return `the value: ${valueProblem}`;
    return TAINT_EFFECTS.includes(effect) ? undefined : `the effect must be ${TAINT_EFFECTS.join(", ")}`;
}

/** A pool's VM size, labels and taints: the settings with a syntax Azure and Kubernetes check. */
export function checkPoolSettings(pool: NodePool, field: string, pathOf: PathOf): Problem[] {
    const at = (key: string) => pathOf(`${field}.${key}`);
    const problems: Problem[] = [];
    if (pool.vmSize !== undefined && (typeof pool.vmSize !== "string" || !VM_SIZE.test(pool.vmSize))) {
        problems.push({ path: at("vmSize"), message: `${JSON.stringify(pool.vmSize)} is not an Azure VM size name (e.g. Standard_D4s_v5)` });
    }
    const wellFormed: Record<string, string> = {};
    for (const [key, value] of Object.entries(pool.nodeLabels ?? {})) {
        const keyProblem = checkLabelKey(key);
        if (keyProblem) problems.push({ path: at(`nodeLabels.${key}`), message: `${JSON.stringify(key)} is not a Kubernetes label key: ${keyProblem}` });
        else wellFormed[key] = value;
        const valueProblem = typeof value === "string" ? checkLabelValue(value) : "a label value is text";
        if (valueProblem) problems.push({ path: at(`nodeLabels.${key}`), message: `${JSON.stringify(value)}: ${valueProblem}` });
    }
    // Well-formed keys the kubelet or AKS keeps for itself (node-labels.ts).
    problems.push(...nodeLabelProblems(wellFormed, at("nodeLabels")));
    (pool.nodeTaints ?? []).forEach((taint, i) => {
        const problem = checkTaint(taint);
        if (problem) problems.push({ path: at(`nodeTaints[${i}]`), message: `${JSON.stringify(taint)} is not a taint: ${problem}` });
    });
    return problems;
}

/**
 * The OS image and disk, host encryption, SSH and spot settings: the enumerations and ranges of
 * AKS's REST model, and what kubenet and AKS allow together. Whether a VM size has room for an
 * ephemeral OS disk of the size asked is Azure's to say at creation (docs/operations.md).
 */
export function checkNodeSettings(pool: NodePool, field: string, pathOf: PathOf): Problem[] {
    const at = (key: string) => pathOf(`${field}.${key}`);
    const problems: Problem[] = [];
    if (pool.osSKU !== undefined && pool.osType === "Windows") {
        problems.push({ path: at("osSKU"), message: `${pool.osSKU} is a Linux image; a Windows pool takes AKS's Windows image` });
    }
    problems.push(...checkSpot(pool, at));
    return problems;
}

function checkSpot(pool: NodePool, at: (key: string) => string): Problem[] {
    const spot = pool.spot;
    if (spot === undefined) return [];
    const problems: Problem[] = [];
    if (pool.mode === "System") {
        problems.push({ path: at("spot"), message: "System pools can't run on spot VMs: Azure can take every node back at once; use a User pool" });
    }
    const price = spot.maxPrice;
    const fiveDecimals = (n: number) => Math.abs(n * 1e5 - Math.round(n * 1e5)) < 1e-6;
    // Azure: -1, or a price above zero with at most five decimals.
    if (price !== undefined && !(price === -1 || (price > 0 && fiveDecimals(price)))) {
        problems.push({ path: at("spot.maxPrice"), message: `${price} is not a spot price: use -1 (up to the on-demand price) or US dollars per hour above 0, with at most 5 decimals` });
    }
    return problems;
}
