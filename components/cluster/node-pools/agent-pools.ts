import * as pulumi from "@pulumi/pulumi";
import { agentPoolTimeouts } from "../upgrades/durations";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { KubenetClusterArgs } from "../args";
import { NodePool } from "./args";
import { POOL_NAME_LABEL, agentPoolName, createOnlySettings, defaultPoolOf } from "./names";
import { LiveCluster } from "../upgrades/live";
import { declaredAzureNames, isUpgrade } from "../upgrades/live-checks";
import { upgradeSettingsProfile } from "./upgrade-settings";

/*
 * The node pools as AKS takes them: each pool's profile (the default pool's in the cluster's own
 * request, every other pool's as its own AgentPool), its Azure name, which rotates on a
 * create-only change, and the AgentPool resources.
 */

/**
 * The spot priority's own taint: AKS puts it on every spot node, and it is a system taint a pool
 * update can't remove (Azure/AKS#2934), so it is part of what the program sends for the pool.
 */
export const SPOT_TAINT = "kubernetes.azure.com/scalesetpriority=spot:NoSchedule";

/**
 * A pool's settings, the same whether AKS receives them in the cluster's request (the default
 * pool) or in the pool's own (an AgentPool). Every setting a stack file can give is here, so
 * none is accepted and then left out.
 */
export function poolProfile(pool: NodePool, subnetId: pulumi.Input<string>, tags: pulumi.Input<Record<string, string>> | undefined, kubernetesVersion: string | undefined) {
    const autoscaling = pool.enableAutoScaling === true;
    const settings = createOnlySettings(pool);
    return {
        mode: pool.mode,
        vmSize: settings.vmSize,
        osType: settings.osType,
        type: "VirtualMachineScaleSets",
        vnetSubnetID: subnetId,
        // Every pool states the version: AKS upgrades no pool implicitly with the control plane
        // ("if you don't specify nodepools ... the nodepools are not upgraded to the control
        // plane version implicitly", Azure/AKS release 2022-03-27). See clusterRequestPools.
        orchestratorVersion: kubernetesVersion,
        // Not sent for an autoscaled pool: the autoscaler owns it, and a count from the stack
        // file or from state would be stale on every later update. AKS sizes a new autoscaled
        // pool without one (Azure/AKS release 2024-08-27: "AgentPool creation without Count is
        // now allowed when autoscaling is enabled") and ignores it on one that runs ("Node count
        // on the Nodepool is ignored when user has autoscaling enabled", release 2019-11-18);
        // the Azure Verified Module for AKS leaves it out the same way. Raising minCount above
        // the nodes running makes the autoscaler scale up ("enforces the minimum count ... when
        // changing the minimum count value from the AKS API", Microsoft, "Cluster autoscaler").
        count: autoscaling ? undefined : pool.count,
        enableAutoScaling: autoscaling,
        minCount: autoscaling ? pool.minCount : undefined,
        maxCount: autoscaling ? pool.maxCount : undefined,
        maxPods: settings.maxPods,
        availabilityZones: pool.availabilityZones === undefined ? undefined : settings.availabilityZones,
        // Explicit even when unset: a setting removed from the stack file must be removed in
        // Azure too, and a request that leaves it out keeps the old value.
        upgradeSettings: upgradeSettingsProfile(pool.upgradeSettings, pool),
        osSKU: settings.osSKU,
        osDiskType: settings.osDiskType,
        osDiskSizeGB: settings.osDiskSizeGB,
        enableEncryptionAtHost: settings.enableEncryptionAtHost,
        scaleSetPriority: settings.spot ? "Spot" : undefined,
        scaleSetEvictionPolicy: settings.spot?.evictionPolicy,
        spotMaxPrice: settings.spot?.maxPrice,
        // Explicit, so removing sshAccess from the stack file turns SSH back to AKS's default.
        securityProfile: { sshAccess: pool.sshAccess ?? "LocalUser" },
        nodeLabels: { ...pool.nodeLabels, [POOL_NAME_LABEL]: pool.name },
        nodeTaints: settings.spot ? [...(pool.nodeTaints ?? []), SPOT_TAINT] : pool.nodeTaints ?? [],
        tags: tags ?? {},
    };
}

