/**
 * What a change means for the running cluster, in words, from the program's own knowledge of
 * AKS: a pool upgraded, scaled, rotated or drained (and where its pods go); the control plane
 * upgraded, or left to its channel; a namespace's objects recreated; who gains or loses access;
 * a grant missing for a moment; what a refused change leaves half done. A change this file knows
 * nothing special about says nothing more than its action and properties.
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

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const POOL = "azure-native:containerservice:AgentPool";

const ROLE_NAMES: Record<string, string> = {
    [NETWORK_CONTRIBUTOR_ROLE_ID]: "Network Contributor",
    [PRIVATE_DNS_ZONE_CONTRIBUTOR_ROLE_ID]: "Private DNS Zone Contributor",
    [KEY_VAULT_CRYPTO_USER_ROLE_ID]: "Key Vault Crypto User",
    [KEY_VAULT_CONTRIBUTOR_ROLE_ID]: "Key Vault Contributor",
    [ACR_PULL_ROLE_ID]: "AcrPull",
    [AKS_RBAC_CLUSTER_ADMIN_ROLE_ID]: "Azure Kubernetes Service RBAC Cluster Admin",
};

/** What an impact needs: the change, both sides' declarations of it, and both sides whole. */
export interface ImpactContext {
    before?: SynthResource;
    after?: SynthResource;
    base: SynthResource[];
    head: SynthResource[];
    changes: Change[];
}

const shown = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));
const lastSegment = (id: unknown) => String(id ?? "").split("/").filter(Boolean).pop() ?? "";

function poolSize(inputs: Inputs): string {
    return inputs.enableAutoScaling ? `${inputs.minCount}–${inputs.maxCount} nodes, autoscaled` : `${inputs.count} nodes`;
}

const labelOf = (inputs: Inputs) => (valueAt(inputs, "nodeLabels") as Inputs | undefined)?.[POOL_NAME_LABEL];

/** The pool labels the head's pools carry, the cluster's own request included. */
function headPoolLabels(head: SynthResource[]): Set<unknown> {
    const labels = new Set<unknown>();
    for (const r of head) {
        if (r.type === POOL) labels.add(labelOf(r.inputs));
        if (r.type === CLUSTER) for (const profile of (r.inputs.agentPoolProfiles as Inputs[] | undefined) ?? []) labels.add(labelOf(profile));
    }
    return labels;
}

function poolImpact(change: Change, context: ImpactContext): string[] {
    const { before, after } = { before: context.before?.inputs, after: context.after?.inputs };
    const inputs = after ?? before!;
    const label = labelOf(inputs) ?? inputs.agentPoolName;
    const pool = `pool "${label}"`;
    switch (change.action) {
        case "create": return [`${pool} is created: ${inputs.vmSize}, ${poolSize(inputs)}, labelled ${POOL_NAME_LABEL}: ${label}`];
        case "delete": {
            // A renamed pool is a new pool under a new label: pods that select the old one by
            // its label have nowhere to go.
            const where = headPoolLabels(context.head).has(label)
                ? `its pods move to the pool that now carries ${POOL_NAME_LABEL}: ${label}`
                : `no pool left carries ${POOL_NAME_LABEL}: ${label}, so pods that select it stay Pending (a renamed pool takes its label with it); other pods move to the other pools`;
            return [`${pool} (Azure name ${inputs.agentPoolName}) is deleted: AKS cordons and drains its nodes; ${where}`];
        }
        case "replace": return change.replaceOrder === "create-before-delete"
            ? [`${pool} is rotated onto new nodes: ${after?.agentPoolName} (${after?.vmSize}, ${poolSize(after!)}) is created before ${before?.agentPoolName} is deleted and drained; workloads that select ${POOL_NAME_LABEL}: ${label} follow it`]
            : [`${pool} is deleted before its replacement exists: its workloads have no nodes meanwhile`];
        case "update": return poolUpdate(pool, change.properties, before!, after!, "", upgradeChannelOf(context.head));
        default: return [];
    }
}

/** -1, 0 or 1 as version `a` (MAJOR.MINOR[.PATCH]) is below, equal to or above `b`. */
function compareVersions(a: string, b: string): number {
    const parts = (v: string) => v.split(".").map(Number);
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return Math.sign((x[i] ?? 0) - (y[i] ?? 0));
    return 0;
}

