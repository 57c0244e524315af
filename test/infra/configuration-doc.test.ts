import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { stackConfigSchema } from "../../infra/config/schema";
import { ROOT } from "./fixtures";

/*
 * docs/configuration.md documents every key the stack file takes: each leaf of the schema the
 * program validates with is named there, so a setting can't be added without its reference.
 */

/** The schema's leaves as key paths (`cluster.nodePools[].upgradeSettings.maxSurge`), through zod's public `.def`. */
function leaves(schema: z.ZodType, at = ""): string[] {
    const def = schema.def as unknown as { type: string; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType; options?: z.ZodType[] };
    if (["optional", "default", "nullable", "prefault", "readonly"].includes(def.type)) return leaves(def.innerType!, at);
    if (def.type === "pipe") return leaves(def.in!, at);
    if (def.type === "object") return Object.entries(def.shape!).flatMap(([key, inner]) => leaves(inner, at ? `${at}.${key}` : key));
    if (def.type === "array") return leaves(def.element!, `${at}[]`);
    if (def.type === "union") {
        const objects = def.options!.filter((option) => (option.def as { type: string }).type === "object");
        if (objects.length > 0) return [...new Set(objects.flatMap((option) => leaves(option, at)))];
    }
    return [at];
}

describe("docs/configuration.md", () => {
    const doc = fs.readFileSync(path.join(ROOT, "docs", "configuration.md"), "utf8");

    it("names every key the stack file takes", () => {
        const keys = leaves(stackConfigSchema);
        assert.ok(keys.length > 100, `the schema's leaves: ${keys.length}`);
        const named = (key: string) => {
            const last = key.replace(/\[\]/g, "").split(".").pop()!;
            return new RegExp(`\`[^\`\\n]*\\b${last}\\b[^\`\\n]*\``).test(doc);
        };
        assert.deepEqual(keys.filter((key) => !named(key)), []);
    });
});
