import * as pulumi from "@pulumi/pulumi";
import {
    KubenetClusterArgs,
    KubenetNetworkArgs,
    validateClusterArgs,
    validateIdentityArgs,
    validateNetworkArgs,
    validateNamespaces,
    kubernetesVersionWarnings,
} from "../../components";
import {
    KUBENET_RETIREMENT_DATE,
    PathOf,
    Problem,
    clusterAddressingWarnings,
    podNetworkingOf,
} from "../../components/address";
import { CLUSTER_REPLACEMENT_PROPERTIES, clusterPaths, isOwnPrivateDnsZone, poolSizing } from "../../components/cluster";
import { ENTRA_OBJECT_ID } from "../../components/common/entra";
import { checkAzureName } from "../../components/common/azure-names";
import { checkResourceId } from "../../components/common/resource-id";
import { problemsFromZod } from "./issues";
import { configNamespaceProblems } from "./namespaces";
import { projectConfig } from "./project";
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

export type Validation = { ok: true; model: StackModel } | { ok: false; problems: Problem[]; warnings: Problem[] };

/** Key paths of the component validators, in the config's names. */
const componentClusterPath: PathOf = clusterPaths("network.", "cluster.");
/** The component's `clusterName` is the config's `cluster.name`. */
const clusterPath: PathOf = (field) => (field === "clusterName" ? "cluster.name" : componentClusterPath(field));
const identityPath: PathOf = (field) => (field === "identityName" ? "identity.name" : `identity.${field}`);
const networkPath: PathOf = (field) => `network.${field}`;

export function networkArgsFrom(config: Pick<StackConfig, "network" | "tags" | "protect">, resourceGroupName: pulumi.Input<string>): KubenetNetworkArgs {
    const { network } = config;
    return {
        resourceGroupName,
        vnetCidr: network.vnetCidr,
        subnetCidr: network.subnetCidr,
        vnetName: network.vnetName,
        subnetName: network.subnetName,
        routeTableName: network.routeTableName,
        existingSubnetId: network.existingSubnetId,
        existingRouteTableId: network.existingRouteTableId,
        routes: network.routes,
        disableBgpRoutePropagation: network.disableBgpRoutePropagation,
        reservedCidrs: network.reservedCidrs,
        tags: config.tags,
        protect: config.protect,
    };
}

/**
 * The cluster component's arguments from the stack file. `createdWorkspaceId` is the workspace
 * the stack creates when monitoring is on and the file names none of its own.
 */
export function clusterArgsFrom(
    config: Pick<StackConfig, "cluster" | "tags">,
    resourceGroupName: pulumi.Input<string>,
    createdWorkspaceId?: pulumi.Input<string>,
    createdPrometheusWorkspaceId?: pulumi.Input<string>,
    createdWorkspaceLocation?: pulumi.Input<string>,
): Omit<KubenetClusterArgs, "subnetId" | "identityId" | "networkAddressing" | "clusterName"> {
    const { cluster } = config;
    const monitoring = cluster.monitoring;
    return {
        resourceGroupName,
        dnsPrefix: cluster.dnsPrefix,
        supportPlan: cluster.supportPlan,
        kubernetesVersion: cluster.kubernetesVersion,
        networkPlugin: cluster.networkPlugin,
        networkPluginMode: cluster.networkPluginMode,
        podCidr: cluster.podCidr,
        serviceCidr: cluster.serviceCidr,
        dnsServiceIP: cluster.dnsServiceIP,
        networkPolicy: cluster.networkPolicy,
        outboundType: cluster.outboundType,
        skuTier: cluster.skuTier,
        upgradeChannel: cluster.upgradeChannel,
        nodeOSUpgradeChannel: cluster.nodeOSUpgradeChannel,
        apiServer: cluster.apiServer,
        egressPublicIPs: cluster.egressPublicIPs,
        aad: cluster.aad && { adminGroupObjectIDs: cluster.aad.adminGroupObjectIDs, enableAzureRBAC: cluster.aad.enableAzureRBAC },
        disableLocalAccounts: cluster.disableLocalAccounts,
        workloadIdentity: cluster.workloadIdentity,
        kms: cluster.kms && {
            keyId: cluster.kms.keyId,
            keyVaultNetworkAccess: cluster.kms.networkAccess,
            keyVaultResourceId: cluster.kms.networkAccess === "Private" ? cluster.kms.keyVaultId : undefined,
        },
        acrPullRegistryIds: cluster.acrPullRegistryIds,
        addons: cluster.addons,
        monitoring: monitoring && {
            logAnalyticsWorkspaceId: monitoring.logAnalyticsWorkspaceId ?? createdWorkspaceId ?? pulumi.output(CREATED_WORKSPACE),
            logAnalyticsWorkspaceLocation: monitoring.logAnalyticsWorkspaceId === undefined ? createdWorkspaceLocation : monitoring.logAnalyticsWorkspaceLocation,
            containerInsights: monitoring.containerInsights,
            controlPlaneLogs: monitoring.controlPlaneLogs,
            defender: monitoring.defender,
            prometheus: monitoring.prometheus && {
                azureMonitorWorkspaceId: monitoring.prometheus.azureMonitorWorkspaceId ?? createdPrometheusWorkspaceId ?? pulumi.output(CREATED_PROMETHEUS_WORKSPACE),
                azureMonitorWorkspaceLocation: monitoring.prometheus.azureMonitorWorkspaceId === undefined ? createdWorkspaceLocation : monitoring.prometheus.azureMonitorWorkspaceLocation,
            },
        },
        maintenance: cluster.maintenance,
        autoscalerProfile: cluster.autoscalerProfile,
        nodeResourceGroup: cluster.nodeResourceGroup,
        nodePools: cluster.nodePools,
        defaultNodePool: cluster.defaultNodePool,
        tags: config.tags,
        allowReplacement: cluster.allowReplacement,
        migrateFromKubenet: cluster.migrateFromKubenet,
    };
}

