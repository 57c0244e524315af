import * as pulumi from "@pulumi/pulumi";

export const ROUTE_NEXT_HOP_TYPES = ["VirtualNetworkGateway", "VnetLocal", "Internet", "VirtualAppliance", "None"] as const;
export type RouteNextHopType = (typeof ROUTE_NEXT_HOP_TYPES)[number];

/** A custom route, declared as its own `Route` resource so AKS's routes are left alone. */
export interface CustomRouteArgs {
    /** Route name, unique in the table (1–80 letters, digits, `.`, `-`, `_`). */
    name: string;
    /** Destination CIDR (e.g. `0.0.0.0/0`) or an Azure service tag. */
    addressPrefix: string;
    nextHopType: RouteNextHopType;
    /** The appliance's IP (e.g. the firewall's); required for, and only for, VirtualAppliance. */
    nextHopIpAddress?: string;
}

export interface KubenetNetworkArgs {
    resourceGroupName: pulumi.Input<string>;
    location?: pulumi.Input<string>;
    /** Address space of the vnet. Required when the vnet is created; checked when it is yours. */
    vnetCidr?: string;
    /** The cluster subnet, inside `vnetCidr`. Required when created; checked when it is yours. */
    subnetCidr?: string;
    /** Names of the created resources; Pulumi auto-names them when omitted. */
    vnetName?: string;
    subnetName?: string;
    routeTableName?: string;
    /** Bring your own subnet: no vnet or subnet is created. */
    existingSubnetId?: string;
    /**
     * Bring your own route table. With a created subnet, it is associated on that subnet; with
     * `existingSubnetId` it must already be associated with that subnet.
     */
    existingRouteTableId?: string;
    /** Custom routes such as 0.0.0.0/0 to a firewall. */
    routes?: CustomRouteArgs[];
    /**
     * Keep routes learned over BGP (from a VPN or ExpressRoute gateway) out of the created route
     * table. Default: true when a route sends 0.0.0.0/0 to a VirtualAppliance (the firewall),
     * false otherwise. See `bgpRoutePropagationDisabled`.
     */
    disableBgpRoutePropagation?: boolean;
    /** On-premises or peered ranges the vnet must not overlap. */
    reservedCidrs?: string[];
    /** Tags on every Azure resource this component creates. */
    tags?: Record<string, string>;
    /** Pulumi `protect` on the vnet, subnet and route table. */
    protect?: boolean;
}
