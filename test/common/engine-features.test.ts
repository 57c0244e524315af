import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { engineAdvertisesStateMigrations, engineRunsStateMigrations, withStateMigrations } from "../../components/common/engine-features";

/*
 * The one SDK internal the components read: whether the engine runs state migrations. Checked
 * against the SDK's own decision (runtime/resource.js refuses a registration with migrations
 * when the flag is off), on @pulumi/pulumi 3.276.0.
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK internal under test, as the module reads it
const runStore = () => (require("@pulumi/pulumi/runtime/state") as { getStore: () => { supportsStateMigrations?: boolean } }).getStore();

class Holder extends pulumi.ComponentResource {
    constructor(name: string, opts: pulumi.ComponentResourceOptions) {
        super("test:index:Holder", name, {}, opts);
        this.registerOutputs({});
    }
}

/** The engine's feature flag set to `value` while `check` runs. */
async function withFlag(value: boolean, check: () => Promise<void> | void): Promise<void> {
    await pulumi.runtime.setMocks({ newResource: (args) => ({ id: `${args.name}-id`, state: {} }), call: () => ({}) });
    const store = runStore();
    const before = store.supportsStateMigrations;
    store.supportsStateMigrations = value;
    try {
        await check();
    } finally {
        store.supportsStateMigrations = before;
    }
}

describe("components/common: what the engine runs", () => {
    it("reads the flag the SDK decides by: off, the SDK refuses a registration with migrations", () => withFlag(false, () => {
        assert.equal(engineAdvertisesStateMigrations(), false);
        assert.throws(() => new Holder("refused", { stateMigrations: [() => undefined] }), /does not support state migrations/);
    }));

    it("reads it on, where the SDK registers them", () => withFlag(true, async () => {
        assert.equal(engineAdvertisesStateMigrations(), true);
        const holder = new Holder("accepted", { stateMigrations: [() => undefined] });
        assert.ok(await new Promise((resolve) => holder.urn.apply(resolve)), "the SDK registers it");
    }));

    it("attaches none under Pulumi's mocks, which advertise migrations but run none", () => withFlag(true, () => {
        assert.equal(engineRunsStateMigrations(), false);
    }));

    it("adds the migrations after the caller's own where the engine runs them, and nothing where it doesn't", () => {
        const own: pulumi.StateMigration = () => undefined;
        const ours: pulumi.StateMigration = () => undefined;
        assert.deepEqual(withStateMigrations({ stateMigrations: [own] }, [ours], true).stateMigrations, [own, ours]);
        const opts = { protect: true };
        assert.equal(withStateMigrations(opts, [ours], false), opts);
    });
});
