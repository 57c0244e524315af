import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { formatWarning } from "../../components/address";
import { projectConfig } from "../../infra/config/load";
import { validateStackConfig } from "../../infra/config/validate";
import { ROOT, stackConfig } from "./fixtures";

const doc = fs.readFileSync(path.join(ROOT, "docs", "migrate-to-overlay.md"), "utf8");
const context = { stack: "dev", location: "koreacentral", today: new Date("2026-11-22T00:00:00Z") };

/** The fenced blocks of a language, in order. */
function blocks(language: string): string[] {
    return [...doc.matchAll(new RegExp("```" + language + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]);
}

describe("docs/migrate-to-overlay.md", () => {
    it("shows the retirement warning the program prints", () => {
        const result = validateStackConfig(stackConfig("dev"), context);
        assert.ok(result.ok);
        const line = formatWarning(result.model.warnings.find((w) => w.path === "cluster.networkPlugin")!);
        assert.ok(doc.includes(line), line);
    });

    it("has a new-stack example on Overlay that the config accepts, past the kubenet route limit", () => {
        const example = blocks("yaml").find((b) => b.startsWith("config:"));
        assert.ok(example, "a full stack example");
        const config = (parse(example) as { config: Record<string, unknown> }).config;
        const all = Object.fromEntries(Object.entries(config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
        const result = validateStackConfig(projectConfig(all), { ...context, location: String(config["azure-native:location"]) });
        assert.ok(result.ok, result.ok ? "" : result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
        const asKubenet = projectConfig(all) as { cluster: Record<string, unknown> };
        asKubenet.cluster = { ...asKubenet.cluster, networkPlugin: "kubenet", networkPluginMode: undefined, networkPolicy: "calico" };
        const kubenet = validateStackConfig(asKubenet, context);
        assert.ok(!kubenet.ok && kubenet.problems.some((p) => p.message.includes("400")), "the same pools don't fit kubenet's route table");
    });

    it("gives the migration's config edit in keys the schema knows", () => {
        const edit = blocks("yaml").find((b) => b.includes("migrateFromKubenet"));
        const cluster = (parse(edit!) as Record<string, Record<string, unknown>>)["aks-kubenet:cluster"];
        const config = stackConfig("prod");
        config.cluster = { ...config.cluster, ...cluster };
        config.namespaces.forEach((ns: { defaultDenyIngress: boolean }) => { ns.defaultDenyIngress = false; });
        const result = validateStackConfig(config, { ...context, stack: "prod" });
        assert.ok(result.ok, result.ok ? "" : result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
        const next = result.model.warnings.find((w) => w.path === "cluster.migrateFromKubenet");
        assert.ok(next && doc.includes(formatWarning(next).slice(0, 120)), "the doc quotes what synth says next");
    });
});
