import * as pulumi from "@pulumi/pulumi";
import { engineRunsErrorHooks } from "./engine-features";

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
    /**
     * Why an error that matches `transient` won't go away by waiting after all (the deploying
     * principal's own missing permission, say), or undefined when it may.
     */
    permanent?: (error: string) => Promise<string | undefined>;
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
 * The `hooks` option that retries a resource's documented transient errors (`transientErrorHook`),
 * or none where the engine can't run error hooks (`engineRunsErrorHooks`). The CLI those retries
 * need is checked by Pulumi itself (`requiredPulumiVersion`) and by the component that uses them
 * (pulumi-cli.ts, withRequiredCli).
 */
export function retryHooks(name: string, policy: RetryPolicy): pulumi.ResourceHookBinding | undefined {
    if (!engineRunsErrorHooks()) return undefined;
    return { onError: [transientErrorHook(name, policy)] };
}

/**
 * An error hook (Pulumi's `hooks.onError`) that retries a failed create or update while
 * `retryDecision` says so, waiting between tries and logging each one through the engine.
 * `sleep` is injectable so tests don't wait.
 */
export function transientErrorHook(name: string, policy: RetryPolicy, sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms))): pulumi.ErrorHook {
    return new pulumi.ErrorHook(name, async (args) => {
        const permanent = policy.transient.some((pattern) => pattern.test(args.errors[0] ?? "")) ? await policy.permanent?.(args.errors[0]) : undefined;
        if (permanent !== undefined) {
            pulumi.log.error(`${args.name}: ${args.failedOperation} failed, and waiting won't help: ${permanent}`);
            return false;
        }
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
