import { Problem } from "../../components/address";
import { CLUSTER_PERMISSION_RETRY, HOSTED_RUNNER_JOB_MINUTES, defaultPoolOf, longestUpMinutes, totalRetryWaitSeconds } from "../../components/rules";
import { StackConfig } from "./schema";

/*
 * What the stack asks of the pipeline that deploys it (`pipeline.runner`), checked before anything
 * runs: a stack its pipeline can't deploy is refused or warned here, not found out half-way
 * through a deployment.
 */

/** What a deploy job spends besides `pulumi up`: checkout, npm ci, the CLI and kubelogin. */
export const PIPELINE_OVERHEAD_MINUTES = 15;

/**
 * The longest a deploy job of this stack may run: its longest `pulumi up` (components/cluster/
 * upgrades/durations.ts) and the job's own steps. The shipped workflows' timeout-minutes keep
 * above it (a test compares them).
 */
export function deployJobMinutes(config: Pick<StackConfig, "cluster">): number {
    const pools = config.cluster.nodePools;
    // A stack with several System pools and no defaultNodePool is refused before this is read.
    const defaultPool = defaultPoolOf(config.cluster) ?? pools[0];
    return longestUpMinutes(pools, defaultPool, totalRetryWaitSeconds(CLUSTER_PERMISSION_RETRY) / 60) + PIPELINE_OVERHEAD_MINUTES;
}

/** The API server as a GitHub-hosted runner sees it: restricted to ranges, or private. */
function unreachableBecause(config: Pick<StackConfig, "cluster">): string | undefined {
    const api = config.cluster.apiServer;
    if (api?.enablePrivateCluster) return "a private API server";
    const ranges = api?.authorizedIPRanges ?? [];
    // A range of every address (0.0.0.0/0, which the stack warns about) restricts nothing.
    if (ranges.length > 0 && !ranges.some((range) => range.endsWith("/0"))) return "an API server limited to apiServer.authorizedIPRanges";
    return undefined;
}

/**
 * The namespace bootstrap through the Kubernetes API needs the API server, which GitHub's hosted
 * runners can't reach when it is restricted or private: "We make changes to our IP addresses from
 * time to time. We do not recommend allowing by IP address" (GitHub Docs, "About GitHub's IP
 * addresses"), and AKS holds at most 200 authorized ranges (Microsoft, "Secure access to the API
 * server using authorized IP address ranges"). Through ARM nothing reaches it.
 */
export function pipelineProblems(config: Pick<StackConfig, "cluster" | "namespacesThrough" | "pipeline">): Problem[] {
    const reason = unreachableBecause(config);
    if (config.namespacesThrough !== "kubernetes" || config.pipeline.runner !== "github-hosted" || reason === undefined) return [];
    return [{
        path: "namespacesThrough",
        message: `kubernetes needs the cluster's API server, which the pipeline's GitHub-hosted runners can't reach: ${reason} can't hold their changing addresses (GitHub advises against allowing them by IP); set namespacesThrough: arm (AKS managed namespaces, through Azure Resource Manager), or deploy from a runner that reaches the API server and set pipeline.runner: private`,
    }];
}

/** What the pipeline will meet: a job longer than a hosted runner allows, the `default` namespace left as it is. */
export function pipelineWarnings(config: Pick<StackConfig, "cluster" | "namespacesThrough" | "pipeline">): Problem[] {
    const warnings: Problem[] = [];
    const minutes = deployJobMinutes(config);
    if (config.pipeline.runner === "github-hosted" && minutes > HOSTED_RUNNER_JOB_MINUTES) {
        warnings.push({
            path: "cluster.nodePools",
            message: `a deploy job of this stack may run ${minutes} minutes (an upgrade of every pool at its largest, each drain running to its timeout), longer than a GitHub-hosted runner's job may (6 hours): raise the pools' upgradeSettings.maxSurge, lower their drainTimeoutInMinutes, or deploy from a self-hosted runner (pipeline.runner: private, docs/operations.md section 9)`,
        });
    }
    if (config.namespacesThrough === "arm") {
        warnings.push({
            path: "namespacesThrough",
            message: "the default namespace keeps no Pod Security labels: AKS manages no system namespace through ARM; enforce Pod Security on it with Azure Policy (cluster.addons.azurePolicy and the Kubernetes pod security baseline initiative) or through the Kubernetes API",
        });
    }
    return warnings;
}
