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
 * Two exceptions of azure-native's diff (provider/pkg/provider/diff.go,
 * calculateChangesAndReplacements): a forceNew property the program sets where it set none before
 * is no replacement when the value equals what Azure already reports for it (the ADD_REPLACE
 * case: `nodeResourceGroup` set to the name AKS chose); and a forceNew property the program no
 * longer sets is "no opinion, leave it alone", not a replacement (#4785, #4789). Its `location`
 * compares without case or spaces, its `resourceGroupName` without case (applyAzureSpecificDiff).
 *
 * pulumi-kubernetes (provider/pkg/provider/provider.go, forceNewProperties; unchanged since
 * 2024, read after v4.32.0): an object whose name or namespace changes is replaced, a
 * ResourceQuota whose spec.scopes change, a RoleBinding whose roleRef changes; an explicitly
 * named object keeping its name is deleted first. The provider itself (DiffConfig, read at
 * pulumi/pulumi-kubernetes 94977969, 2026-07-01): with `clusterIdentifier` set on both sides, it
 * is replaced only when that changes; setting or removing it replaces nothing; without it, an
 * unknown kubeconfig replaces it. A replaced provider replaces every object it manages (the
 * engine, pkg/resource/deploy/step_generator.go, providerChanged).
 */

import { covers, valueAt } from "./diff";

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

const isAzureNative = (type: string) => type.startsWith("azure-native:");

/** Values a provider holds equal though the text differs: azure-native's location and resource group name. */
export function sameToProvider(type: string, path: string, before: unknown, after: unknown): boolean {
    if (!isAzureNative(type) || typeof before !== "string" || typeof after !== "string") return false;
    if (path === "location") return before.replace(/ /g, "").toLowerCase() === after.replace(/ /g, "").toLowerCase();
    if (path === "resourceGroupName") return before.toLowerCase() === after.toLowerCase();
    return false;
}

/** The declaration of one side: its inputs, and for the base what Azure reports beyond them. */
interface Declared {
    inputs: Record<string, unknown>;
    computed?: Record<string, unknown>;
}

/**
 * The changed paths (`properties`) that make the provider replace the resource, before the
 * program's own `replaceOnChanges`.
 */
export function forcingPaths(type: string, before: Declared, after: Declared, properties: string[]): string[] {
    const rule = replacementRuleFor(type);
    if (type === "pulumi:providers:kubernetes") {
        // Only a clusterIdentifier that changes, not one set or removed.
        return properties.filter((path) => path === "clusterIdentifier" && before.inputs.clusterIdentifier !== undefined && after.inputs.clusterIdentifier !== undefined);
    }
    return properties.filter((path) => {
        if (!rule.replaceOn.some((option) => covers(option, path))) return false;
        if (!isAzureNative(type)) return true;
        // A forceNew property left out: no opinion, nothing replaced (#4785, #4789).
        if (valueAt(after.inputs, path) === undefined) return false;
        // Set where it was unset, to the value Azure reports: the ADD case, an update.
        const key = path.split(/[.[]/)[0];
        const added = key === path && !(key in before.inputs);
        return !(added && before.computed !== undefined && key in before.computed && JSON.stringify(before.computed[key]) === JSON.stringify(after.inputs[key]));
    });
}

/**
 * Whether the provider replaces a resource whose inputs `keys` become unknown, the engine's
 * question for each dependent of a resource replaced delete-first (calculateDependentReplacements:
 * it makes those inputs unknown and asks the provider's Diff).
 */
export function replacedForUnknown(type: string, keys: string[], inputs: Record<string, unknown>, replaceOnChanges: string[]): boolean {
    if (type === "pulumi:providers:kubernetes") {
        // DiffConfig: an unknown clusterIdentifier is an update of it, which replaces; one that
        // stays (set and known) keeps the provider whatever the kubeconfig; otherwise an unknown
        // kubeconfig replaces it.
        if (keys.includes("clusterIdentifier")) return true;
        if (inputs.clusterIdentifier !== undefined) return false;
        return keys.some((key) => ["kubeconfig", "context", "cluster"].includes(key));
    }
    // A whole input unknown is an update of that key: it replaces when the key itself forces a
    // replacement (a URL path property such as resourceName, scope or resourceUri; metadata for
    // a Kubernetes object), or a replaceOnChanges option covers it.
    const rule = replacementRuleFor(type);
    const forcing = type.startsWith("kubernetes:") ? ["metadata", ...rule.replaceOn] : rule.replaceOn;
    return keys.some((key) => forcing.includes(key) || replaceOnChanges.some((option) => covers(option, key)));
}

/** The rule for a type; a type the table doesn't know is an error, so a new one can't slip through unreviewed. */
export function replacementRuleFor(type: string): ReplacementRule {
    const rule = REPLACEMENT_RULES[type];
    if (!rule) throw new Error(`the review knows no replacement rules for ${type}: add them to infra/review/replacements.ts from the provider's source`);
    return rule;
}
