import { PathOf, Problem, contains, overlaps, parseCidr, parseIPv4, samePath, validateNetworkAddressing } from "../address";
import { z } from "zod";
import { checkArgs } from "../common/validation";
import { networkArgsSchemas } from "./inputs";
import { checkAzureName } from "../common/azure-names";
import { checkRouteTableId, checkSubnetId } from "../common/resource-id";
import { checkTagsArg } from "../common/tags";
import * as pulumi from "@pulumi/pulumi";
import { problemsKnownNow } from "../common/late-values";
import { CustomRoute, NETWORK_LATE_CHECKED, NetworkArgsToCheck } from "./args";

/*
 * The network's rules: names, ids, routes and the address rules, now or once late values are
 * known.
 */

const ROUTE_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,78}[A-Za-z0-9_])?$/;

/** Checks one custom route's name and next hop. */
export function checkRoute(route: CustomRoute, field: string, pathOf: PathOf): Problem[] {
    const problems: Problem[] = [];
    if (typeof route.name !== "string" || !ROUTE_NAME.test(route.name)) {
        problems.push({ path: pathOf(`${field}.name`), message: `${JSON.stringify(route.name)} is not a route name: 1–80 letters, digits, '.', '-' or '_', starting with a letter or digit and not ending with '.' or '-'` });
    }
    // The next hop's type is the schema's to check; a route without one was refused there.
    if (route.nextHopType === undefined) return problems;
    if (route.nextHopType === "VirtualAppliance") {
        if (route.nextHopIpAddress === undefined) {
            problems.push({ path: pathOf(`${field}.nextHopIpAddress`), message: "is required when nextHopType is VirtualAppliance: the appliance's (e.g. the firewall's) private IP" });
        } else {
            const ip = parseIPv4(route.nextHopIpAddress);
            if (!ip.ok) problems.push({ path: pathOf(`${field}.nextHopIpAddress`), message: ip.error });
        }
    } else if (route.nextHopIpAddress !== undefined) {
        problems.push({ path: pathOf(`${field}.nextHopIpAddress`), message: `is only allowed when nextHopType is VirtualAppliance, not ${route.nextHopType}` });
    }
    return problems;
}

/**
 * Every problem with the network's arguments that can be known now, under the caller's key
 * paths; rules on values known only at deployment run once they are known.
 */
export function validateNetworkArgs(args: NetworkArgsToCheck, pathOf: PathOf = samePath): Problem[] {
    return problemsKnownNow(args, NETWORK_LATE_CHECKED, networkChecks(networkArgsSchemas.toCheck, pathOf), pathOf);
}

/**
 * The network's schema and rules, one system: the schema's problems, then the rules on what it
 * accepted, its late-checked values known.
 */
export function networkChecks(schema: z.ZodType, pathOf: PathOf): (args: unknown) => Problem[] {
    return (args) => checkArgs<KnownNetworkArgs>(schema, args, (settings) => networkRules(settings, pathOf), pathOf).problems;
}

/** The network's arguments as the rules read them: the late-checked ones known. */
export type KnownNetworkArgs = pulumi.Unwrap<NetworkArgsToCheck>;

