import * as pulumi from "@pulumi/pulumi";

/* How the API server is reached; inputs.ts is its schema. */

/** How the API server is reached. */
export interface ApiServer {
    /** Public endpoint restricted to these ranges. */
    authorizedIPRanges?: pulumi.Input<string[]>;
    /** Endpoint reachable only from the vnet; can't be combined with authorized ranges. */
    enablePrivateCluster?: boolean;
    /** Turn off `az aks command invoke`, which runs commands in the cluster through Azure's API. */
    disableRunCommand?: boolean;
    /**
     * A private cluster's DNS zone: `system` (AKS's own, the default), `none` (public DNS only),
     * or your zone's resource id, `privatelink.<region>.azmk8s.io` or a subzone of it (grant the
     * identity Private DNS Zone Contributor there: `ClusterIdentity.privateDNSZone`). Fixed at creation.
     */
    privateDNSZone?: pulumi.Input<string>;
    /**
     * API Server VNet Integration: the id of a subnet delegated to
     * `Microsoft.ContainerService/managedClusters`, at least a /28 (`KubenetNetwork`'s
     * `apiServerSubnetId` creates one), where AKS puts the API server behind an internal load
     * balancer that the nodes reach without a tunnel or Private Link. One-way: AKS doesn't turn it
     * off on a running cluster.
     */
    subnetId?: pulumi.Input<string>;
}
