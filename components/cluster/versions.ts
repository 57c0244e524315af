import { PathOf, Problem } from "../address";
import { KubenetClusterArgs } from "./args";

/** `"1.29"` or `"1.29.7"` as numbers; undefined for anything else. */
export function parseKubernetesVersion(version: string): { major: number; minor: number; patch?: number } | undefined {
    const match = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(version);
    return match ? { major: Number(match[1]), minor: Number(match[2]), patch: match[3] === undefined ? undefined : Number(match[3]) } : undefined;
}

/** `MAJOR.MINOR` or `MAJOR.MINOR.PATCH` with a major of at least 1; "latest" and "0" are not versions. */
export function checkVersionFormat(version: string | undefined, pathOf: PathOf): Problem[] {
    if (version === undefined) return [];
    const parsed = typeof version === "string" ? parseKubernetesVersion(version) : undefined;
    return parsed !== undefined && parsed.major >= 1
        ? []
        : [{ path: pathOf("kubernetesVersion"), message: `${JSON.stringify(version)} is not a Kubernetes version: write MAJOR.MINOR ("1.33") or MAJOR.MINOR.PATCH ("1.33.2")` }];
}

/**
 * A pinned version and an auto-upgrade channel must not pull in opposite directions. AKS moves a
 * cluster on the `patch` channel to newer patches, and on `stable` and `rapid` to newer minor
 * versions; a version pinned below where the channel took the cluster makes the next
 * `pulumi up` ask AKS for a downgrade, which it refuses. So the program refuses the combination
 * before anything runs. MAJOR.MINOR is what the patch channel keeps: "updating the cluster with
 * the same <major.minor> once it has been created will not trigger an upgrade" (the AKS API's
 * description of kubernetesVersion and orchestratorVersion, in azure-native's types); stable
 * and rapid own the version entirely.
 */
export function checkVersionChannel(args: KubenetClusterArgs, pathOf: PathOf): Problem[] {
    const version = args.kubernetesVersion;
    if (version === undefined) return [];
    const parsed = parseKubernetesVersion(version);
    if (parsed === undefined) return [];
    const channel = args.upgradeChannel;
    if (channel === "stable" || channel === "rapid") {
        return [{
            path: pathOf("kubernetesVersion"),
            message: `must be left unset with upgradeChannel ${channel}: AKS moves the cluster to newer minor versions itself, and a pinned ${version} would make a later pulumi up ask for a downgrade; remove kubernetesVersion, or use upgradeChannel patch with a MAJOR.MINOR version`,
        }];
    }
    if (channel === "patch" && parsed.patch !== undefined) {
        return [{
            path: pathOf("kubernetesVersion"),
            message: `${version} pins a patch release, which upgradeChannel patch moves past (a later pulumi up would ask for a downgrade); write "${parsed.major}.${parsed.minor}" and let the channel choose the patch`,
        }];
    }
    return [];
}
