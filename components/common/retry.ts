import * as pulumi from "@pulumi/pulumi";

/* Retries of transient Azure failures, as Pulumi error hooks where the engine runs them. */

/**
 * Which failures of a resource operation are worth another try, how often, and how long to wait.
 * Only errors Microsoft documents as transient belong here: retrying anything else just delays
 * a real failure.
 */
export interface RetryPolicy {
    /** What the retried operation is waiting for, for the log line. */
    waitingFor: string;
    /** Error texts (codes or messages) that mean "not yet", not "never". */
    transient: RegExp[];
    /** Retries after the first failure. */
    maxRetries: number;
    /** Wait before the first retry; doubled for each further one, up to `maxDelaySeconds`. */
    firstDelaySeconds: number;
    maxDelaySeconds: number;
}

export type RetryDecision = { retry: false; reason: string } | { retry: true; attempt: number; delaySeconds: number };

/**
 * Whether to retry after `errors` (newest first, as the engine passes them): only when the newest
 * error is transient and the retries are not used up.
 */
export function retryDecision(errors: readonly string[], policy: RetryPolicy): RetryDecision {
    const newest = errors[0] ?? "";
    if (!policy.transient.some((pattern) => pattern.test(newest))) {
        return { retry: false, reason: "the error is not one that goes away by waiting" };
    }
    const retriesSoFar = errors.length - 1;
    if (retriesSoFar >= policy.maxRetries) {
        return { retry: false, reason: `still failing after ${policy.maxRetries} retries` };
    }
    const delaySeconds = Math.min(policy.firstDelaySeconds * 2 ** retriesSoFar, policy.maxDelaySeconds);
    return { retry: true, attempt: retriesSoFar + 1, delaySeconds };
}

/** The longest a policy can wait in total before it gives up, in seconds. */
export function totalRetryWaitSeconds(policy: RetryPolicy): number {
    let total = 0;
    for (let retry = 0; retry < policy.maxRetries; retry++) {
        total += Math.min(policy.firstDelaySeconds * 2 ** retry, policy.maxDelaySeconds);
    }
    return total;
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

/** The Pulumi CLI release that brought error hooks (the engine side of `hooks.onError`). */
export const MIN_PULUMI_CLI_FOR_ERROR_HOOKS = "3.219.0";

/**
 * Whether the Pulumi CLI running the program said it supports error hooks. The SDK asks the
 * engine at start-up, before the program runs (runtime/settings.js, awaitFeatureSupport), and
 * keeps the answer in its state, which it doesn't export publicly: read from
 * @pulumi/pulumi/runtime/state, assumed supported when that module isn't there.
 */
function cliSupportsErrorHooks(): boolean {
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const state = require("@pulumi/pulumi/runtime/state") as { getStore(): { supportsErrorHooks?: boolean } };
        return state.getStore().supportsErrorHooks !== false;
    } catch {
        return true;
    }
}

/**
 * The `hooks` option that retries a resource's documented transient errors (`transientErrorHook`),
 * or none where the engine can't run error hooks (`engineRunsErrorHooks`). A Pulumi CLI too old
 * for them stops the program with the version it needs, instead of the SDK's bare "does not
 * support error hooks".
 */
export function retryHooks(name: string, policy: RetryPolicy): pulumi.ResourceHookBinding | undefined {
    if (!engineRunsErrorHooks()) return undefined;
    if (!cliSupportsErrorHooks()) {
        throw new pulumi.RunError(`the Pulumi CLI running this program has no error hooks, which the components' retries (${name}) need: update it to ${MIN_PULUMI_CLI_FOR_ERROR_HOOKS} or later (pulumi version; docs/getting-started.md)`);
    }
    return { onError: [transientErrorHook(name, policy)] };
}

/**
 * An error hook (Pulumi's `hooks.onError`) that retries a failed create or update while
 * `retryDecision` says so, waiting between tries and logging each one through the engine.
 * `sleep` is injectable so tests don't wait.
 */
export function transientErrorHook(name: string, policy: RetryPolicy, sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms))): pulumi.ErrorHook {
    return new pulumi.ErrorHook(name, async (args) => {
        const decision = retryDecision(args.errors, policy);
        if (!decision.retry) {
            if (policy.transient.some((pattern) => pattern.test(args.errors[0] ?? ""))) {
                pulumi.log.error(`${args.name}: ${args.failedOperation} ${decision.reason} waiting for ${policy.waitingFor}`);
            }
            return false;
        }
        pulumi.log.warn(`${args.name}: ${args.failedOperation} failed while waiting for ${policy.waitingFor}; retry ${decision.attempt} of ${policy.maxRetries} in ${decision.delaySeconds} s`);
        await sleep(decision.delaySeconds * 1000);
        return true;
    });
}
