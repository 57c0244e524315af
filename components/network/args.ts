import * as pulumi from "@pulumi/pulumi";

/* The network's arguments and the enumerations they take; inputs.ts is their schema. */

/** Where a custom route sends its traffic; VirtualAppliance is a firewall or other appliance. */
export const RouteNextHopType = {
    VirtualNetworkGateway: "VirtualNetworkGateway",
    VnetLocal: "VnetLocal",
    Internet: "Internet",
    VirtualAppliance: "VirtualAppliance",
    None: "None",
} as const;
export type RouteNextHopType = (typeof RouteNextHopType)[keyof typeof RouteNextHopType];
export const ROUTE_NEXT_HOP_TYPES = Object.values(RouteNextHopType);

/** A custom route, declared as its own `Route` resource so AKS's routes are left alone. */
export interface CustomRoute {
    /** Route name, unique in the table (1–80 letters, digits, `.`, `-`, `_`). */
    name: string;
    /** Destination CIDR (e.g. `0.0.0.0/0`) or an Azure service tag. */
    addressPrefix: string;
    /** Where the route sends traffic; `VirtualAppliance` for a firewall. */
    nextHopType: RouteNextHopType;
    /** The appliance's IP (e.g. the firewall's); required for, and only for, VirtualAppliance. */
    nextHopIpAddress?: string;
}

/** The arguments that may be known only at deployment and that the rules check (`components/common/late-values.ts`). */
export const NETWORK_LATE_CHECKED = ["vnetCidr", "subnetCidr", "reservedCidrs", "vnetName", "subnetName", "routeTableName", "existingSubnetId", "existingRouteTableId", "apiServerSubnetCidr", "apiServerSubnetName", "tags"] as const;

/** The network's arguments as they can be checked before anything is deployed: without its resource group. */
export type NetworkArgsToCheck = Omit<KubenetNetworkArgs, "resourceGroupName"> & Partial<Pick<KubenetNetworkArgs, "resourceGroupName">>;

export interface KubenetNetworkArgs {
    /** Resource group of the created vnet, subnet and route table. */
    resourceGroupName: pulumi.Input<string>;
    /** Azure region; default the provider's location. */
    location?: pulumi.Input<string>;
    /**
     * Address space of the vnet. Required when the vnet is created; checked when it is yours.
     * May be known only at deployment (another stack's output): it is checked once known.
     */
    vnetCidr?: pulumi.Input<string>;
    /** The cluster subnet, inside `vnetCidr`. Required when created; checked when it is yours. */
    subnetCidr?: pulumi.Input<string>;
    /** Name of the created vnet; auto-named when omitted. */
    vnetName?: pulumi.Input<string>;
    /** Name of the created cluster subnet; auto-named when omitted. */
    subnetName?: pulumi.Input<string>;
    /** Name of the created route table; auto-named when omitted. */
    routeTableName?: pulumi.Input<string>;
    /**
     * The subnet AKS projects the API server into (API Server VNet Integration: the API server
     * behind an internal load balancer in your vnet, reached by the nodes without a tunnel or
     * Private Link), created in the vnet this component creates and delegated to
     * `Microsoft.ContainerService/managedClusters`. At least a /28, inside `vnetCidr`, apart from
     * the cluster subnet; the cluster takes its id (`apiServerSubnetId`) as `apiServer.subnetId`.
     */
    apiServerSubnetCidr?: pulumi.Input<string>;
    /** Name of the created API server subnet; auto-named when omitted. */
    apiServerSubnetName?: pulumi.Input<string>;
    /** Bring your own subnet: no vnet or subnet is created. */
    existingSubnetId?: pulumi.Input<string>;
    /**
     * Bring your own route table. With a created subnet, it is associated on that subnet; with
     * `existingSubnetId` it must already be associated with that subnet.
     */
    existingRouteTableId?: pulumi.Input<string>;
    /** Custom routes such as 0.0.0.0/0 to a firewall. */
    routes?: CustomRoute[];
    /**
     * Keep routes learned over BGP (from a VPN or ExpressRoute gateway) out of the created route
     * table. Default: true when a route sends 0.0.0.0/0 to a VirtualAppliance (the firewall),
     * false otherwise. See `bgpRoutePropagationDisabled`.
     */
    disableBgpRoutePropagation?: boolean;
    /** On-premises or peered ranges the vnet must not overlap. */
    reservedCidrs?: pulumi.Input<string[]>;
    /** Tags on every Azure resource this component creates. */
    tags?: pulumi.Input<Record<string, string>>;
    /** Pulumi `protect` on the vnet, subnet and route table. */
    protect?: boolean;
}
