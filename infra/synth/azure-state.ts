/**
 * What Azure would answer for the resources and functions this program uses, so the program
 * runs offline under Pulumi's mocks with realistic ids and names flowing between resources.
 */

export const MOCK_SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
export const MOCK_TENANT_ID = "11111111-1111-1111-1111-111111111111";
export const MOCK_CLIENT_OBJECT_ID = "22222222-2222-2222-2222-222222222222";

type Inputs = Record<string, unknown>;

/** Where each Azure type keeps its name among its inputs, and how its resource id is built. */
const AZURE_RESOURCES: Record<string, { nameKey: string; id: (name: string, inputs: Inputs) => string }> = {
    "azure-native:resources:ResourceGroup": { nameKey: "resourceGroupName", id: (name) => `/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/${name}` },
    "azure-native:network:VirtualNetwork": { nameKey: "virtualNetworkName", id: (name, i) => `${rg(i)}/providers/Microsoft.Network/virtualNetworks/${name}` },
    "azure-native:network:Subnet": { nameKey: "subnetName", id: (name, i) => `${rg(i)}/providers/Microsoft.Network/virtualNetworks/${i.virtualNetworkName}/subnets/${name}` },
    "azure-native:network:RouteTable": { nameKey: "routeTableName", id: (name, i) => `${rg(i)}/providers/Microsoft.Network/routeTables/${name}` },
    "azure-native:network:Route": { nameKey: "routeName", id: (name, i) => `${rg(i)}/providers/Microsoft.Network/routeTables/${i.routeTableName}/routes/${name}` },
    "azure-native:managedidentity:UserAssignedIdentity": { nameKey: "resourceName", id: (name, i) => `${rg(i)}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}` },
    "azure-native:authorization:RoleAssignment": { nameKey: "roleAssignmentName", id: (name, i) => `${i.scope}/providers/Microsoft.Authorization/roleAssignments/${name}` },
    "azure-native:containerservice:ManagedCluster": { nameKey: "resourceName", id: (name, i) => `${rg(i)}/providers/Microsoft.ContainerService/managedClusters/${name}` },
    "azure-native:containerservice:AgentPool": { nameKey: "agentPoolName", id: (name, i) => `${rg(i)}/providers/Microsoft.ContainerService/managedClusters/${i.resourceName}/agentPools/${name}` },
    "azure-native:containerservice:ManagedNamespace": { nameKey: "managedNamespaceName", id: (name, i) => `${rg(i)}/providers/Microsoft.ContainerService/managedClusters/${i.resourceName}/managedNamespaces/${name}` },
};

function rg(inputs: Inputs): string {
    return `/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/${inputs.resourceGroupName}`;
}

