/**
 * What a change means for the running cluster, in words, from the program's own knowledge of
 * AKS: a pool upgraded, scaled, rotated or drained; the control plane upgraded; a namespace's
 * objects recreated; a grant missing for a moment. A change this file knows nothing special
 * about says nothing: its action and properties are the whole story.
 */
import { POOL_NAME_LABEL } from "../../components/rules";
import {
    ACR_PULL_ROLE_ID,
    AKS_RBAC_CLUSTER_ADMIN_ROLE_ID,
    KEY_VAULT_CONTRIBUTOR_ROLE_ID,
    KEY_VAULT_CRYPTO_USER_ROLE_ID,
    NETWORK_CONTRIBUTOR_ROLE_ID,
    PRIVATE_DNS_ZONE_CONTRIBUTOR_ROLE_ID,
} from "../../components/rules";
import { SynthResource } from "../synth/synthesize";
import { valueAt } from "./diff";
import type { Change } from "./plan";

type Inputs = Record<string, unknown>;

const ROLE_NAMES: Record<string, string> = {
    [NETWORK_CONTRIBUTOR_ROLE_ID]: "Network Contributor",
    [PRIVATE_DNS_ZONE_CONTRIBUTOR_ROLE_ID]: "Private DNS Zone Contributor",
    [KEY_VAULT_CRYPTO_USER_ROLE_ID]: "Key Vault Crypto User",
    [KEY_VAULT_CONTRIBUTOR_ROLE_ID]: "Key Vault Contributor",
    [ACR_PULL_ROLE_ID]: "AcrPull",
    [AKS_RBAC_CLUSTER_ADMIN_ROLE_ID]: "Azure Kubernetes Service RBAC Cluster Admin",
};

const shown = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));
const lastSegment = (id: unknown) => String(id ?? "").split("/").filter(Boolean).pop() ?? "";

function poolSize(inputs: Inputs): string {
    return inputs.enableAutoScaling ? `${inputs.minCount}–${inputs.maxCount} nodes, autoscaled` : `${inputs.count} nodes`;
}

function poolImpact(change: Change, before: Inputs | undefined, after: Inputs | undefined): string[] {
    const inputs = after ?? before!;
    const label = (valueAt(inputs, "nodeLabels") as Inputs | undefined)?.[POOL_NAME_LABEL] ?? inputs.agentPoolName;
    const pool = `pool "${label}"`;
    switch (change.action) {
        case "create": return [`${pool} is created: ${inputs.vmSize}, ${poolSize(inputs)}`];
        case "delete": return [`${pool} (Azure name ${inputs.agentPoolName}) is deleted: AKS cordons and drains its nodes, and their pods move to the other pools`];
        case "blocked": return [`${pool} can't be replaced or deleted: it is protected`];
        case "replace": return change.replaceOrder === "create-before-delete"
            ? [`${pool} is rotated onto new nodes: ${after?.agentPoolName} (${after?.vmSize}, ${poolSize(after!)}) is created before ${before?.agentPoolName} is deleted and drained; workloads that select ${POOL_NAME_LABEL}: ${label} follow it`]
            : [`${pool} is deleted before its replacement exists: its workloads have no nodes meanwhile`];
        default: return poolUpdate(pool, change.properties, before!, after!, "");
    }
}

/** An in-place pool change, read from the paths that changed (`prefix` for a pool inside the cluster's request). */
function poolUpdate(pool: string, properties: string[], before: Inputs, after: Inputs, prefix: string): string[] {
    const changed = (key: string) => properties.some((p) => p === `${prefix}${key}` || p.startsWith(`${prefix}${key}.`) || p.startsWith(`${prefix}${key}[`));
    const value = (inputs: Inputs, key: string) => valueAt(inputs, `${prefix}${key}`.replace(/\[(\d+)\]/g, ".$1"));
    const impact: string[] = [];
    if (changed("orchestratorVersion")) {
        impact.push(`the nodes of ${pool} are upgraded from ${shown(value(before, "orchestratorVersion"))} to ${shown(value(after, "orchestratorVersion"))}, a surge of ${shown(value(after, "upgradeSettings.maxSurge"))} at a time`);
    }
    if (changed("count")) impact.push(`${pool} is scaled from ${shown(value(before, "count"))} to ${shown(value(after, "count"))} nodes`);
    if (changed("minCount") || changed("maxCount") || changed("enableAutoScaling")) {
        impact.push(value(after, "enableAutoScaling") ? `the autoscaler sizes ${pool} between ${shown(value(after, "minCount"))} and ${shown(value(after, "maxCount"))} nodes` : `${pool} is no longer autoscaled`);
    }
    if (changed("nodeTaints") || changed("nodeLabels")) impact.push(`the labels or taints of ${pool}'s nodes change in place: pods already running stay, new ones are scheduled by the new ones`);
    if (changed("mode")) impact.push(`${pool} becomes a ${shown(value(after, "mode"))} pool`);
    return impact;
}

