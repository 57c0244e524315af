import { strict as assert } from "node:assert";
import { isRelated, isWithin, keyPathOf } from "../../components/common/key-paths";

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
    });

    it("relates two paths when either holds the other", () => {
        assert.ok(isRelated("cluster.nodePools", "cluster.nodePools[0].mode"));
        assert.ok(isRelated("cluster.nodePools[0].mode", "cluster.nodePools"));
        assert.ok(!isRelated("cluster.nodePools[0].mode", "cluster.nodePools[1].mode"));
        assert.ok(!isRelated("tags", "tagsExtra"));
    });
});
