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
