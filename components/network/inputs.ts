import { z } from "zod";
import { input, inputShape, tagsInput } from "../common/inputs";
import { argsSchemas } from "../common/validation";
import { CustomRoute, KubenetNetworkArgs, ROUTE_NEXT_HOP_TYPES } from "./args";

/*
 * The network's input schema, tied to `KubenetNetworkArgs` (args.ts documents each key): the
 * types a stack file or another language can get wrong, and the defaults. The stack file's
 * `network` section is this schema.
 */

/** Given only where the network is deployed: its resource group, region, tags and protection. */
type NetworkDeploymentKeys = "resourceGroupName" | "location" | "tags" | "protect";

const routeInputs = z.strictObject(inputShape<CustomRoute>()({
    name: z.string(),
    addressPrefix: z.string(),
    nextHopType: z.enum(ROUTE_NEXT_HOP_TYPES),
    nextHopIpAddress: z.string().optional(),
}));

export const networkInputShape = inputShape<KubenetNetworkArgs, NetworkDeploymentKeys>()({
    vnetCidr: input(z.string()).optional(),
    subnetCidr: input(z.string()).optional(),
    vnetName: input(z.string()).optional(),
    subnetName: input(z.string()).optional(),
    routeTableName: input(z.string()).optional(),
    apiServerSubnetCidr: input(z.string()).optional(),
    apiServerSubnetName: input(z.string()).optional(),
    existingSubnetId: input(z.string()).optional(),
    existingRouteTableId: input(z.string()).optional(),
    routes: z.array(routeInputs).default([]),
    disableBgpRoutePropagation: z.boolean().optional(),
    reservedCidrs: input(z.array(z.string())).default([]),
});

export const networkInputs = z.strictObject(networkInputShape);

/** The network's whole arguments, as the component takes them and as a program checks them first. */
export const networkArgsSchemas = argsSchemas(networkInputShape, inputShape<KubenetNetworkArgs, Exclude<keyof KubenetNetworkArgs, NetworkDeploymentKeys>>()({
    resourceGroupName: input(z.string()),
    location: input(z.string()).optional(),
    tags: tagsInput.optional(),
    protect: z.boolean().optional(),
}));