/**
 * A version change as it is: from one pinned version to a later one an upgrade, to an earlier one
 * a downgrade AKS refuses; to none, the version is left to the cluster's auto-upgrade channel
 * and nothing is upgraded now; from none, a pin, which upgrades only what runs an earlier one.
 */
function versionChange(what: string, plural: boolean, from: unknown, to: unknown, channel: unknown, surge = ""): string {
    const is = plural ? "are" : "is";
    if (to === undefined) {
        const left = channel === undefined || channel === "none"
            ? "AKS upgrades it only when the version falls out of support"
            : `AKS's ${shown(channel)} auto-upgrade channel moves it from now on`;
        return `${what} ${is} no longer pinned${from === undefined ? "" : ` to ${shown(from)}`}: not upgraded by this change; ${left}`;
    }
    if (from === undefined) return `${what} ${is} pinned to ${shown(to)}: upgraded to it if ${plural ? "they run" : "it runs"} an earlier version (what runs only pulumi preview sees)${surge}`;
    if (typeof from === "string" && typeof to === "string" && compareVersions(to, from) < 0) {
        return `${what} would go down from ${from} to ${to}: AKS doesn't downgrade`;
    }
    return `${what} ${is} upgraded from ${shown(from)} to ${shown(to)}${surge}`;
}

/** An in-place pool change, read from the paths that changed (`prefix` for a pool inside the cluster's request). */
function poolUpdate(pool: string, properties: string[], before: Inputs, after: Inputs, prefix: string, channel: unknown): string[] {
    const changed = (key: string) => properties.some((p) => p === `${prefix}${key}` || p.startsWith(`${prefix}${key}.`) || p.startsWith(`${prefix}${key}[`));
    const value = (inputs: Inputs, key: string) => valueAt(inputs, `${prefix}${key}`.replace(/\[(\d+)\]/g, ".$1"));
    const impact: string[] = [];
    if (changed("orchestratorVersion")) {
        impact.push(versionChange(`the nodes of ${pool}`, true, value(before, "orchestratorVersion"), value(after, "orchestratorVersion"), channel, `, a surge of ${shown(value(after, "upgradeSettings.maxSurge"))} at a time`));
    }
    if (changed("count")) impact.push(`${pool} is scaled from ${shown(value(before, "count"))} to ${shown(value(after, "count"))} nodes`);
    if (changed("minCount") || changed("maxCount") || changed("enableAutoScaling")) {
        impact.push(value(after, "enableAutoScaling") ? `the autoscaler sizes ${pool} between ${shown(value(after, "minCount"))} and ${shown(value(after, "maxCount"))} nodes` : `${pool} is no longer autoscaled`);
    }
    if (changed("nodeTaints") || changed("nodeLabels")) impact.push(`the labels or taints of ${pool}'s nodes change in place: pods already running stay, new ones are scheduled by the new ones`);
    if (changed("mode")) impact.push(`${pool} becomes a ${shown(value(after, "mode"))} pool`);
    return impact;
}

/** The auto-upgrade channel the head's cluster sets: the pools follow the cluster's. */
function upgradeChannelOf(head: SynthResource[]): unknown {
    const cluster = head.find((r) => r.type === CLUSTER);
    return cluster && valueAt(cluster.inputs, "autoUpgradeProfile.upgradeChannel");
}

