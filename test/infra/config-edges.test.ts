import { strict as assert } from "node:assert";
import { formatProblem } from "../../components/address";
import { cut, echo } from "../../infra/config/issues";
import { configInputProblems, projectConfig } from "../../infra/config/project";
import { validateStackConfig } from "../../infra/config/validate";
import { RawConfig, stackConfig } from "./fixtures";

/* The stack file at its edges: sections of the wrong kind, moved keys, values cut for output, the engine's strings. */

const context = { stack: "dev", location: "koreacentral", today: new Date("2026-11-22T00:00:00Z") };
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";

function problems(change: (config: RawConfig) => void): string[] {
    const raw = stackConfig("dev");
    change(raw);
    const result = validateStackConfig(raw, context);
    return result.ok ? [] : result.problems.map(formatProblem);
}

describe("infra/config: a stack file at its edges", () => {
    it("names where a moved key went", () => {
        assert.deepEqual(problems((c) => { c.cluster.nodePools[0].maxSurge = "33%"; }), [
            "cluster.nodePools[0].maxSurge: was renamed upgradeSettings.maxSurge in 0.3.0: write upgradeSettings.maxSurge instead",
        ]);
        assert.deepEqual(problems((c) => { c.cluster.nodePools[0].maxSurg = "33%"; }).map((p) => p.split(": ")[1]), ["is not a known key"], "a misspelt key is not a moved one");
    });

    it("says what a section of the wrong kind should be, and runs the other sections' rules", () => {
        assert.deepEqual(problems((c) => { c.cluster = "aks"; c.network.subnetCidr = "10.0.0.0/33"; }).map((p) => p.split(":")[0]), ["network.subnetCidr", "cluster"], "section by section, as the stack file reads");
        assert.deepEqual(problems((c) => { c.network = ["10.0.0.0/8"]; }), ["network: expected object, got a list"]);
        assert.deepEqual(problems((c) => { c.identity = 5; }), ["identity: expected object, got number 5"]);
        assert.deepEqual(problems((c) => { c.namespaces = "team-a"; }), ["namespaces: expected array, got string \"team-a\""]);
        assert.deepEqual(problems((c) => { c.cluster = null; }), ["cluster: expected object, got null"]);
    });

    it("reports the private DNS zone under the cluster's key, once, whichever component checks it", () => {
        const messages = problems((c) => {
            c.cluster.apiServer = { enablePrivateCluster: true, privateDNSZone: `${SUB}/resourceGroups/dns/providers/Microsoft.Network/dnszones/example.com` };
            c.pipeline = { runner: "private" };
        });
        assert.ok(messages.every((m) => m.startsWith("cluster.apiServer.privateDNSZone: ")), messages.join("\n"));
        assert.ok(messages.length > 0);
        assert.ok(!messages.some((m) => m.startsWith("identity.")));
        assert.equal(new Set(messages).size, messages.length, "no problem twice");
    });
});

describe("infra/config: values cut for output", () => {
    it("keeps text up to the bound and cuts whole characters after it", () => {
        assert.equal(cut("abc", 3), "abc");
        assert.equal(cut("abcd", 3), "abc…");
        assert.equal(cut("😀😀😀", 3), "😀😀😀", "characters, not UTF-16 units");
        assert.equal(cut("😀😀😀😀", 3), "😀😀😀…");
        assert.equal(cut("a".repeat(10_000), 5), "aaaaa…");
        assert.equal(cut("ab", 0), "…");
    });

    it("echoes a value quoted, cut with its length said, and anything else as JSON", () => {
        assert.equal(echo("x"), '"x"');
        assert.equal(echo("x".repeat(81)), `"${"x".repeat(80)}…" (81 characters)`);
        assert.equal(echo("x".repeat(80)), `"${"x".repeat(80)}"`);
        assert.equal(echo(5), "5");
        assert.equal(echo(undefined), "undefined");
        assert.equal(echo({ a: 1 }), '{"a":1}');
    });
});

describe("infra/config: the engine's strings", () => {
    it("reads booleans and JSON objects and lists, and keeps every other value as its text", () => {
        assert.deepEqual(projectConfig({
            "aks-kubenet:protect": "true", "aks-kubenet:a": "false", "aks-kubenet:tags": "  {\"team\":\"a\"}", "aks-kubenet:namespaces": " [1]",
            "aks-kubenet:broken": "[1", "aks-kubenet:text": "x{", "aks-kubenet:resourceGroupName": "2024", "other:key": "v",
        }), { protect: true, a: false, tags: { team: "a" }, namespaces: [1], broken: "[1", text: "x{", resourceGroupName: "2024" });
    });

    it("refuses reserved keys and hidden characters at any depth, and walks past nulls", () => {
        assert.deepEqual(configInputProblems({ "aks-kubenet:cluster": JSON.stringify({ a: null, b: [{ constructor: 1 }, ["x\u0007"]] }) }).map(formatProblem).map((p) => p.split(": ")[0]), [
            "cluster.b[0].constructor",
            "cluster.b[1][0]",
        ]);
    });
});
