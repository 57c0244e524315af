import * as pulumi from "@pulumi/pulumi";
import { NetworkAddressing } from "../address";
import { NetworkRanges } from "../common/network-addressing";

import { KubernetesSupportPlan } from "./upgrades/kubernetes-versions";
import { NodePool } from "./node-pools/args";
import { ClusterMonitoring, Prometheus } from "./monitoring/args";
import { Maintenance } from "./maintenance/args";
import { AutoscalerProfile } from "./autoscaler/args";
import { ClusterAddons, Kms } from "./security/args";
import { Aad, KubeloginMode } from "./entra/args";
import { ApiServer } from "./api-server/args";
import { NetworkPlugin, NetworkPolicy, OutboundType } from "./network-profile/args";
import { NodeOSUpgradeChannel, UpgradeChannel } from "./upgrades/args";

export { KubernetesSupportPlan, KUBERNETES_SUPPORT_PLANS } from "./upgrades/kubernetes-versions";
export * from "./node-pools/args";
export * from "./monitoring/args";
export * from "./maintenance/args";
export * from "./autoscaler/args";
export * from "./security/args";
export * from "./api-server/args";
export * from "./entra/args";
export * from "./upgrades/args";
export * from "./network-profile/args";

/*
 * Enumerations are `as const` objects with a type of the same name: the form Pulumi's schema
 * inference turns into schema enums, so every Pulumi language gets them as enums too. The
 * arrays list the values for validation.
 */

/** Free has no SLA; Standard and Premium have the uptime SLA. */
export const SkuTier = { Free: "Free", Standard: "Standard", Premium: "Premium" } as const;
export type SkuTier = (typeof SkuTier)[keyof typeof SkuTier];
export const SKU_TIERS = Object.values(SkuTier);

/**
 * The arguments that may be known only at deployment (another stack's outputs) and that the
 * rules check: when they are, their rules run once they are known, before any child is created
 * (`components/common/late-values.ts`). Every other argument the rules read is a plain value.
 */
export const CLUSTER_LATE_CHECKED = [
    "resourceGroupName", "name", "dnsPrefix", "nodeResourceGroup", "networkAddressing", "podCidr", "serviceCidr", "dnsServiceIP",
    "apiServer.authorizedIPRanges", "apiServer.privateDNSZone", "egressPublicIPs", "kms.keyId", "kms.keyVaultId", "tags", "aad.tenantID",
] as const;

/** The cluster's arguments as the rules read them: the late-checked ones known. */
export type KnownClusterArgs = Omit<ClusterArgsToCheck, "resourceGroupName" | "name" | "dnsPrefix" | "nodeResourceGroup" | "networkAddressing" | "podCidr" | "serviceCidr" | "dnsServiceIP" | "apiServer" | "egressPublicIPs" | "kms" | "tags"> & {
    resourceGroupName?: string;
    name?: string;
    dnsPrefix?: string;
    nodeResourceGroup?: string;
    kms?: pulumi.Unwrap<Kms>;
    networkAddressing?: NetworkAddressing;
    podCidr?: string;
    serviceCidr?: string;
    dnsServiceIP?: string;
    apiServer?: Omit<ApiServer, "authorizedIPRanges" | "privateDNSZone"> & { authorizedIPRanges?: string[]; privateDNSZone?: string };
    egressPublicIPs?: string[];
    tags?: Record<string, string>;
};

/**
 * The cluster's arguments as they can be checked before anything is deployed: without the ids of
 * the resources it will be given (its resource group, subnet, identity, workspaces).
 */
export type ClusterArgsToCheck = Omit<KubenetClusterArgs, "resourceGroupName" | "subnetId" | "identityId" | "monitoring"> &
    Partial<Pick<KubenetClusterArgs, "resourceGroupName" | "subnetId" | "identityId">> & {
        monitoring?: Omit<ClusterMonitoring, "logAnalyticsWorkspaceId" | "prometheus"> & {
            logAnalyticsWorkspaceId?: pulumi.Input<string>;
            prometheus?: Partial<Prometheus>;
        };
    };