function clusterImpact(change: Change, context: ImpactContext): string[] {
    const before = context.before?.inputs;
    const after = context.after?.inputs;
    const forced = (change.forcedBy ?? []).join(", ") || "its removal";
    if (change.action === "blocked" && (change.forcedBy ?? []).length > 0) return [`replacing it would delete the cluster and create it again, with every workload on it (forced by ${forced})`];
    if (change.action === "replace" || change.action === "delete") {
        return [`THE CLUSTER IS DELETED${change.action === "replace" ? " AND CREATED AGAIN" : ""}: every node, every workload and everything stored in the cluster's API goes, and the new cluster starts empty (forced by ${forced})${change.replaceOrder === "delete-before-create" ? "; the old one goes first, so nothing runs until the new one exists" : ""}`];
    }
    if (change.action === "create") return ["the cluster is created: the control plane and the default pool"];
    if (change.action !== "update" && change.action !== "blocked") return [];
    if (!before || !after) return [];
    const impact: string[] = [];
    const channel = upgradeChannelOf(context.head);
    if (change.properties.includes("kubernetesVersion")) impact.push(versionChange("the control plane", false, before.kubernetesVersion, after.kubernetesVersion, channel));
    const pools = (after.agentPoolProfiles as Inputs[] | undefined) ?? [];
    pools.forEach((profile, i) => {
        const prefix = `agentPoolProfiles[${i}].`;
        if (!change.properties.some((p) => p.startsWith(prefix))) return;
        impact.push(...poolUpdate(`pool "${profile.name}" (the default pool)`, change.properties, before, after, prefix, channel));
    });
    if (change.properties.some((p) => p.startsWith("agentPoolProfiles"))) impact.push("AKS shows every pool as Scaling while the cluster's request is applied (pulumi/pulumi-azure-native#4264)");
    return impact;
}