function clusterImpact(change: Change, before: Inputs | undefined, after: Inputs | undefined): string[] {
    if (change.action === "blocked") {
        return [`the cluster would be deleted and created again, with every workload on it (forced by ${(change.forcedBy ?? []).join(", ") || "its removal"}): the engine refuses, because it is protected, and pulumi up fails before changing anything`];
    }
    if (change.action !== "update" || !before || !after) return change.action === "create" ? ["the cluster is created: the control plane and the default pool"] : [];
    const impact: string[] = [];
    if (change.properties.includes("kubernetesVersion")) impact.push(`the control plane is upgraded from ${shown(before.kubernetesVersion)} to ${shown(after.kubernetesVersion)}`);
    const pools = (after.agentPoolProfiles as Inputs[] | undefined) ?? [];
    pools.forEach((profile, i) => {
        const prefix = `agentPoolProfiles[${i}].`;
        if (!change.properties.some((p) => p.startsWith(prefix))) return;
        impact.push(...poolUpdate(`pool "${profile.name}" (the default pool)`, change.properties, before, after, prefix));
    });
    if (change.properties.some((p) => p.startsWith("agentPoolProfiles"))) impact.push("AKS shows every pool as Scaling while the cluster's request is applied (pulumi/pulumi-azure-native#4264)");
    return impact;
}

function grantImpact(change: Change, before: Inputs | undefined, after: Inputs | undefined): string[] {
    const inputs = after ?? before!;
    const role = ROLE_NAMES[lastSegment(inputs.roleDefinitionId)] ?? `role ${lastSegment(inputs.roleDefinitionId)}`;
    const grant = `${role} on ${lastSegment(inputs.scope)}`;
    switch (change.action) {
        case "create": return [`${grant} is granted`];
        case "delete": return [`${grant} is removed`];
        case "replace": return change.replaceOrder === "delete-before-create"
            ? [`${grant} is removed before its replacement exists (Azure allows one assignment per scope, principal and role): the principal is without it meanwhile`]
            : [`${grant} is granted again before the old assignment goes`];
        default: return [];
    }
}

function namespaceImpact(change: Change, inputs: Inputs, labelsPath = "metadata.labels"): string[] {
    const name = shown(valueAt(inputs, "metadata.name"));
    switch (change.action) {
        case "create": return [`namespace ${name} is created`];
        case "delete": return [`namespace ${name} is deleted, with every object in it`];
        case "replace": return [`namespace ${name} is deleted and created again, with every object in it`];
        default: return change.properties.some((p) => p.startsWith(labelsPath)) ? [`namespace ${name}'s labels change (Pod Security Standards apply to new pods)`] : [];
    }
}

function routeImpact(change: Change, before: Inputs | undefined, after: Inputs | undefined): string[] {
    const inputs = after ?? before!;
    const hop = (i: Inputs) => `${i.nextHopType}${i.nextHopIpAddress ? ` ${i.nextHopIpAddress}` : ""}`;
    if (change.action === "update" && before && after) return [`traffic to ${after.addressPrefix} goes to ${hop(after)} instead of ${hop(before)}`];
    if (change.action === "create") return [`traffic to ${inputs.addressPrefix} goes to ${hop(inputs)}`];
    if (change.action === "delete") return [`the route for ${inputs.addressPrefix} is removed`];
    return [];
}

/** The impact of one change, from the declarations before and after it. */
export function impactOf(change: Change, sides: { before?: SynthResource; after?: SynthResource; providerReplaced: boolean }): string[] {
    const before = sides.before?.inputs;
    const after = sides.after?.inputs;
    switch (change.type) {
        case "azure-native:containerservice:AgentPool": return poolImpact(change, before, after);
        case "azure-native:containerservice:ManagedCluster": return clusterImpact(change, before, after);
        case "azure-native:authorization:RoleAssignment": return grantImpact(change, before, after);
        case "azure-native:network:Route": return routeImpact(change, before, after);
        case "kubernetes:core/v1:Namespace": return namespaceImpact(change, (after ?? before)!);
        // A managed namespace is deleted with its Kubernetes namespace (deletePolicy Delete).
        case "azure-native:containerservice:ManagedNamespace": {
            const inputs = (after ?? before)!;
            return namespaceImpact(change, { metadata: { name: inputs.managedNamespaceName, labels: (inputs.properties as Inputs | undefined)?.labels } }, "properties.labels");
        }
        case "pulumi:providers:kubernetes":
            return change.action === "replace" ? ["the Kubernetes provider is replaced, and with it every namespace, quota, limit range, binding and policy it manages"] : [];
        default:
            if (change.type.startsWith("kubernetes:") && sides.providerReplaced && change.action === "replace") return ["replaced with the Kubernetes provider"];
            return [];
    }
}
