/**
 * Which input changes replace a resource instead of updating it, for every resource type the
 * program declares, and who goes first, as the providers decide it, dated with the provider
 * versions it was read for. A test fails when package-lock.json moves azure-native or
 * pulumi-kubernetes to another version and this table doesn't follow.
 *
 * azure-native (pulumi/pulumi-azure-native, provider/pkg/provider/diff.go and
 * provider/pkg/gen/replacement.go, as of the v3.28.0 release: it holds #4766, #4771, #4782,
 * #4785 and #4789): every property of the resource's URL path (its name, its parents' names,
 * its resource group, scope or resourceUri) replaces it; so do the properties flagged forceNew,
 * from the API spec (create-only, `x-ms-mutability` without update: `location` where the tracked
 * resource type marks it so, which a RouteTable's doesn't) or from forceNewMap (the
 * ManagedCluster's network profile ranges and plugins, #4771; an AgentPool's vmSize,
 * gpuInstanceProfile and node public IP tags, #3655; a RoleAssignment's principalId). A forceNew
 * object replaces on any change under it. With a replacement, azure-native deletes first unless
 * it generated the name itself; the resource option `deleteBeforeReplace`, when the program sets
 * it either way, wins (the engine's own default is create first).
 *
 * pulumi-kubernetes (provider/pkg/provider/provider.go, forceNewProperties; unchanged since
 * 2024, read after v4.32.0): an object whose name or namespace changes is replaced, a
 * ResourceQuota whose spec.scopes change, a RoleBinding whose roleRef changes; an explicitly
 * named object keeping its name is deleted first. The provider itself, with `clusterIdentifier`
 * set, is replaced only when that changes, and then every object it manages with it.
 */

import { valueAt } from "./diff";

export const REPLACEMENT_TABLE_VERSIONS = { "@pulumi/azure-native": "3.28.0", "@pulumi/kubernetes": "4.34.2" } as const;
/** When the table was read from the providers' sources. */
export const REPLACEMENT_TABLE_RECORDED_ON = "2026-12-01";

export interface ReplacementRule {
    /** Input paths whose change replaces the resource. */
    replaceOn: string[];
    /** The input holding the resource's own name; set, the provider replaces it delete-first. */
    nameKey: string;
}

const CLUSTER_NETWORK_FORCE_NEW = [
    "serviceCidr", "serviceCidrs", "podCidr", "podCidrs", "dnsServiceIP", "networkMode", "networkPlugin", "networkPluginMode",
    "networkDataplane", "networkPolicy", "outboundType", "ipFamilies",
].map((key) => `networkProfile.${key}`);

const KUBERNETES_NAMED = ["metadata.name", "metadata.namespace"];