function grantImpact(change: Change, context: ImpactContext): string[] {
    const inputs = (context.after ?? context.before)!.inputs;
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

/** Who a RoleBinding gives a role to, and where. */
function bindingImpact(change: Change, inputs: Inputs): string[] {
    const listed = ((inputs.subjects as Inputs[] | undefined) ?? []).map((s) => `${shown(s.kind).toLowerCase()} ${shown(s.name)}`);
    const subjects = listed.join(", ") || "no one";
    const verb = (one: string, many: string) => (listed.length > 1 ? many : one);
    const role = `${shown(valueAt(inputs, "roleRef.kind"))} ${shown(valueAt(inputs, "roleRef.name"))}`;
    const where = `in namespace ${shown(valueAt(inputs, "metadata.namespace"))}`;
    switch (change.action) {
        case "create": return [`${subjects} ${verb("gains", "gain")} ${role} ${where}`];
        case "delete": return [`${subjects} ${verb("loses", "lose")} ${role} ${where}`];
        case "replace": return [`${subjects} ${verb("loses", "lose")} ${role} ${where} until the binding is created again`];
        default: return [];
    }
}

function routeImpact(change: Change, context: ImpactContext): string[] {
    const before = context.before?.inputs;
    const after = context.after?.inputs;
    const inputs = (after ?? before)!;
    const hop = (i: Inputs) => `${i.nextHopType}${i.nextHopIpAddress ? ` ${i.nextHopIpAddress}` : ""}`;
    if (change.action === "update" && before && after) return [`traffic to ${after.addressPrefix} goes to ${hop(after)} instead of ${hop(before)}`];
    if (change.action === "create") return [`traffic to ${inputs.addressPrefix} goes to ${hop(inputs)}`];
    if (change.action === "delete") return [`the route for ${inputs.addressPrefix} is removed`];
    return [];
}

const clusterRuns = (context: ImpactContext) => context.base.some((r) => r.type === CLUSTER) && context.head.some((r) => r.type === CLUSTER);

/**
 * A kubenet cluster's route table is fixed at creation: AKS writes a route per node into the
 * table associated with the subnet when the cluster was created, and the association "can't be
 * changed after creation" (the AKS kubenet guide, bring your own route table).
 */
function routeTableImpact(change: Change, context: ImpactContext): string[] {
    if (!clusterRuns(context)) return [];
    const unsupported = "AKS doesn't support moving a running kubenet cluster to another route table: the pod routes AKS wrote stay in the old table, and pods on different nodes stop reaching each other";
    if (change.type === "azure-native:network:Subnet" && change.properties.some((p) => p.startsWith("routeTable"))) {
        return [`the cluster subnet's route table changes under the running cluster: ${unsupported}`];
    }
    if (change.type === "azure-native:network:RouteTable" && (change.action === "delete" || change.action === "replace")) {
        return [`the route table the running cluster's pod routes are in is ${change.action === "delete" ? "deleted" : "deleted and created empty"}: ${unsupported}`];
    }
    return [];
}

/** The changes the engine applies before it gets to `urn`: those to what it waits for. */
function appliedBefore(urn: string, context: ImpactContext): string[] {
    const byUrn = new Map(context.head.map((r) => [r.urn, r]));
    const seen = new Set<string>();
    const walk = (at: string) => {
        for (const dependency of byUrn.get(at)?.dependencies ?? []) {
            if (seen.has(dependency)) continue;
            seen.add(dependency);
            walk(dependency);
        }
    };
    walk(urn);
    return context.changes.filter((c) => c.urn !== urn && seen.has(c.urn) && c.action !== "blocked").map((c) => `${c.name} (${c.action})`);
}

/**
 * What `pulumi up` does with a refused change. The shipped deploy workflow runs pulumi/actions
 * v7 `command: up`, which runs `pulumi up --yes --skip-preview` (its @pulumi/pulumi 3.206.0
 * automation API, sdk/nodejs/automation/stack.ts): no preview first. The engine then applies
 * each resource as the program registers it and stops at the refused one ("In Update mode, we
 * bail to stop any further actions immediately", generateStepsFromDiff); a protected deletion
 * comes at the end and fails after everything else (step_executor.go continues past it).
 * `pulumi preview` reports a refusal and changes nothing.
 */
function refusedUnderTheWorkflow(change: Change, context: ImpactContext): string {
    if (context.after === undefined) {
        return "pulumi up applies every other change first, then refuses this deletion and fails; pulumi preview reports it and changes nothing";
    }
    const before = appliedBefore(change.urn, context);
    const whatFirst = before.length > 0 ? `the changes to what it waits for are applied first (${before.join(", ")}), then it stops here` : "it stops here, with whatever the engine applied before it";
    // A creation azure-native refuses is found only when it creates: preview creates nothing.
    const preview = context.before === undefined ? "pulumi preview creates nothing, so it passes" : "pulumi preview reports it and changes nothing";
    return `pulumi up fails: under the shipped deploy workflow (pulumi/actions up runs pulumi up --skip-preview) ${whatFirst}; ${preview}`;
}

function typeImpact(change: Change, context: ImpactContext): string[] {
    const inputs = (context.after ?? context.before)?.inputs ?? {};
    switch (change.type) {
        case POOL: return poolImpact(change, context);
        case CLUSTER: return clusterImpact(change, context);
        case "azure-native:authorization:RoleAssignment": return grantImpact(change, context);
        case "azure-native:network:Route": return routeImpact(change, context);
        case "azure-native:network:Subnet":
        case "azure-native:network:RouteTable": return routeTableImpact(change, context);
        case "kubernetes:core/v1:Namespace": return namespaceImpact(change, inputs);
        // A managed namespace is deleted with its Kubernetes namespace (deletePolicy Delete).
        case "azure-native:containerservice:ManagedNamespace":
            return namespaceImpact(change, { metadata: { name: inputs.managedNamespaceName, labels: (inputs.properties as Inputs | undefined)?.labels } }, "properties.labels");
        case "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding": return bindingImpact(change, inputs);
        case "pulumi:providers:kubernetes":
            return change.action === "replace" ? ["the Kubernetes provider is replaced, and with it every namespace, quota, limit range, binding and policy it manages"] : [];
        default:
            return change.type.startsWith("kubernetes:") && change.action === "replace" && (change.forcedBy ?? []).includes("provider") ? ["replaced with the Kubernetes provider"] : [];
    }
}

/** The impact of one change, from the declarations before and after it. */
export function impactOf(change: Change, context: ImpactContext): string[] {
    const impact = typeImpact(change, context);
    if (change.replacedWith !== undefined) {
        const why = (change.forcedBy ?? []).filter((key) => key !== "provider");
        impact.push(`${change.action === "blocked" ? "would be" : "is"} replaced because ${change.replacedWith} is replaced delete-first: the engine deletes it before ${change.replacedWith} and creates it again after (${why.length > 0 ? `its ${why.join(", ")} come${why.length === 1 ? "s" : ""} from ${change.replacedWith}` : "its provider is replaced"})`);
    }
    if (change.secrets !== undefined) {
        impact.push(`secret inputs differ or could not be compared (${change.secrets.join(", ")}): the review never sees their values, so it can't say what changes`);
    }
    if (change.action === "blocked") impact.push(refusedUnderTheWorkflow(change, context));
    return impact;
}
