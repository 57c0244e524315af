import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { Problem, samePath } from "../../components/address";
import { checkedWhenKnown, problemsKnownNow } from "../../components/common/late-values";
import { MockEngine } from "../../infra/synth/engine";
import { echo } from "../../components/common/zod-problems";

/*
 * The rules on values known only at deployment, with rules that record what they were given:
 * which values are late, what the rules see now and once the values are known.
 */

interface Args {
    name?: pulumi.Input<string>;
    ranges?: pulumi.Input<string[]>;
    api?: { ranges?: pulumi.Input<string>[]; zone?: pulumi.Input<string> };
    pools?: { name: pulumi.Input<string> }[];
    id?: pulumi.Input<string>;
}

const CHECKED = ["name", "ranges", "api.ranges", "pools"] as const;

/** Rules that record each call's arguments and report every string value named "bad". */
function recorder() {
    const seen: Args[] = [];
    const rules = (args: Args): Problem[] => {
        seen.push(args);
        const problems: Problem[] = [];
        if (args.name === undefined) problems.push({ path: "name", message: "is required" });
        if (args.name === "bad") problems.push({ path: "name", message: "is bad" });
        (args.pools ?? []).forEach((pool, i) => pool.name === "bad" && problems.push({ path: `pools[${i}].name`, message: "is bad" }));
        if (args.api?.ranges?.[1] === "bad") problems.push({ path: "api.ranges[1]", message: "is bad" });
        if (args.api?.ranges && args.api.ranges[1] === undefined) problems.push({ path: "api.ranges[1]", message: "is required" });
        if (args.id === "bad") problems.push({ path: "id", message: "is bad" });
        problems.push({ path: "always", message: "reported" });
        return problems;
    };
    return { seen, rules };
}

const resolved = <T>(output: pulumi.Output<T>) => new Promise<T>((resolve) => output.apply(resolve));