export const REPLACEMENT_RULES: Record<string, ReplacementRule> = {
    "azure-native:resources:ResourceGroup": { replaceOn: ["resourceGroupName", "location"], nameKey: "resourceGroupName" },
    "azure-native:network:VirtualNetwork": { replaceOn: ["resourceGroupName", "virtualNetworkName", "location"], nameKey: "virtualNetworkName" },
    "azure-native:network:Subnet": { replaceOn: ["resourceGroupName", "virtualNetworkName", "subnetName"], nameKey: "subnetName" },
    "azure-native:network:RouteTable": { replaceOn: ["resourceGroupName", "routeTableName"], nameKey: "routeTableName" },
    "azure-native:network:Route": { replaceOn: ["resourceGroupName", "routeTableName", "routeName"], nameKey: "routeName" },
    "azure-native:managedidentity:UserAssignedIdentity": { replaceOn: ["resourceGroupName", "resourceName", "location"], nameKey: "resourceName" },
    "azure-native:authorization:RoleAssignment": { replaceOn: ["scope", "roleAssignmentName", "principalId"], nameKey: "roleAssignmentName" },
    "azure-native:authorization:RoleDefinition": { replaceOn: ["scope", "roleDefinitionId"], nameKey: "roleDefinitionId" },
    "azure-native:containerservice:ManagedCluster": {
        replaceOn: [
            "resourceGroupName", "resourceName", "location", "diskEncryptionSetID", "dnsPrefix", "fqdnSubdomain", "nodeResourceGroup",
            "linuxProfile", "windowsProfile", ...CLUSTER_NETWORK_FORCE_NEW,
        ],
        nameKey: "resourceName",
    },
    "azure-native:containerservice:AgentPool": {
        replaceOn: ["resourceGroupName", "resourceName", "agentPoolName", "vmSize", "gpuInstanceProfile", "networkProfile.nodePublicIPTags"],
        nameKey: "agentPoolName",
    },
    "azure-native:containerservice:ManagedNamespace": { replaceOn: ["resourceGroupName", "resourceName", "managedNamespaceName", "location"], nameKey: "managedNamespaceName" },
    "azure-native:containerservice:MaintenanceConfiguration": { replaceOn: ["resourceGroupName", "resourceName", "configName"], nameKey: "configName" },
    "azure-native:operationalinsights:Workspace": { replaceOn: ["resourceGroupName", "workspaceName", "location"], nameKey: "workspaceName" },
    "azure-native:monitor:AzureMonitorWorkspace": { replaceOn: ["resourceGroupName", "azureMonitorWorkspaceName", "location"], nameKey: "azureMonitorWorkspaceName" },
    "azure-native:monitor:DataCollectionEndpoint": { replaceOn: ["resourceGroupName", "dataCollectionEndpointName", "location"], nameKey: "dataCollectionEndpointName" },
    "azure-native:monitor:DataCollectionRule": { replaceOn: ["resourceGroupName", "dataCollectionRuleName", "location"], nameKey: "dataCollectionRuleName" },
    "azure-native:monitor:DataCollectionRuleAssociation": { replaceOn: ["resourceUri", "associationName"], nameKey: "associationName" },
    "azure-native:monitor:DiagnosticSetting": { replaceOn: ["resourceUri", "name"], nameKey: "name" },
    "azure-native:alertsmanagement:PrometheusRuleGroup": { replaceOn: ["resourceGroupName", "ruleGroupName", "location"], nameKey: "ruleGroupName" },
    "pulumi:providers:kubernetes": { replaceOn: ["clusterIdentifier"], nameKey: "" },
    "kubernetes:core/v1:Namespace": { replaceOn: ["metadata.name"], nameKey: "metadata.name" },
    "kubernetes:core/v1:NamespacePatch": { replaceOn: ["metadata.name"], nameKey: "metadata.name" },
    "kubernetes:core/v1:ResourceQuota": { replaceOn: [...KUBERNETES_NAMED, "spec.scopes"], nameKey: "metadata.name" },
    "kubernetes:core/v1:LimitRange": { replaceOn: KUBERNETES_NAMED, nameKey: "metadata.name" },
    "kubernetes:networking.k8s.io/v1:NetworkPolicy": { replaceOn: KUBERNETES_NAMED, nameKey: "metadata.name" },
    "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding": { replaceOn: [...KUBERNETES_NAMED, "roleRef"], nameKey: "metadata.name" },
};


/**
 * Whether the provider replaces delete-first: azure-native for a name the program gave (it
 * generates none it could avoid colliding with), pulumi-kubernetes for an object named
 * explicitly whose name and namespace stay.
 */
export function providerDeletesFirst(type: string, before: Record<string, unknown>, after: Record<string, unknown>): boolean {
    const rule = replacementRuleFor(type);
    if (rule.nameKey === "") return false;
    if (type.startsWith("kubernetes:")) {
        return valueAt(after, "metadata.name") !== undefined && KUBERNETES_NAMED.every((path) => JSON.stringify(valueAt(before, path)) === JSON.stringify(valueAt(after, path)));
    }
    return valueAt(after, rule.nameKey) !== undefined;
}

/** The rule for a type; a type the table doesn't know is an error, so a new one can't slip through unreviewed. */
export function replacementRuleFor(type: string): ReplacementRule {
    const rule = REPLACEMENT_RULES[type];
    if (!rule) throw new Error(`the review knows no replacement rules for ${type}: add them to infra/review/replacements.ts from the provider's source`);
    return rule;
}
