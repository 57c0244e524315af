import * as pulumi from "@pulumi/pulumi";
import { Problem, formatWarning } from "../../components/address";
import { ArgumentsError } from "../../components/common/problems";
import { StackCapacity } from "../capacity-summary";
import { PROJECT } from "../config/load";
import { StackModel, validateEngineConfig } from "../config/validate";
import { projectKeyPath } from "../config/project";
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
 * Failures of runs that ended: the same error keeps surfacing from every output that waits on the
 * failed one, after the run is reported. Those rejections are dropped; any other goes on to Node,
 * as if nobody listened.
 */
const reported = new WeakSet<object>();
let droppingReported = false;
function dropReported(reason: unknown): void {
    if (reason !== null && typeof reason === "object" && reported.has(reason)) return;
    throw reason;
}

/**
 * What the program failed with while it ran: thrown, or rejected where nobody waits (a rule
 * that runs once a value is known fails inside the output a resource's property waits for, as
 * under `pulumi up`, where the language host reports it). What the SDK logs about the same
 * failure meanwhile (its "[runtime]" errors, which carry the same message) is left out: the
 * failure's problems say it; a run that succeeds has its log written as it was.
 */
async function failuresOf(run: () => Promise<void>): Promise<unknown[]> {
    const failures = new Set<unknown>();
    let failed: () => void = () => undefined;
    const firstFailure = new Promise<void>((resolve) => (failed = resolve));
    const collect = (error: unknown) => {
        failures.add(error);
        failed();
    };
    const logged: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    process.on("unhandledRejection", collect);
    try {
        // A resource whose property failed is never registered, so the run doesn't finish:
        // the first failure ends it, and the others already under way are collected with it.
        await Promise.race([run(), firstFailure]);
        if (failures.size > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    } catch (error) {
        collect(error);
    } finally {
        process.off("unhandledRejection", collect);
        console.error = consoleError;
    }
    if (failures.size === 0) {
        for (const args of logged) consoleError(...args);
        return [];
    }
    for (const failure of failures) if (failure !== null && typeof failure === "object") reported.add(failure);
    if (!droppingReported) {
        process.on("unhandledRejection", dropReported);
        droppingReported = true;
    }
    return [...failures];
}

/** A failure as the problems it stands for: a component's refusal lists them; anything else is one line. */
function problemsOfFailure(failure: unknown): Problem[] {
    if (failure instanceof ArgumentsError) return [...failure.problems];
    const message = failure instanceof Error ? failure.message : String(failure);
    return [{ path: "program", message: `failed: ${message.split("\n")[0]}` }];
}

/**
 * Runs the program offline: the stack's config is validated exactly as `pulumi up` validates
 * it, then the stack is declared under Pulumi's mocks and every registration is recorded as
 * the engine would receive it.
 */
export async function synthesize(stack: string, file: StackFileConfig, today?: Date, options: SynthOptions = {}): Promise<SynthResult> {
    const validation = validateEngineConfig(file.all, { stack, today, unreadable: file.secretPaths });
    // What pulumi up would read differently is refused first: the rest is judged on synth's reading.
    const differences = file.readDifferences.map(({ path, message }) => ({ path: projectKeyPath(path), message }));
    if (!validation.ok || differences.length > 0) return { ok: false, problems: [...differences, ...(validation.ok ? [] : validation.problems)] };
    const { model } = validation;

    const engine = await MockEngine.install({ project: PROJECT, stack, secretDigestKey: options.secretDigestKey });
    pulumi.runtime.setAllConfig(file.all, file.secretKeys);
    // Keep the program's own outputs: the stack hands back plain values, secrets unmarked.
    let outputs: Record<string, unknown> = {};
    const failures = await failuresOf(async () => {
        await pulumi.runtime.runInPulumiStack(async () => (outputs = defineStack(model)));
        await engine.settle();
    });
    if (failures.length > 0) return { ok: false, problems: failures.flatMap(problemsOfFailure) };

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
