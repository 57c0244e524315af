import { strict as assert } from "node:assert";
import { z } from "zod";
import { formatProblem } from "../../components/address";
import { innerSchema } from "../../components/common/inputs";
import { bootstrapArgsOf, clusterArgsOf, identityArgsOf, networkArgsOf } from "../../infra/config/component-args";
import { StackConfig, stackConfigSchema } from "../../infra/config/schema";
import { validateStackConfig } from "../../infra/config/validate";
import { RawConfig, stackConfig } from "./fixtures";

/*
 * What the stack file's keys become in the components' arguments. Each section is its
 * component's input schema, handed over as it is: a key of the stack file that doesn't reach
 * its component is a setting silently dropped, which these tests refuse. Expectations are
 * written from the configuration reference, not read back from the functions under test.
 */

const context = { stack: "dev", location: "koreacentral", today: new Date("2026-11-22T00:00:00Z") };
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
const ZONE = `${SUB}/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.koreacentral.azmk8s.io`;
const VAULT = `${SUB}/resourceGroups/sec/providers/Microsoft.KeyVault/vaults/kv-aks`;
const KEY = "https://kv-aks.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef";
const WORKSPACE = `${SUB}/resourceGroups/ops/providers/Microsoft.OperationalInsights/workspaces/law`;
const METRICS = `${SUB}/resourceGroups/ops/providers/Microsoft.Monitor/accounts/amw`;
const window = { dayOfWeek: "Sunday", startTime: "02:00", durationHours: 4, utcOffset: "+09:00", intervalWeeks: 2 };

/**
 * A stack file that sets every key the schema has (types right, rules aside: the keys' journey
 * is what is checked here). `everyLeaf` below fails when the schema gains a key this lacks.
 */
