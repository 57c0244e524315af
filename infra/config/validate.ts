import { egressRouteWarnings, kubernetesVersionWarnings, managedNamespaceProblems, validateClusterArgs, validateIdentityArgs, validateNamespaces, validateNetworkArgs } from "../../components/rules";
import { pipelineProblems, pipelineWarnings } from "./pipeline";
import {
    KUBENET_RETIREMENT_DATE,
    NetworkAddressing,
    Problem,
    clusterAddressingWarnings,
    podNetworkingOf,
} from "../../components/address";
import { CLUSTER_REPLACEMENT_PROPERTIES, poolSizing } from "../../components/rules";
import { withDefaults } from "../../components/inputs";
import { checkAzureName } from "../../components/rules";
import { bootstrapArgsOf, clusterSettingsOf, identityArgsOf, networkSettingsOf } from "./component-args";
import { bestEffortValue, relatedToAny } from "./best-effort";
import { echo, problemsFromZod } from "./issues";
import { configNamespaceProblems } from "./namespaces";
import { projectConfig } from "./project";
import { networkAddressingOf } from "../../components/network";
import { clusterKeyPath, identityKeyPath, networkKeyPath } from "./key-paths";
import { StackConfig, stackConfigSchema } from "./schema";

/** The validated stack: the parsed config and what the program derives from it. */
export interface StackModel {
    stack: string;
    location: string;
    resourceGroupName: string;
    config: StackConfig;
    warnings: Problem[];
}

/** Region names as `az account list-locations` gives them: koreacentral, eastus2, westeurope. */
const AZURE_REGION = /^[a-z][a-z0-9]{2,40}$/;
/**
 * What YAML's null, true and false reach the program as: the engine hands a top-level value over
 * as text, so `azure-native:location: true` arrives as "true", which looks like a region name.
 */
const YAML_WORDS = ["true", "false", "null"];

function locationProblems(location: string | undefined): Problem[] {
    const path = "azure-native:location";
    if (location === undefined) return [{ path, message: "is required (e.g. pulumi config set azure-native:location koreacentral)" }];
    if (location === "") return [{ path, message: "is empty (null or nothing in the stack file): set a region name, e.g. koreacentral" }];
    if (!AZURE_REGION.test(location) || YAML_WORDS.includes(location)) {
        return [{ path, message: `${echo(location)} is not an Azure region name: lowercase letters and digits, e.g. koreacentral` }];
    }
    return [];
}

export type Validation = { ok: true; model: StackModel } | { ok: false; problems: Problem[]; warnings: Problem[] };

const clusterPath = clusterKeyPath;
const networkPath = networkKeyPath;
const identityPath = identityKeyPath;

/** Log Analytics' retention for the PerGB2018 tier the stack's workspace uses, in days. */
export const WORKSPACE_RETENTION_DAYS = { min: 30, max: 730 } as const;

function monitoringProblems(config: StackConfig): Problem[] {
    const monitoring = config.cluster.monitoring;
    const retention = monitoring?.workspaceRetentionDays;
    if (retention === undefined) return [];
    if (monitoring!.logAnalyticsWorkspaceId !== undefined) {
        return [{ path: "cluster.monitoring.workspaceRetentionDays", message: "applies to the workspace the stack creates; yours (logAnalyticsWorkspaceId) keeps its own retention" }];
    }
    const { min, max } = WORKSPACE_RETENTION_DAYS;
    return retention < min || retention > max
        ? [{ path: "cluster.monitoring.workspaceRetentionDays", message: `${retention} is out of range: Log Analytics keeps data from ${min} to ${max} days` }]
        : [];
}

/**
 * The stack bootstraps its namespaces through the cluster's kubeconfig, as the principal that
 * runs `pulumi up`: with Azure RBAC that principal must be named, so the cluster grants it.
 */
