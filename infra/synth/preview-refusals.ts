/*
 * What the program refuses at preview against the cluster that runs: the checks the cluster
 * component runs once it has read the running cluster (components/cluster/upgrades/live-checks.ts:
 * the default pool's create-only settings, pools an upgrade must name, a version below the one
 * that runs), run here on a stack's configuration against a cluster given as running, so a
 * review can show a refusal before anyone runs `pulumi preview`.
 */
import { formatProblem } from "../../components/address";
import { LiveCluster, clusterPaths, liveClusterProblems } from "../../components/cluster";
import { resolveClusterArgs } from "../../components/cluster/resolve";
import { clusterArgsOf } from "../config/component-args";
import { StackModel } from "../config/validate";

/** Each refusal as `key.path: message`, as `pulumi preview` would print it; none when the cluster would take the change. */
export function previewRefusals(model: StackModel, running: LiveCluster, today: Date): string[] {
    const args = {
        ...clusterArgsOf(model.config, model.stack, { resourceGroupName: model.resourceGroupName, location: model.location }),
        subnetId: "",
        identityId: "",
    };
    // As KubenetCluster runs them (components/cluster/index.ts): on its resolved arguments, with its key paths.
    return liveClusterProblems(resolveClusterArgs(args), running, today, clusterPaths("networkAddressing.", args.keyPathPrefix ?? "")).map(formatProblem);
}
