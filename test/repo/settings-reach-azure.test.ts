import { strict as assert } from "node:assert";
import { z } from "zod";
import { stackConfigSchema } from "../../infra/config/schema";
import { validateStackConfig } from "../../infra/config/validate";
import { MockEngine } from "../../infra/synth/engine";
import { RawConfig, SHIPPED_DAY, stackConfig, synthShipped, synthVariant } from "../infra/fixtures";

/*
 * Nothing accepted and ignored: each setting the shipped prod stack gives is changed, alone, to
 * another value the stack file's checks accept (another of its enumeration's values, the other
 * boolean, a neighbouring number or duration), and what `pulumi up` would declare must change
 * with it. A setting that passes validation and changes nothing sent to Azure (a field with its
 * schema but no mapping) fails here. A setting no other valid value is found for (an id, a
 * range) is counted, not judged. Slow (one synth per setting), so a repository check.
 */

type Path = (string | number)[];

/** The leaves of a stack file's values, as paths; a list of plain values is one leaf. */
function leafPaths(value: unknown, at: Path = []): Path[] {
    if (Array.isArray(value)) {
        const objects = value.flatMap((item, i) => (item !== null && typeof item === "object" ? leafPaths(item, [...at, i]) : []));
        return value.some((item) => item === null || typeof item !== "object") ? [...objects, at] : objects;
    }
    if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...at, key]));
    return [at];
}

/** The schema at a path of the stack file, through zod's public `.def`. */
function schemaAt(schema: z.ZodType, path: Path): z.ZodType | undefined {
    const def = schema.def as unknown as { type: string; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType };
    if (["optional", "default", "nullable", "prefault"].includes(def.type)) return schemaAt(def.innerType!, path);
    if (def.type === "pipe") return schemaAt(def.in!, path);
    if (path.length === 0) return schema;
    const [head, ...rest] = path;
    if (def.type === "object" && typeof head === "string" && def.shape![head]) return schemaAt(def.shape![head], rest);
    if (def.type === "array" && typeof head === "number") return schemaAt(def.element!, rest);
    return undefined;
}

/** Other values of the same kind: an enumeration's others, the other boolean, neighbouring numbers and durations. */
function alternatives(value: unknown, schema: z.ZodType | undefined): unknown[] {
    const def = schema?.def as unknown as { type: string; entries?: Record<string, string> } | undefined;
    if (def?.type === "enum") return Object.values(def.entries!).filter((option) => option !== value);
    if (typeof value === "boolean") return [!value];
    if (typeof value === "number") return [value + 1, value - 1, value * 2, Math.max(1, Math.round(value / 2))];
    if (typeof value === "string") {
        const unit = /^(\d+)([a-z%]*)$/i.exec(value);
        if (unit) return [`${Number(unit[1]) + 1}${unit[2]}`, `${Math.max(1, Number(unit[1]) - 1)}${unit[2]}`];
    }
    return [];
}

function withValue(config: RawConfig, path: Path, value: unknown): RawConfig {
    const copy = structuredClone(config);
    let holder = copy as Record<string | number, unknown>;
    for (const part of path.slice(0, -1)) holder = holder[part] as Record<string | number, unknown>;
    holder[path[path.length - 1]] = value;
    return copy;
}

describe("every setting of the prod stack reaches what pulumi up declares", () => {
    it("changes what is declared when any one setting changes to another valid value", async function () {
        this.timeout(300_000);
        MockEngine.declareWithoutStackTraces = true;
        const stack = "prod";
        const declared = JSON.stringify((await synthShipped(stack)).resources);
        const raw = stackConfig(stack);
        const context = { stack, location: "koreacentral", today: SHIPPED_DAY };
        const ignored: string[] = [];
        let judged = 0;
        for (const path of leafPaths(raw)) {
            const current = path.reduce<unknown>((node, part) => (node as Record<string | number, unknown>)[part], raw);
            for (const other of alternatives(current, schemaAt(stackConfigSchema, path))) {
                const edited = withValue(raw, path, other);
                if (!validateStackConfig(edited, context).ok) continue;
                const output = await synthVariant(stack, (config) => {
                    for (const key of Object.keys(config)) delete config[key];
                    Object.assign(config, edited);
                });
                judged++;
                if (JSON.stringify(output.resources) === declared) ignored.push(`${path.join(".")}: ${JSON.stringify(other)}`);
                break;
            }
        }
        assert.ok(judged >= 50, `settings judged: ${judged}`);
        assert.deepEqual(ignored, [], "accepted, and nothing declared changes");
    });
});