/**
 * The identity's arguments from the stack file: its name, where and with which role it gets the
 * network, and the grants the cluster's private DNS zone and KMS key vault need.
 */
export function identityArgsFrom(config: Pick<StackConfig, "identity" | "cluster">) {
    const zone = config.cluster.apiServer?.privateDNSZone;
    return {
        identityName: config.identity.name,
        roleScope: config.identity.roleScope,
        networkRole: config.identity.networkRole,
        privateDnsZoneId: isOwnPrivateDnsZone(zone) ? zone : undefined,
        kms: config.cluster.kms && { keyVaultId: config.cluster.kms.keyVaultId, networkAccess: config.cluster.kms.networkAccess },
    };
}

/** Stands for the workspace the stack will create, while only the stack file is checked. */
const CREATED_WORKSPACE = "the stack's own Log Analytics workspace";
const CREATED_PROMETHEUS_WORKSPACE = "the stack's own Azure Monitor workspace";

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
 * AKS links a private DNS zone of yours to the cluster's vnet, which takes the vnet's join
 * permission: a grant on the subnet alone doesn't reach it. The KMS vault is the identity's to
 * be granted on, so its id must be one.
 */
function identityGrantProblems(config: StackConfig): Problem[] {
    const problems: Problem[] = [];
    if (identityArgsFrom(config).privateDnsZoneId !== undefined && config.identity.roleScope === "subnet") {
        problems.push({ path: "identity.roleScope", message: "must be vnet with a private DNS zone of your own: AKS links the zone to the cluster's vnet, which needs a grant on the vnet" });
    }
    if (config.cluster.kms) problems.push(...checkResourceId(config.cluster.kms.keyVaultId, "Microsoft.KeyVault/vaults", "cluster.kms.keyVaultId"));
    return problems;
}