const EVERY_KEY: RawConfig = {
    resourceGroupName: "rg-every",
    tags: { env: "every" },
    protect: true,
    network: {
        vnetCidr: "172.16.0.0/16", subnetCidr: "172.16.0.0/22", vnetName: "vnet-every", subnetName: "snet-every", routeTableName: "rt-every", apiServerSubnetCidr: "172.16.4.0/28", apiServerSubnetName: "snet-every-apiserver",
        existingSubnetId: `${SUB}/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet`,
        existingRouteTableId: `${SUB}/resourceGroups/net/providers/Microsoft.Network/routeTables/rt`,
        routes: [{ name: "egress", addressPrefix: "0.0.0.0/0", nextHopType: "VirtualAppliance", nextHopIpAddress: "172.17.0.4" }],
        disableBgpRoutePropagation: true, reservedCidrs: ["10.0.0.0/8"],
    },
    identity: { name: "id-every", roleScope: "vnet", networkRole: "leastPrivilege" },
    cluster: {
        name: "aks-every", dnsPrefix: "aks-every", kubernetesVersion: "1.36", supportPlan: "KubernetesOfficial",
        networkPlugin: "azure", networkPluginMode: "overlay", podCidr: "10.244.0.0/16", serviceCidr: "10.0.0.0/16", dnsServiceIP: "10.0.0.10",
        networkPolicy: "calico", outboundType: "userDefinedRouting", skuTier: "Standard", upgradeChannel: "patch", nodeOSUpgradeChannel: "NodeImage",
        apiServer: { authorizedIPRanges: ["203.0.113.0/24"], enablePrivateCluster: false, disableRunCommand: true, privateDNSZone: ZONE, subnetId: `${SUB}/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/apiserver` },
        egressPublicIPs: ["20.194.0.4"],
        aad: { adminGroupObjectIDs: ["6b1a3c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"], enableAzureRBAC: true, deployer: { objectId: "7c2e3d4f-8091-4ab2-b3d4-e5f6a7b8c9d0", principalType: "ServicePrincipal" }, tenantID: "00000000-0000-0000-0000-000000000001" },
        kubeloginMode: "workloadidentity", disableLocalAccounts: true, workloadIdentity: true,
        kms: { keyId: KEY, keyVaultId: VAULT, networkAccess: "Private" },
        acrPullRegistryIds: [`${SUB}/resourceGroups/ops/providers/Microsoft.ContainerRegistry/registries/acr`],
        addons: { azurePolicy: true, keyVaultSecretsProvider: { secretRotation: true, rotationPollInterval: "5m" }, imageCleaner: { intervalHours: 48 } },
        monitoring: {
            logAnalyticsWorkspaceId: WORKSPACE, logAnalyticsWorkspaceLocation: "koreacentral", workspaceRetentionDays: 90,
            containerInsights: true, controlPlaneLogs: ["kube-apiserver"], defender: true,
            prometheus: { azureMonitorWorkspaceId: METRICS, azureMonitorWorkspaceLocation: "koreacentral" },
        },
        maintenance: { autoUpgrade: window, nodeOSUpgrade: window },
        autoscalerProfile: {
            expander: "least-waste", scanInterval: "20s", scaleDownDelayAfterAdd: "15m", scaleDownUnneededTime: "15m", scaleDownUtilizationThreshold: 0.6,
            maxGracefulTerminationSec: 300, balanceSimilarNodeGroups: true, skipNodesWithSystemPods: true, skipNodesWithLocalStorage: false, maxNodeProvisionTime: "20m",
        },
        nodeResourceGroup: "rg-every-nodes",
        nodePools: [{
            name: "system", mode: "System", vmSize: "Standard_D4s_v5", osType: "Linux", count: 3, enableAutoScaling: false, minCount: 1, maxCount: 5, maxPods: 60,
            availabilityZones: ["1", "2"], nodeLabels: { tier: "system" }, nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"],
            upgradeSettings: { maxSurge: "33%", maxUnavailable: "0", drainTimeoutInMinutes: 45, nodeSoakDurationInMinutes: 5, undrainableNodeBehavior: "Cordon" },
            osSKU: "AzureLinux", osDiskType: "Ephemeral", osDiskSizeGB: 128, enableEncryptionAtHost: true, sshAccess: "Disabled",
            spot: { evictionPolicy: "Delete", maxPrice: -1 },
        }],
        defaultNodePool: "system", allowReplacement: false, migrateFromKubenet: true,
    },
    namespaces: [{
        name: "team-a", podSecurity: "baseline", quota: { requestsCpu: "4", requestsMemory: "8Gi", limitsCpu: "8", limitsMemory: "16Gi", pods: 50 },
        defaultLimits: { cpu: "500m", memory: "512Mi", requestsCpu: "100m", requestsMemory: "128Mi" }, defaultDenyIngress: true,
        admins: ["6b1a3c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"], editors: ["6b1a3c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4e"], viewers: ["6b1a3c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4f"],
    }],
    defaultNamespacePodSecurity: "restricted",
    namespacesThrough: "kubernetes",
    pipeline: { runner: "private" },
    allowedConfigNamespaces: ["other-tool"],
};

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every key path the schema can hold down to a value (a list's entries as `[0]`). */
function everyLeaf(schema: z.ZodType, prefix = ""): string[] {
    const def = defOf(innerSchema(schema));
    if (def.type === "object" && def.shape) return Object.entries(def.shape).flatMap(([key, field]) => everyLeaf(field, prefix ? `${prefix}.${key}` : key));
    if (def.type === "array" && def.element) return everyLeaf(def.element, `${prefix}[0]`);
    return [prefix];
}

function valueAt(value: unknown, path: string): unknown {
    return path.split(/\.|(?=\[)/).reduce<unknown>((node, part) => {
        if (node === undefined || node === null) return undefined;
        const index = /^\[(\d+)\]$/.exec(part);
        return (node as Record<string, unknown>)[index ? Number(index[1]) : part];
    }, value);
}

/** The stack's own keys: what it creates or decides itself, which no component receives. */
const STACK_KEYS = ["resourceGroupName", "protect", "allowedConfigNamespaces", "cluster.monitoring.workspaceRetentionDays", "pipeline.runner"];

describe("infra/config: every stack-file key reaches its component", () => {
    const config = stackConfigSchema.parse(EVERY_KEY) as StackConfig;
    const deployment = { resourceGroupName: "rg-every" };
    /** Where each section's keys arrive, under the component's names (the same names). */
    const received: Record<string, unknown> = {
        tags: networkArgsOf(config, deployment).tags,
        network: networkArgsOf(config, deployment),
        identity: identityArgsOf(config),
        cluster: clusterArgsOf(config, "every", deployment),
        ...bootstrapArgsOf(config),
    };

    it("has a stack file in this test that sets every key of the schema", () => {
        const unset = everyLeaf(stackConfigSchema).filter((path) => valueAt(EVERY_KEY, path) === undefined);
        assert.deepEqual(unset, [], "keys the schema has and EVERY_KEY doesn't set");
    });

    it("hands every key to the component that declares it, with its value", () => {
        const dropped = everyLeaf(stackConfigSchema)
            .filter((path) => !STACK_KEYS.some((key) => path === key || path.startsWith(`${key}[`)))
            .filter((path) => JSON.stringify(valueAt(received, path)) !== JSON.stringify(valueAt(config, path)));
        assert.deepEqual(dropped, [], "stack-file keys whose value the component doesn't receive");
    });

    it("gives the identity the private DNS zone and the KMS vault the cluster section names", () => {
        const identity = identityArgsOf(config);
        assert.equal(identity.privateDNSZone, ZONE);
        assert.deepEqual(identity.kms, { keyVaultId: VAULT, networkAccess: "Private" });
        assert.deepEqual([identity.tags, identity.protect], [{ env: "every" }, true]);
    });

    it("names the cluster aks-<stack> when the file doesn't, and fills in the workspaces the stack creates", () => {
        const plain = stackConfigSchema.parse({ ...EVERY_KEY, cluster: { ...EVERY_KEY.cluster, name: undefined, monitoring: { prometheus: {} } } }) as StackConfig;
        const args = clusterArgsOf(plain, "dev", { resourceGroupName: "rg", location: "koreacentral", createdWorkspaceId: "law-id", createdPrometheusWorkspaceId: "amw-id" });
        assert.equal(args.name, "aks-dev");
        assert.deepEqual(args.monitoring, {
            containerInsights: true, defender: false,
            logAnalyticsWorkspaceId: "law-id", logAnalyticsWorkspaceLocation: "koreacentral",
            prometheus: { azureMonitorWorkspaceId: "amw-id", azureMonitorWorkspaceLocation: "koreacentral" },
        });
        assert.ok(!("workspaceRetentionDays" in (clusterArgsOf(config, "dev", deployment).monitoring ?? {})), "the stack's workspace retention is the stack's");
    });
});

describe("infra/config: a component's rule applies from the stack file, under its key path", () => {
    function problems(change: (config: RawConfig) => void): string[] {
        const raw = stackConfig("dev");
        change(raw);
        const result = validateStackConfig(raw, context);
        return result.ok ? [] : result.problems.map(formatProblem);
    }

    it("the identity's: a zone of your own needs the vnet scope", () => {
        assert.deepEqual(problems((c) => { c.cluster.apiServer = { enablePrivateCluster: true, privateDNSZone: ZONE }; c.identity.roleScope = "subnet"; c.pipeline = { runner: "private" }; }), [
            "identity.roleScope: must be vnet with a private DNS zone of your own: AKS links the zone to the cluster's vnet, which needs a grant on the vnet",
        ]);
        assert.deepEqual(problems((c) => { c.cluster.apiServer = { enablePrivateCluster: true, privateDNSZone: "system" }; c.identity.roleScope = "subnet"; c.pipeline = { runner: "private" }; }), []);
    });

    it("the identity's and the cluster's: the KMS vault's id, reported once", () => {
        assert.deepEqual(problems((c) => { c.cluster.kms = { keyId: KEY, keyVaultId: WORKSPACE, networkAccess: "Private" }; }).map((p) => p.split(":")[0]), ["cluster.kms.keyVaultId"]);
        assert.deepEqual(problems((c) => { c.cluster.kms = { keyId: KEY, keyVaultId: VAULT }; }), []);
    });

    it("the cluster's: userDefinedRouting needs the 0.0.0.0/0 route itself", () => {
        assert.deepEqual(problems((c) => {
            c.cluster.outboundType = "userDefinedRouting";
            c.network.routes = [{ name: "onprem", addressPrefix: "10.0.0.0/8", nextHopType: "VirtualAppliance", nextHopIpAddress: "172.16.0.4" }];
        }), ["cluster.outboundType: userDefinedRouting needs a 0.0.0.0/0 route in network.routes (e.g. to your firewall); without one the nodes have no way out"]);
    });

    it("the node pool's: upgrade settings AKS refuses", () => {
        assert.deepEqual(problems((c) => { c.cluster.nodePools[0].upgradeSettings = { maxUnavailable: "1", drainTimeoutInMinutes: 1 }; }), [
            "cluster.nodePools[0].upgradeSettings.drainTimeoutInMinutes: 1 is not a drain timeout: AKS takes whole minutes from 5 to 1440",
            "cluster.nodePools[0].upgradeSettings.maxUnavailable: can't be set on a System pool: AKS keeps System pools' nodes available during upgrades; use maxSurge",
        ]);
    });

    it("the cluster's: the deployer's grant needs Azure RBAC", () => {
        assert.deepEqual(problems((c) => { c.cluster.aad = { deployer: { objectId: "7c2e3d4f-8091-4ab2-b3d4-e5f6a7b8c9d0", principalType: "User" } }; }), [
            "cluster.aad.deployer: is only used with enableAzureRBAC: true; without Azure RBAC, put the deploying principal in a group listed in adminGroupObjectIDs",
        ]);
    });

    it("every component's: the stack's tags, reported once under the top-level key", () => {
        assert.deepEqual(problems((c) => { c.tags = { "cost/center": "1" }; }), [
            `tags."cost/center": tag name "cost/center" has '/': Azure tag names can't contain '<', '>', '%', '&', '\\', '?', '/'`,
        ]);
    });

    it("keeps the workspace's retention from 30 to 730 days, both included", () => {
        for (const days of [30, 730]) assert.deepEqual(problems((c) => { c.cluster.monitoring = { workspaceRetentionDays: days }; }), [], String(days));
        for (const days of [29, 731]) assert.equal(problems((c) => { c.cluster.monitoring = { workspaceRetentionDays: days }; }).length, 1, String(days));
    });
});
