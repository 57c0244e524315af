/*
 * The running cluster, as AKS reports it, read while the program runs: during `pulumi preview`
 * and `pulumi up`, where the deployer's credentials are, before anything is sent. Some changes
 * can only be judged against it: whether a setting of the default pool that AKS fixes at
 * creation changed (the stack file says one thing, Azure has another), whether AKS moved the
 * version on by itself, which pools exist (the cluster's own request must state every one of
 * them during an upgrade). The same read serves each, so there is one invoke per cluster.
 */
import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";

/** A pool as AKS reports it in the cluster's `agentPoolProfiles` (every pool, in AKS's order). */
export interface LivePool {
    /** The Azure name. */
    name: string;
    vmSize?: string;
    osType?: string;
    availabilityZones?: string[];
    maxPods?: number;
    osSKU?: string;
    osDiskType?: string;
    osDiskSizeGB?: number;
    enableEncryptionAtHost?: boolean;
    orchestratorVersion?: string;
    currentOrchestratorVersion?: string;
    /** `Spot` for a spot pool. */
    scaleSetPriority?: string;
    /** AKS's state of the pool's last operation: `Succeeded`, or an operation still running. */
    provisioningState?: string;
}

/** The network profile as AKS reports it: the settings azure-native replaces the cluster for. */
export interface LiveNetworkProfile {
    networkPlugin?: string;
    networkPluginMode?: string;
    networkPolicy?: string;
    networkDataplane?: string;
    podCidr?: string;
    serviceCidr?: string;
    dnsServiceIP?: string;
    outboundType?: string;
}

export interface LiveCluster {
    kubernetesVersion?: string;
    currentKubernetesVersion?: string;
    agentPoolProfiles: LivePool[];
    /**
     * AKS's state of the cluster's last operation. The REST model leaves it an open string
     * (azure-rest-api-specs, managedClusters.json 2025-09-01: "The current provisioning state");
     * Microsoft names Succeeded, Failed, Creating, Updating, Upgrading, Scaling, Starting,
     * Stopping, Deleting, Canceling and Canceled among its values.
     */
    provisioningState?: string;
    /** `Running` or `Stopped` (az aks stop). */
    powerState?: string;
    networkProfile?: LiveNetworkProfile;
    dnsPrefix?: string;
    nodeResourceGroup?: string;
    /** The API server's private DNS zone: `system`, `none` or a zone's id; private clusters only. */
    privateDNSZone?: string;
    enablePrivateCluster?: boolean;
    /** The cluster's identity: `UserAssigned`, `SystemAssigned` or `None`. */
    identityType?: string;
    /** API Server VNet Integration, and the subnet the API server is in. */
    enableVnetIntegration?: boolean;
    apiServerSubnetId?: string;
}

/**
 * A cluster or resource group that doesn't exist (yet): azure-native passes on ARM's 404 with
 * its code, ResourceNotFound or ResourceGroupNotFound.
 */
const NOT_FOUND = /NotFound|\b404\b/;

/**
 * The running cluster, or undefined when there is none yet. A reply without pools is not a
 * cluster AKS returned (AKS always lists the pools): a unit test's mocks answering `{}`, which
 * counts as no cluster. Any other failure of the read fails the deployment, as a preview
 * without read access to the cluster should.
 */
export async function readLiveCluster(resourceGroupName: string, clusterName: string, opts: pulumi.InvokeOptions): Promise<LiveCluster | undefined> {
    let cluster: containerservice.GetManagedClusterResult;
    try {
        cluster = await containerservice.getManagedCluster({ resourceGroupName, resourceName: clusterName }, opts);
    } catch (error) {
        if (NOT_FOUND.test(error instanceof Error ? error.message : String(error))) return undefined;
        throw error;
    }
    if (!Array.isArray(cluster?.agentPoolProfiles)) return undefined;
    const network = cluster.networkProfile;
    return {
        kubernetesVersion: cluster.kubernetesVersion,
        currentKubernetesVersion: cluster.currentKubernetesVersion,
        provisioningState: cluster.provisioningState,
        powerState: cluster.powerState?.code,
        networkProfile: network && {
            networkPlugin: network.networkPlugin,
            networkPluginMode: network.networkPluginMode,
            networkPolicy: network.networkPolicy,
            networkDataplane: network.networkDataplane,
            podCidr: network.podCidr,
            serviceCidr: network.serviceCidr,
            dnsServiceIP: network.dnsServiceIP,
            outboundType: network.outboundType,
        },
        dnsPrefix: cluster.dnsPrefix,
        nodeResourceGroup: cluster.nodeResourceGroup,
        privateDNSZone: cluster.apiServerAccessProfile?.privateDNSZone,
        enablePrivateCluster: cluster.apiServerAccessProfile?.enablePrivateCluster,
        identityType: cluster.identity?.type,
        enableVnetIntegration: cluster.apiServerAccessProfile?.enableVnetIntegration,
        apiServerSubnetId: cluster.apiServerAccessProfile?.subnetId,
        agentPoolProfiles: cluster.agentPoolProfiles.map((pool) => ({
            name: pool.name,
            vmSize: pool.vmSize,
            osType: pool.osType,
            availabilityZones: pool.availabilityZones,
            maxPods: pool.maxPods,
            osSKU: pool.osSKU,
            osDiskType: pool.osDiskType,
            osDiskSizeGB: pool.osDiskSizeGB,
            enableEncryptionAtHost: pool.enableEncryptionAtHost,
            orchestratorVersion: pool.orchestratorVersion,
            currentOrchestratorVersion: pool.currentOrchestratorVersion,
            scaleSetPriority: pool.scaleSetPriority,
            provisioningState: pool.provisioningState,
        })),
    };
}