/** A stable GUID-shaped value from a name, for role assignment names and principal ids. */
export function stableGuid(seed: string): string {
    let hash = 2166136261;
    const hex: string[] = [];
    for (let round = 0; round < 4; round++) {
        for (const char of `${round}:${seed}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
        hex.push(hash.toString(16).padStart(8, "0"));
    }
    const h = hex.join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The state Azure returns for a created resource: its inputs plus name, id and computed outputs. */
export function azureState(type: string, logicalName: string, inputs: Inputs): { id: string; state: Inputs } {
    const known = AZURE_RESOURCES[type];
    if (!known) {
        // Kubernetes objects and providers: echo the inputs, as the engine would after creation.
        const metadataName = (inputs.metadata as { name?: string } | undefined)?.name;
        return { id: metadataName ?? logicalName, state: inputs };
    }
    // azure-native auto-names an omitted name from the logical name; GUIDs for role assignments.
    const name = (inputs[known.nameKey] as string | undefined)
        ?? (type.endsWith("RoleAssignment") ? stableGuid(logicalName) : logicalName);
    const withName = { ...inputs, [known.nameKey]: name };
    const id = known.id(name, withName);
    const state: Inputs = { ...withName, name, id };
    if (type.endsWith("UserAssignedIdentity")) {
        Object.assign(state, { principalId: stableGuid(`principal:${id}`), clientId: stableGuid(`client:${id}`), tenantId: MOCK_TENANT_ID });
    }
    if (type.endsWith("ManagedCluster")) {
        state.nodeResourceGroup = inputs.nodeResourceGroup ?? `MC_${inputs.resourceGroupName}_${name}_${inputs.location ?? "location"}`;
        state.fqdn = `${inputs.dnsPrefix}.hcp.${inputs.location ?? "location"}.azmk8s.io`;
        // AKS creates the kubelet identity with the cluster, and an issuer URL when it is enabled.
        state.identityProfile = { kubeletidentity: { objectId: stableGuid(`${id}/kubeletidentity`), resourceId: `/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/${state.nodeResourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}-agentpool` } };
        const oidc = inputs.oidcIssuerProfile as { enabled?: boolean } | undefined;
        if (oidc?.enabled) state.oidcIssuerProfile = { enabled: true, issuerURL: `https://${inputs.location ?? "location"}.oic.prod-aks.azure.com/${MOCK_SUBSCRIPTION_ID}/${stableGuid(id)}/` };
    }
    return { id, state };
}

/** Kubeconfig as AKS returns it from list credentials (base64), pointing at the mock cluster. */
function mockKubeconfig(clusterName: string): string {
    const yaml = [
        "apiVersion: v1",
        "kind: Config",
        `clusters: [{ name: ${clusterName}, cluster: { server: "https://${clusterName}.hcp.mock.azmk8s.io:443" } }]`,
        `contexts: [{ name: ${clusterName}, context: { cluster: ${clusterName}, user: clusterUser } }]`,
        `current-context: ${clusterName}`,
        "users: [{ name: clusterUser, user: { token: mock-token-not-a-secret } }]",
    ].join("\n");
    return Buffer.from(yaml).toString("base64");
}

/**
 * What ARM answers for a resource that doesn't exist, as azure-native passes it on (azcore's
 * ResponseError text: the request, the status and ARM's error code). The SDK reads a failed
 * invoke's text from the gRPC error's `details` (runtime/invoke.js), which the mock monitor
 * passes through as thrown, so the error carries it there too.
 */
export function notFoundError(resourceId: string): Error {
    const message = `GET https://management.azure.com${resourceId}\n${"-".repeat(80)}\nRESPONSE 404: 404 Not Found\nERROR CODE: ResourceNotFound\n${"-".repeat(80)}`;
    return Object.assign(new Error(message), { details: message });
}

/**
 * The functions (invokes) this program calls; any other token is a mistake worth failing on.
 * `liveClusters` are the clusters that already run, by name, as AKS reports them; a cluster
 * not among them doesn't exist yet (a fresh stack).
 */
export function azureFunctions(liveClusters: Record<string, Inputs> = {}, routeTables: LiveRouteTables = {}): Record<string, (inputs: Inputs) => Inputs> {
    const tableOf = (inputs: Inputs) => Object.entries(routeTables).find(([subnetId]) => subnetId.toLowerCase().endsWith(`/virtualnetworks/${String(inputs.virtualNetworkName)}/subnets/${String(inputs.subnetName)}`.toLowerCase()));
    return {
        ...AZURE_FUNCTIONS,
        // A subnet as ARM reports it: with the route table associated with it, when there is one.
        "azure-native:network:getSubnet": (inputs) => {
            const found = tableOf(inputs);
            return { name: inputs.subnetName, ...(found ? { id: found[0], routeTable: { id: found[1].id } } : {}) };
        },
        // A route table as ARM reports it: the subnets it is associated with.
        "azure-native:network:getRouteTable": (inputs) => {
            const table = Object.values(routeTables).find((t) => t.id.toLowerCase().endsWith(`/routetables/${String(inputs.routeTableName)}`.toLowerCase()));
            if (!table) throw notFoundError(`/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/${inputs.resourceGroupName}/providers/Microsoft.Network/routeTables/${inputs.routeTableName}`);
            return { name: inputs.routeTableName, id: table.id, subnets: table.subnetIds.map((id) => ({ id })) };
        },
        "azure-native:containerservice:getManagedCluster": (inputs) => {
            const cluster = liveClusters[String(inputs.resourceName)];
            // An error stands for a read Azure refuses (no access, say), passed on as azure-native does.
            if (cluster instanceof Error) throw Object.assign(cluster, { details: cluster.message });
            if (!cluster) throw notFoundError(`/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/${inputs.resourceGroupName}/providers/Microsoft.ContainerService/managedClusters/${inputs.resourceName}`);
            return cluster;
        },
    };
}

/** The route tables of the running network, by the id of a subnet they are associated with. */
export type LiveRouteTables = Record<string, { id: string; subnetIds: string[] }>;

/** The region the mock engine answers for a workspace of the user's, which it didn't create. */
export const MOCK_WORKSPACE_LOCATION = "koreacentral";

const AZURE_FUNCTIONS: Record<string, (inputs: Inputs) => Inputs> = {
    "azure-native:operationalinsights:getWorkspace": (inputs) => ({ name: inputs.workspaceName, location: MOCK_WORKSPACE_LOCATION }),
    "azure-native:monitor:getAzureMonitorWorkspace": (inputs) => ({ name: inputs.azureMonitorWorkspaceName, location: MOCK_WORKSPACE_LOCATION }),
    "azure-native:authorization:getClientConfig": () => ({
        clientId: stableGuid("client"),
        objectId: MOCK_CLIENT_OBJECT_ID,
        subscriptionId: MOCK_SUBSCRIPTION_ID,
        tenantId: MOCK_TENANT_ID,
    }),
    "azure-native:containerservice:listManagedClusterUserCredentials": (inputs) => ({
        kubeconfigs: [{ name: "clusterUser", value: mockKubeconfig(String(inputs.resourceName)) }],
    }),
};
