import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { samePath } from "../address";
import { keyPathsOf } from "../common/key-paths";
import { NetworkRanges } from "../common/network-addressing";
import { checkedWhenKnown, problemsKnownNow } from "../common/late-values";
import { COMPONENT_TYPES, withTypeAlias } from "../common/component-types";
import { throwIfProblems, childOptions } from "../common/problems";
import { parseRouteTableId, parseSubnetId } from "../common/resource-id";
import { KubenetNetworkArgs, NETWORK_LATE_CHECKED } from "./args";
import { networkChecks } from "./validate";
import { networkArgsSchemas } from "./inputs";
import { argsAsRead } from "../common/validation";

export * from "./args";

/* KubenetNetwork: the vnet, the cluster subnet and its route table with custom routes, or yours. */

/** A network's ranges as the cluster takes them (`KubenetCluster.networkAddressing`). */
export function networkAddressingOf<Settings extends Pick<KubenetNetworkArgs, "vnetCidr" | "subnetCidr" | "reservedCidrs" | "routes" | "existingRouteTableId">>(settings: Settings) {
    return {
        vnetCidr: settings.vnetCidr,
        subnetCidr: settings.subnetCidr,
        reservedCidrs: settings.reservedCidrs,
        routes: settings.routes?.map((route) => ({ addressPrefix: route.addressPrefix, nextHopIpAddress: route.nextHopIpAddress })),
        externalRouteTable: settings.existingRouteTableId !== undefined,
    };
}

/**
 * Whether the created route table keeps BGP-learned routes out. With egress through a firewall
 * (0.0.0.0/0 to a VirtualAppliance), gateway routes propagated into the table send on-premises
 * traffic around the firewall: a learned prefix such as 10.0.0.0/8 is more specific than the
 * 0.0.0.0/0 route and wins. Microsoft's hub-and-spoke guidance for Azure Firewall therefore sets
 * "Propagate gateway routes" to No on spoke tables, and so does this default. Without such a
 * route there is nothing to bypass, and propagation stays on.
 */
export function bgpRoutePropagationDisabled(args: Pick<KubenetNetworkArgs, "disableBgpRoutePropagation" | "routes">): boolean {
    return args.disableBgpRoutePropagation
        ?? (args.routes ?? []).some((route) => route.addressPrefix === "0.0.0.0/0" && route.nextHopType === "VirtualAppliance");
}
export { validateNetworkArgs, checkRoute } from "./validate";

/**
 * The network a kubenet cluster lands in: a vnet and cluster subnet (or yours), and a route
 * table associated on the subnet resource, so the association exists before any cluster.
 *
 * AKS writes a /24 route per node into the route table. The table is declared without inline
 * routes and ignores changes to `routes`, so a later `pulumi up` never deletes them; each custom
 * route is its own `Route` resource.
 */
export class KubenetNetwork extends pulumi.ComponentResource {
    /** The id of the vnet that holds the cluster subnet: the one created, or yours (from `existingSubnetId`). */
    public readonly vnetId: pulumi.Output<string>;
    /**
     * The cluster subnet's id. It resolves only once the subnet (with its route-table
     * association) and every custom route exist, so a cluster given this id waits for them.
     */
    public readonly subnetId: pulumi.Output<string>;
    /** The route table's id; undefined when AKS will create its own (a subnet of yours without a table). */
    public readonly routeTableId?: pulumi.Output<string>;
    /** The API server's delegated subnet (`apiServerSubnetCidr`), for the cluster's `apiServer.subnetId`; undefined without it. */
    public readonly apiServerSubnetId?: pulumi.Output<string>;
    /** The created route table; undefined when the table is yours or AKS's. */
    public readonly routeTable?: network.RouteTable;
    /** The created cluster subnet; undefined when the subnet is yours. */
    public readonly subnet?: network.Subnet;
    /** The custom routes, each its own resource. */
    public readonly routes: network.Route[];
    /**
     * The address ranges, for a cluster to check its own ranges against (`networkAddressing`),
     * in this stack or, exported, in another: each as the network was given it, a value or an
     * output.
     */
    public readonly addressing: NetworkRanges;

    constructor(name: string, args: KubenetNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.KubenetNetwork, name, {}, withTypeAlias(opts, "aks-kubenet:network:KubenetNetwork"));
        const pathOf = keyPathsOf(args, samePath);
        const checks = networkChecks(networkArgsSchemas.args, pathOf);
        throwIfProblems(problemsKnownNow(args, NETWORK_LATE_CHECKED, checks, pathOf), this, "KubenetNetwork");
        const settings = argsAsRead<KubenetNetworkArgs>(networkArgsSchemas.args, args);

