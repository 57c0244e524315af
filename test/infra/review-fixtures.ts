import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { Change } from "../../infra/review/plan";
import { StackModel } from "../../infra/config/validate";
import { MockEngine } from "../../infra/synth/engine";
import { readStackFile } from "../../infra/synth/stack-file";
import { SynthOutput, synthesize } from "../../infra/synth/synthesize";
import { SHIPPED_DAY, stackFile } from "./fixtures";

/** A stack file's project sections, as plain data to edit. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Sections = Record<string, any>;

/** A shipped stack with its project sections edited, synthesized on the shipped day. */
export async function variantWithModel(stack: string, edit: (config: Sections) => void, options: { secretDigestKey?: Buffer } = {}): Promise<{ output: SynthOutput; model: StackModel }> {
    const file = readStackFile(stackFile(stack), options);
    const sections: Sections = {};
    for (const [key, value] of Object.entries(file.all)) {
        if (!key.startsWith("aks-kubenet:")) continue;
        // The engine holds strings as they are and everything else as JSON.
        try {
            sections[key.slice("aks-kubenet:".length)] = JSON.parse(value);
        } catch {
            sections[key.slice("aks-kubenet:".length)] = value;
        }
    }
    edit(sections);
    const all = Object.fromEntries(Object.entries(file.all).filter(([key]) => !key.startsWith("aks-kubenet:")));
    for (const [key, value] of Object.entries(sections)) all[`aks-kubenet:${key}`] = typeof value === "string" ? value : JSON.stringify(value);
    const result = await synthesize(stack, { ...file, all }, SHIPPED_DAY, options);
    assert.ok(result.ok, result.ok ? "" : result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
    return { output: result.output, model: result.model };
}

export const variant = async (stack: string, edit: (config: Sections) => void) => (await variantWithModel(stack, edit)).output;

/** A program of its own, declared under the offline engine as synth declares a stack. */
export async function declared(program: () => void, stack = "review"): Promise<SynthOutput> {
    const engine = await MockEngine.install({ project: "aks-kubenet", stack });
    await pulumi.runtime.runInPulumiStack(async () => {
        program();
        return {};
    });
    await engine.settle();
    const resources = engine.resources.map(({ custom: _custom, retainOnDelete: _retain, ...resource }) => resource);
    return { stack, resources, outputs: {}, warnings: [], capacity: undefined as never };
}

/** The one change to the resource of that name. */
export function byName(changes: Change[], name: string): Change {
    const found = changes.filter((c) => c.name === name);
    assert.equal(found.length, 1, `one change to ${name}: ${changes.map((c) => `${c.action} ${c.name}`).join(", ")}`);
    return found[0];
}

/** Each change as "<action> <name>", sorted. */
export const actions = (changes: Change[]) => changes.map((c) => `${c.action} ${c.name}`).sort();
