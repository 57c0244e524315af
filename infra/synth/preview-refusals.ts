/*
 * What the program refuses at preview against the cluster that runs: the checks the cluster
 * component runs once it has read the running cluster (components/cluster/upgrades/
 * running-checks.ts: the default pool's create-only settings, pools an upgrade must name, a
 * version below the one that runs, a property azure-native would replace the cluster for, a
 * private DNS zone AKS can't move), run here on a stack's configuration against a cluster given
 * as running, so a review can show a refusal before anyone runs `pulumi preview`.
 */
import * as pulumi from "@pulumi/pulumi";
import { formatProblem } from "../../components/address";
import { DeclaredAgainstRunning, KubenetClusterArgs, LiveCluster, declaredReplacementProperties, runningClusterChecks } from "../../components/cluster";
import { clusterArgsSchemas } from "../../components/cluster/inputs";
import { argsAsRead } from "../../components/common/validation";
import { clusterKeyPath } from "../config/key-paths";
import { clusterArgsOf } from "../config/component-args";
import { StackModel } from "../config/validate";

/** Each refusal as `key.path: message`, as `pulumi preview` would print it; none when the cluster would take the change. */
export function previewRefusals(model: StackModel, running: LiveCluster, today: Date): string[] {
    const args = {
        ...clusterArgsOf(model.config, model.stack, { resourceGroupName: model.resourceGroupName, location: model.location }),
        subnetId: "",
        identityId: "",
    };
    // As KubenetCluster runs them (components/cluster/index.ts): on its arguments as its schema
    // reads them, with the stack's key paths, as a preview does. A stack file's values are plain,
    // so they are known here.
    const settings = argsAsRead<KubenetClusterArgs>(clusterArgsSchemas.args, args);
    const declared = { replacement: declaredReplacementProperties(settings), privateDNSZone: settings.apiServer?.privateDNSZone } as pulumi.Unwrap<DeclaredAgainstRunning>;
    return runningClusterChecks(settings, declared, running, today, clusterKeyPath, true).problems.map(formatProblem);
}
