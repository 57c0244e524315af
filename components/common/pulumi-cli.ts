import * as pulumi from "@pulumi/pulumi";

/*
 * The Pulumi CLI the components need, declared once. Pulumi.yaml and PulumiPlugin.yaml state the
 * same range as `requiredPulumiVersion`, which the CLI checks before it runs the program or
 * loads the package (pulumi/pulumi sdk/go/common/workspace/project.go; Pulumi.yaml since
 * 3.219.0, #21627, PulumiPlugin.yaml since 3.221.0); a test keeps the three equal. A program that
 * uses the components from TypeScript, with its own Pulumi.yaml, is checked when a component
 * runs, through the SDK's public `requirePulumiVersion`.
 */

/**
 * What the components' retries (Pulumi error hooks) need of the engine:
 * - 3.244.0 (2026-05-28): every failed step reaches the error hooks; before it only partial
 *   failures did (pulumi/pulumi#23344, fixed by #23347), so a refused create was never retried;
 *   3.245.0 fixed the Node.js SDK dropping `onError` hooks when options were merged (#23375);
 * - #24684 (merged 2026-09-16): a retry after a partial create updates the resource the failed
 *   create left, instead of sending a second create, which azure-native refuses for a resource
 *   that exists. 3.263.0 was published the same day (npm, 2026-09-16 12:06 UTC); the first
 *   release certain to hold it is 3.264.0 (npm, 2026-09-23).
 */
export const REQUIRED_PULUMI_CLI = ">=3.264.0";

const checks = new WeakMap<object, Promise<string | undefined>>();

/**
 * Undefined when the engine running the program satisfies REQUIRED_PULUMI_CLI, or the reason it
 * doesn't. Asked once per engine; without one (Pulumi's mocks) there is nothing to ask.
 */
function cliProblem(): Promise<string | undefined> {
    const engine = pulumi.runtime.getEngine();
    if (engine === undefined) return Promise.resolve(undefined);
    let check = checks.get(engine);
    if (check === undefined) {
        check = pulumi.runtime.requirePulumiVersion(REQUIRED_PULUMI_CLI).then(
            () => undefined,
            (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0].slice(0, 200),
        );
        checks.set(engine, check);
    }
    return check;
}

/**
 * `gated` once the CLI is known to satisfy REQUIRED_PULUMI_CLI; otherwise the deployment fails,
 * tied to the component, before any child that waits for `gated` is sent.
 */
export function withRequiredCli<T>(gated: pulumi.Input<T>, component: pulumi.Resource, what: string): pulumi.Output<T> {
    return pulumi.all([gated, cliProblem()]).apply(([value, problem]) => {
        if (problem !== undefined) {
            throw new pulumi.ResourceError(`${what} needs the Pulumi CLI ${REQUIRED_PULUMI_CLI} for its retries (docs/getting-started.md): ${problem}`, component);
        }
        return value;
    }) as pulumi.Output<T>;
}