function crossFieldRules(config: StackConfig): { problems: Problem[]; warnings: Problem[] } {
    const problems: Problem[] = [...monitoringProblems(config), ...identityGrantProblems(config)];
    const warnings: Problem[] = [];
    const { network, cluster } = config;
    if (cluster.outboundType === "userDefinedRouting" && !network.routes.some((r) => r.addressPrefix === "0.0.0.0/0")) {
        if (network.existingRouteTableId === undefined) {
            problems.push({ path: "cluster.outboundType", message: "userDefinedRouting needs a 0.0.0.0/0 route in network.routes (e.g. to your firewall); without one the nodes have no way out" });
        } else {
            warnings.push({ path: "cluster.outboundType", message: "userDefinedRouting needs a 0.0.0.0/0 route: make sure network.existingRouteTableId has one" });
        }
    }
    problems.push(...deployerProblems(config));
    config.namespaces.forEach((ns, i) => {
        for (const role of ["admins", "editors", "viewers"] as const) {
            if (ns[role].length > 0 && cluster.aad === undefined) {
                problems.push({ path: `namespaces[${i}].${role}`, message: "binds Entra ID groups, which needs cluster.aad" });
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
    });
    return { problems, warnings };
}

/**
 * With Azure RBAC the program grants the deploying principal RBAC Cluster Admin so the namespace
 * bootstrap can run. Whose object id, and what kind of principal, is stated, never inferred: a
 * grant built from whoever runs `pulumi up` flips between a person and the pipeline (and Azure
 * rejects `principalType: User` for a service principal).
 */
function deployerProblems(config: StackConfig): Problem[] {
    const aad = config.cluster.aad;
    const deployer = aad?.deployer;
    if (aad?.enableAzureRBAC && deployer === undefined) {
        return [{ path: "cluster.aad.deployer", message: "is required with enableAzureRBAC: the namespace bootstrap runs as the principal that runs pulumi up (your pipeline's), which needs RBAC Cluster Admin; give its objectId and principalType (ServicePrincipal for a pipeline)" }];
    }
    if (deployer === undefined) return [];
    const problems: Problem[] = [];
    if (!aad?.enableAzureRBAC) {
        problems.push({ path: "cluster.aad.deployer", message: "is only used with enableAzureRBAC: true; without Azure RBAC, put the deploying principal in a group listed in adminGroupObjectIDs" });
    }
    if (!ENTRA_OBJECT_ID.test(deployer.objectId)) {
        problems.push({ path: "cluster.aad.deployer.objectId", message: `${JSON.stringify(deployer.objectId)} is not an Entra ID object id (a GUID); for a service principal use its object id (az ad sp show --id <appId> --query id), not the app id` });
    }
    return problems;
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
    warnings.push(...networkPluginWarnings(config, today));
    warnings.push(...kubernetesVersionWarnings(config.cluster, clusterPath, today));
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

/** The sections of a stack configuration that parsed; a section that didn't is absent. */
interface ParsedSections {
    network?: StackConfig["network"];
    identity?: StackConfig["identity"];
    cluster?: StackConfig["cluster"];
    namespaces?: StackConfig["namespaces"];
    tags: StackConfig["tags"];
    protect: boolean;
}

/**
 * What the components are given besides the stack file's settings: the resource group and the
 * ids of the resources the stack creates, which exist only once it deploys. No component rule
 * reads them, so validation passes none.
 */
const DEPLOYMENT_ONLY = "";

/**
 * The components' own rules for each section that parsed: the network's, the identity's, the cluster's (against
 * the network's ranges when the network parsed too) and the namespaces'. The cluster is checked
 * under the name the program will use: cluster.name, or aks-<stack>, which a stack name can
 * make invalid.
 */
function sectionRules(sections: ParsedSections, stack: string, today: Date): Problem[] {
    const { network, identity, cluster, namespaces } = sections;
    const problems: Problem[] = [];
    if (network) problems.push(...validateNetworkArgs(networkArgsFrom({ ...sections, network }, DEPLOYMENT_ONLY), networkPath));
    if (identity) {
        problems.push(...validateIdentityArgs({ resourceGroupName: DEPLOYMENT_ONLY, vnetId: DEPLOYMENT_ONLY, subnetId: DEPLOYMENT_ONLY, roleScope: identity.roleScope, networkRole: identity.networkRole, identityName: identity.name }, identityPath));
    }
    if (cluster) {
        problems.push(...validateClusterArgs({
            ...clusterArgsFrom({ ...sections, cluster }, DEPLOYMENT_ONLY),
            clusterName: cluster.name ?? `aks-${stack}`,
            subnetId: DEPLOYMENT_ONLY,
            identityId: DEPLOYMENT_ONLY,
            networkAddressing: network,
        }, clusterPath, today));
    }
    if (namespaces) problems.push(...validateNamespaces(namespaces));
    return problems;
}

/**
 * When some keys have the wrong type, the sections that did parse are still checked with their
 * rules, so a type error in one key never hides an address problem in another. Cross-section
 * rules wait for a config that parses whole.
 */
function rulesOfParsedSections(raw: Record<string, unknown>, stack: string, today: Date): Problem[] {
    // Each section with the whole schema's own parser for its key, defaults included.
    const { shape } = stackConfigSchema;
    const parsed = <T>(result: { success: true; data: T } | { success: false }) => (result.success ? result.data : undefined);
    return sectionRules({
        network: parsed(shape.network.safeParse(raw.network)),
        identity: parsed(shape.identity.safeParse(raw.identity)),
        cluster: parsed(shape.cluster.safeParse(raw.cluster)),
        namespaces: parsed(shape.namespaces.safeParse(raw.namespaces)),
        tags: {},
        protect: false,
    }, stack, today);
}

/**
 * Parses and checks a whole stack configuration (keys without the project namespace) and
 * returns every problem at once, or the model the program builds from.
 */
export function validateStackConfig(raw: Record<string, unknown>, context: { stack: string; location?: string; today?: Date }): Validation {
    const problems: Problem[] = [];
    const today = context.today ?? new Date();
    if (!context.location) {
        problems.push({ path: "azure-native:location", message: "is required (e.g. pulumi config set azure-native:location koreacentral)" });
    } else if (!AZURE_REGION.test(context.location)) {
        problems.push({ path: "azure-native:location", message: `${JSON.stringify(context.location)} is not an Azure region name: lowercase letters and digits, e.g. koreacentral` });
    }
    const parsed = stackConfigSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
        const typeProblems = problemsFromZod(parsed.error, stackConfigSchema);
        return { ok: false, problems: [...problems, ...typeProblems, ...rulesOfParsedSections(raw, context.stack, today)], warnings: [] };
    }

    const config = parsed.data;
    const resourceGroupName = config.resourceGroupName ?? `rg-aks-${context.stack}`;

    problems.push(
        ...checkAzureName(resourceGroupName, "resourceGroup", "resourceGroupName"),
        ...sectionRules(config, context.stack, today),
    );
    const cross = crossFieldRules(config);
    problems.push(...cross.problems);
    if (problems.length > 0) return { ok: false, problems, warnings: cross.warnings };
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
    return { ok: false, problems: [...namespaceProblems, ...(result.ok ? [] : result.problems)], warnings: result.ok ? result.model.warnings : result.warnings };
}