/** The network's rules on arguments its schema accepted, the late-checked ones known. */
export function networkRules(args: KnownNetworkArgs, pathOf: PathOf): Problem[] {
    const problems: Problem[] = [];
    const creatingSubnet = args.existingSubnetId === undefined;
    if (creatingSubnet) {
        if (args.vnetCidr === undefined) problems.push({ path: pathOf("vnetCidr"), message: "is required to create the vnet (or give existingSubnetId)" });
        if (args.subnetCidr === undefined) problems.push({ path: pathOf("subnetCidr"), message: "is required to create the cluster subnet (or give existingSubnetId)" });
    } else {
        problems.push(...checkSubnetId(args.existingSubnetId!, pathOf("existingSubnetId")));
    }
    if (args.existingRouteTableId !== undefined) {
        problems.push(...checkRouteTableId(args.existingRouteTableId, pathOf("existingRouteTableId")));
    }
    problems.push(
        ...checkAzureName(args.vnetName, "virtualNetwork", pathOf("vnetName")),
        ...checkAzureName(args.subnetName, "subnet", pathOf("subnetName")),
        ...checkAzureName(args.routeTableName, "routeTable", pathOf("routeTableName")),
    );
    problems.push(...checkApiServerSubnet(args, pathOf));
    const routes = args.routes ?? [];
    if (args.disableBgpRoutePropagation !== undefined && args.existingRouteTableId !== undefined) {
        problems.push({ path: pathOf("disableBgpRoutePropagation"), message: "applies to the route table this program creates; with existingRouteTableId, set it on your table" });
    }
    if (args.disableBgpRoutePropagation !== undefined && args.existingRouteTableId === undefined && !creatingSubnet) {
        problems.push({ path: pathOf("disableBgpRoutePropagation"), message: "applies to a route table this program creates; with existingSubnetId and no existingRouteTableId, AKS creates and owns the table" });
    }
    if (routes.length > 0 && !creatingSubnet && args.existingRouteTableId === undefined) {
        problems.push({
            path: pathOf("routes"),
            message: "custom routes need a route table: with existingSubnetId, give existingRouteTableId (the table associated with that subnet); otherwise AKS creates and owns the table",
        });
    }
    routes.forEach((route, i) => problems.push(...checkRoute(route, `routes[${i}]`, pathOf)));
    const seen = new Map<string, number>();
    routes.forEach((route, i) => {
        for (const [key, value] of [["name", String(route.name).toLowerCase()], ["addressPrefix", String(route.addressPrefix)]] as const) {
            const id = `${key}:${value}`;
            if (seen.has(id)) {
                problems.push({ path: pathOf(`routes[${i}].${key}`), message: `${JSON.stringify(route[key])} repeats routes[${seen.get(id)}].${key}; a route table takes each ${key === "name" ? "name" : "prefix"} once` });
            } else {
                seen.set(id, i);
            }
        }
    });
    problems.push(...checkTagsArg(args.tags, pathOf("tags")));
    problems.push(...validateNetworkAddressing({
        vnetCidr: args.vnetCidr,
        subnetCidr: args.subnetCidr,
        reservedCidrs: args.reservedCidrs,
        routes,
    }, pathOf));
    return problems;
}

/** Microsoft: "The minimum supported API server subnet size is /28" (api-server-vnet-integration.md). */
export const MIN_API_SERVER_SUBNET_PREFIX = 28;

/** The API server subnet the network creates: in its vnet, at least a /28, apart from the cluster subnet and the reserved ranges. */
function checkApiServerSubnet(args: KnownNetworkArgs, pathOf: PathOf): Problem[] {
    const path = pathOf("apiServerSubnetCidr");
    const problems = checkAzureName(args.apiServerSubnetName, "subnet", pathOf("apiServerSubnetName"));
    if (args.apiServerSubnetCidr === undefined) {
        if (args.apiServerSubnetName !== undefined) problems.push({ path: pathOf("apiServerSubnetName"), message: "names the API server subnet, which only apiServerSubnetCidr creates" });
        return problems;
    }
    if (args.existingSubnetId !== undefined) {
        return [...problems, { path, message: "creates a subnet in the vnet this component creates; with existingSubnetId, delegate a subnet of yours to Microsoft.ContainerService/managedClusters and give its id as the cluster's apiServer.subnetId" }];
    }
    const parsed = parseCidr(args.apiServerSubnetCidr);
    if (!parsed.ok) return [...problems, { path, message: parsed.error }];
    const cidr = parsed.value;
    if (cidr.prefix > MIN_API_SERVER_SUBNET_PREFIX) {
        problems.push({ path, message: `${args.apiServerSubnetCidr} is smaller than the /${MIN_API_SERVER_SUBNET_PREFIX} AKS needs for the API server's subnet` });
    }
    const vnet = args.vnetCidr === undefined ? undefined : parseCidr(args.vnetCidr);
    if (vnet?.ok && !contains(vnet.value, cidr)) problems.push({ path, message: `${args.apiServerSubnetCidr} is not inside ${pathOf("vnetCidr")} ${args.vnetCidr}` });
    const subnet = args.subnetCidr === undefined ? undefined : parseCidr(args.subnetCidr);
    if (subnet?.ok && overlaps(subnet.value, cidr)) problems.push({ path, message: `${args.apiServerSubnetCidr} overlaps ${pathOf("subnetCidr")} ${args.subnetCidr}: the API server's subnet is delegated to AKS and holds nothing else` });
    (args.reservedCidrs ?? []).forEach((range, i) => {
        const reserved = parseCidr(range);
        if (reserved.ok && overlaps(reserved.value, cidr)) problems.push({ path, message: `${args.apiServerSubnetCidr} overlaps ${pathOf(`reservedCidrs[${i}]`)} ${range}` });
    });
    return problems;
}
