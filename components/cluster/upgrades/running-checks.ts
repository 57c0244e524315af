import { PathOf, Problem } from "../../address";
import { KubenetClusterArgs } from "../args";
import { privateDnsZoneProblems, privateDnsZoneWarnings, vnetIntegrationProblems } from "../api-server/live-checks";
import { DeclaredReplacementProperties, replacementProblems } from "../replacement";
import { busyProblems, lastOperationWarnings } from "./busy";
import { LiveCluster } from "./live";
import { liveClusterProblems } from "./live-checks";
import { RouteTableUse, inPlaceChangeChecks, plannedInPlaceChange } from "../network-profile/move-checks";

/*
 * Everything the running cluster decides, in one place: what the cluster component runs during
 * preview and up once it has read the cluster (index.ts), and what the offline review runs on the
 * base side's cluster as if it ran (infra/synth/preview-refusals.ts), so both say the same.
 */

/** The values the checks compare with the running cluster, resolved (another stack's outputs known). */
export interface DeclaredAgainstRunning {
    replacement: DeclaredReplacementProperties;
    privateDNSZone?: string;
    /** The API server's subnet (API Server VNet Integration), when declared. */
    apiServerSubnetId?: string;
}

/**
 * What the running cluster refuses (`problems`) and what it only says (`warnings`). A cluster AKS
 * is still busy with is a warning in a preview and a refusal in `pulumi up`.
 */
export function runningClusterChecks(
    settings: KubenetClusterArgs, declared: DeclaredAgainstRunning, running: LiveCluster | undefined, today: Date, pathOf: PathOf, preview: boolean, routeTable?: RouteTableUse,
): { problems: Problem[]; warnings: Problem[] } {
    const problems = liveClusterProblems(settings, running, today, pathOf);
    const warnings: Problem[] = [];
    if (running !== undefined) {
        // What azure-native would replace the cluster for, refused unless allowed: `protect`
        // alone no longer guarantees it (replacement.ts).
        if (!settings.allowReplacement) {
            problems.push(...replacementProblems(declared.replacement, running, pathOf, settings.migrateFromKubenet === true), ...privateDnsZoneProblems(declared.privateDNSZone, running, pathOf));
            problems.push(...vnetIntegrationProblems(declared.apiServerSubnetId, running, pathOf));
        }
        warnings.push(...privateDnsZoneWarnings(declared.privateDNSZone, running, pathOf), ...lastOperationWarnings(running, pathOf));
        // A network change AKS makes in place: its pre-flight, and what it does.
        const change = plannedInPlaceChange(declared.replacement.network, running);
        if (change !== undefined && !settings.allowReplacement) {
            const checked = inPlaceChangeChecks(change, settings, running, routeTable, pathOf);
            problems.push(...checked.problems);
            warnings.push(...checked.warnings);
        }
        (preview ? warnings : problems).push(...busyProblems(running, pathOf));
    }
    return { problems, warnings };
}
