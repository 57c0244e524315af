import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { NamedCidr, checkCidr, checkDnsServiceIp, checkMaxPods, checkNotReserved } from "../components/address";
import { NETWORK_CONTRIBUTOR_ROLE_ID } from "../components/rules";
import { AGENT_POOL, ClusterProps, MANAGED_CLUSTER, PoolProps, ROLE_ASSIGNMENT, ROUTE_TABLE, inlinePools, isKubenet, poolsOf, reportEach } from "./azure-types";

/**
 * The rules of the AKS kubenet guide, for any stack: they reuse the checks the components run
 * on their own arguments, so a rule is written once.
 */

export const reservedRanges: ResourceValidationPolicy = {
    name: "aks-reserved-ranges",
    description: "The pod and service CIDRs stay out of the ranges AKS reserves (169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16, 192.0.2.0/24).",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (!MANAGED_CLUSTER.test(args.type)) return;
        const network = (args.props as ClusterProps).networkProfile ?? {};
        for (const key of ["podCidr", "serviceCidr"] as const) {
            const text = network[key];
            if (typeof text !== "string") continue;
            const { cidr, problems } = checkCidr(text, `networkProfile.${key}`);
            reportEach(cidr ? checkNotReserved({ path: `networkProfile.${key}`, cidr }) : problems, report);
        }
    },
};

export const dnsServiceIpInServiceCidr: ResourceValidationPolicy = {
    name: "aks-dns-service-ip",
    description: "The DNS service IP is inside the service CIDR, and not its network, broadcast or first address.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (!MANAGED_CLUSTER.test(args.type)) return;
        const { dnsServiceIP, serviceCidr } = (args.props as ClusterProps).networkProfile ?? {};
        if (typeof dnsServiceIP !== "string" || typeof serviceCidr !== "string") return;
        const parsed = checkCidr(serviceCidr, "networkProfile.serviceCidr");
        const range: NamedCidr | undefined = parsed.cidr && { path: "networkProfile.serviceCidr", cidr: parsed.cidr };
        reportEach(range ? checkDnsServiceIp(dnsServiceIP, "networkProfile.dnsServiceIP", range) : parsed.problems, report);
    },
};

export const maxPodsInRange: ResourceValidationPolicy = {
    name: "aks-max-pods",
    description: "Every node pool's maxPods is a whole number from 10 to 250.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        for (const { pool, path } of poolsOf(args.type, args.props)) {
            if (typeof pool.maxPods === "number") reportEach(checkMaxPods(pool.maxPods, path ? `${path}.maxPods` : "maxPods"), report);
        }
    },
};

export const kubenetUserAssignedIdentity: ResourceValidationPolicy = {
    name: "kubenet-user-assigned-identity",
    description: "A kubenet cluster uses a user-assigned identity, so Network Contributor can be granted on its subnet and route table before it exists.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (!MANAGED_CLUSTER.test(args.type)) return;
        const cluster = args.props as ClusterProps;
        if (isKubenet(cluster) && cluster.identity?.type !== "UserAssigned") {
            report(`identity.type: ${cluster.identity?.type ?? "unset"}; a kubenet cluster in your own subnet needs a UserAssigned identity holding Network Contributor before the cluster is created`);
        }
    },
};

export const kubenetNetworkPolicy: ResourceValidationPolicy = {
    name: "kubenet-no-azure-network-policy",
    description: "A kubenet cluster uses calico or no network policy: Azure network policy (and Cilium) need Azure CNI.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (!MANAGED_CLUSTER.test(args.type)) return;
        const cluster = args.props as ClusterProps;
        const policy = cluster.networkProfile?.networkPolicy;
        if (isKubenet(cluster) && (policy === "azure" || policy === "cilium")) {
            report(`networkProfile.networkPolicy: ${policy} network policy isn't supported with kubenet; use calico or none`);
        }
    },
};

/** Windows pools, inline or as AgentPools of a kubenet cluster in the same stack. */
export const kubenetNoWindowsPools: StackValidationPolicy = {
    name: "kubenet-no-windows-pools",
    description: "A kubenet cluster has no Windows node pools: kubenet supports Linux only.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const kubenetClusters = args.resources.filter((r) => MANAGED_CLUSTER.test(r.type) && isKubenet(r.props as ClusterProps));
        const kubenetNames = new Set(kubenetClusters.map((r) => (r.props as ClusterProps).resourceName).filter((n) => typeof n === "string"));
        for (const cluster of kubenetClusters) {
            for (const { pool, path } of inlinePools(cluster.props as ClusterProps)) {
                if (pool.osType === "Windows") report(`${path}.osType: Windows node pools need Azure CNI; kubenet supports Linux only`, cluster.urn);
            }
        }
        for (const pool of args.resources.filter((r) => AGENT_POOL.test(r.type))) {
            const props = pool.props as PoolProps;
            if (props.osType === "Windows" && props.resourceName !== undefined && kubenetNames.has(props.resourceName)) {
                report(`osType: Windows node pools need Azure CNI; cluster ${props.resourceName} uses kubenet`, pool.urn);
            }
        }
    },
};

export const routeTableWithoutInlineRoutes: ResourceValidationPolicy = {
    name: "route-table-no-inline-routes",
    description: "Route tables declare no inline routes: AKS writes a route per kubenet node into the table, and inline routes make every update remove them. Declare custom routes as Route resources.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (!ROUTE_TABLE.test(args.type)) return;
        const routes = (args.props as { routes?: unknown[] }).routes ?? [];
        if (routes.length > 0) report(`routes: ${routes.length} inline route(s); AKS owns this table's routes, so declare custom routes as separate Route resources`);
    },
};

export const networkContributorPrincipalType: ResourceValidationPolicy = {
    name: "network-contributor-principal-type",
    description: "Network Contributor role assignments set principalType, so a just-created identity isn't refused while Entra ID replicates it.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (!ROLE_ASSIGNMENT.test(args.type)) return;
        const { roleDefinitionId, principalType } = args.props as { roleDefinitionId?: string; principalType?: string };
        if (typeof roleDefinitionId === "string" && roleDefinitionId.toLowerCase().endsWith(NETWORK_CONTRIBUTOR_ROLE_ID) && !principalType) {
            report("principalType: unset on a Network Contributor assignment; set it (ServicePrincipal for a managed identity)");
        }
    },
};

export const mandatoryPolicies = [
    reservedRanges,
    dnsServiceIpInServiceCidr,
    maxPodsInRange,
    kubenetUserAssignedIdentity,
    kubenetNetworkPolicy,
    kubenetNoWindowsPools,
    routeTableWithoutInlineRoutes,
    networkContributorPrincipalType,
];
