import { KubenetClusterArgs } from "../args";
import { DEFAULT_NODE_OS_UPGRADE_CHANNEL, DEFAULT_UPGRADE_CHANNEL } from "./args";

/**
 * The cluster request's auto-upgrade profile, as the slice declares it. Explicit, AKS's defaults
 * included: a channel removed from the stack file goes back to the default in Azure instead of
 * staying as it was.
 */
export function autoUpgradeProfileOf(settings: Pick<KubenetClusterArgs, "upgradeChannel" | "nodeOSUpgradeChannel">) {
    return {
        upgradeChannel: settings.upgradeChannel ?? DEFAULT_UPGRADE_CHANNEL,
        nodeOSUpgradeChannel: settings.nodeOSUpgradeChannel ?? DEFAULT_NODE_OS_UPGRADE_CHANNEL,
    };
}
