import { Problem, formatProblem } from "../components/address";

/**
 * Resource types and property shapes as the policy engine sees them: the inputs of
 * azure-native resources, under any API version (`azure-native:network/v20240301:RouteTable`).
 */
const azureType = (module: string, name: string) => new RegExp(`^azure-native:${module}(/v[0-9a-z]+)?:${name}$`);

export const MANAGED_CLUSTER = azureType("containerservice", "ManagedCluster");
export const AGENT_POOL = azureType("containerservice", "AgentPool");
export const ROUTE_TABLE = azureType("network", "RouteTable");
export const ROLE_ASSIGNMENT = azureType("authorization", "RoleAssignment");
export const MAINTENANCE_CONFIGURATION = azureType("containerservice", "MaintenanceConfiguration");
export const DIAGNOSTIC_SETTING = azureType("(monitor|insights)", "DiagnosticSetting");

export interface PoolProps {
    name?: string;
    resourceName?: string;
    mode?: string;
    type?: string;
    osType?: string;
    osSKU?: string;
    osDiskType?: string;
    maxPods?: number;
    enableNodePublicIP?: boolean;
    enableEncryptionAtHost?: boolean;
    availabilityZones?: string[];
    nodeTaints?: string[];
    securityProfile?: { sshAccess?: string };
}

interface Addon {
    enabled?: boolean;
    config?: Record<string, string>;
}

export interface ClusterProps {
    resourceName?: string;
    tags?: Record<string, string>;
    identity?: { type?: string };
    enableRBAC?: boolean;
    sku?: { tier?: string };
    disableLocalAccounts?: boolean;
    aadProfile?: { managed?: boolean; enableAzureRBAC?: boolean };
    apiServerAccessProfile?: { authorizedIPRanges?: string[]; enablePrivateCluster?: boolean; disableRunCommand?: boolean };
    autoUpgradeProfile?: { upgradeChannel?: string; nodeOSUpgradeChannel?: string };
    addonProfiles?: Record<string, Addon | undefined>;
    securityProfile?: {
        workloadIdentity?: { enabled?: boolean };
        imageCleaner?: { enabled?: boolean };
        defender?: { securityMonitoring?: { enabled?: boolean } };
    };
    oidcIssuerProfile?: { enabled?: boolean };
    azureMonitorProfile?: { metrics?: { enabled?: boolean } };
    autoScalerProfile?: Record<string, unknown>;
    networkProfile?: {
        networkPlugin?: string;
        networkPolicy?: string;
        outboundType?: string;
        podCidr?: string;
        serviceCidr?: string;
        dnsServiceIP?: string;
    };
    agentPoolProfiles?: PoolProps[];
}

/** kubenet only when the cluster says so: AKS's default plugin depends on the API version. */
export const isKubenet = (cluster: ClusterProps) => cluster.networkProfile?.networkPlugin === "kubenet";

/** A cluster's pools declared inline, each with the key path of its profile. */
export function inlinePools(cluster: ClusterProps): { pool: PoolProps; path: string }[] {
    return (cluster.agentPoolProfiles ?? []).map((pool, i) => ({ pool, path: `agentPoolProfiles[${i}]` }));
}

/** The node pools a resource declares: a cluster's inline profiles, or an AgentPool itself. */
export function poolsOf(type: string, props: unknown): { pool: PoolProps; path: string }[] {
    if (MANAGED_CLUSTER.test(type)) return inlinePools(props as ClusterProps);
    return AGENT_POOL.test(type) ? [{ pool: props as PoolProps, path: "" }] : [];
}

/** Reports each problem as one violation, in the project's error format. */
export function reportEach(problems: Problem[], report: (message: string) => void): void {
    for (const problem of problems) report(formatProblem(problem));
}