function deployerProblems(config: StackConfig): Problem[] {
    const aad = config.cluster.aad;
    // Through ARM nothing reaches the Kubernetes API, and the deployer needs no role in it.
    return config.namespacesThrough === "kubernetes" && aad?.enableAzureRBAC && aad.deployer === undefined
        ? [{ path: "cluster.aad.deployer", message: "is required with enableAzureRBAC: the namespace bootstrap runs as the principal that runs pulumi up (your pipeline's), which needs RBAC Cluster Admin; give its objectId and principalType (ServicePrincipal for a pipeline)" }]
        : [];
}

function crossFieldRules(config: StackConfig): { problems: Problem[]; warnings: Problem[] } {
    const problems: Problem[] = [...monitoringProblems(config), ...deployerProblems(config), ...pipelineProblems(config)];
    const warnings: Problem[] = [];
    const { cluster } = config;
    config.namespaces.forEach((ns, i) => {
        for (const role of ["admins", "editors", "viewers"] as const) {
            if (ns[role].length > 0 && cluster.aad === undefined) {
                problems.push({ path: `namespaces[${i}].${role}`, message: "binds Entra ID groups, which needs cluster.aad" });
            } else if (ns[role].length > 0 && config.namespacesThrough === "arm" && !cluster.aad?.enableAzureRBAC) {
                // Microsoft: namespace access on a managed namespace is Azure RBAC roles, which
                // need "Azure role-based access control for Kubernetes authorization"
                // (articles/aks/managed-namespaces.md, prerequisites).
                problems.push({ path: `namespaces[${i}].${role}`, message: "is granted through Azure roles on the managed namespace (namespacesThrough arm), which the API server honours only with cluster.aad.enableAzureRBAC: true" });
            }
        }
        if (ns.defaultDenyIngress && cluster.networkPolicy === "none") {
            warnings.push({
                path: `namespaces[${i}].defaultDenyIngress`,
                message: cluster.migrateFromKubenet
                    ? "the NetworkPolicy is created but not enforced while the migration needs networkPolicy none: turn a policy engine on once the cluster runs Azure CNI Overlay"
                    : "the NetworkPolicy is created but not enforced: set cluster.networkPolicy to calico",
            });
        }
        const quota = ns.quota;
        if (config.namespacesThrough === "arm" && quota && (quota.requestsCpu ?? quota.limitsCpu ?? quota.requestsMemory ?? quota.limitsMemory) !== undefined) {
            // Kubernetes: with a quota on compute resources "users must specify requests or limits
            // for those values; otherwise, the quota system may reject pod creation" (Resource
            // Quotas), and a managed namespace has no LimitRange to fill them in.
            warnings.push({ path: `namespaces[${i}].quota`, message: "a managed namespace has no default container limits: pods that set no CPU or memory requests and limits are refused by its quota" });
        }
    });
    return { problems, warnings };
}

/** The kubenet retirement, and what a migration or an unprotected cluster still needs from the user. */
function networkPluginWarnings(config: StackConfig, today: Date): Problem[] {
    const { cluster, network } = config;
    const warnings: Problem[] = [];
    if (cluster.networkPlugin === "kubenet") {
        const retirement = new Date(`${KUBENET_RETIREMENT_DATE}T00:00:00Z`);
        const days = Math.ceil((retirement.getTime() - today.getTime()) / 86_400_000);
        const when = days > 0 ? `${days} days from ${today.toISOString().slice(0, 10)}` : `retired ${-days} days before ${today.toISOString().slice(0, 10)}`;
        warnings.push({
            path: "cluster.networkPlugin",
            message: `AKS retires kubenet on 31 March 2028 (${when}); move to Azure CNI Overlay in place with az aks update and cluster.migrateFromKubenet (docs/migrate-to-overlay.md)`,
        });
    }
    if (cluster.migrateFromKubenet) {
        const customRoutes = network.existingRouteTableId === undefined ? `; your ${network.routes.length} custom route(s) stay` : "";
        warnings.push({
            path: "cluster.migrateFromKubenet",
            message: `run az aks update --network-plugin azure --network-plugin-mode overlay, then pulumi refresh, before pulumi up; AKS deletes the pod routes it wrote to the route table${customRoutes}`,
        });
    }
    if (cluster.allowReplacement) {
        warnings.push({
            path: "cluster.allowReplacement",
            message: `the cluster isn't protected: a change to ${CLUSTER_REPLACEMENT_PROPERTIES.join(", ")} deletes and recreates it, and pulumi destroy deletes it`,
        });
    }
    return warnings;
}

