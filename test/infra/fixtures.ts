import * as path from "node:path";
import { projectConfig } from "../../infra/config/load";
import { readStackFile } from "../../infra/synth/stack-file";
import { SynthOutput, synthesize } from "../../infra/synth/synthesize";

export const ROOT = path.resolve(__dirname, "../..");
export const stackFile = (stack: string) => path.join(ROOT, "stacks", `Pulumi.${stack}.yaml`);

/**
 * Raw config as YAML gives it. Tests reshape it freely, into invalid shapes too, which is the
 * point: the schema, not the type checker, must catch them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RawConfig = Record<string, any>;

/** A shipped stack's project config as plain data, to vary in tests. */
export function stackConfig(stack: string): RawConfig {
    return structuredClone(projectConfig(readStackFile(stackFile(stack)).all));
}

const shipped = new Map<string, Promise<SynthOutput>>();

/**
 * A shipped stack as synth declares it on a fixed day, declared once per test run and shared by
 * the tests that only read it (each gets its own copy).
 */
export async function synthShipped(stack: string): Promise<SynthOutput> {
    if (!shipped.has(stack)) {
        shipped.set(stack, synthesize(stack, readStackFile(stackFile(stack)), SHIPPED_DAY).then((result) => {
            if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
            return result.output;
        }));
    }
    return structuredClone(await shipped.get(stack)!);
}

/** The day the shipped stacks are synthesized on in tests. */
export const SHIPPED_DAY = new Date("2026-11-22T00:00:00Z");

/** A shipped stack with its project sections edited as plain data, synthesized on the shipped day. */
export async function synthVariant(stack: string, edit: (config: RawConfig) => void): Promise<SynthOutput> {
    const file = readStackFile(stackFile(stack));
    const config = projectConfig(file.all) as RawConfig;
    edit(config);
    const all = Object.fromEntries(Object.entries(file.all).filter(([key]) => !key.startsWith("aks-kubenet:")));
    // The engine holds strings as they are and everything else as JSON.
    for (const [key, value] of Object.entries(config)) all[`aks-kubenet:${key}`] = typeof value === "string" ? value : JSON.stringify(value);
    const result = await synthesize(stack, { ...file, all }, SHIPPED_DAY);
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
    return result.output;
}

/**
 * A shipped stack bootstrapping its namespaces through the Kubernetes API, as a team whose
 * pipeline runs inside its network would: a private runner, the deployer granted RBAC Cluster
 * Admin where Azure RBAC is on, and a pod-count quota, which only that path takes.
 */
export function throughKubernetes(config: RawConfig): void {
    config.namespacesThrough = "kubernetes";
    config.pipeline = { runner: "private" };
    if (config.cluster.aad?.enableAzureRBAC) {
        config.cluster.aad.deployer = { objectId: "6b1d2c3e-7f80-4a91-b2c3-d4e5f6a7b8c9", principalType: "ServicePrincipal" };
    }
    for (const namespace of config.namespaces ?? []) if (namespace.quota) namespace.quota.pods = 200;
}
