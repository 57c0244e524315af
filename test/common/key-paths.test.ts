import { strict as assert } from "node:assert";
import { z } from "zod";
import { isRelated, isWithin, keyPathOf, withKeyPaths } from "../../components/common/key-paths";
import { checkArgs } from "../../components/common/validation";
import { problemsKnownNow } from "../../components/common/late-values";
import * as pulumi from "@pulumi/pulumi";

describe("components/common: key paths", () => {
    it("writes names after dots and list positions in brackets", () => {
        assert.equal(keyPathOf(["cluster", "nodePools", 1, "osType"]), "cluster.nodePools[1].osType");
        assert.equal(keyPathOf([0, "name"]), "[0].name");
        assert.equal(keyPathOf([]), "");
    });

    it("puts a path inside another at a dot or a bracket, never inside a longer name", () => {
        assert.ok(isWithin("cluster.podCidr", "cluster.podCidr"));
        assert.ok(isWithin("cluster.apiServer.authorizedIPRanges", "cluster.apiServer"));
        assert.ok(isWithin("cluster.nodePools[2].name", "cluster.nodePools"));
        assert.ok(!isWithin("cluster.nameSuffix", "cluster.name"));
        assert.ok(!isWithin("cluster", "cluster.name"), "the holder isn't inside what it holds");
        assert.ok(isWithin("nodePools[0].mode", "") && isWithin("", ""), "the arguments themselves hold every key path");
    });

    it("relates two paths when either holds the other", () => {
        assert.ok(isRelated("cluster.nodePools", "cluster.nodePools[0].mode"));
        assert.ok(isRelated("cluster.nodePools[0].mode", "cluster.nodePools"));
        assert.ok(!isRelated("cluster.nodePools[0].mode", "cluster.nodePools[1].mode"));
        assert.ok(!isRelated("tags", "tagsExtra"));
    });

    it("says nothing about a value its caller holds only as a mask, and all it would about the rest", () => {
        const schema = z.strictObject({ ids: z.array(z.string()), name: z.string() });
        const guid = /^[0-9a-f-]{36}$/;
        const rules = (args: { ids: string[]; name: string }) => args.ids.flatMap((id, i) => (guid.test(id) ? [] : [{ path: `section.ids[${i}]`, message: "is not a GUID" }]));
        const pathOf = (field: string) => `section.${field}`;
        const args = withKeyPaths({ ids: ["[secret]", "nope"], name: 5 }, pathOf, ["section.ids[0]"]);
        assert.deepEqual(checkArgs(schema, args, rules, pathOf).problems.map((p) => p.path), ["section.name", "section.ids[1]"]);
        // A copy with late values replaced is reported as its original is.
        const late = withKeyPaths({ ids: ["[secret]", pulumi.output("x")], name: "n" }, pathOf, ["section.ids[0]"]);
        const checks = (a: unknown) => checkArgs(schema, a, rules, pathOf).problems;
        assert.deepEqual(problemsKnownNow(late, ["ids"], checks, pathOf), []);
    });
});
