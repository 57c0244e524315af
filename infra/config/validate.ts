import { z } from "zod";
import { egressRouteWarnings, kubernetesVersionWarnings } from "../../components/rules";
import { networkRules, type KnownNetworkArgs } from "../../components/network/validate";
import { identityRules } from "../../components/identity";
import { clusterRules } from "../../components/cluster/validate";
import { KnownClusterArgs } from "../../components/cluster/args";
import { CLUSTER_RENAMED } from "../../components/cluster/inputs";
import { bootstrapRules } from "../../components/bootstrap/validate";
import { NamespaceBootstrapArgs } from "../../components/bootstrap/args";
import { bootstrapInputShape } from "../../components/inputs";
import { checkArgs } from "../../components/common/validation";
import { isWithin } from "../../components/common/key-paths";
import { pipelineProblems, pipelineWarnings } from "./pipeline";
import {
    daysUntilKubenetRetirement,
    NetworkAddressing,
    PathOf,
    Problem,
    samePath,
    clusterAddressingWarnings,
    podNetworkingOf,
} from "../../components/address";
import { CLUSTER_REPLACEMENT_PROPERTIES, poolSizing } from "../../components/rules";
import { checkAzureName } from "../../components/rules";
import { clusterSettingsOf, identityArgsOf, networkSettingsOf } from "./component-args";
import { echo } from "./issues";
import { configNamespaceProblems } from "./namespaces";
import { projectConfig, projectKeyPath } from "./project";
import { networkAddressingOf } from "../../components/network";
import { clusterKeyPath, identityKeyPath, networkKeyPath } from "./key-paths";
import { StackConfig, stackConfigSchema, stackSectionSchemas } from "./schema";

