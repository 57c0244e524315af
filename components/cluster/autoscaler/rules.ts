import { PathOf, Problem } from "../../address";
import { KnownClusterArgs } from "../args";
import { autoscalerDurationProblems } from "./units";

/* The autoscaler profile's rules: only with an autoscaled pool, and the REST model's units and ranges. */

export function checkAutoscalerProfile(args: KnownClusterArgs, pathOf: PathOf): Problem[] {
    const profile = args.autoscalerProfile;
    if (!profile) return [];
    const problems: Problem[] = [];
    const at = (key: string) => pathOf(`autoscalerProfile.${key}`);
    if (!(args.nodePools ?? []).some((pool) => pool.enableAutoScaling)) {
        problems.push({ path: pathOf("autoscalerProfile"), message: "applies to autoscaled pools, and no pool has enableAutoScaling: true; remove it or autoscale a pool" });
    }
    problems.push(...autoscalerDurationProblems(profile as Record<string, string | undefined>, pathOf("autoscalerProfile")));
    const threshold = profile.scaleDownUtilizationThreshold;
    if (threshold !== undefined && !(threshold > 0 && threshold <= 1)) {
        problems.push({ path: at("scaleDownUtilizationThreshold"), message: `${threshold} is not a utilization share: use a number above 0 and at most 1` });
    }
    return problems;
}
