import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { RetryPolicy, retryDecision, totalRetryWaitSeconds, transientErrorHook } from "../../components/common/retry";
import { CLUSTER_PERMISSION_RETRY } from "../../components/cluster";
import { deployerOwnFailure } from "../../components/cluster/lifecycle";
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

    it("fails at once on the deploying principal's own missing permission, and waits out the cluster identity's", () => capturingLog(async () => {
        // ARM names the principal it refuses: "The client '<app id>' with object id '<object id>'
        // ..." (AuthorizationFailed, LinkedAuthorizationFailed). The deployer's own role missing
        // is no propagation delay; the cluster identity's fresh grant is.
        const deployer = "6b1d2c3e-7f80-4a91-b2c3-d4e5f6a7b8c9";
        const identity = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
        let asked = 0;
        const cluster = { ...CLUSTER_PERMISSION_RETRY, permanent: deployerOwnFailure(async () => { asked++; return deployer; }) };
        const hook = transientErrorHook("cluster-retry", cluster, async () => undefined);
        const args = { urn: "urn", id: "", name: "cluster-aks", type: "t", failedOperation: "create" };
        const own = `Code="LinkedAuthorizationFailed" Message="The client '11111111-2222-3333-4444-555555555555' with object id '${deployer}' has permission to perform action 'Microsoft.ContainerService/managedClusters/write' on scope '/subscriptions/…'; however, it does not have permission to perform action 'Microsoft.Network/virtualNetworks/subnets/join/action' on the linked scope(s)"`;
        const identityDenied = `Code="AuthorizationFailed" Message="The client '99999999-2222-3333-4444-555555555555' with object id '${identity}' does not have authorization to perform action 'Microsoft.Network/virtualNetworks/subnets/read' over scope '/subscriptions/…'"`;
        assert.equal(await hook.callback({ ...args, errors: [own] }), false, "the deployer's own: no retry");
        assert.equal(await hook.callback({ ...args, errors: [own.toUpperCase().replace("LINKEDAUTHORIZATIONFAILED", "LinkedAuthorizationFailed")] }), false, "object ids compared without case");
        assert.equal(await hook.callback({ ...args, errors: [identityDenied] }), true, "the identity's grant: retried");
        assert.equal(await hook.callback({ ...args, errors: ["Code=\"AuthorizationFailed\" Message=\"does not have authorization\""] }), true, "no principal named: retried as before");
        assert.equal(asked, 1, "the deployer is looked up once, and only when a principal is named");
    }).then((logged) => {
        assert.equal(logged.filter((line) => line.startsWith("error: cluster-aks: create failed, and waiting won't help: the principal running pulumi up (object id 6b1d2c3e-7f80-4a91-b2c3-d4e5f6a7b8c9) lacks a role it needs here")).length, 2);
    }));

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
