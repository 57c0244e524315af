/*
 * Pins the offline engine's reliance on @pulumi/pulumi beyond its public API
 * (infra/synth/sdk-adapter.ts): the SDK release it was checked against, and each internal it
 * uses, exercised directly, so an SDK upgrade that changes one fails here rather than in synth.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { CHECKED_SDK_VERSION, Registration, engineUrn, installedSdkVersion, listenToMockMonitor, waitForRPCs } from "../../infra/synth/sdk-adapter";

const urnOf = (resource: pulumi.Resource) => new Promise<string>((resolve) => resource.urn.apply(resolve));

/** Mocks that echo the inputs, optionally late, and everything the adapter hears. */
async function listen(options: { preview?: boolean; delayMs?: number; state?: (inputs: Record<string, unknown>) => Record<string, unknown> } = {}) {
    await pulumi.runtime.setMocks({
        newResource: async (args) => {
            if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
            return { id: `${args.name}-id`, state: options.state ? options.state(args.inputs) : args.inputs };
        },
        call: () => ({}),
    }, "adapter", "test", options.preview ?? false);
    const heard = { registrations: [] as (Registration & { urn?: string })[], hooks: [] as string[] };
    listenToMockMonitor({
        registration: (registration) => {
            const entry: Registration & { urn?: string } = registration;
            heard.registrations.push(entry);
            return (urn) => {
                entry.urn = urn;
            };
        },
        hook: (name) => heard.hooks.push(name),
    });
    const named = (name: string) => {
        const found = heard.registrations.filter((r) => r.name === name);
        assert.equal(found.length, 1, `one registration named ${name}`);
        return found[0];
    };
    return { heard, named };
}

class Thing extends pulumi.CustomResource {
    /** Present when given as an input; resolved from the mock's state. */
    declare readonly late: pulumi.Output<unknown>;
    constructor(name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
        super("test:index:Thing", name, props, opts);
    }
}

class Group extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("test:index:Group", name, {}, opts);
    }
}

class TestProvider extends pulumi.ProviderResource {
    constructor(name: string) {
        super("test", name, {});
    }
}

