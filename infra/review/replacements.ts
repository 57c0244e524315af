/**
 * Which input changes replace a resource instead of updating it, for every resource type the
 * program declares, as the providers decide it, dated with the provider versions it was read
 * for. A test fails when package-lock.json moves azure-native or pulumi-kubernetes to another
 * version and this table doesn't follow.
 *
 * azure-native (pulumi/pulumi-azure-native, provider/pkg/provider/diff.go,
 * calculateChangesAndReplacements): a change to a property that is part of the resource's URL
 * path (its name, its parent's names, its resource group or scope) replaces the resource, as does
 * a change of `location`, and of the properties the provider marks forceNew for a type
 * (provider/pkg/gen/replacement.go, forceNewMap: the ManagedCluster's network profile, PR #4771;
 * an AgentPool's vmSize, gpuInstanceProfile and nodePublicIPTags, PR #3655). pulumi-kubernetes
 * replaces an object whose name or namespace changes, a RoleBinding whose roleRef changes (the
 * API refuses to update it), and, with `clusterIdentifier` set, its provider only when that
 * changes (provider.d.ts).
 */

export const REPLACEMENT_TABLE_VERSIONS = { "@pulumi/azure-native": "3.28.0", "@pulumi/kubernetes": "4.34.2" } as const;
/** When the table was read from the providers' sources. */
export const REPLACEMENT_TABLE_RECORDED_ON = "2026-12-01";

export interface ReplacementRule {
    /** Input paths whose change replaces the resource. */
    replaceOn: string[];
    /** The provider itself replaces it delete-first (the engine's default is create-first). */
    deleteBeforeReplace?: boolean;
}

const TRACKED = ["location"];

export const REPLACEMENT_RULES: Record<string, ReplacementRule> = {
    "azure-native:resources:ResourceGroup": { replaceOn: ["resourceGroupName", ...TRACKED] },
    "azure-native:network:VirtualNetwork": { replaceOn: ["resourceGroupName", "virtualNetworkName", ...TRACKED] },
    "azure-native:network:Subnet": { replaceOn: ["resourceGroupName", "virtualNetworkName", "subnetName"] },
    "azure-native:network:RouteTable": { replaceOn: ["resourceGroupName", "routeTableName", ...TRACKED] },
    "azure-native:network:Route": { replaceOn: ["resourceGroupName", "routeTableName", "routeName"] },
    "azure-native:managedidentity:UserAssignedIdentity": { replaceOn: ["resourceGroupName", "resourceName", ...TRACKED] },
    "azure-native:authorization:RoleAssignment": { replaceOn: ["scope", "roleAssignmentName", "principalId", "roleDefinitionId"] },
    "azure-native:authorization:RoleDefinition": { replaceOn: ["scope", "roleDefinitionId"] },
    "azure-native:containerservice:ManagedCluster": {
        replaceOn: [
            "resourceGroupName", "resourceName", ...TRACKED,
            "networkProfile.networkPlugin", "networkProfile.networkPluginMode", "networkProfile.podCidr", "networkProfile.serviceCidr",
            "networkProfile.dnsServiceIP", "networkProfile.networkPolicy", "networkProfile.outboundType",
        ],
    },
    "azure-native:containerservice:AgentPool": { replaceOn: ["resourceGroupName", "resourceName", "agentPoolName", "vmSize", "gpuInstanceProfile", "nodePublicIPTags"] },
    "azure-native:containerservice:MaintenanceConfiguration": { replaceOn: ["resourceGroupName", "resourceName", "configName"] },
    "azure-native:operationalinsights:Workspace": { replaceOn: ["resourceGroupName", "workspaceName", ...TRACKED] },
    "azure-native:monitor:AzureMonitorWorkspace": { replaceOn: ["resourceGroupName", "azureMonitorWorkspaceName", ...TRACKED] },
    "azure-native:monitor:DataCollectionEndpoint": { replaceOn: ["resourceGroupName", "dataCollectionEndpointName", ...TRACKED] },
    "azure-native:monitor:DataCollectionRule": { replaceOn: ["resourceGroupName", "dataCollectionRuleName", ...TRACKED] },
    "azure-native:monitor:DataCollectionRuleAssociation": { replaceOn: ["resourceUri", "associationName"] },
    "azure-native:monitor:DiagnosticSetting": { replaceOn: ["resourceUri", "name"] },
    "azure-native:alertsmanagement:PrometheusRuleGroup": { replaceOn: ["resourceGroupName", "ruleGroupName", ...TRACKED] },
    "pulumi:providers:kubernetes": { replaceOn: ["clusterIdentifier"] },
    "kubernetes:core/v1:Namespace": { replaceOn: ["metadata.name"] },
    "kubernetes:core/v1:NamespacePatch": { replaceOn: ["metadata.name"] },
    "kubernetes:core/v1:ResourceQuota": { replaceOn: ["metadata.name", "metadata.namespace"] },
    "kubernetes:core/v1:LimitRange": { replaceOn: ["metadata.name", "metadata.namespace"] },
    "kubernetes:networking.k8s.io/v1:NetworkPolicy": { replaceOn: ["metadata.name", "metadata.namespace"] },
    "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding": { replaceOn: ["metadata.name", "metadata.namespace", "roleRef"] },
};

/** The rule for a type; a type the table doesn't know is an error, so a new one can't slip through unreviewed. */
export function replacementRuleFor(type: string): ReplacementRule {
    const rule = REPLACEMENT_RULES[type];
    if (!rule) throw new Error(`the review knows no replacement rules for ${type}: add them to infra/review/replacements.ts from the provider's source`);
    return rule;
}