/**
 * The pools of the cluster's own request. Normally the default pool alone: AKS leaves pools a
 * request doesn't name as they are (pulumi/pulumi-azure-native#1686), and every other pool is
 * its own AgentPool. During an upgrade, every pool of the cluster, in AKS's order, each with
 * the new version: AKS refuses a cluster request whose pools' versions are "not all specified
 * or all unspecified", and, "if all specified", not all "unchanged or the same with control
 * plane" (NotAllAgentPoolOrchestratorVersionSpecifiedAndUnchanged; a pool the request leaves out
 * counts as unspecified, Azure/ARO-HCP PR #662), and with an auto-upgrade channel on it refuses
 * a control-plane-only upgrade too (Microsoft, "Automatically upgrade an AKS cluster",
 * limitations). Naming every pool at the new version is what `az aks upgrade` sends (azure-cli
 * aks_upgrade), under every channel: the control plane and then each pool are upgraded by that
 * one request, and each AgentPool's own update after it finds its version already there.
 */
export function clusterRequestPools(args: KubenetClusterArgs, live: LiveCluster | undefined, subnetId: pulumi.Input<string>) {
    const defaultPool = defaultPoolOf(args)!;
    const version = args.kubernetesVersion;
    if (!isUpgrade(args, live)) return [{ name: defaultPool.name, ...poolProfile(defaultPool, subnetId, args.tags, version) }];
    const declared = declaredAzureNames(args);
    // liveClusterProblems has refused an upgrade that would leave a running pool out.
    return live!.agentPoolProfiles.map((running) => ({ name: running.name, ...poolProfile(declared.get(running.name.toLowerCase())!, subnetId, args.tags, version) }));
}

/** Where a cluster's AgentPools go and what they share: the cluster, its subnet, tags and version. */
export interface PoolTarget {
    resourceGroupName: pulumi.Input<string>;
    clusterName: pulumi.Input<string>;
    subnetId: pulumi.Input<string>;
    tags: pulumi.Input<Record<string, string>> | undefined;
    kubernetesVersion: string | undefined;
}

/**
 * Every pool but the default one, each its own AgentPool, by name. One pool at a time: AKS
 * refuses a second operation on a cluster's pools while one runs ("Another agentpool operation
 * is in progress", 409; the AKS module of the Azure Verified Modules serializes them the same
 * way, terraform-azurerm-avm-res-containerservice-managedcluster PR #160). Each pool waits for
 * the one before it.
 */
export function declareAgentPools(prefix: string, pools: NodePool[], target: PoolTarget, children: pulumi.CustomResourceOptions): Record<string, containerservice.AgentPool> {
    const declared: Record<string, containerservice.AgentPool> = {};
    let previous: containerservice.AgentPool | undefined;
    for (const pool of pools) {
        previous = declared[pool.name] = new containerservice.AgentPool(`${prefix}-pool-${pool.name}`, {
            resourceGroupName: target.resourceGroupName,
            resourceName: target.clusterName,
            agentPoolName: agentPoolName(pool),
            ...poolProfile(pool, target.subnetId, target.tags, target.kubernetesVersion),
        }, {
            ...children,
            // Never protected, whatever the component's options: rotating a pool deletes the
            // old one once its successor exists, which protection would refuse.
            protect: false,
            // No deleteBeforeReplace: a create-only change gives the pool a new Azure name, so
            // the new pool is created (and its nodes ready) before the old one is deleted.
            deleteBeforeReplace: false,
            dependsOn: previous ? [previous] : [],
            // Longer than azure-native's 2-hour default where the pool's upgrade may take longer
            // (upgrades/durations.ts).
            customTimeouts: agentPoolTimeouts(pool),
        });
    }
    return declared;
}
