import * as path from "node:path";
import { projectConfig } from "../../infra/config/load";
import { readStackFile } from "../../infra/synth/stack-file";

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
