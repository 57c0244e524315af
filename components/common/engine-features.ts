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
 * module reads it there, the one place the components read an SDK internal
 * (test/common/engine-features.test.ts checks it against the SDK's own decision).
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