/** Authorized ranges that restrict (almost) nothing: the API server is as good as open. */
function authorizedRangeWarnings(config: StackConfig): Problem[] {
    return (config.cluster.apiServer?.authorizedIPRanges ?? []).flatMap((range, i): Problem[] => {
        const prefix = Number(range.split("/")[1] ?? 32);
        if (prefix === 0) return [{ path: `cluster.apiServer.authorizedIPRanges[${i}]`, message: `${range} restricts nothing: the API server is open to the whole internet; list your own networks, or set enablePrivateCluster` }];
        if (prefix <= 8) return [{ path: `cluster.apiServer.authorizedIPRanges[${i}]`, message: `${range} authorizes ${(2 ** (32 - prefix)).toLocaleString("en-US")} addresses; narrow it to the networks that reach the API server` }];
        return [];
    });
}

function stackWarnings(config: StackConfig, stack: string, today: Date): Problem[] {
    const warnings: Problem[] = [...authorizedRangeWarnings(config)];
    if (/^prod/i.test(stack) && config.cluster.skuTier === "Free") {
        warnings.push({ path: "cluster.skuTier", message: `Free has no uptime SLA; use Standard for the ${stack} stack` });
    }
    warnings.push(...networkPluginWarnings(config, today), ...pipelineWarnings(config));
    warnings.push(...kubernetesVersionWarnings(config.cluster, clusterPath, today));
    warnings.push(...egressRouteWarnings(clusterArgsForRules(config, stack), clusterPath));
    warnings.push(...clusterAddressingWarnings({
        podNetworking: podNetworkingOf(config.cluster.networkPlugin, config.cluster.networkPluginMode),
        podCidr: config.cluster.podCidr,
        serviceCidr: config.cluster.serviceCidr,
        dnsServiceIP: config.cluster.dnsServiceIP,
        nodePools: config.cluster.nodePools.map(poolSizing),
        network: config.network,
    }, clusterPath));
    return warnings;
}

/** The cluster's arguments as validation sees them: the stack file's, before deployment. */
function clusterArgsForRules(config: StackConfig, stack: string) {
    return { ...clusterSettingsOf(config, stack), networkAddressing: stackNetworkAddressing(config) };
}

/** The network's ranges as the cluster is given them (`KubenetNetwork.addressing`). */
function stackNetworkAddressing(config: StackConfig): NetworkAddressing | undefined {
    // A stack file's values are plain: none is known only at deployment.
    return config.network && networkAddressingOf(config.network) as NetworkAddressing;
}

/**
 * A rule that can't run on what a section holds (a value so wrong that the rule's own reading
 * of it fails) reports nothing: the type problems already say what is wrong there.
 */
function guarded(rules: () => Problem[]): Problem[] {
    try {
        return rules();
    } catch {
        return [];
    }
}

const isObject = (value: unknown) => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * The components' own rules for each section, the stack's rules across sections, each applied
 * to the stack file as the components would receive it. The cluster is checked under the name
 * the program will use: cluster.name, or aks-<stack>, which a stack name can make invalid.
 */
function rules(config: StackConfig, stack: string, today: Date): { problems: Problem[]; warnings: Problem[] } {
    // A section of the wrong kind is a type problem, which every rule about it defers to (or
    // which the rule's own reading of it fails on): the rules run on every section alike.
    const problems: Problem[] = [
        ...guarded(() => checkAzureName(config.resourceGroupName ?? `rg-aks-${stack}`, "resourceGroup", "resourceGroupName")),
        ...guarded(() => validateNetworkArgs(networkSettingsOf(config), networkPath)),
        ...guarded(() => validateIdentityArgs(identityArgsOf(config), identityPath)),
        ...guarded(() => validateClusterArgs(clusterArgsForRules(config, stack), clusterPath, today)),
        ...guarded(() => validateNamespaces(config.namespaces)),
        ...guarded(() => managedNamespaceProblems(bootstrapArgsOf(config))),
    ];
    // The rules across sections need the cluster's: without it they would report its absence.
    const cross = isObject(config.cluster) ? guarded(() => crossFieldRules(config).problems) : [];
    return { problems: [...problems, ...cross], warnings: [] };
}

