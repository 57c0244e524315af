import { PathOf, Problem } from "../../address";
import { checkOneOf, isWholeNumberIn } from "../../common/checks";
import { KnownClusterArgs } from "../args";
import { AUTOSCALER_EXPANDERS } from "./args";
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
    problems.push(...checkOneOf(profile.expander, AUTOSCALER_EXPANDERS, at("expander")));
    problems.push(...autoscalerDurationProblems(profile as Record<string, string | undefined>, pathOf("autoscalerProfile")));
    const threshold = profile.scaleDownUtilizationThreshold;
    if (threshold !== undefined && !(typeof threshold === "number" && threshold > 0 && threshold <= 1)) {
        problems.push({ path: at("scaleDownUtilizationThreshold"), message: `${threshold} is not a utilization share: use a number above 0 and at most 1` });
    }
    const grace = profile.maxGracefulTerminationSec;
    if (grace !== undefined && !isWholeNumberIn(grace, 0, Number.MAX_SAFE_INTEGER)) {
        problems.push({ path: at("maxGracefulTerminationSec"), message: `${grace} is not a number of seconds: use a whole number of 0 or more` });
    }
    return problems;
}
