import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";

/*
 * What the engine running the program can do that the components use only where it can.
 *
 * State migrations (the `stateMigrations` resource option, @pulumi/pulumi and Pulumi CLI 3.264.0,
 * experimental) are refused at registration by an engine that doesn't run them: the SDK throws
 * "The Pulumi CLI does not support state migrations" (runtime/resource.js, registerResource).
 * The SDK learns it from the engine before the program runs (runtime/settings.js,
 * awaitFeatureSupport) and keeps it in its run's store, which has no public accessor: this
 * module reads it there (test/common/engine-features.test.ts checks it against the SDK's own
 * decision). This module is the one place the components look at the engine beyond the SDK's
 * public API: here too, whether it calls error hooks back.
 */

interface RunStore {
    supportsStateMigrations?: boolean;
}

/** Whether the engine says it runs state migrations, as the SDK decides registrations by. */
export function engineAdvertisesStateMigrations(): boolean {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- no public accessor (above)
    const state = require("@pulumi/pulumi/runtime/state") as { getStore?: () => RunStore | undefined };
    return state.getStore?.()?.supportsStateMigrations === true;
}

/**
 * Whether the engine running the program runs state migrations. Pulumi's mocks advertise them
 * (runtime/mocks.js, getDeploymentInfo) but run none, and a registration waiting on its
 * migration callbacks would outlive a unit test's mock monitor: under mocks, none are attached.
 */
export function engineRunsStateMigrations(): boolean {
    return !(pulumi.runtime.getMonitor() instanceof MockMonitor) && engineAdvertisesStateMigrations();
}

/** `opts` with `migrations` added where the engine runs them; as they are otherwise. */
export function withStateMigrations<T extends pulumi.ResourceOptions>(opts: T, migrations: pulumi.StateMigration[], runs = engineRunsStateMigrations()): T {
    if (migrations.length === 0 || !runs) return opts;
    return { ...opts, stateMigrations: [...(opts.stateMigrations ?? []), ...migrations] };
}

/**
 * Whether the engine the program talks to can call an error hook back. The Pulumi CLI can; the
 * SDK's own mock monitor (`pulumi.runtime.setMocks`, @pulumi/pulumi 3.248 up to 3.276 at least)
 * turns the feature on but has no `registerErrorHook`, so every resource with an error hook fails
 * to register with "this._monitor.registerErrorHook is not a function" (runtime/mocks.js,
 * runtime/callbacks.js). A consumer's unit test of a program using the components runs on that
 * monitor; mocks never fail an operation, so there the retries are left out.
 */
export function engineRunsErrorHooks(): boolean {
    const monitor = pulumi.runtime.getMonitor() as { registerErrorHook?: unknown } | undefined;
    return typeof monitor?.registerErrorHook === "function";
}
