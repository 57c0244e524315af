import { strict as assert } from "node:assert";
import { z } from "zod";
import { formatProblem } from "../../components/address";
import { keyPath, knownKeysAt, problemsFromZod } from "../../infra/config/issues";
import { closestName } from "../../infra/config/suggest";
import { stackConfigSchema } from "../../infra/config/schema";

describe("infra/config: zod issues as the contract's problems", () => {
    describe("knownKeysAt", () => {
        it("walks objects and lists through optional, default and pipe wrappers", () => {
            assert.deepEqual(knownKeysAt(stackConfigSchema, ["identity"]), ["name", "roleScope", "networkRole"], "a section with a default");
            assert.deepEqual(knownKeysAt(stackConfigSchema, ["cluster", "apiServer"]), ["authorizedIPRanges", "enablePrivateCluster", "disableRunCommand", "privateDNSZone", "subnetId"], "an optional object");
            assert.ok(knownKeysAt(stackConfigSchema, ["cluster", "nodePools", 3]).includes("upgradeSettings"), "a list's element");
            const piped = z.strictObject({ outer: z.strictObject({ a: z.string() }).optional().pipe(z.any()) });
            assert.deepEqual(knownKeysAt(piped, ["outer"]), ["a"]);
            const nullable = z.strictObject({ outer: z.strictObject({ b: z.string() }).nullable() });
            assert.deepEqual(knownKeysAt(nullable, ["outer"]), ["b"]);
            const prefaulted = z.strictObject({ outer: z.strictObject({ c: z.string() }).prefault({ c: "x" }) });
            assert.deepEqual(knownKeysAt(prefaulted, ["outer"]), ["c"]);
            assert.deepEqual(knownKeysAt(z.strictObject({ d: z.string() }).optional(), []), ["d"], "a wrapped root");
        });

        it("knows no keys where the path leaves the schema's objects", () => {
            assert.deepEqual(knownKeysAt(stackConfigSchema, ["cluster", "nodePools", "first"]), [], "a key into a list");
            assert.deepEqual(knownKeysAt(stackConfigSchema, ["cluster", 0]), [], "an index into an object");
            assert.deepEqual(knownKeysAt(stackConfigSchema, ["clusters"]), [], "a key the schema hasn't");
            assert.deepEqual(knownKeysAt(stackConfigSchema, ["tags"]), [], "a record has no fixed keys");
            assert.deepEqual(knownKeysAt(stackConfigSchema, ["protect"]), [], "a boolean");
        });
    });

    it("writes key paths as the contract does", () => {
        assert.equal(keyPath(["cluster", "nodePools", 1, "osType"]), "cluster.nodePools[1].osType");
        assert.equal(keyPath([0, "a"]), "[0].a");
        assert.equal(keyPath([]), "");
    });

    const problems = (schema: z.ZodType, value: unknown, withSchema = true) => {
        // As validate.ts parses: with the input on each issue, so a message can say what was given.
        const result = schema.safeParse(value, { reportInput: true });
        assert.equal(result.success, false);
        return problemsFromZod(result.error!, withSchema ? schema : undefined).map(formatProblem);
    };

    it("says what was given instead of the expected type", () => {
        const schema = z.strictObject({ a: z.string(), b: z.number().int(), c: z.boolean(), d: z.string(), e: z.string() });
        assert.deepEqual(problems(schema, { a: null, b: [1], c: { x: 1 }, d: 7 }), [
            "a: expected string, got null",
            "b: expected number, got a list",
            "c: expected boolean, got an object",
            "d: expected string, got number 7",
            "e: is required",
        ]);
        assert.deepEqual(problems(z.strictObject({ n: z.number().int() }), { n: 1.5 }), ["n: expected a whole number, got number 1.5"]);
    });

    it("suggests a near key, else lists the keys, else points to the reference", () => {
        const schema = z.strictObject({ vnetCidr: z.string().optional(), subnetCidr: z.string().optional() });
        assert.deepEqual(problems(schema, { vnetCIDR: "x" }), ["vnetCIDR: is not a known key: did you mean vnetCidr?"]);
        assert.deepEqual(problems(schema, { zzzzzzzz: "x" }), ["zzzzzzzz: is not a known key: the keys here are vnetCidr, subnetCidr"]);
        assert.deepEqual(problems(schema, { vnetCIDR: "x" }, false), ["vnetCIDR: is not a known key: see the configuration reference"]);
    });

    it("counts a too-short list in entries, and passes other messages through", () => {
        assert.deepEqual(problems(z.strictObject({ pools: z.array(z.string()).min(1) }), { pools: [] }), ["pools: needs at least 1 entry"]);
        const short = z.strictObject({ s: z.string().min(3, "is shorter than 3") });
        assert.deepEqual(problems(short, { s: "ab" }), ["s: is shorter than 3"]);
        const custom = z.strictObject({ s: z.string().refine(() => false, "never valid") });
        assert.deepEqual(problems(custom, { s: "x" }), ["s: never valid"]);
    });

    describe("closestName", () => {
        it("completes a shortened key from three characters on, when one key starts with them", () => {
            const known = ["nextHopIpAddress", "name"];
            assert.equal(closestName("nex", known), "nextHopIpAddress");
            assert.equal(closestName("ne", known), undefined, "two characters are too few to guess from");
            assert.equal(closestName("na", known), undefined);
        });
    });
});
