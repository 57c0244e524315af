import { PathOf, Problem } from "../address";
import { withDefaults } from "../common/inputs";
import { KubenetClusterArgs, NodePoolArgs } from "./args";
import { clusterInputs } from "./inputs";

/*
 * The cluster's arguments as the component works with them: the names kept for one release
 * translated to the current ones, and the input schema's defaults filled in (inputs.ts), so
 * each default is declared and applied in one place.
 */

/** A name kept for one release, and the one that replaced it. */
interface Renamed {
    old: string;
    current: string;
}

function renamedIn<T extends object>(value: T | undefined, renames: Renamed[], field: string, pathOf: PathOf): Problem[] {
    if (value === undefined) return [];
    const has = (key: string) => (value as Record<string, unknown>)[key] !== undefined;
    return renames.filter(({ old, current }) => has(old) && has(current)).map(({ old, current }) => ({
        path: pathOf(`${field}${old}`),
        message: `is the old name of ${current}, which is given too: keep ${current} alone`,
    }));
}

const CLUSTER_RENAMES: Renamed[] = [{ old: "clusterName", current: "name" }];
const KMS_RENAMES: Renamed[] = [{ old: "keyVaultNetworkAccess", current: "networkAccess" }, { old: "keyVaultResourceId", current: "keyVaultId" }];
const POOL_RENAMES: Renamed[] = [{ old: "maxSurge", current: "upgradeSettings.maxSurge" }];

/** An old name given together with the name that replaced it. */
export function renamedArgProblems(args: KubenetClusterArgs, pathOf: PathOf): Problem[] {
    return [
        ...renamedIn(args, CLUSTER_RENAMES, "", pathOf),
        ...renamedIn(args.kms, KMS_RENAMES, "kms.", pathOf),
        ...(args.nodePools?.flatMap((pool, i) => renamedIn({ maxSurge: pool.maxSurge, "upgradeSettings.maxSurge": pool.upgradeSettings?.maxSurge }, POOL_RENAMES, `nodePools[${i}].`, pathOf)) ?? []),
    ];
}

function currentPool(pool: NodePoolArgs): NodePoolArgs {
    if (pool.maxSurge === undefined) return pool;
    const { maxSurge, ...rest } = pool;
    return { ...rest, upgradeSettings: { ...pool.upgradeSettings, maxSurge: pool.upgradeSettings?.maxSurge ?? maxSurge } };
}

/** The arguments under their current names, with the input schema's defaults. */
export function resolveClusterArgs(args: KubenetClusterArgs): KubenetClusterArgs {
    const { clusterName, ...rest } = args;
    const kms = args.kms && (() => {
        const { keyVaultNetworkAccess, keyVaultResourceId, ...current } = args.kms;
        return { ...current, networkAccess: current.networkAccess ?? keyVaultNetworkAccess, keyVaultId: current.keyVaultId ?? keyVaultResourceId };
    })();
    const current: KubenetClusterArgs = {
        ...rest,
        name: args.name ?? clusterName,
        kms,
        nodePools: args.nodePools?.map(currentPool),
    };
    return withDefaults(clusterInputs, current);
}