export interface KubenetClusterArgs {
    /** Resource group of the cluster. */
    resourceGroupName: pulumi.Input<string>;
    /** Azure region; default the provider's location. */
    location?: pulumi.Input<string>;
    /**
     * The cluster subnet's resource id. Give `KubenetNetwork.subnetId`: it resolves only once the
     * subnet, its route-table association and the custom routes exist, so the cluster waits for
     * them.
     */
    subnetId: pulumi.Input<string>;
    /**
     * The control-plane identity's resource id. Give `ClusterIdentity.identityId`: it resolves
     * only once the identity's Network Contributor grants exist, so the cluster is created after
     * them, as kubenet requires.
     */
    identityId: pulumi.Input<string>;
    /**
     * The network's ranges (`KubenetNetwork.addressing`, or the CIDRs of your own network), so the
     * cluster's pod and service ranges and its capacity are checked against them.
     */
    networkAddressing?: pulumi.Input<NetworkRanges>;
    /**
     * The cluster's Azure name. Required: the component reads the running cluster by this name
     * during preview (its pools, its version), which an auto-generated name would not allow.
     */
    name: pulumi.Input<string>;
    /** DNS prefix of the API server FQDN; default the cluster name. */
    dnsPrefix?: pulumi.Input<string>;
    /**
     * Kubernetes version of the control plane and every pool, `MAJOR.MINOR` or
     * `MAJOR.MINOR.PATCH`; `MAJOR.MINOR` with upgradeChannel patch, unset with stable or rapid.
     * Checked against AKS's support calendar (docs/kubernetes-versions.md): a version AKS no
     * longer runs is refused. Default: AKS's default version at creation.
     */
    kubernetesVersion?: string;
    /**
     * AKS's support plan: KubernetesOfficial (the default, sent explicitly) or AKSLongTermSupport,
     * which keeps a version for two years from its GA and needs `skuTier: Premium`.
     */
    supportPlan?: KubernetesSupportPlan;
    /** Default kubenet; `azure` with `networkPluginMode: overlay` is the migration path. */
    networkPlugin?: NetworkPlugin;
    /** Only with networkPlugin azure, and then required: `overlay`. */
    networkPluginMode?: string;
    /** Default 10.244.0.0/16. */
    podCidr?: pulumi.Input<string>;
    /** Default 10.0.0.0/16. */
    serviceCidr?: pulumi.Input<string>;
    /** Default 10.0.0.10. */
    dnsServiceIP?: pulumi.Input<string>;
    /** Default none; kubenet supports calico, not azure. */
    networkPolicy?: NetworkPolicy;
    /** Default loadBalancer; userDefinedRouting needs a 0.0.0.0/0 route in the table. */
    outboundType?: OutboundType;
    /** Default Free (no SLA); Standard for production. */
    skuTier?: SkuTier;
    /** AKS's cluster auto-upgrade channel; default none (AKS's default, sent explicitly). */
    upgradeChannel?: UpgradeChannel;
    /** AKS's node OS auto-upgrade channel; default NodeImage (AKS's default, sent explicitly). */
    nodeOSUpgradeChannel?: NodeOSUpgradeChannel;
    /** API server access: authorized IP ranges, or a private cluster. */
    apiServer?: ApiServer;
    /**
     * Public IPv4 addresses (or CIDRs) the nodes' outbound traffic leaves from when it doesn't
     * leave through the cluster's load balancer: with `outboundType: userDefinedRouting`, the
     * firewall's public IPs. Node traffic to a public API server arrives from them, so they are
     * added to `apiServer.authorizedIPRanges`; required when both are used.
     */
    egressPublicIPs?: pulumi.Input<string[]>;
    /** Entra ID integration (managed). */
    aad?: Aad;
    /**
     * How the `kubeconfig` output signs in when the cluster uses Entra ID: kubelogin's login mode,
     * azurecli (the default) for people, workloadidentity or spn for pipelines.
     */
    kubeloginMode?: KubeloginMode;
    /**
     * Whether the component reads the cluster's user credentials from AKS
     * (listClusterUserCredential) for its `kubeconfig` output. Default true. False for a
     * deployment that never reaches the Kubernetes API (namespaces through ARM): it then needs no
     * right to list the cluster's credentials, a Reader's preview included, and `kubeconfig` is
     * undefined.
     */
    listCredentials?: boolean;
    /** Turn off local (certificate) accounts; needs Entra ID. */
    disableLocalAccounts?: boolean;
    /**
     * Workload identity with the OIDC issuer it needs, so pods get Entra ID tokens through
     * federated credentials. Off turns workload identity off and leaves the issuer on: AKS can't
     * turn the OIDC issuer off once it is on.
     */
    workloadIdentity?: boolean;
    /** KMS etcd encryption with your key (the identity needs Key Vault Crypto User: `ClusterIdentity.kms`). */
    kms?: Kms;
    /** Container registries (resource ids) whose images the nodes may pull: AcrPull for the kubelet identity. */
    acrPullRegistryIds?: string[];
    /** Add-ons: Azure Policy, the Key Vault secrets provider, Image Cleaner. */
    addons?: ClusterAddons;
    /** Container Insights, control-plane logs and Defender, into a Log Analytics workspace. */
    monitoring?: ClusterMonitoring;
    /** Planned maintenance windows for the auto-upgrade channels. */
    maintenance?: Maintenance;
    /** The cluster autoscaler's settings; only with an autoscaled pool. */
    autoscalerProfile?: AutoscalerProfile;
    /**
     * Name of the node resource group; settable only at creation, and not the cluster's own
     * resource group (AKS refuses it: NodeResourceGroupSameAsResourceGroup).
     */
    nodeResourceGroup?: pulumi.Input<string>;
    /** The node pools, at least one with mode System; see `defaultNodePool`. */
    nodePools: NodePool[];
    /**
     * The pool the cluster is created with (AKS needs one in the cluster's own request, and it
     * stays there). Default: the only System pool; required once there are several, so adding a
     * System pool never changes which pool this is.
     */
    defaultNodePool?: string;
    /** Tags on the cluster and its pools. */
    tags?: pulumi.Input<Record<string, string>>;
    /**
     * Let Pulumi replace the cluster. Off by default: the cluster is protected, so a change that
     * azure-native can only make by deleting and recreating it (network plugin, pod CIDR, …; see
     * `CLUSTER_REPLACEMENT_PROPERTIES`) fails the preview instead of destroying the cluster.
     */
    allowReplacement?: boolean;
    /**
     * The cluster was created with kubenet and moves to Azure CNI Overlay in place, with
     * `az aks update`. Needs networkPlugin azure with overlay, and enforces Microsoft's
     * pre-conditions: no network policy during the move, Kubernetes 1.27 or later.
     */
    migrateFromKubenet?: boolean;
}
