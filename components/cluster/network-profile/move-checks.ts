import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { PathOf, Problem } from "../../address";
import { parseRouteTableId, parseSubnetId } from "../../common/resource-id";
import { KubenetClusterArgs } from "../args";
import { OVERLAY_MIGRATION_MIN_VERSION, belowOverlayMigrationVersion } from "../replacement";
import { LiveCluster } from "../upgrades/live";
import { InPlaceNetworkChange, NetworkLeaves, inPlaceChangeSummary, networkChange } from "./in-place";

/*
 * The pre-flight of a network change AKS makes in place (in-place.ts), against the running
 * cluster and its network, during `pulumi preview` and `pulumi up` before anything is sent: what
 * Microsoft lists as blocking is refused, naming the key and the fix, and what the change does to
 * the running cluster is said.
 */

/** The subnets the cluster's route table is associated with, read from Azure; undefined when there is none to read. */
export interface RouteTableUse {
    routeTableId: string;
    subnetIds: string[];
}

/** The change the declared profile makes to the running cluster, when AKS makes it in place. */
export function plannedInPlaceChange(declared: NetworkLeaves, running: LiveCluster | undefined): InPlaceNetworkChange | undefined {
    if (running?.networkProfile === undefined) return undefined;
    const verdict = networkChange(running.networkProfile, declared);
    return verdict.verdict === "inPlace" ? verdict.change : undefined;
}

/**
 * The subnets sharing the cluster subnet's route table, for the move off kubenet: AKS cleans the
 * pod routes out of the route table, and a migration failed on a route table shared with an
 * Application Gateway subnet (MicrosoftDocs/azure-aks-docs#334). Two reads through ARM
 * (azure-native's getSubnet and getRouteTable), made only when the move is planned.
 */
export async function readRouteTableUse(subnetId: string, opts: pulumi.InvokeOptions): Promise<RouteTableUse | undefined> {
    const subnet = parseSubnetId(subnetId);
    if (subnet === undefined) return undefined;
    const read = await network.getSubnet({ resourceGroupName: subnet.resourceGroupName, virtualNetworkName: subnet.virtualNetworkName, subnetName: subnet.subnetName }, opts);
    const routeTableId = read?.routeTable?.id;
    const table = routeTableId === undefined ? undefined : parseRouteTableId(routeTableId);
    if (routeTableId === undefined || table === undefined) return undefined;
    const routeTable = await network.getRouteTable({ resourceGroupName: table.resourceGroupName, routeTableName: table.routeTableName }, opts);
    return { routeTableId, subnetIds: (routeTable?.subnets ?? []).map((s) => s.id).filter((id): id is string => typeof id === "string") };
}

/**
 * What the running cluster and its network refuse for the planned change, and what is said about
 * it. Sources: update-azure-cni.md (Kubernetes 1.27 or later; a user-assigned identity to remove
 * the route table; the custom azure-ip-masq-agent configuration; every pool reimaged at once),
 * update-azure-cni.md again for Cilium (no Windows pools), egress-outboundtype.md (a new egress
 * address), and MicrosoftDocs/azure-aks-docs#334 (a route table shared with another subnet).
 */
export function inPlaceChangeChecks(
    change: InPlaceNetworkChange, settings: Pick<KubenetClusterArgs, "maintenance" | "subnetId">, running: LiveCluster, routeTable: RouteTableUse | undefined, pathOf: PathOf,
): { problems: Problem[]; warnings: Problem[] } {
    const problems: Problem[] = [];
    const at = pathOf(change.kind === "overlayMigration" ? "migrateFromKubenet" : change.kind === "ciliumDataplane" ? "networkPolicy" : change.kind);
    const warnings: Problem[] = [{ path: at, message: `pulumi up makes ${inPlaceChangeSummary(change)}. ${maintenanceNote(settings)}` }];
    if (change.kind === "overlayMigration") {
        if (belowOverlayMigrationVersion(running.currentKubernetesVersion ?? running.kubernetesVersion)) {
            const { major, minor } = OVERLAY_MIGRATION_MIN_VERSION;
            problems.push({ path: pathOf("kubernetesVersion"), message: `the running cluster is on ${running.currentKubernetesVersion ?? running.kubernetesVersion}, and the move to Azure CNI Overlay needs ${major}.${minor} or later: upgrade in a pull request of its own first` });
        }
        if (running.identityType !== undefined && running.identityType !== "UserAssigned") {
            problems.push({ path: at, message: `the running cluster's identity is ${running.identityType}: AKS removes the kubenet route table only with a user-assigned identity (system-assigned isn't supported); give the cluster one first` });
        }
        const others = routeTable?.subnetIds.filter((id) => typeof settings.subnetId === "string" && id.toLowerCase() !== settings.subnetId.toLowerCase()) ?? [];
        if (others.length > 0) {
            problems.push({ path: at, message: `the cluster subnet's route table ${routeTable!.routeTableId} is also associated with ${others.join(", ")}: AKS cleans the route table during the move, and a move failed on a table shared with another subnet (MicrosoftDocs/azure-aks-docs#334); give the other subnets a route table of their own first` });
        }
        warnings.push({ path: at, message: "check for a custom azure-ip-masq-agent configuration before merging (az aks command invoke --command \"kubectl get configmap azure-ip-masq-agent-config -n kube-system\"): Overlay pods can't reach the ranges it exempts from SNAT; delete it if it is a leftover (update-azure-cni.md)" });
    }
    if (change.kind === "ciliumDataplane") {
        const windows = running.agentPoolProfiles.filter((pool) => (pool.osType ?? "").toLowerCase() === "windows").map((pool) => pool.name);
        if (windows.length > 0) problems.push({ path: at, message: `the data plane can't move to Cilium on a cluster with Windows pools (${windows.join(", ")}): remove them first` });
    }
    return { problems, warnings };
}

/** AKS's maintenance windows schedule its own upgrades, not an update `pulumi up` starts. */
function maintenanceNote(settings: Pick<KubenetClusterArgs, "maintenance">): string {
    const windows = Object.keys(settings.maintenance ?? {});
    return windows.length > 0
        ? `The stack's maintenance windows (${windows.join(", ")}) govern AKS's own upgrades, not this update, which starts when pulumi up runs: merge it inside them`
        : "The stack has no maintenance window, and none would govern this update, which starts when pulumi up runs: merge it at a quiet time";
}
