import { RetryPolicy } from "../common/retry";

/*
 * How the cluster lives through changes: the retries its creation needs, the settings only a new
 * cluster takes.
 */

/**
 * Creating the cluster right after its identity's Network Contributor grants can fail while the
 * grants propagate: "permissions granted to your cluster's managed identity can take up to 60
 * minutes to populate" (Microsoft, Configure kubenet networking in AKS). AKS then reports the
 * missing subnet or route-table permission as an authorization failure. Bounded to about 62
 * minutes of waiting in all. The deploying principal's own missing permission looks the same
 * but never goes away by waiting: see deployerOwnFailure.
 */
export const CLUSTER_PERMISSION_RETRY: RetryPolicy = {
    waitingFor: "the cluster identity's Network Contributor grants to propagate",
    transient: [
        /\bAuthorizationFailed\b/,
        /\bLinkedAuthorizationFailed\b/,
        /does not have (authorization|permission)/i,
        /Microsoft\.Network\/(virtualNetworks\/subnets\/join|routeTables\/(read|write))/,
    ],
    maxRetries: 15,
    firstDelaySeconds: 30,
    maxDelaySeconds: 300,
};

/**
 * The engine turns a change into a replacement when a replace-on-changes path contains the
 * changed path (pulumi/pulumi pkg/resource/deploy/step_generator.go, applyReplaceOnChanges:
 * PropertyPath.Contains), so these paths catch a changed value, not the profile appearing whole.
 *
 * API server settings AKS fixes at creation: a public cluster doesn't become private (nor the
 * reverse). As a replace trigger on the protected cluster, a change fails the preview instead of
 * being sent and refused mid-update. A private cluster's DNS zone is one too only where the stack
 * file allows a replacement: AKS moves it in place to `none`, and the running cluster refuses
 * other moves at preview (api-server/live-checks.ts).
 */
export const API_SERVER_CREATE_ONLY_PATHS = ["apiServerAccessProfile.enablePrivateCluster"] as const;
/** The private cluster's DNS zone, a replace trigger when the stack file allows a replacement. */
export const PRIVATE_DNS_ZONE_PATH = "apiServerAccessProfile.privateDNSZone";

/**
 * ARM names the principal refused in an authorization failure: "The client '<app id>' with
 * object id '<object id>' does not have authorization to perform action …" (AuthorizationFailed),
 * or "… has permission to perform action … however, it does not have permission to perform
 * action … on the linked scope(s)" (LinkedAuthorizationFailed, the caller's right to join a
 * subnet, say). When that principal is the one running `pulumi up`, its role is missing and no
 * wait fixes it; the cluster identity's missing grant names the identity instead.
 */
export function deployerOwnFailure(deployerObjectId: () => Promise<string | undefined>): (error: string) => Promise<string | undefined> {
    let asked: Promise<string | undefined> | undefined;
    return async (error) => {
        const refused = /with object id '([0-9a-f-]{36})'/i.exec(error)?.[1];
        if (refused === undefined) return undefined;
        // Asked only when an authorization failure names a principal, not on every run.
        asked ??= deployerObjectId().catch(() => undefined);
        const deployer = await asked;
        if (deployer === undefined || refused.toLowerCase() !== deployer.toLowerCase()) return undefined;
        return `the principal running pulumi up (object id ${deployer}) lacks a role it needs here; grant it (docs/operations.md, section 2) and run again`;
    };
}
