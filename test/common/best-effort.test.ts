import { strict as assert } from "node:assert";
import { z } from "zod";
import { bestEffortValue } from "../../components/common/validation";

/* Arguments as the rules see them when some of their values have the wrong type. */

const schema = z.strictObject({
    name: z.string(),
    count: z.number(),
    pools: z.array(z.strictObject({ name: z.string() })),
    nested: z.strictObject({ keep: z.string(), bad: z.number() }).optional(),
});

function cleaned(raw: Record<string, unknown>) {
    const parsed = schema.safeParse(raw);
    assert.ok(!parsed.success);
    return bestEffortValue(raw, parsed.error.issues);
}

describe("common: the rest of arguments with type errors", () => {
    it("removes a wrong value and an unknown key, and keeps everything else", () => {
        assert.deepEqual(cleaned({ name: "a", count: "three", pools: [], extra: 1 }), { name: "a", pools: [] });
        assert.deepEqual(cleaned({ name: "a", count: 1, pools: [], nested: { keep: "k", bad: "x", typo: 1 } }), { name: "a", count: 1, pools: [], nested: { keep: "k" } });
    });

    it("empties a wrong list entry, so the entries after it keep their positions", () => {
        assert.deepEqual(cleaned({ name: "a", count: 1, pools: [{ name: "p0" }, "p1", { name: 2 }, { name: "p3" }] }), { name: "a", count: 1, pools: [{ name: "p0" }, {}, {}, { name: "p3" }] });
    });

    it("leaves the file itself when the whole file is wrong, and a missing value missing", () => {
        const raw = { count: 1, pools: [] };
        assert.deepEqual(cleaned(raw), { count: 1, pools: [] }, "name is missing: nothing to remove");
        assert.deepEqual(raw, { count: 1, pools: [] }, "the file as read is never changed");
        const notAnObject = schema.safeParse("a string");
        assert.ok(!notAnObject.success);
        assert.deepEqual(bestEffortValue("a string", notAnObject.error.issues), {}, "a file that isn't an object has no rest");
    });
});
