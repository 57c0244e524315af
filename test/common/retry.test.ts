import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { MIN_PULUMI_CLI_FOR_ERROR_HOOKS, RetryPolicy, retryDecision, retryHooks, totalRetryWaitSeconds, transientErrorHook } from "../../components/common/retry";
import { MockEngine } from "../../infra/synth/engine";
import { CLUSTER_PERMISSION_RETRY } from "../../components/cluster";
import { ROLE_ASSIGNMENT_RETRY } from "../../components/common/role-assignment";
import { KUBERNETES_RBAC_RETRY } from "../../components/bootstrap";

const policy: RetryPolicy = { waitingFor: "a grant", transient: [/PrincipalNotFound/], maxRetries: 3, firstDelaySeconds: 10, maxDelaySeconds: 25 };
const transient = "Code=\"PrincipalNotFound\" Message=\"Principal 0f1e… does not exist in the directory\"";

describe("components/common: bounded retries of transient errors", () => {
    it("retries a transient error with doubling waits, capped, then gives up", () => {
        assert.deepEqual(retryDecision([transient], policy), { retry: true, attempt: 1, delaySeconds: 10 });
        assert.deepEqual(retryDecision([transient, transient], policy), { retry: true, attempt: 2, delaySeconds: 20 });
        assert.deepEqual(retryDecision([transient, transient, transient], policy), { retry: true, attempt: 3, delaySeconds: 25 });
        assert.deepEqual(retryDecision([transient, transient, transient, transient], policy), { retry: false, reason: "still failing after 3 retries" });
        assert.equal(totalRetryWaitSeconds(policy), 10 + 20 + 25);
    });

    it("never retries an error that waiting doesn't fix, judged by the newest error", () => {
        assert.equal(retryDecision(["Code=\"InvalidParameter\" vmSize not allowed"], policy).retry, false);
        assert.equal(retryDecision(["Code=\"InvalidParameter\"", transient], policy).retry, false, "an older transient error doesn't count");
        assert.equal(retryDecision([], policy).retry, false);
    });

    /** Runs `body` with the engine log captured instead of printed. */
    async function capturingLog(body: () => Promise<void>): Promise<string[]> {
        const logged: string[] = [];
        const log = pulumi.log as { warn: (message: string) => Promise<void>; error: (message: string) => Promise<void> };
        const { warn, error } = log;
        log.warn = async (message) => { logged.push(`warn: ${message}`); };
        log.error = async (message) => { logged.push(`error: ${message}`); };
        try {
            await body();
        } finally {
            Object.assign(log, { warn, error });
        }
        return logged;
    }

    it("waits as decided and tells the engine to retry, through a named error hook", () => capturingLog(async () => {
        const waits: number[] = [];
        const hook = transientErrorHook("test-retry", policy, async (ms) => { waits.push(ms); });
        assert.equal(hook.name, "test-retry");
        const args = { urn: "urn", id: "", name: "grant", type: "t", failedOperation: "create" };
        assert.equal(await hook.callback({ ...args, errors: [transient] }), true);
        assert.equal(await hook.callback({ ...args, errors: [transient, transient] }), true);
        assert.equal(await hook.callback({ ...args, errors: ["AuthorizationFailed"] }), false);
        assert.equal(await hook.callback({ ...args, errors: [transient, transient, transient, transient] }), false);
        assert.deepEqual(waits, [10_000, 20_000]);
    }).then(() => undefined));

    it("logs each retry, and the giving up on a transient error, naming what it waited for", async () => {
        const logged = await capturingLog(async () => {
            const hook = transientErrorHook("test-retry", policy, async () => undefined);
            const args = { urn: "urn", id: "", name: "grant", type: "t", failedOperation: "create" };
            await hook.callback({ ...args, errors: [transient, transient] });
            await hook.callback({ ...args, errors: [transient, transient, transient, transient] });
            await hook.callback({ ...args, errors: ["Code=\"InvalidParameter\""] });
            await hook.callback({ ...args, errors: [] });
        });
        assert.deepEqual(logged, [
            "warn: grant: create failed while waiting for a grant; retry 2 of 3 in 20 s",
            "error: grant: create still failing after 3 retries waiting for a grant",
        ], "a lasting error fails as it is, without a retry message");
    });

    it("bounds every policy the components use, and recognises the errors each waits out", () => {
        const minutes = 60;
        const cases: [RetryPolicy, string, number, number][] = [
            // The cluster identity's grants: "can take up to 60 minutes to populate" (Microsoft).
            [CLUSTER_PERMISSION_RETRY, "Code=\"LinkedAuthorizationFailed\" Message=\"The client has permission to perform action 'Microsoft.ContainerService/managedClusters/write'; however, it does not have permission to perform action 'Microsoft.Network/virtualNetworks/subnets/join/action'\"", 60 * minutes, 70 * minutes],
            [ROLE_ASSIGNMENT_RETRY, "Code=\"PrincipalNotFound\"", 5 * minutes, 10 * minutes],
            // Azure RBAC for Kubernetes: role assignments "can take up to five minutes to propagate".
            [KUBERNETES_RBAC_RETRY, "namespaces is forbidden: User \"…\" cannot create resource \"namespaces\" in API group \"\" at the cluster scope", 5 * minutes, 10 * minutes],
        ];
        for (const [retry, error, floor, ceiling] of cases) {
            assert.equal(retryDecision([error], retry).retry, true, retry.waitingFor);
            assert.ok(totalRetryWaitSeconds(retry) >= floor, `${retry.waitingFor}: waits out the documented ${floor} s`);
            assert.ok(totalRetryWaitSeconds(retry) <= ceiling, `${retry.waitingFor}: bounded by ${ceiling} s`);
            assert.equal(retryDecision(["Code=\"QuotaExceeded\" Message=\"Operation could not be completed as it results in exceeding approved Total Regional Cores quota\""], retry).retry, false);
        }
    });
});

describe("components/common: retries need a Pulumi CLI with error hooks", () => {
    it("stops with the version needed when the CLI says it has none, and attaches the hook when it has", async () => {
        await MockEngine.install();
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const store = (require("@pulumi/pulumi/runtime/state") as { getStore(): { supportsErrorHooks: boolean } }).getStore();
        store.supportsErrorHooks = false;
        try {
            assert.throws(() => retryHooks("x-retry", ROLE_ASSIGNMENT_RETRY), (error: Error) =>
                error.message === `the Pulumi CLI running this program has no error hooks, which the components' retries (x-retry) need: update it to ${MIN_PULUMI_CLI_FOR_ERROR_HOOKS} or later (pulumi version; docs/getting-started.md)`);
        } finally {
            store.supportsErrorHooks = true;
        }
        assert.equal(retryHooks("y-retry", ROLE_ASSIGNMENT_RETRY)?.onError?.length, 1);
    });
});
