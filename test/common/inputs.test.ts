import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { innerSchema, input, inputShape, isDeploymentValue, withDefaults } from "../../components/common/inputs";

/* The one declaration of a component's inputs: its schema's defaults and conversions, applied as the stack file's parse applies them. */

const pool = z.strictObject({ name: z.string(), zones: z.array(z.union([z.string(), z.number()]).transform(String).pipe(z.enum(["1", "2", "3"]))).optional(), mode: z.string().default("User") });
const schema = z.strictObject({
    plain: z.string().optional(),
    withDefault: z.string().default("d"),
    list: z.array(z.string()).default(["a"]),
    late: input(z.string()).default("x"),
    nested: z.strictObject({ inner: z.number().default(7) }).optional(),
    pools: z.array(pool).optional(),
});

describe("components/common: input schemas", () => {
    it("fills in each absent default, at every depth, and keeps what is given", () => {
        assert.deepEqual(withDefaults(schema, {}), { withDefault: "d", list: ["a"], late: "x" });
        assert.deepEqual(withDefaults(schema, { withDefault: "mine", nested: {} }), { withDefault: "mine", list: ["a"], late: "x", nested: { inner: 7 } });
        assert.deepEqual(withDefaults(schema, { pools: [{ name: "p" }, { name: "q", mode: "System" }] }).pools, [{ name: "p", mode: "User" }, { name: "q", mode: "System" }]);
        assert.deepEqual(withDefaults(schema, { nested: undefined }).nested, undefined, "an optional object stays absent");
        assert.equal(withDefaults(schema, { nested: null }).nested, null, "a null is left for the rules");
        assert.deepEqual(withDefaults(z.strictObject({ a: z.string().default("d").optional() }), {}), { a: "d" }, "a default under an optional wrapper");
        assert.deepEqual(withDefaults(z.string(), ["a"]), ["a"], "a list where the schema takes none is left as it is");
    });

    it("gives each value its own copy of a default", () => {
        const first = withDefaults(schema, {}) as { list: string[] };
        first.list.push("changed");
        assert.deepEqual((withDefaults(schema, {}) as { list: string[] }).list, ["a"]);
    });

    it("applies the schema's conversions, and leaves a value it can't convert for the rules", () => {
        assert.deepEqual(withDefaults(schema, { pools: [{ name: "p", zones: [1, "2"] }] }).pools, [{ name: "p", zones: ["1", "2"], mode: "User" }]);
        assert.deepEqual(withDefaults(schema, { pools: [{ name: "p", zones: [7] }] }).pools, [{ name: "p", zones: [7], mode: "User" }]);
    });

    it("keeps values known only at deployment as they are, and wrong types too", () => {
        const output = pulumi.output("late");
        assert.equal((withDefaults(schema, { late: output }) as { late: unknown }).late, output);
        assert.equal(withDefaults(schema, output), output);
        assert.equal(withDefaults(schema, "not an object"), "not an object");
        assert.deepEqual(withDefaults(schema, { pools: "none" }).pools, "none");
    });

    it("takes an output or a promise where an input may be one, and the plain schema's values", () => {
        const late = input(z.string());
        assert.ok(late.safeParse(pulumi.output("x")).success);
        assert.ok(late.safeParse(Promise.resolve("x")).success);
        assert.ok(late.safeParse("x").success);
        assert.ok(!late.safeParse(3).success);
        assert.ok(isDeploymentValue(pulumi.output(1)) && isDeploymentValue(Promise.resolve(1)));
        assert.ok(!isDeploymentValue("x") && !isDeploymentValue({ apply: () => undefined }));
    });

    it("reaches the schema that parses a present value, past optional, default and input", () => {
        const plain = z.string();
        assert.equal(innerSchema(plain.optional()), plain);
        assert.equal(innerSchema(plain.default("a")), plain);
        assert.equal(innerSchema(plain), plain);
        const either = z.union([z.string(), z.number()]);
        assert.equal(innerSchema(either), either, "a union of the schema's own stays whole");
        const late = innerSchema(input(plain).optional()) as z.ZodType;
        assert.ok(late.safeParse("x").success && !late.safeParse(pulumi.output("x")).success, "the plain schema, not the deployment value");
    });

    it("declares a shape as it is written", () => {
        interface Args { a?: string; b: number }
        const shape = { a: z.string().optional(), b: z.number() };
        assert.equal(inputShape<Args>()(shape), shape);
    });
});