/** The validated stack: the parsed config and what the program derives from it. */
export interface StackModel {
    stack: string;
    location: string;
    resourceGroupName: string;
    config: StackConfig;
    warnings: Problem[];
    /** Key paths of values held only as masks (`secure:` values an offline run can't decrypt): nothing is said about them. */
    unreadable: readonly string[];
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
    if (config.network.apiServerSubnetCidr !== undefined && config.cluster.apiServer?.subnetId !== undefined) {
        problems.push({ path: "cluster.apiServer.subnetId", message: "is the subnet network.apiServerSubnetCidr creates: give one of them (the created subnet, or a delegated subnet of yours)" });
    }
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
        const days = daysUntilKubenetRetirement(today);
        const when = days > 0 ? `${days} days from ${today.toISOString().slice(0, 10)}` : `retired ${-days} days before ${today.toISOString().slice(0, 10)}`;
        warnings.push({
            path: "cluster.networkPlugin",
            message: `AKS retires kubenet on 31 March 2028 (${when}); move to Azure CNI Overlay in place with pulumi up and cluster.migrateFromKubenet (docs/migrate-to-overlay.md)`,
        });
    }
    if (cluster.migrateFromKubenet) {
        // update-azure-cni.md: a customer-provided route table keeps its association and the
        // routes AKS didn't write; AKS deletes the per-node pod routes it wrote.
        const routes = network.existingRouteTableId === undefined ? `the route table stays associated with your ${network.routes.length} custom route(s), and AKS deletes the pod routes it wrote` : "your route table stays associated with your routes, and AKS deletes the pod routes it wrote";
        warnings.push({
            path: "cluster.migrateFromKubenet",
            message: `pulumi up moves the running cluster to Azure CNI Overlay in place, in one update that reimages every node pool at once and can't be undone; its preview checks the running cluster first (version, identity, route table); ${routes}`,
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
    warnings.push(...kubernetesVersionWarnings(config.cluster, clusterKeyPath, today));
    warnings.push(...egressRouteWarnings(clusterArgsForRules(config, stack), clusterKeyPath));
    warnings.push(...clusterAddressingWarnings({
        podNetworking: podNetworkingOf(config.cluster.networkPlugin, config.cluster.networkPluginMode),
        podCidr: config.cluster.podCidr,
        serviceCidr: config.cluster.serviceCidr,
        dnsServiceIP: config.cluster.dnsServiceIP,
        nodePools: config.cluster.nodePools.map(poolSizing),
        network: config.network,
    }, clusterKeyPath));
    return warnings;
}

/** The cluster's arguments as validation sees them: the stack file's, before deployment. */
function clusterArgsForRules(config: Pick<StackConfig, "cluster" | "tags" | "network">, stack: string): KnownClusterArgs {
    // A stack file's values are plain: none is known only at deployment.
    return { ...clusterSettingsOf(config, stack), networkAddressing: stackNetworkAddressing(config) } as KnownClusterArgs;
}

/** The network's ranges as the cluster is given them (`KubenetNetwork.addressing`). */
function stackNetworkAddressing(config: Pick<StackConfig, "network">): NetworkAddressing | undefined {
    // A stack file's values are plain: none is known only at deployment.
    return config.network && networkAddressingOf(config.network) as NetworkAddressing;
}

/** Where a section's own keys are: `network.vnetCidr`, and the section itself as `network`. */
const inSection = (section: string): PathOf => (field) => (field === "" ? section : `${section}.${field}`);

/** What the stack's top level holds besides its sections, each section checked by its own component. */
const SECTIONS = ["network", "identity", "cluster", ...Object.keys(bootstrapInputShape)];
const topLevelSchema = stackConfigSchema.extend(Object.fromEntries(SECTIONS.map((key) => [key, z.unknown().optional()])));

const asObject = (value: unknown): Record<string, unknown> => (value !== null && typeof value === "object" && !Array.isArray(value) ? value as Record<string, unknown> : {});

/**
 * Every section checked as its component checks its arguments: the section's schema (the
 * component's, composed with what the stack adds), then the component's rules on what it
 * accepted, with what the stack gives the component (its name, tags, the network's ranges), under
 * the stack file's key paths. A value the schema refuses is left out of the rest; nothing is
 * checked twice. Then the rules across sections, on what every section's schema accepted.
 */
function checkSections(raw: Record<string, unknown>, stack: string, today: Date): { problems: Problem[]; crossWarnings: Problem[]; config: StackConfig } {
    const top = checkArgs<Omit<StackConfig, "network" | "identity" | "cluster">>(topLevelSchema, raw,
        (read) => checkAzureName(read.resourceGroupName ?? `rg-aks-${stack}`, "resourceGroup", "resourceGroupName"), samePath);
    const { tags, protect } = top.settings;
    const network = checkArgs<StackConfig["network"]>(stackSectionSchemas.network, raw.network,
        (read) => networkRules(networkSettingsOf({ network: read, tags, protect }) as KnownNetworkArgs, networkKeyPath), inSection("network"));
    const cluster = checkArgs<StackConfig["cluster"]>(stackSectionSchemas.cluster, raw.cluster,
        (read) => clusterRules(clusterArgsForRules({ cluster: read, tags, network: network.settings }, stack), clusterKeyPath, today), inSection("cluster"), CLUSTER_RENAMED);
    const identity = checkArgs<StackConfig["identity"]>(stackSectionSchemas.identity, raw.identity,
        (read) => identityRules(identityArgsOf({ identity: read, cluster: cluster.settings, tags, protect }), identityKeyPath), inSection("identity"));
    const ownKeys = Object.fromEntries(Object.keys(bootstrapInputShape).filter((key) => key in raw).map((key) => [key, raw[key]]));
    const bootstrap = checkArgs<NamespaceBootstrapArgs>(stackSectionSchemas.bootstrap, ownKeys, bootstrapRules(samePath, false), samePath);
    const config = { ...top.settings, network: network.settings, identity: identity.settings, cluster: cluster.settings, ...bootstrap.settings } as StackConfig;
    const problems = [...top.problems, ...network.problems, ...identity.problems, ...cluster.problems, ...bootstrap.problems];
    // The rules across sections read the cluster's settings: without a cluster they would report its absence.
    const cross = Object.keys(asObject(raw.cluster)).length > 0 ? crossFieldRules(config) : { problems: [], warnings: [] };
    problems.push(...cross.problems);
    return { problems, crossWarnings: cross.warnings, config };
}

/** The same problem found by two components (the stack's tags, which every component takes) is reported once. */
function unique(problems: Problem[]): Problem[] {
    const seen = new Set<string>();
    return problems.filter((problem) => {
        const key = `${problem.path}\u0000${problem.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

/**
 * What can't be checked offline: a `secure:` value synth and review can't decrypt. Its rules run
 * when `pulumi preview` and `pulumi up` read it decrypted; offline it is said so, and what a rule
 * says about the mask in its place is left out.
 */
function offlineSecrets(problems: Problem[], unreadable: readonly string[]): { problems: Problem[]; warnings: Problem[] } {
    return {
        problems: problems.filter((problem) => !unreadable.some((path) => isWithin(problem.path, path))),
        warnings: unreadable.map((path) => ({ path, message: "is a secure value synth and review can't decrypt, so its rules can't run here: pulumi preview and pulumi up check it decrypted" })),
    };
}

export interface ValidationContext {
    stack: string;
    location?: string;
    today?: Date;
    /** Key paths of values that can't be read offline (`secure:` values synth can't decrypt). */
    unreadable?: readonly string[];
}

/**
 * Parses and checks a whole stack configuration (keys without the project namespace) and
 * returns every problem at once, or the model the program builds from. A value of the wrong
 * type hides no rule: the rules run on the rest of the file, and only what a rule would say
 * about that same value waits for it to be fixed.
 */
export function validateStackConfig(raw: Record<string, unknown>, context: ValidationContext): Validation {
    const today = context.today ?? new Date();
    const checked = checkSections(raw, context.stack, today);
    const offline = offlineSecrets(unique([...locationProblems(context.location), ...checked.problems]), context.unreadable ?? []);
    const { config } = checked;
    if (offline.problems.length > 0) return { ok: false, problems: offline.problems, warnings: offline.warnings };
    const resourceGroupName = config.resourceGroupName ?? `rg-aks-${context.stack}`;
    const warnings = [...offline.warnings, ...checked.crossWarnings, ...stackWarnings(config, context.stack, today)];
    return { ok: true, model: { stack: context.stack, location: context.location!, resourceGroupName, config, warnings, unreadable: context.unreadable ?? [] } };
}

/**
 * The whole engine config, as `pulumi up` and synth receive it ("namespace:key" to string):
 * keys outside the namespaces the program reads are refused, then the project's keys are
 * validated, every problem reported together. `unreadable` names the engine keys' values that
 * can't be read offline (`aks-kubenet:cluster.aad.deployer.objectId`).
 */
export function validateEngineConfig(all: Record<string, string>, context: Omit<ValidationContext, "location">): Validation {
    const raw = projectConfig(all);
    const allowed = Array.isArray(raw.allowedConfigNamespaces) ? raw.allowedConfigNamespaces.filter((n): n is string => typeof n === "string") : [];
    const namespaceProblems = configNamespaceProblems(all, Object.keys(stackConfigSchema.shape), allowed);
    const unreadable = (context.unreadable ?? []).map(projectKeyPath);
    const result = validateStackConfig(raw, { ...context, location: all["azure-native:location"], unreadable });
    if (namespaceProblems.length === 0) return result;
    // A value refused as text (a control character) is not judged again by the rules.
    const refused = namespaceProblems.map((problem) => problem.path);
    const rest = result.ok ? [] : result.problems.filter((problem) => !refused.some((path) => isWithin(problem.path, path)));
    return { ok: false, problems: [...namespaceProblems, ...rest], warnings: result.ok ? result.model.warnings : result.warnings };
}
