import { PathOf, Problem } from "../address";
import { Renamed, renamedProblems, withDefaults } from "../common/inputs";
import { KubenetClusterArgs, NodePoolArgs } from "./args";
import { clusterInputs } from "./inputs";

/*
 * The cluster's arguments as the component works with them: the names kept for one release
 * translated to the current ones, and the input schema's defaults filled in (inputs.ts), so
 * each default is declared and applied in one place.
 */

const CLUSTER_RENAMES: Renamed[] = [{ old: "clusterName", current: "name" }];
const KMS_RENAMES: Renamed[] = [{ old: "keyVaultNetworkAccess", current: "networkAccess" }, { old: "keyVaultResourceId", current: "keyVaultId" }];
const POOL_RENAMES: Renamed[] = [{ old: "maxSurge", current: "upgradeSettings.maxSurge" }];

/** An old name given together with the name that replaced it. */
export function renamedArgProblems(args: KubenetClusterArgs, pathOf: PathOf): Problem[] {
    return [
        ...renamedProblems(args, CLUSTER_RENAMES, "", pathOf),
        ...renamedProblems(args.kms, KMS_RENAMES, "kms.", pathOf),
        ...(args.nodePools?.flatMap((pool, i) => renamedProblems({ maxSurge: pool.maxSurge, "upgradeSettings.maxSurge": pool.upgradeSettings?.maxSurge }, POOL_RENAMES, `nodePools[${i}].`, pathOf)) ?? []),
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
