import * as pulumi from "@pulumi/pulumi";
import { Problem, formatWarning } from "../../components/address";
import { StackCapacity } from "../capacity-summary";
import { PROJECT } from "../config/load";
import { StackModel, validateEngineConfig } from "../config/validate";
import { defineStack } from "../stack";
import { MockEngine, RecordedResource } from "./engine";
import { secretMask } from "./secret-digest";
import { StackFileConfig } from "./stack-file";

/** A resource as synth prints it: what the engine received, less bookkeeping. */
export type SynthResource = Omit<RecordedResource, "custom" | "retainOnDelete">;

export interface SynthOutput {
    stack: string;
    resources: SynthResource[];
    outputs: Record<string, unknown>;
    warnings: string[];
    capacity: StackCapacity;
}

export type SynthResult = { ok: true; output: SynthOutput; model: StackModel } | { ok: false; problems: Problem[] };

async function resolveOutput(value: unknown, secretDigestKey: Buffer | undefined): Promise<unknown> {
    if (pulumi.Output.isInstance(value)) {
        const plain = await new Promise((resolve) => value.apply((v) => resolve(v)));
        return (await pulumi.isSecret(value)) ? secretMask(plain, secretDigestKey) : plain;
    }
    return value;
}

export interface SynthOptions {
    /** A review's key: secrets as masks that tell values apart (secret-digest.ts). */
    secretDigestKey?: Buffer;
}

function toSynthResource({ custom: _custom, retainOnDelete: _retain, ...resource }: RecordedResource): SynthResource {
    return resource;
}

/**
 * Runs the program offline: the stack's config is validated exactly as `pulumi up` validates
 * it, then the stack is declared under Pulumi's mocks and every registration is recorded as
 * the engine would receive it.
 */
export async function synthesize(stack: string, file: StackFileConfig, today?: Date, options: SynthOptions = {}): Promise<SynthResult> {
    const validation = validateEngineConfig(file.all, { stack, today, unreadable: file.secretPaths });
    if (!validation.ok) return { ok: false, problems: validation.problems };
    const { model } = validation;

    const engine = await MockEngine.install({ project: PROJECT, stack, secretDigestKey: options.secretDigestKey });
    pulumi.runtime.setAllConfig(file.all, file.secretKeys);
    // Keep the program's own outputs: the stack hands back plain values, secrets unmarked.
    let outputs: Record<string, unknown> = {};
    await pulumi.runtime.runInPulumiStack(async () => (outputs = defineStack(model)));
    await engine.settle();

    const resolved: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(outputs)) resolved[key] = await resolveOutput(value, options.secretDigestKey);
    return {
        ok: true,
        model,
        output: {
            stack,
            resources: engine.resources.map(toSynthResource),
            outputs: resolved,
            warnings: model.warnings.map(formatWarning),
            // The program's own capacity output: the same report, not computed a second time.
            capacity: resolved.capacity as StackCapacity,
        },
    };
}