describe("components/common: values known only at deployment", () => {
    beforeEach(async () => {
        await MockEngine.install();
    });

    it("runs the rules once, as they are, when nothing is late", () => {
        const { seen, rules } = recorder();
        const args = { name: "bad", pools: [{ name: "p" }] };
        assert.deepEqual(problemsKnownNow(args, CHECKED, rules, samePath).map((p) => p.path), ["name", "always"]);
        assert.equal(seen[0], args, "the arguments themselves");
    });

    it("runs the rules now without the late values, and drops what is about them", () => {
        const { seen, rules } = recorder();
        const name = pulumi.output("x");
        const problems = problemsKnownNow({ name, pools: [{ name: "bad" }], api: { ranges: ["10.0.0.0/8", pulumi.output("bad")] } }, CHECKED, rules, samePath);
        assert.deepEqual(problems.map((p) => `${p.path}: ${p.message}`), ["pools[0].name: is bad", "always: reported"], "name's 'is required' and the late entry's wait for them");
        assert.ok(!("name" in seen[0]), "the late name is absent, not undefined-valued");
        assert.deepEqual(seen[0].api?.ranges, ["10.0.0.0/8", undefined], "a late list entry keeps the others' positions");
    });

    it("leaves late values outside the checked keys as they are", () => {
        const { seen, rules } = recorder();
        const id = pulumi.output("bad");
        problemsKnownNow({ name: pulumi.output("x"), id, api: { zone: id } }, CHECKED, rules, samePath);
        assert.equal(seen[0].id, id);
        assert.equal(seen[0].api?.zone, id);
        const api = pulumi.output({ ranges: ["a"] });
        problemsKnownNow({ name: pulumi.output("x"), api: api as unknown as Args["api"] }, CHECKED, rules, samePath);
        assert.equal(seen[1].api, api, "an output holding a checked key is the provider's to check");
        problemsKnownNow({ name: pulumi.output("x"), api: { zone: null as unknown as string, ranges: [null as unknown as string] } }, CHECKED, rules, samePath);
        assert.deepEqual(seen[2].api, { zone: null, ranges: [null] }, "nulls are walked past");
    });

    it("maps a late value's path through the caller's key paths before it compares", () => {
        const { rules } = recorder();
        const prefixed = (field: string) => `cluster.${field}`;
        const problems = problemsKnownNow({ name: pulumi.output("x") }, CHECKED, (args) => rules(args).map((p) => ({ ...p, path: prefixed(p.path) })), prefixed);
        assert.deepEqual(problems.map((p) => p.path), ["cluster.always"]);
    });

    it("gives back the gated value at once when nothing is late, and after the rules once values are known", async () => {
        const { seen, rules } = recorder();
        assert.equal(await resolved(checkedWhenKnown({ name: "ok" }, CHECKED, "rg", rules, new pulumi.ComponentResource("t:i:C", "c"), "C")), "rg");
        assert.equal(seen.length, 0, "no late value, no second run");
        const later = checkedWhenKnown({ name: pulumi.output("ok"), ranges: pulumi.output(["a"]), pools: [{ name: pulumi.output("p") }] }, CHECKED, "rg", (args) => rules(args).filter((p) => p.path !== "always"), new pulumi.ComponentResource("t:i:C", "d"), "C");
        assert.equal(await resolved(later), "rg");
        assert.deepEqual(seen[0], { name: "ok", ranges: ["a"], pools: [{ name: "p" }] }, "the rules see every late value resolved");
    });

    it("fails with the rules' problems once a late value is known to be wrong", async () => {
        const { rules } = recorder();
        const gated = checkedWhenKnown({ name: pulumi.output("bad") }, CHECKED, "rg", rules, new pulumi.ComponentResource("t:i:C", "e"), "C");
        const failure = await new Promise<string>((resolve) => {
            gated.apply(() => resolve("resolved"));
            process.once("unhandledRejection", (error) => resolve(String((error as Error).message)));
        });
        assert.match(failure, /invalid C arguments:\nname: is bad\nalways: reported/);
    });

    it("writes a secret's text [secret] in every message, however the message shows it", async () => {
        const secret = "10.1.0.0/16-s3cr3t";
        const long = `k${"x".repeat(120)}`;
        const rules = (args: Args): Problem[] => [
            { path: "name", message: `"${String(args.name)}" is bad` },
            { path: "ranges", message: `overlaps ${JSON.stringify(args.name)} and ${(args.ranges as string[])[0]}` },
            { path: "api", message: `${echo((args.ranges as string[])[1])} is too long` },
        ];
        const gated = checkedWhenKnown({ name: pulumi.secret(secret), ranges: pulumi.secret(["10.9.0.0/16", long]) }, CHECKED, "rg", rules, new pulumi.ComponentResource("t:i:C", "s"), "C");
        const failure = await new Promise<string>((resolve) => {
            gated.apply(() => resolve("resolved"));
            process.once("unhandledRejection", (error) => resolve(String((error as Error).message)));
        });
        assert.ok(!failure.includes("s3cr3t") && !failure.includes("10.9.0.0") && !failure.includes("xxxxxxxxxx"), failure);
        assert.match(failure, /\nname: \[secret\] is bad\nranges: overlaps \[secret\] and \[secret\]\napi: \[secret\] is too long$/, "nor its length");
    });

    it("keeps the gated value as secret as it was, whatever the checked values are", async () => {
        const component = new pulumi.ComponentResource("t:i:C", "g");
        const plain = checkedWhenKnown({ name: pulumi.secret("ok") }, CHECKED, "rg", () => [], component, "C");
        assert.equal(await pulumi.isSecret(plain), false, "a secret name doesn't make the resource group's name secret");
        const secret = checkedWhenKnown({ name: pulumi.output("ok") }, CHECKED, pulumi.secret("rg"), () => [], component, "C");
        assert.equal(await pulumi.isSecret(secret), true);
        assert.equal(await resolved(secret), "rg");
    });
});
