import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { Maintenance, MaintenanceWindow } from "./args";

/* The planned-maintenance windows as AKS's maintenance configurations. */

/**
 * AKS reads planned-maintenance windows from maintenance configurations with fixed names, one
 * per kind of upgrade (Microsoft, "Use Planned Maintenance to schedule and control upgrades for
 * your AKS cluster"): the cluster auto-upgrade channel and node OS upgrades.
 */
export const MAINTENANCE_CONFIG_NAMES: Record<keyof Maintenance, string> = {
    autoUpgrade: "aksManagedAutoUpgradeSchedule",
    nodeOSUpgrade: "aksManagedNodeOSUpgradeSchedule",
};

export function maintenanceWindow(window: MaintenanceWindow) {
    return {
        schedule: { weekly: { dayOfWeek: window.dayOfWeek, intervalWeeks: window.intervalWeeks ?? 1 } },
        startTime: window.startTime,
        durationHours: window.durationHours,
        utcOffset: window.utcOffset ?? "+00:00",
    };
}

/** One MaintenanceConfiguration per window given; a window removed from the stack file is deleted. */
export function declareMaintenance(
    prefix: string,
    maintenance: Maintenance | undefined,
    cluster: { resourceGroupName: pulumi.Input<string>; clusterName: pulumi.Input<string> },
    opts: pulumi.CustomResourceOptions,
): Record<string, containerservice.MaintenanceConfiguration> {
    const declared: Record<string, containerservice.MaintenanceConfiguration> = {};
    for (const kind of Object.keys(MAINTENANCE_CONFIG_NAMES) as (keyof Maintenance)[]) {
        const window = maintenance?.[kind];
        if (!window) continue;
        declared[kind] = new containerservice.MaintenanceConfiguration(`${prefix}-maintenance-${kind}`, {
            resourceGroupName: cluster.resourceGroupName,
            resourceName: cluster.clusterName,
            configName: MAINTENANCE_CONFIG_NAMES[kind],
            maintenanceWindow: maintenanceWindow(window),
        }, opts);
    }
    return declared;
}
