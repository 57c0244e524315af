import * as pulumi from "@pulumi/pulumi";
import { RouteAddressing } from "../address";

/*
 * A network's ranges as the network component has them and the cluster component takes them:
 * each range a value or an output (another stack's), so one stack can hand its network's
 * ranges straight to a cluster in another. `NetworkAddressing` (components/address) is the same
 * with every value known, as the address rules read it.
 */

export interface NetworkRanges {
    /** The vnet's address space. */
    vnetCidr?: pulumi.Input<string>;
    /** The cluster subnet. */
    subnetCidr?: pulumi.Input<string>;
    /** On-premises or peered ranges nothing may overlap. */
    reservedCidrs?: pulumi.Input<string[]>;
    /** Custom routes in the cluster's route table: they take route-table slots from nodes. */
    routes?: RouteAddressing[];
    /**
     * The route table is yours (`existingRouteTableId`): `routes` lists only the routes declared
     * with the network, not those the table already has.
     */
    externalRouteTable?: boolean;
}