/** The same problem found by two components (the KMS vault's id, which the identity and the cluster both take) is reported once. */
function unique(problems: Problem[]): Problem[] {
    const seen = new Set<string>();
    return problems.filter((problem) => {
        const key = `${problem.path}\u0000${problem.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

/** Keys that moved, with where they went: the stack file's old key gets the new one. */
const MOVED_KEYS: { path: RegExp; to: string }[] = [
    { path: /^cluster\.nodePools\[\d+\]\.maxSurge$/, to: "upgradeSettings.maxSurge (0.3.0): write upgradeSettings: { maxSurge: ... } in the pool" },
];

function withMovedKeys(problems: Problem[]): Problem[] {
    return problems.map((problem) => {
        const moved = MOVED_KEYS.find((key) => key.path.test(problem.path));
        return moved && problem.message.startsWith("is not a known key") ? { path: problem.path, message: `has moved to ${moved.to}` } : problem;
    });
}

/**
 * Parses and checks a whole stack configuration (keys without the project namespace) and
 * returns every problem at once, or the model the program builds from. A value of the wrong
 * type hides no rule: the rules run on the rest of the file, and only a rule about that same
 * value (or one that contains it) waits for it to be fixed.
 */
export function validateStackConfig(raw: Record<string, unknown>, context: { stack: string; location?: string; today?: Date }): Validation {
    const problems: Problem[] = [];
    const today = context.today ?? new Date();
    problems.push(...locationProblems(context.location));
    const parsed = stackConfigSchema.safeParse(raw, { reportInput: true });
    const typeProblems = parsed.success ? [] : withMovedKeys(problemsFromZod(parsed.error, stackConfigSchema));
    const config = (parsed.success ? parsed.data : withDefaults(stackConfigSchema, bestEffortValue(raw, parsed.error.issues))) as StackConfig;
    const ruleProblems = rules(config, context.stack, today).problems.filter((problem) => !relatedToAny(problem.path, typeProblems.map((p) => p.path)));
    problems.push(...typeProblems, ...ruleProblems);
    const cross = parsed.success ? crossFieldRules(config) : { problems: [], warnings: [] };
    if (problems.length > 0 || !parsed.success) return { ok: false, problems: unique(problems), warnings: cross.warnings };
    const resourceGroupName = config.resourceGroupName ?? `rg-aks-${context.stack}`;
    const warnings = [...cross.warnings, ...stackWarnings(config, context.stack, today)];
    return { ok: true, model: { stack: context.stack, location: context.location!, resourceGroupName, config, warnings } };
}

/**
 * The whole engine config, as `pulumi up` and synth receive it ("namespace:key" to string):
 * keys outside the namespaces the program reads are refused, then the project's keys are
 * validated, every problem reported together.
 */
export function validateEngineConfig(all: Record<string, string>, context: { stack: string; today?: Date }): Validation {
    const raw = projectConfig(all);
    const allowed = Array.isArray(raw.allowedConfigNamespaces) ? raw.allowedConfigNamespaces.filter((n): n is string => typeof n === "string") : [];
    const namespaceProblems = configNamespaceProblems(all, Object.keys(stackConfigSchema.shape), allowed);
    const result = validateStackConfig(raw, { ...context, location: all["azure-native:location"] });
    if (namespaceProblems.length === 0) return result;
    // A value refused as text (a control character) is not judged again by the rules.
    const refused = namespaceProblems.map((problem) => problem.path);
    const rest = result.ok ? [] : result.problems.filter((problem) => !relatedToAny(problem.path, refused));
    return { ok: false, problems: [...namespaceProblems, ...rest], warnings: result.ok ? result.model.warnings : result.warnings };
}
