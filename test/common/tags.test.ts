import { strict as assert } from "node:assert";
import { checkTags, privateDnsZoneTagCountProblems, tagPath } from "../../components/common/tags";

// Expectations written from Microsoft's rules (tag-resources "Limitations", AKS "Use Azure tags"
// and the AKS FAQ), never from the code's output: 50 tags, names of 512 and values of 256
// characters, no < > % & \ ? / in a name, names compared without case, no aks-managed or
// k8s-azure prefix, 15 tags on a private DNS zone; control characters refused as U+XXXX.

/** A map of `n` distinct, valid tags. */
const manyTags = (n: number): Record<string, string> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`tag${i}`, "v"]));

const FORBIDDEN_LIST = "'<', '>', '%', '&', '\\', '?', '/'";

describe("components/common: Azure tags", () => {
    it("takes no tags, and up to 50 tags; refuses 51 on the map's path", () => {
        assert.deepEqual(checkTags({}, "tags"), []);
        assert.deepEqual(checkTags(manyTags(50), "tags"), []);
        assert.deepEqual(checkTags(manyTags(51), "tags"), [
            { path: "tags", message: "has 51 tags: Azure allows at most 50 on a resource; put several values in one tag as a JSON string" },
        ]);
    });

    it("takes a 512-character name and a 256-character value; refuses 513 and 257", () => {
        const name512 = "n".repeat(512);
        const name513 = "n".repeat(513);
        assert.deepEqual(checkTags({ [name512]: "v".repeat(256) }, "tags"), []);
        assert.deepEqual(checkTags({ [name513]: "v" }, "tags"), [
            { path: `tags.${name513}`, message: "tag name has 513 characters: Azure allows at most 512" },
        ]);
        assert.deepEqual(checkTags({ team: "v".repeat(257) }, "tags"), [
            { path: "tags.team", message: "tag value has 257 characters: Azure allows at most 256" },
        ]);
        // A character outside the Basic Multilingual Plane is two UTF-16 code units, the stricter count.
        assert.equal(checkTags({ team: "\u{1F600}".repeat(128) }, "tags").length, 0);
        assert.equal(checkTags({ team: "\u{1F600}".repeat(129) }, "tags").length, 1);
    });

    it("refuses each character Azure forbids in a name, naming it and the rule", () => {
        for (const c of ["<", ">", "%", "&", "\\", "?", "/"]) {
            const name = `a${c}b`;
            assert.deepEqual(checkTags({ [name]: "v" }, "tags"), [
                { path: `tags."a${c === "\\" ? "\\\\" : c}b"`, message: `tag name "a${c}b" has '${c}': Azure tag names can't contain ${FORBIDDEN_LIST}` },
            ], name);
        }
        assert.deepEqual(checkTags({ "a/b?c": "v" }, "tags"), [
            { path: 'tags."a/b?c"', message: `tag name "a/b?c" has '?', '/': Azure tag names can't contain ${FORBIDDEN_LIST}` },
        ]);
    });

    it("takes what the documentation doesn't forbid: spaces, dots, colons, '#', Unicode letters, an empty name, the forbidden characters in a value", () => {
        const tags = { "cost center": "v", "team.name": "v", "a:b": "v", "a#b": "v", "Ünïcode": "v", " padded ": "v", "": "v", url: "https://example.com/a?b=c&d=100%" };
        assert.deepEqual(checkTags(tags, "tags"), []);
    });

    it("refuses control characters in names and values, showing each as U+XXXX, at the edges of the control ranges", () => {
        assert.deepEqual(checkTags({ "a\u0007b": "v" }, "tags"), [
            { path: 'tags."a\\u0007b"', message: 'tag name "aU+0007b" has control characters (U+0007): a tag name is text you can read; remove them' },
        ]);
        assert.deepEqual(checkTags({ team: "line\none\ttwo\r\n" }, "tags"), [], "a value may hold tabs and line breaks, as any text value of a stack file");
        assert.deepEqual(checkTags({ team: "line\u000bone" }, "tags"), [
            { path: "tags.team", message: 'tag value "lineU+000Bone" has control characters (U+000B): remove them' },
        ]);
        assert.equal(checkTags({ "a\tb": "v" }, "tags").length, 1, "a name holds no tab");
        for (const [c, shown] of [["\u0000", "U+0000"], ["\u001f", "U+001F"], ["\u007f", "U+007F"], ["\u0080", "U+0080"], ["\u009f", "U+009F"]]) {
            const [problem, ...rest] = checkTags({ team: `a${c}` }, "tags");
            assert.deepEqual(rest, [], shown);
            assert.equal(problem.message, `tag value "a${shown}" has control characters (${shown}): remove them`);
        }
        // Just outside: space, tilde, no-break space and other non-control Unicode are text.
        assert.deepEqual(checkTags({ team: "a b~\u00a0\u00e9\u200b" }, "tags"), []);
    });

    it("refuses a value that isn't text", () => {
        assert.deepEqual(checkTags({ team: 5 as unknown as string }, "tags"), [
            { path: "tags.team", message: "5 is not a tag value: it must be text" },
        ]);
    });

    it("refuses the prefixes of the tags Azure creates for AKS, whatever their case; takes names that only contain them", () => {
        const rule = "the prefix of the tags Azure creates for AKS: the cluster's tags go on the node resource group's resources, where changing those tags is unsupported; use another name";
        assert.deepEqual(checkTags({ "aks-managed-cluster-name": "x" }, "tags"), [
            { path: "tags.aks-managed-cluster-name", message: `tag name "aks-managed-cluster-name" starts with aks-managed, ${rule}` },
        ]);
        assert.deepEqual(checkTags({ "K8S-Azure-created-by": "x" }, "tags"), [
            { path: "tags.K8S-Azure-created-by", message: `tag name "K8S-Azure-created-by" starts with k8s-azure, ${rule}` },
        ]);
        assert.equal(checkTags({ "AKS-MANAGED": "x" }, "tags").length, 1);
        assert.deepEqual(checkTags({ "aks-team": "x", "k8s-azur": "x", "my-aks-managed": "x", "team-k8s-azure": "x" }, "tags"), []);
    });

    it("refuses names that differ only in case, on the later one", () => {
        assert.deepEqual(checkTags({ Env: "prod", team: "a", env: "dev" }, "tags"), [
            { path: "tags.env", message: 'tag "env" is the same tag as "Env": Azure tag names are case-insensitive, and AKS sets only one of the tags whose names differ in case (the first in alphabetical order); keep one' },
        ]);
        assert.equal(checkTags({ Key1: "a", kEy1: "b", key1: "c" }, "tags").length, 2);
        assert.deepEqual(checkTags({ env: "prod", env2: "dev" }, "tags"), []);
    });

    it("reports every problem of a tag, each at the tag's path", () => {
        const problems = checkTags({ "aks-managed/x": "a\u0001" }, "cluster.tags");
        assert.deepEqual(problems.map((p) => p.path), ['cluster.tags."aks-managed/x"', 'cluster.tags."aks-managed/x"', 'cluster.tags."aks-managed/x"']);
        assert.deepEqual(problems.map((p) => p.message.split(":")[0]), [
            `tag name "aks-managed/x" has '/'`,
            `tag name "aks-managed/x" starts with aks-managed, the prefix of the tags Azure creates for AKS`,
            `tag value "aU+0001" has control characters (U+0001)`,
        ]);
    });

    it("writes a tag's path with a dot for a plain name, the name as JSON otherwise", () => {
        assert.equal(tagPath("tags", "team"), "tags.team");
        assert.equal(tagPath("tags", "cost-center"), "tags.cost-center");
        assert.equal(tagPath("tags", "_x9"), "tags._x9");
        assert.equal(tagPath("tags", "1team"), 'tags."1team"');
        assert.equal(tagPath("tags", "-x"), 'tags."-x"');
        assert.equal(tagPath("tags", "a.b"), 'tags."a.b"');
        assert.equal(tagPath("tags", "cost center"), 'tags."cost center"');
        assert.equal(tagPath("tags", ""), 'tags.""');
        assert.equal(tagPath("tags", 'say "hi"'), 'tags."say \\"hi\\""');
    });

    it("private DNS zone: takes 15 tags, refuses 16", () => {
        assert.deepEqual(privateDnsZoneTagCountProblems(manyTags(15), "tags"), []);
        assert.deepEqual(privateDnsZoneTagCountProblems(manyTags(16), "tags"), [
            { path: "tags", message: "has 16 tags: a private cluster's tags also go on its private DNS zone, and Azure Private DNS allows at most 15 tags" },
        ]);
    });
});
