import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { z } from "zod";
import { formatProblem } from "../../components/address";
import { runCommand } from "../../infra/cli/command";
import { synthCommand } from "../../infra/cli/synth";
import { MAX_ECHO, MAX_KEY, keyPath, problemsFromZod } from "../../infra/config/issues";
import { configNamespaceProblems } from "../../infra/config/namespaces";
import { projectConfig } from "../../infra/config/project";
import { validateEngineConfig } from "../../infra/config/validate";
import { readStackFile } from "../../infra/synth/stack-file";
import { synthesize } from "../../infra/synth/synthesize";
import { SHIPPED_DAY, stackFile } from "./fixtures";

/**
 * What a stack file, or the engine's config, can hold that no shipped stack does: values typed
 * by accident, keys that are JavaScript's object internals, bytes that aren't text, characters
 * that hide, and values far longer than any message should repeat.
 */
describe("hostile input: the stack file and the engine's config", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-kubenet-hostile-input-"));
    const dev = fs.readFileSync(stackFile("dev"), "utf8");
    const devAll = readStackFile(stackFile("dev")).all;
    let count = 0;
    /** A stack file with this content, written once. */
    const write = (content: string | Buffer) => {
        const file = path.join(dir, `stack-${count++}.yaml`);
        fs.writeFileSync(file, content);
        return file;
    };
    const read = (content: string) => readStackFile(write(content)).all;
    /** The problems synth finds in a stack file, as printed. */
    const synthProblems = async (content: string) => {
        const result = await synthesize("dev", readStackFile(write(content)), SHIPPED_DAY);
        return result.ok ? [] : result.problems.map(formatProblem);
    };
    /** The problems `pulumi up` finds in the engine's config, as printed. */
    const engineProblems = (all: Record<string, string>) => {
        const result = validateEngineConfig(all, { stack: "dev", today: SHIPPED_DAY });
        return result.ok ? [] : result.problems.map(formatProblem);
    };
    /** Runs synth on a file in-process, as its process would. */
    const synth = async (file: string) => {
        let stdout = "";
        let stderr = "";
        const status = await runCommand(synthCommand, ["--stack", "dev", "--config-file", file], { out: (t) => (stdout += t), err: (t) => (stderr += t) });
        return { status, stdout, stderr };
    };

    describe("a quoted value is a string", () => {
        it("reads the engine's strings as Pulumi's Config does: JSON objects and lists, true and false, every other scalar as given", () => {
            assert.deepEqual(projectConfig({
                "aks-kubenet:resourceGroupName": "2024",
                "aks-kubenet:protect": "true",
                "aks-kubenet:defaultNamespacePodSecurity": "null",
                "aks-kubenet:tags": "{\"year\":\"2024\",\"n\":2024}",
                "aks-kubenet:namespaces": "[{\"name\":\"a\"}]",
                "aks-kubenet:allowedConfigNamespaces": "[not json",
                "aks-kubenet:cluster": "1.5",
            }), {
                resourceGroupName: "2024",
                protect: true,
                defaultNamespacePodSecurity: "null",
                tags: { year: "2024", n: 2024 },
                namespaces: [{ name: "a" }],
                allowedConfigNamespaces: "[not json",
                cluster: "1.5",
            });
        });

        it("takes resourceGroupName \"2024\" from the engine as the name it is", () => {
            const result = validateEngineConfig({ ...devAll, "aks-kubenet:resourceGroupName": "2024" }, { stack: "dev", today: SHIPPED_DAY });
            assert.ok(result.ok, result.ok ? "" : result.problems.map(formatProblem).join("\n"));
            assert.equal(result.model.resourceGroupName, "2024");
        });

        it("hands top-level scalars over as the Pulumi CLI stores them, as their text, and keeps YAML's types inside objects", () => {
            assert.deepEqual(read([
                "config:",
                "  a:quoted: \"2024\"",
                "  a:plain: 2024",
                "  a:hex: 0x10",
                "  a:float: 1.0",
                "  a:exponent: 1e3",
                "  a:capital: True",
                "  a:boolean: false",
                "  a:null: null",
                "  a:tilde: ~",
                "  a:nothing:",
                "  a:anchored: &n 012",
                "  a:alias: *n",
                "  a:object: { quoted: \"2024\", plain: 2024, flag: true, none: null, list: [\"1\", 1] }",
                "",
            ].join("\n")), {
                "a:quoted": "2024",
                "a:plain": "2024",
                "a:hex": "0x10",
                "a:float": "1.0",
                "a:exponent": "1e3",
                "a:capital": "True",
                "a:boolean": "false",
                "a:null": "",
                "a:tilde": "",
                "a:nothing": "",
                "a:anchored": "012",
                "a:alias": "012",
                "a:object": "{\"quoted\":\"2024\",\"plain\":2024,\"flag\":true,\"none\":null,\"list\":[\"1\",1]}",
            });
        });

        it("synthesizes resourceGroupName: \"2024\", and refuses 2024 where an object keeps it a number", async () => {
            const quoted = await synthesize("dev", readStackFile(write(dev.replace("resourceGroupName: rg-aks-dev", "resourceGroupName: \"2024\""))), SHIPPED_DAY);
            assert.ok(quoted.ok, quoted.ok ? "" : quoted.problems.map(formatProblem).join("\n"));
            const group = quoted.output.resources.find((r) => r.type === "azure-native:resources:ResourceGroup");
            assert.equal(group?.inputs.resourceGroupName, "2024");
            assert.deepEqual(await synthProblems(dev.replace("count: 2", "count: \"2\"")), ["cluster.nodePools[0].count: \"2\" is not a node count: use a whole number from 0 to 1000"]);
        });
    });

    describe("keys that are JavaScript's object internals", () => {
        const reserved = "is not a key this project reads: __proto__, constructor and prototype are refused at any depth (they name JavaScript object internals)";

        it("refuses __proto__, constructor and prototype anywhere in a stack file, by key path, with every other problem", async () => {
            const hostile = dev
                .replace("    owner: platform\n", "    owner: platform\n    __proto__: { polluted: yes }\n    constructor: x\n")
                .replace("    name: aks-dev\n", "    name: aks-dev\n    __proto__: { name: evil }\n")
                .replace("        maxPods: 110\n", "        maxPods: 110\n        prototype: 1\n")
                .replace("podCidr: 10.244.0.0/16", "podCidr: 172.30.0.0/16")
                + "  aks-kubenet:__proto__: { polluted: true }\n  azure-native:constructor: x\n";
            const problems = await synthProblems(hostile);
            for (const key of ["tags.__proto__", "tags.constructor", "cluster.__proto__", "cluster.nodePools[0].prototype", "__proto__", "azure-native:constructor"]) {
                assert.ok(problems.includes(`${key}: ${reserved}`), `${key}:\n${problems.join("\n")}`);
            }
            assert.ok(problems.includes("cluster.podCidr: 172.30.0.0/16 overlaps 172.30.0.0/16, a range AKS reserves"), problems.join("\n"));
            assert.equal(problems.filter((p) => /__proto__|constructor|prototype/.test(p)).length, 6, `each key once:\n${problems.join("\n")}`);
            assert.equal(({} as Record<string, unknown>).polluted, undefined, "no prototype changed");
        });

        it("keeps a config key named __proto__ as a key, for the namespace check to refuse", async () => {
            assert.deepEqual(Object.keys(read("config:\n  __proto__: x\n")), ["__proto__"]);
            assert.ok((await synthProblems(`${dev}  __proto__: x\n`)).includes("__proto__: is not in a config namespace: project keys are written aks-kubenet:<key>"));
        });

        it("refuses them in the engine's JSON alike, and leaves them out of what the schema reads", () => {
            const cluster = JSON.parse(devAll["aks-kubenet:cluster"]);
            const all = {
                ...devAll,
                "aks-kubenet:cluster": JSON.stringify(cluster).replace("{", "{\"__proto__\":{\"name\":\"evil\"},"),
                "aks-kubenet:tags": "{\"env\":\"dev\",\"__proto__\":\"x\",\"prototype\":\"y\"}",
            };
            assert.deepEqual(engineProblems(all), [`tags.__proto__: ${reserved}`, `tags.prototype: ${reserved}`, `cluster.__proto__: ${reserved}`]);
            const config = projectConfig(all) as { cluster: object; tags: object };
            assert.deepEqual(Object.keys(config.tags), ["env"]);
            assert.ok(!Object.keys(config.cluster).includes("__proto__"));
        });
    });

    describe("bytes that aren't UTF-8, and characters that hide", () => {
        const refusal = async (content: Buffer) => {
            const file = write(content);
            const result = await synth(file);
            assert.equal(result.status, 2, result.stderr);
            assert.equal(result.stdout, "");
            assert.equal(result.stderr.split("\n").length, 2, "one line");
            return result.stderr.replace(`${file}: `, "").trimEnd();
        };

        it("refuses a stack file that isn't UTF-8, saying where", async () => {
            const text = (s: string) => Buffer.from(s, "latin1");
            assert.equal(await refusal(text("config:\n  aks-kubenet:tags:\n    env: d\xffv\n")), "is not valid UTF-8: byte 0xFF at line 3, column 11 (byte offset 38); save it as UTF-8");
            assert.equal(await refusal(text("config:\n  aks-kubenet:tags: { env: caf\xe9 }\n")), "is not valid UTF-8: byte 0xE9 at line 2, column 31 (byte offset 38); save it as UTF-8", "Latin-1");
            assert.equal(await refusal(text("config:\n  a:b: \"\xe2\x28\"\n")), "is not valid UTF-8: byte 0xE2 at line 2, column 9 (byte offset 16); save it as UTF-8", "a character cut short");
            assert.equal(await refusal(text("config:\n  a:b: \"\xc0\xaf\"\n")), "is not valid UTF-8: byte 0xC0 at line 2, column 9 (byte offset 16); save it as UTF-8", "an overlong form");
            assert.equal(await refusal(text("config:\n  a:b: \"\xed\xa0\x80\"\n")), "is not valid UTF-8: bytes 0xED 0xA0 at line 2, column 9 (byte offset 16); save it as UTF-8", "a surrogate");
            assert.equal(await refusal(text("config: {}\n# caf\xe2\x82")), "is not valid UTF-8: the file ends inside a character (0xE2 0x82) at line 2, column 6 (byte offset 16); save it as UTF-8");
        });

        it("reads UTF-8 text, a byte order mark and characters beyond ASCII as they are", () => {
            assert.deepEqual(read("\ufeffconfig:\n  a:b: 카페 ☕\n"), { "a:b": "카페 ☕" });
        });

        const hidden = [
            ["\\x01", "U+0001, a control character"],
            ["\\x7f", "U+007F, a control character"],
            ["\\x85", "U+0085, a control character"],
            ["\\x9b", "U+009B, a control character"],
            ["\\0", "U+0000, a control character"],
            ["\\u202E", "U+202E (right-to-left override), an invisible formatting character"],
            ["\\u2066", "U+2066 (left-to-right isolate), an invisible formatting character"],
            ["\\u200B", "U+200B (zero width space), an invisible formatting character"],
            ["\\uFEFF", "U+FEFF (zero width no-break space), an invisible formatting character"],
        ];

        it("refuses control and invisible formatting characters in values and keys, by key path and code point", async () => {
            const tags = hidden.map(([escape], i) => `    t${i}: "a${escape}b"\n`).join("");
            const problems = await synthProblems(dev
                .replace("    owner: platform\n", `    owner: platform\n${tags}    "own\\u202Der": x\n`)
                .replace("      podSecurity: baseline\n", "      podSecurity: baseline\n      admins: [\"\\u200Eab\\u200F\"]\n"));
            for (const [i, [, what]] of hidden.entries()) assert.ok(problems.includes(`tags.t${i}: contains ${what}: remove it`), `${what}:\n${problems.join("\n")}`);
            assert.ok(problems.includes("tags.own\\u202Der: the key contains U+202D (left-to-right override), an invisible formatting character: remove it"), problems.join("\n"));
            assert.ok(problems.includes("namespaces[0].admins[0]: contains U+200E (left-to-right mark), an invisible formatting character (and 1 more such characters): remove it"), problems.join("\n"));
        });

        it("writes raw control characters as they are refused too, and takes tab, newline and carriage return", async () => {
            const raw = await synthProblems(dev.replace("    owner: platform\n", "    owner: \"plat\u0007form\"\n    note: \"a\tb\\nc\\rd\"\n    bidi: x\u202ey\n"));
            assert.deepEqual(raw.filter((p) => p.startsWith("tags.")), [
                "tags.owner: contains U+0007, a control character: remove it",
                "tags.bidi: contains U+202E (right-to-left override), an invisible formatting character: remove it",
            ]);
        });

        it("refuses them in the engine's strings alike, in any namespace", () => {
            assert.deepEqual(engineProblems({ ...devAll, "aks-kubenet:tags": JSON.stringify({ env: "d\u0001v" }) }), ["tags.env: contains U+0001, a control character: remove it"]);
            const location = engineProblems({ ...devAll, "azure-native:location": "korea\u200bcentral" });
            assert.ok(location.includes("azure-native:location: contains U+200B (zero width space), an invisible formatting character: remove it"), location.join("\n"));
            assert.deepEqual(configNamespaceProblems({ "aks-kubenet:pro\u0000tect": "true" }, ["protect"], []).map(formatProblem), ["pro\\u0000tect: the key contains U+0000, a control character: remove it"]);
        });
    });

    describe("azure-native:location that isn't text", () => {
        it("hands null, true and 12 over as the Pulumi CLI does: the empty string, \"true\" and \"12\"", () => {
            for (const [written, engine] of [["null", ""], ["", ""], ["~", ""], ["true", "true"], ["12", "12"]]) {
                assert.equal(read(`config:\n  azure-native:location: ${written}\n`)["azure-native:location"], engine, written);
            }
        });

        it("refuses location null, true and 12 instead of taking them as a region", async () => {
            const located = (value: string) => dev.replace("azure-native:location: koreacentral", `azure-native:location: ${value}`);
            assert.deepEqual((await synthProblems(located("null"))).filter((p) => p.startsWith("azure-native:location")), ["azure-native:location: is empty (null or nothing in the stack file): set a region name, e.g. koreacentral"]);
            assert.deepEqual((await synthProblems(located("true"))).filter((p) => p.startsWith("azure-native:location")), ["azure-native:location: \"true\" is not an Azure region name: lowercase letters and digits, e.g. koreacentral"]);
            assert.deepEqual((await synthProblems(located("12"))).filter((p) => p.startsWith("azure-native:location")), ["azure-native:location: \"12\" is not an Azure region name: lowercase letters and digits, e.g. koreacentral"]);
        });
    });

    describe("values far longer than a message repeats", () => {
        const long = "x".repeat(100_000);

        it("echoes at most MAX_ECHO characters of a value, and cuts each key of a key path at MAX_KEY", () => {
            const schema = z.strictObject({ plugin: z.enum(["kubenet", "azure"]), protect: z.boolean(), nested: z.strictObject({}) });
            const result = schema.safeParse({ plugin: long, protect: long, nested: { [`${long}\u202e`]: 1 } }, { reportInput: true });
            const problems = problemsFromZod(result.error!, schema).map(formatProblem);
            assert.equal(problems[0], `plugin: "${"x".repeat(MAX_ECHO)}…" (100000 characters) is not one of kubenet, azure`);
            assert.equal(problems[1], `protect: expected boolean, got string "${"x".repeat(MAX_ECHO)}…" (100000 characters)`);
            assert.match(problems[2], new RegExp(`^nested\\.x{${MAX_KEY}}…: is not a known key`));
            assert.equal(keyPath(["tags", "a\u202eb\nc"]), "tags.a\\u202Eb\\u000Ac", "nothing hides in or breaks a path");
        });

        it("cuts long keys and namespaces in the namespace check and the stack-file refusals", async () => {
            for (const problem of configNamespaceProblems({ [`${long}:x`]: "1", [long]: "1" }, ["protect"], [])) {
                assert.ok(formatProblem(problem).length < 400, formatProblem(problem).slice(0, 400));
            }
            for (const content of [`${long}: 1\nconfig: {}\n`, `config: {}\n${long}:x: 1\n`, `config: {}\n"\u202e${long}": 1\n`]) {
                const result = await synth(write(content));
                assert.equal(result.status, 2);
                assert.ok(result.stderr.length < 400 + dir.length, result.stderr.slice(0, 400));
                assert.ok(!result.stderr.includes("\u202e"), "escaped");
            }
        });
    });
});
