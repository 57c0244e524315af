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
 * minutes of waiting in all.
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
 * reverse) and a private cluster keeps its DNS zone. As replace triggers on the protected
 * cluster, a change fails the preview instead of being sent and refused mid-update.
 */
export const API_SERVER_CREATE_ONLY_PATHS = ["apiServerAccessProfile.enablePrivateCluster", "apiServerAccessProfile.privateDNSZone"] as const;
