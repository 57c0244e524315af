import { Problem } from "../address";

/* Reading and checking the Azure resource ids the components take. */

/** The parts of an Azure resource id this project reads. */
export interface SubnetId {
    subscriptionId: string;
    resourceGroupName: string;
    virtualNetworkName: string;
    subnetName: string;
    /** The id of the vnet the subnet belongs to. */
    vnetId: string;
}

export interface RouteTableId {
    subscriptionId: string;
    resourceGroupName: string;
    routeTableName: string;
}

const SEGMENT = "([^/]+)";
const SUBNET_ID = new RegExp(`^(/subscriptions/${SEGMENT}/resourceGroups/${SEGMENT}/providers/Microsoft\\.Network/virtualNetworks/${SEGMENT})/subnets/${SEGMENT}$`, "i");
const ROUTE_TABLE_ID = new RegExp(`^/subscriptions/${SEGMENT}/resourceGroups/${SEGMENT}/providers/Microsoft\\.Network/routeTables/${SEGMENT}$`, "i");

const SUBNET_SHAPE = "/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>";
const ROUTE_TABLE_SHAPE = "/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/routeTables/<name>";

export function parseSubnetId(id: string): SubnetId | undefined {
    const match = SUBNET_ID.exec(id);
    return match ? { vnetId: match[1], subscriptionId: match[2], resourceGroupName: match[3], virtualNetworkName: match[4], subnetName: match[5] } : undefined;
}

export function parseRouteTableId(id: string): RouteTableId | undefined {
    const match = ROUTE_TABLE_ID.exec(id);
    return match ? { subscriptionId: match[1], resourceGroupName: match[2], routeTableName: match[3] } : undefined;
}

export function checkSubnetId(id: string, path: string): Problem[] {
    return parseSubnetId(id) ? [] : [{ path, message: `${JSON.stringify(id)} is not a subnet resource id (expected ${SUBNET_SHAPE})` }];
}

export function checkRouteTableId(id: string, path: string): Problem[] {
    return parseRouteTableId(id) ? [] : [{ path, message: `${JSON.stringify(id)} is not a route table resource id (expected ${ROUTE_TABLE_SHAPE})` }];
}

/**
 * A top-level resource's id, `/subscriptions/<id>/resourceGroups/<rg>/providers/<type>/<name>`,
 * for a resource type such as `Microsoft.ContainerRegistry/registries`; its name, or undefined.
 */
export function resourceNameFromId(id: unknown, type: string): string | undefined {
    if (typeof id !== "string") return undefined;
    const escaped = type.replace(/[.]/g, "\\.");
    const match = new RegExp(`^/subscriptions/${SEGMENT}/resourceGroups/${SEGMENT}/providers/${escaped}/${SEGMENT}$`, "i").exec(id);
    return match?.[3];
}

export function checkResourceId(id: unknown, type: string, path: string): Problem[] {
    return resourceNameFromId(id, type) === undefined
        ? [{ path, message: `${JSON.stringify(id)} is not a ${type} resource id (expected /subscriptions/<id>/resourceGroups/<rg>/providers/${type}/<name>)` }]
        : [];
}