describe("infra/synth/sdk-adapter: what the offline engine uses beyond the SDK's public API", () => {
    it("was checked against the installed @pulumi/pulumi", () => {
        const installed = (JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8")) as { version: string }).version;
        assert.equal(installedSdkVersion(), installed);
        assert.equal(installed, CHECKED_SDK_VERSION,
            `@pulumi/pulumi is ${installed}, but infra/synth/sdk-adapter.ts was checked against ${CHECKED_SDK_VERSION}: `
            + "re-check what it reads (the RegisterResource request's getters, the mock monitor's registerResource and the hook methods it lacks, "
            + "runtime/settings' waitForRPCs, and whether a public hook now gives the same), run this file and synth's tests, then set CHECKED_SDK_VERSION");
    });

    it("reads every field synth records from the RegisterResource request, as the SDK sets it", async () => {
        const { named } = await listen();
        const provider = new TestProvider("p");
        const group = new Group("group");
        const before = new Thing("before", {});
        const source = new Thing("source", { value: "v" });
        new Thing("full", { plain: "a", secret: pulumi.secret("s"), fromSource: source.id, list: ["x", 1] }, {
            parent: group,
            provider,
            dependsOn: [before],
            protect: true,
            ignoreChanges: ["plain"],
            deleteBeforeReplace: true,
            replaceOnChanges: ["list[*]"],
            retainOnDelete: true,
            aliases: [{ name: "old-full" }, "urn:pulumi:test::adapter::test:index:Thing::older"],
            hooks: { onError: [new pulumi.ErrorHook("full-retry", async () => false)] },
            customTimeouts: { create: "5m", update: "3h" },
        });
        new Thing("bare", {});
        await waitForRPCs();

        const full = named("full");
        const groupUrn = await urnOf(group);
        const [providerUrn, beforeUrn, sourceUrn] = await Promise.all([urnOf(provider), urnOf(before), urnOf(source)]);
        assert.deepEqual({ ...full, object: undefined, dependencies: [...full.dependencies].sort() }, {
            type: "test:index:Thing",
            name: "full",
            custom: true,
            parent: groupUrn,
            dependencies: [beforeUrn, sourceUrn].sort(),
            // Every input, with the resources its value comes from.
            propertyDependencies: { fromSource: [sourceUrn], list: [], plain: [], secret: [] },
            protect: true,
            ignoreChanges: ["plain"],
            deleteBeforeReplace: true,
            deleteBeforeReplaceDefined: true,
            replaceOnChanges: ["list[*]"],
            onErrorHooks: ["full-retry"],
            customTimeouts: { create: "5m", update: "3h" },
            retainOnDelete: true,
            provider: `${providerUrn}::p-id`,
            // The SDK completes an alias's spec with the parent it would have had.
            aliases: [{ name: "old-full", parentUrn: groupUrn }, { urn: "urn:pulumi:test::adapter::test:index:Thing::older" }],
            object: undefined,
            urn: "urn:pulumi:test::adapter::test:index:Group$test:index:Thing::full",
        });
        assert.deepEqual(full.object, {
            plain: "a",
            secret: { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value: "s" },
            fromSource: "source-id",
            list: ["x", 1],
        }, "inputs in the wire format, marked with the signatures pulumi.runtime exports");

        const bare = named("bare");
        assert.deepEqual(
            [bare.parent, bare.dependencies, bare.protect, bare.retainOnDelete, bare.deleteBeforeReplace, bare.deleteBeforeReplaceDefined, bare.provider, bare.aliases, bare.onErrorHooks, bare.customTimeouts],
            ["", [], false, false, false, false, "", [], [], {}],
            "options the program leaves out read as unset");
        assert.equal(named("group").custom, false);
    });

    it("answers URNs as the engine makes them: every ancestor's type, the stack's left out", async () => {
        const { named } = await listen();
        const outer = new Group("outer");
        const inner = new Group("inner", { parent: outer });
        const leaf = new Thing("leaf", {}, { parent: inner });
        await waitForRPCs();
        // pulumi/pulumi v3.248.0 pkg/resource/deploy/deployment.go, generateURN: the parent's whole
        // QualifiedType, then the type; the SDK's mock monitor would say Group$Thing.
        assert.equal(await urnOf(leaf), "urn:pulumi:test::adapter::test:index:Group$test:index:Group$test:index:Thing::leaf");
        assert.equal(named("leaf").parent, await urnOf(inner));
        // A parent that is the stack adds nothing to the type (generateURN skips RootStackType).
        assert.equal(engineUrn("test", "adapter", "urn:pulumi:test::adapter::pulumi:pulumi:Stack::adapter-test", "test:index:Thing", "top"), "urn:pulumi:test::adapter::test:index:Thing::top");
        assert.equal(engineUrn("test", "adapter", "", "pulumi:pulumi:Stack", "adapter-test"), "urn:pulumi:test::adapter::pulumi:pulumi:Stack::adapter-test");
    });

    it("marks resource references and unknowns with the signatures pulumi.runtime exports", async () => {
        // In preview an output the mock leaves out of the state is unknown.
        const { named } = await listen({ preview: true, state: () => ({}) });
        const target = new Thing("target", { late: undefined });
        new Thing("referrer", { ref: target, late: target.late });
        await waitForRPCs();
        const object = named("referrer").object as { ref: Record<string, unknown>; late: unknown };
        assert.equal(object.ref[pulumi.runtime.specialSigKey], pulumi.runtime.specialResourceSig);
        assert.equal(object.ref.urn, await urnOf(target));
        assert.equal(object.late, pulumi.runtime.unknownValue);
    });

    it("accepts the error and resource hooks the SDK's mock monitor can't register", async () => {
        const { heard, named } = await listen();
        new Thing("hooked", {}, { hooks: { onError: [new pulumi.ErrorHook("retry-hook", async () => false)], beforeCreate: [new pulumi.ResourceHook("before-hook", () => undefined)] } });
        await waitForRPCs();
        assert.deepEqual([...heard.hooks].sort(), ["before-hook", "retry-hook"]);
        assert.deepEqual(named("hooked").onErrorHooks, ["retry-hook"]);
        assert.equal(typeof (pulumi.runtime.getMonitor() as { registerErrorHook?: unknown }).registerErrorHook, "function",
            "components/common/retry.ts looks for it to decide whether the engine runs error hooks");
    });

    it("waits for late answers, and for registrations started while it waits", async () => {
        const { heard } = await listen({ delayMs: 30 });
        new Thing("first", {});
        setTimeout(() => new Thing("second", {}), 10);
        await waitForRPCs();
        assert.deepEqual(heard.registrations.map((r) => [r.name, r.urn !== undefined]), [["first", true], ["second", true]]);
    });

    it("says which SDK it needs when an internal it uses is gone", async () => {
        const needs = (what: string) => new RegExp(`^Error: @pulumi/pulumi ${installedSdkVersion().replace(/\./g, "\\.")} ${what}; infra/synth/sdk-adapter\\.ts was checked against ${CHECKED_SDK_VERSION.replace(/\./g, "\\.")} and needs re-checking$`);
        await pulumi.runtime.setMocks({ newResource: () => ({ id: "", state: {} }), call: () => ({}) });
        const monitor = pulumi.runtime.getMonitor() as unknown as Record<string, unknown>;
        const register = monitor.registerResource;
        monitor.registerResource = undefined;
        try {
            assert.throws(() => listenToMockMonitor({ registration: () => () => undefined, hook: () => undefined }), needs("has a monitor without registerResource"));
        } finally {
            monitor.registerResource = register;
        }
        // The module itself: an import's namespace is read-only.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const internal = require("@pulumi/pulumi/runtime/settings") as Record<string, unknown>;
        const wait = internal.waitForRPCs;
        internal.waitForRPCs = undefined;
        try {
            assert.throws(() => waitForRPCs(), needs("has no waitForRPCs in runtime/settings"));
        } finally {
            internal.waitForRPCs = wait;
        }
    });

    it("still has no public hook that gives what synth records (if one does, prefer it to the request)", async () => {
        const given: string[][] = [];
        await pulumi.runtime.setMocks({
            newResource: (args) => {
                given.push(Object.keys(args).sort());
                return { id: `${args.name}-id`, state: {} };
            },
            call: () => ({}),
        });
        new Thing("any", {}, { protect: true, dependsOn: [new Thing("other", {})] });
        await waitForRPCs();
        // 3.276.0 adds the resource's transforms, still no parent, dependencies or other options.
        assert.deepEqual(given, [["custom", "id", "inputs", "name", "provider", "transforms", "type"], ["custom", "id", "inputs", "name", "provider", "transforms", "type"]],
            "Mocks.newResource is given no parent, dependencies or options");
        // 3.276.0's mock monitor takes a transform and hands it to the mocks (Mocks.registerTransform,
        // newResource's `transforms`) to run if they will: the SDK itself still runs none.
        let transformed = false;
        const seen: unknown[] = [];
        await pulumi.runtime.setMocks({
            newResource: (args) => {
                seen.push(args.inputs);
                return { id: `${args.name}-id`, state: {} };
            },
            call: () => ({}),
        });
        new Thing("transformed", { value: "as declared" }, { transforms: [(args) => { transformed = true; return { props: { value: "transformed" }, opts: args.opts }; }] });
        await waitForRPCs();
        assert.equal(transformed, false, "the mock monitor runs no transform");
        assert.deepEqual(seen, [{ value: "as declared" }]);
    });
});