        const { location, tags } = settings;
        // Every child takes the resource group's name: it resolves once the rules on the values
        // known only now (another stack's ranges, say) have passed.
        const resourceGroupName = checkedWhenKnown(args, NETWORK_LATE_CHECKED, settings.resourceGroupName, checks, this, "KubenetNetwork");
        const childOpts = (extra: pulumi.CustomResourceOptions = {}) => childOptions(this, opts, settings.protect, extra);
        this.addressing = networkAddressingOf(settings);

        let routeTableName: pulumi.Input<string> | undefined;
        let routeTableResourceGroup: pulumi.Input<string> | undefined;
        if (settings.existingRouteTableId !== undefined) {
            // Parsed once known: the id may be another stack's output (checked with the rules).
            const existing = pulumi.output(settings.existingRouteTableId).apply((id) => parseRouteTableId(id)!);
            this.routeTableId = pulumi.output(settings.existingRouteTableId);
            routeTableName = existing.routeTableName;
            routeTableResourceGroup = existing.resourceGroupName;
        } else if (settings.existingSubnetId === undefined) {
            this.routeTable = new network.RouteTable(`${name}-routes`, {
                resourceGroupName,
                location,
                routeTableName: settings.routeTableName,
                tags,
                disableBgpRoutePropagation: bgpRoutePropagationDisabled(settings),
            }, childOpts({ ignoreChanges: ["routes"] }));
            this.routeTableId = this.routeTable.id;
            routeTableName = this.routeTable.name;
            routeTableResourceGroup = resourceGroupName;
        }

        this.routes = (settings.routes ?? []).map((route) => new network.Route(`${name}-route-${route.name}`, {
            resourceGroupName: routeTableResourceGroup!,
            routeTableName: routeTableName!,
            routeName: route.name,
            addressPrefix: route.addressPrefix,
            nextHopType: route.nextHopType,
            nextHopIpAddress: route.nextHopIpAddress,
        }, childOpts()));

        let subnetId: pulumi.Output<string>;
        if (settings.existingSubnetId !== undefined) {
            subnetId = pulumi.output(settings.existingSubnetId);
            this.vnetId = pulumi.output(settings.existingSubnetId).apply((id) => parseSubnetId(id)!.vnetId);
        } else {
            const vnet = new network.VirtualNetwork(`${name}-vnet`, {
                resourceGroupName,
                location,
                virtualNetworkName: settings.vnetName,
                addressSpace: { addressPrefixes: [settings.vnetCidr!] },
                tags,
                // The subnet is its own resource; the vnet must never own (and so remove) it.
            }, childOpts({ ignoreChanges: ["subnets"] }));
            this.subnet = new network.Subnet(`${name}-subnet`, {
                resourceGroupName,
                virtualNetworkName: vnet.name,
                subnetName: settings.subnetName,
                addressPrefix: settings.subnetCidr,
                // The association lives on the subnet, so it exists before the cluster does.
                routeTable: this.routeTableId ? { id: this.routeTableId } : undefined,
            }, childOpts());
            this.vnetId = vnet.id;
            subnetId = this.subnet.id;
            if (settings.apiServerSubnetCidr !== undefined) {
                // Delegated to AKS, which projects the API server's internal load balancer into it
                // (api-server-vnet-integration.md). After the cluster subnet: Azure takes one
                // subnet operation at a time in a vnet.
                const apiServerSubnet = new network.Subnet(`${name}-apiserver-subnet`, {
                    resourceGroupName,
                    virtualNetworkName: vnet.name,
                    subnetName: settings.apiServerSubnetName,
                    addressPrefix: settings.apiServerSubnetCidr,
                    delegations: [{ name: "aks-apiserver", serviceName: "Microsoft.ContainerService/managedClusters" }],
                }, childOpts({ dependsOn: [this.subnet] }));
                this.apiServerSubnetId = apiServerSubnet.id;
            }
        }
        // Readiness travels in the id: it carries the routes as dependencies.
        this.subnetId = pulumi.all([subnetId, ...this.routes.map((route) => route.id)]).apply(([id]) => id);
        this.registerOutputs({
            addressing: this.addressing,
            vnetId: this.vnetId,
            subnetId: this.subnetId,
            routeTableId: this.routeTableId,
            apiServerSubnetId: this.apiServerSubnetId,
        });
    }
}
