import { strict as assert } from "node:assert";
import { formatProblem } from "../../components/address";
import { validateEngineConfig, validateStackConfig } from "../../infra/config/validate";
import { readStackFile } from "../../infra/synth/stack-file";
import { RawConfig, stackConfig, stackFile, throughKubernetes } from "./fixtures";

const context = { stack: "dev", location: "koreacentral", today: new Date("2026-11-22T00:00:00Z") };

/** The problem lines for a config derived from the dev (or another) stack. */
function problems(change: (config: RawConfig) => void, base = "dev", ctx = context): string[] {
    const config = stackConfig(base);
    change(config);
    const result = validateStackConfig(config, ctx);
    return result.ok ? [] : result.problems.map(formatProblem);
}

function warnings(change: (config: RawConfig) => void, base = "dev", ctx = context): string[] {
    const config = stackConfig(base);
    change(config);
    const result = validateStackConfig(config, ctx);
    assert.ok(result.ok, `expected a valid config, got ${result.ok ? "" : result.problems.map(formatProblem).join("; ")}`);
    return result.ok ? result.model.warnings.map(formatProblem) : [];
}

/** Moves a config to Azure CNI Overlay, everything else kept. */
function overlay(config: RawConfig): void {
    config.cluster.networkPlugin = "azure";
    config.cluster.networkPluginMode = "overlay";
}

describe("infra/config: accepted configurations", () => {
    for (const stack of ["dev", "staging", "prod"]) {
        it(`accepts the shipped ${stack} stack`, () => {
            const result = validateStackConfig(stackConfig(stack), { ...context, stack });
            assert.deepEqual(result.ok ? [] : result.problems.map(formatProblem), []);
        });
    }

    it("fills the guide's defaults into a minimal config", () => {
        const result = validateStackConfig({
            network: { vnetCidr: "192.168.0.0/16", subnetCidr: "192.168.1.0/24" },
            cluster: { nodePools: [{ name: "system", mode: "System", count: 1, maxPods: 30 }] },
        }, context);
        assert.ok(result.ok);
        if (!result.ok) return;
        const { cluster } = result.model.config;
        assert.equal(result.model.resourceGroupName, "rg-aks-dev");
        assert.equal(cluster.networkPlugin, "kubenet");
        assert.equal(cluster.podCidr, "10.244.0.0/16");
        assert.equal(cluster.serviceCidr, "10.0.0.0/16");
        assert.equal(cluster.dnsServiceIP, "10.0.0.10");
        assert.equal(cluster.networkPolicy, "none");
        assert.equal(cluster.skuTier, "Free");
        assert.equal(result.model.config.identity.roleScope, "vnet");
    });

    it("accepts your own subnet and route table", () => {
        assert.deepEqual(problems((c) => {
            c.network.existingSubnetId = "/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/hub/subnets/aks";
            c.network.existingRouteTableId = "/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/routeTables/rt-aks";
        }), []);
    });

    it("accepts Azure CNI Overlay on the same network and identity", () => {
        for (const stack of ["dev", "staging", "prod"]) assert.deepEqual(problems(overlay, stack), [], stack);
    });

    it("accepts an in-place migration of the prod stack once its network policy is off", () => {
        assert.deepEqual(problems((c) => {
            overlay(c);
            c.cluster.migrateFromKubenet = true;
            c.cluster.networkPolicy = "none";
            c.namespaces.forEach((ns: RawConfig) => { ns.defaultDenyIngress = false; });
        }, "prod"), []);
    });

    it("accepts YAML numbers where strings are meant (zones, surge)", () => {
        assert.deepEqual(problems((c) => Object.assign(c.cluster.nodePools[0], { availabilityZones: [1, 2, 3], upgradeSettings: { maxSurge: 1 } })), []);
    });
});

describe("infra/config: every rule rejects with its key path", () => {
    it("reports every problem at once, one per line", () => {
        const lines = problems((c) => {
            c.cluster.podCidr = "172.30.0.0/16";
            c.cluster.nodePools.push({ name: "win", mode: "User", osType: "Windows", count: 1 });
        });
        assert.deepEqual(lines, [
            "cluster.nodePools[1].osType: Windows node pools need Azure CNI; kubenet supports Linux only",
            "cluster.podCidr: 172.30.0.0/16 overlaps 172.30.0.0/16, a range AKS reserves",
        ]);
    });

    it("lets no type error hide the rules of the sections that parsed", () => {
        assert.deepEqual(problems((c) => {
            c.namespaces[0].quota.pods = "many";            // a type error
            c.cluster.podCidr = "172.30.0.0/16";            // an address rule
            c.network.subnetCidr = "10.1.0.0/24";           // outside the vnet
        }), [
            "network.subnetCidr: 10.1.0.0/24 is not inside network.vnetCidr 172.16.0.0/16",
            "cluster.podCidr: 172.30.0.0/16 overlaps 172.30.0.0/16, a range AKS reserves",
            "namespaces[0].quota.pods: \"many\" is not a pod count: use a whole number of at least 1",
        ]);
        assert.deepEqual(problems((c) => {
            c.cluster.nodePools[0].count = "three";           // the cluster doesn't parse
            c.network.vnetCidr = "172.30.0.0/16";            // the network's rules still run
            c.network.subnetCidr = "172.30.1.0/24";
        }).map((p) => p.split(":")[0]), ["network.vnetCidr", "network.subnetCidr", "cluster.nodePools[0].count"]);
    });

    it("requires the location", () => {
        assert.deepEqual(problems(() => undefined, "dev", { ...context, location: undefined as never }), ["azure-native:location: is required (e.g. pulumi config set azure-native:location koreacentral)"]);
        assert.deepEqual(problems(() => undefined, "dev", { ...context, location: "" }), ["azure-native:location: is empty (null or nothing in the stack file): set a region name, e.g. koreacentral"]);
    });

    it("gives wrong types a clear message", () => {
        assert.deepEqual(problems((c) => { c.cluster.nodePools[0].count = "three"; c.protect = "yes"; }), [
            "protect: expected boolean, got string \"yes\"",
            "cluster.nodePools[0].count: \"three\" is not a node count: use a whole number from 0 to 1000",
        ]);
        assert.deepEqual(problems((c) => { delete c.network; }), ["network: is required"]);
    });

    it("rejects a misspelt key at every level, suggesting the key meant", () => {
        const cases: [string, (c: RawConfig) => void, string][] = [
            ["top level", (c) => { c.protcet = true; }, "protcet: is not a known key: did you mean protect?"],
            ["network", (c) => { c.network.subnetCIDR = "172.16.1.0/24"; delete c.network.subnetCidr; }, "network.subnetCIDR: is not a known key: did you mean subnetCidr?"],
            ["a route", (c) => { c.network.routes = [{ name: "fw", addressPrefix: "0.0.0.0/0", nextHopType: "Internet", nexthopIp: "1.2.3.4" }]; }, "network.routes[0].nexthopIp: is not a known key: did you mean nextHopIpAddress?"],
            ["a route, nothing close", (c) => { c.network.routes = [{ name: "fw", addressPrefix: "0.0.0.0/0", nextHopType: "Internet", weight: 1 }]; }, "network.routes[0].weight: is not a known key: the keys here are name, addressPrefix, nextHopType, nextHopIpAddress"],
            ["identity", (c) => { c.identity.rolescope = "vnet"; }, "identity.rolescope: is not a known key: did you mean roleScope?"],
            ["cluster", (c) => { c.cluster.podCIDR = "10.244.0.0/16"; }, "cluster.podCIDR: is not a known key: did you mean podCidr?"],
            ["apiServer", (c) => { c.cluster.apiServer = { authorizedIpRanges: ["203.0.113.0/24"] }; }, "cluster.apiServer.authorizedIpRanges: is not a known key: did you mean authorizedIPRanges?"],
            ["aad", (c) => { c.cluster.aad = { adminGroupObjectIds: [] }; }, "cluster.aad.adminGroupObjectIds: is not a known key: did you mean adminGroupObjectIDs?"],
            ["deployer", (c) => { throughKubernetes(c); c.cluster.aad.deployer.objectID = c.cluster.aad.deployer.objectId; delete c.cluster.aad.deployer.objectId; }, "cluster.aad.deployer.objectID: is not a known key: did you mean objectId?"],
            ["a pool", (c) => { c.cluster.nodePools[0].maxpods = 30; }, "cluster.nodePools[0].maxpods: is not a known key: did you mean maxPods?"],
            ["a namespace", (c) => { c.namespaces[0].podSecurty = "baseline"; }, "namespaces[0].podSecurty: is not a known key: did you mean podSecurity?"],
            ["a quota", (c) => { c.namespaces[0].quota.requestCpu = "1"; }, "namespaces[0].quota.requestCpu: is not a known key: did you mean requestsCpu?"],
            ["default limits", (c) => { c.namespaces[0].defaultLimits = { cpus: "1" }; }, "namespaces[0].defaultLimits.cpus: is not a known key: did you mean cpu?"],
        ];
        for (const [level, change, expected] of cases) {
            const base = level === "deployer" ? "staging" : "dev";
            const found = problems(change, base).filter((p) => p.includes("is not a known key"));
            assert.deepEqual(found, [expected], level);
        }
    });

    it("rejects a misspelt key in the production features' sections too", () => {
        const at = (change: (c: RawConfig) => void, base = "prod") => problems(change, base, { ...context, stack: base });
        assert.deepEqual(at((c) => { c.cluster.monitoring.defendr = true; }), ["cluster.monitoring.defendr: is not a known key: did you mean defender?"]);
        assert.deepEqual(at((c) => { c.cluster.maintenance.autoUpgrade.startTme = "02:00"; }), ["cluster.maintenance.autoUpgrade.startTme: is not a known key: did you mean startTime?"]);
        assert.deepEqual(at((c) => { c.cluster.addons.azurePolcy = true; }), ["cluster.addons.azurePolcy: is not a known key: did you mean azurePolicy?"]);
        assert.deepEqual(at((c) => { c.cluster.autoscalerProfile.expandr = "random"; }), ["cluster.autoscalerProfile.expandr: is not a known key: did you mean expander?"]);
        // A spot pool takes no surge: the pool's own upgrade settings go with the spot setting.
        assert.deepEqual(at((c) => { c.cluster.nodePools[1].spot = { maxprice: 1 }; c.cluster.nodePools[1].upgradeSettings = { drainTimeoutInMinutes: 60 }; }), [
            "cluster.nodePools[1].spot.maxprice: is not a known key: did you mean maxPrice?",
            // The misspelt key hides no rule: the pool is a Spot pool all the same.
            "cluster.nodePools[1].spot: a Spot pool can't be upgraded together with the control plane, which upgradeChannel patch does: set upgradeChannel none or node-image, or move these workloads to a regular pool",
        ]);
        // The misspelt key hides no rule: the key id and the vault id are checked all the same.
        assert.deepEqual(at((c) => { c.cluster.kms = { keyId: "x", keyVaultId: "y", netwrkAccess: "Public" }; }), [
            `cluster.kms.keyVaultId: "y" is not a Microsoft.KeyVault/vaults resource id (expected /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>)`,
            "cluster.kms.netwrkAccess: is not a known key: did you mean networkAccess?",
            `cluster.kms.keyId: "x" is not a Key Vault key id with its version (https://<vault>.vault.azure.net/keys/<name>/<32-hex version>)`,
        ]);
    });

    it("checks the identity's grants and the stack's own workspace", () => {
        const zone = "/subscriptions/0/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.koreacentral.azmk8s.io";
        const privateCluster = (c: RawConfig) => { c.cluster.apiServer = { enablePrivateCluster: true, privateDNSZone: zone }; delete c.cluster.egressPublicIPs; };
        assert.deepEqual(problems((c) => { privateCluster(c); }, "prod", { ...context, stack: "prod" }), [
            "identity.roleScope: must be vnet with a private DNS zone of your own: AKS links the zone to the cluster's vnet, which needs a grant on the vnet",
        ]);
        assert.deepEqual(problems((c) => { privateCluster(c); c.identity.roleScope = "vnet"; }, "prod", { ...context, stack: "prod" }), []);
        const key = "https://kv-aks.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef";
        assert.deepEqual(problems((c) => { c.cluster.kms = { keyId: key, keyVaultId: "kv-aks" }; }).map((p) => p.split(":")[0]), ["cluster.kms.keyVaultId"]);
        assert.deepEqual(problems((c) => { c.cluster.monitoring = { workspaceRetentionDays: 29 }; }), ["cluster.monitoring.workspaceRetentionDays: 29 is out of range: Log Analytics keeps data from 30 to 730 days"]);
        assert.deepEqual(problems((c) => { c.cluster.monitoring = { workspaceRetentionDays: 731 }; }).length, 1);
        assert.deepEqual(problems((c) => { c.cluster.monitoring = { workspaceRetentionDays: 730 }; }), []);
        const ws = "/subscriptions/0/resourceGroups/ops/providers/Microsoft.OperationalInsights/workspaces/law";
        assert.deepEqual(problems((c) => { c.cluster.monitoring = { logAnalyticsWorkspaceId: ws, workspaceRetentionDays: 90 }; }), [
            "cluster.monitoring.workspaceRetentionDays: applies to the workspace the stack creates; yours (logAnalyticsWorkspaceId) keeps its own retention",
        ]);
    });

    it("rejects config keys outside the namespaces the program reads, suggesting the one meant", () => {
        const engine = (extra: Record<string, string>) => {
            const all = { ...readStackFile(stackFile("dev")).all, ...extra };
            const result = validateEngineConfig(all, context);
            return result.ok ? [] : result.problems.map(formatProblem);
        };
        assert.deepEqual(engine({ protect: "true" }), ["protect: is not in a config namespace: project keys are written aks-kubenet:<key> (did you mean aks-kubenet:protect?)"]);
        assert.deepEqual(engine({ "aks-kubnet:protect": "true" }), ["aks-kubnet:protect: aks-kubnet is not a config namespace this program reads (did you mean aks-kubenet:protect?)"]);
        assert.deepEqual(engine({ "AKS-KUBENET:namespaces": "[]" }), ["AKS-KUBENET:namespaces: AKS-KUBENET is not a config namespace this program reads (did you mean aks-kubenet:namespaces?)"]);
        assert.deepEqual(engine({ "kubernetes:context": "prod" }), ["kubernetes:context: kubernetes is not a config namespace this program reads (aks-kubenet, azure-native); list it in aks-kubenet:allowedConfigNamespaces if another tool reads it"]);
        assert.deepEqual(engine({ "kubernetes:context": "prod", "aks-kubenet:allowedConfigNamespaces": "[\"kubernetes\"]" }), [], "allowed deliberately");
        assert.deepEqual(engine({ "azure-native:subscriptionId": "00000000-0000-0000-0000-000000000000" }), [], "the provider's own settings");
        assert.deepEqual(engine({ "aks-kubenet:protcet": "true" }), ["protcet: is not a known key: did you mean protect?"]);
        assert.deepEqual(engine({ ":protect": "true" }), [":protect: is not in a config namespace: project keys are written aks-kubenet:<key> (did you mean aks-kubenet:protect?)"]);
        assert.deepEqual(engine({ replicas: "3" }), ["replicas: is not in a config namespace: project keys are written aks-kubenet:<key>"], "nothing close");
        assert.deepEqual(engine({ "other:setting": "1", "aks-kubenet:allowedConfigNamespaces": "[\"kubernetes\", 7]" }), [
            "other:setting: other is not a config namespace this program reads (aks-kubenet, azure-native, kubernetes); list it in aks-kubenet:allowedConfigNamespaces if another tool reads it",
            "allowedConfigNamespaces[1]: expected string, got number 7",
        ], "only text names a namespace");
    });

    it("rejects unknown enum values with the allowed list", () => {
        assert.deepEqual(problems((c) => {
            c.cluster.skuTier = "Paid";
            c.cluster.nodePools[0].mode = "system";
            c.namespaces[0].podSecurity = "strict";
        }), [
            "cluster.skuTier: \"Paid\" is not one of Free, Standard, Premium",
            "cluster.nodePools[0].mode: \"system\" is not one of System, User",
            "namespaces[0].podSecurity: \"strict\" is not one of privileged, baseline, restricted",
        ]);
    });

    it("rejects Azure network policy with kubenet", () => {
        assert.deepEqual(problems((c) => { c.cluster.networkPolicy = "azure"; }), ["cluster.networkPolicy: azure network policy isn't supported with kubenet; use calico or none"]);
    });

    it("enforces the migration's pre-conditions under cluster.*", () => {
        assert.deepEqual(problems((c) => {
            c.cluster.migrateFromKubenet = true;
            c.cluster.allowReplacement = true;
            c.cluster.kubernetesVersion = "1.26";
        }, "staging"), [
            "cluster.migrateFromKubenet: moves the cluster to Azure CNI Overlay: set networkPlugin: azure and networkPluginMode: overlay",
            "cluster.networkPolicy: must be none while migrating from kubenet: Microsoft requires network policy off for the move (uninstall calico first, turn a policy on once the cluster runs Overlay)",
            "cluster.kubernetesVersion: \"1.26\" can't migrate from kubenet: the move to Azure CNI Overlay needs Kubernetes 1.27 or later; upgrade first",
            "cluster.allowReplacement: can't be combined with migrateFromKubenet: the migration keeps the running cluster, and allowing replacement would let Pulumi delete it instead",
            "cluster.kubernetesVersion: \"1.26\" is out of AKS support, long-term support included; use \"1.35\" (supported until the end of March 2027) or later",
        ]);
    });

    it("refuses a version AKS no longer supports, and warns before one leaves support, under cluster.*", () => {
        assert.deepEqual(problems((c) => { c.cluster.kubernetesVersion = "1.33"; }), [
            "cluster.kubernetesVersion: \"1.33\" is out of AKS support: community support ended in July 2026 and platform support when 1.37 went GA (October 2026), so AKS creates no cluster on it and upgrades the ones left on it by itself; use \"1.35\" (supported until the end of March 2027) or later, or long-term support: skuTier Premium with supportPlan AKSLongTermSupport (1.33 until the end of July 2027)",
        ]);
        assert.deepEqual(problems((c) => { c.cluster.supportPlan = "AKSLongTermSupport"; }), [
            "cluster.supportPlan: AKSLongTermSupport needs skuTier Premium (it is Free): AKS offers long-term support on the Premium tier only",
        ]);
        assert.ok(validateStackConfig(stackConfig("dev"), context).ok, "the shipped version is supported");
        const dev = stackConfig("dev");
        dev.cluster.kubernetesVersion = "1.35";
        const late = validateStackConfig(dev, { ...context, today: new Date("2027-02-01T00:00:00Z") });
        assert.ok(late.ok && late.model.warnings.some((w) => w.path === "cluster.kubernetesVersion" && w.message.startsWith("AKS ends support for 1.35 at the end of March 2027 (59 days from 2027-02-01)")));
    });

    it("takes networkPluginMode only with networkPlugin azure", () => {
        assert.deepEqual(problems((c) => { c.cluster.networkPluginMode = "overlay"; }), ["cluster.networkPluginMode: is only used with networkPlugin: azure"]);
    });

    it("needs a System pool, on Linux, with at least one node", () => {
        assert.deepEqual(problems((c) => { c.cluster.nodePools[0].mode = "User"; }), ["cluster.nodePools: needs at least one pool with mode System: AKS runs its system pods there"]);
        assert.deepEqual(problems((c) => { c.cluster.nodePools = []; }), ["cluster.nodePools: needs at least one node pool, with mode System"]);
        assert.deepEqual(problems((c) => { c.cluster.nodePools[0].count = 0; }), ["cluster.nodePools[0].count: a System pool can't scale to 0; use at least 1 node"]);
        assert.deepEqual(problems((c) => { c.cluster.nodePools[0].osType = "Windows"; }), [
            "cluster.nodePools[0].osType: Windows node pools need Azure CNI; kubenet supports Linux only",
            "cluster.nodePools[0].osType: System pools must run Linux",
        ]);
    });

    it("checks pool names and their uniqueness", () => {
        assert.deepEqual(problems((c) => { c.cluster.nodePools[0].name = "System_1"; }), [
            "cluster.nodePools[0].name: \"System_1\" is not a node pool name: a lowercase letter, then up to 11 lowercase letters or digits",
        ]);
        assert.deepEqual(problems((c) => { c.cluster.nodePools.push({ ...c.cluster.nodePools[0] }); }), [
            "cluster.nodePools[1].name: \"system\" is already the name of nodePools[0]",
        ]);
    });

    it("takes zones 1 to 3", () => {
        assert.deepEqual(problems((c) => { c.cluster.nodePools[0].availabilityZones = ["1", "4"]; }), ["cluster.nodePools[0].availabilityZones[1]: \"4\" is not an availability zone: use \"1\", \"2\" or \"3\""]);
    });

    it("takes whole-number counts, min ≤ max, and leaves an autoscaled pool's count to the autoscaler", () => {
        assert.deepEqual(problems((c) => { c.cluster.nodePools[0].count = 2.5; }), ["cluster.nodePools[0].count: 2.5 is not a node count: use a whole number from 0 to 1000"]);
        assert.deepEqual(problems((c) => Object.assign(c.cluster.nodePools[0], { enableAutoScaling: true, count: 3, minCount: 1, maxCount: 5 })), [
            "cluster.nodePools[0].count: is set by the cluster autoscaler when enableAutoScaling is true (the pool starts at minCount): remove count and size the pool with minCount and maxCount",
        ]);
        assert.deepEqual(problems((c) => Object.assign(c.cluster.nodePools[0], { enableAutoScaling: true, count: undefined, minCount: 4, maxCount: 3 })), [
            "cluster.nodePools[0].minCount: 4 is more than maxCount 3",
        ]);
    });

    it("names the deployer explicitly with Azure RBAC, and only then", () => {
        // Through the Kubernetes API the bootstrap runs as the deployer, which needs RBAC Cluster Admin.
        assert.deepEqual(problems((c) => { throughKubernetes(c); delete c.cluster.aad.deployer; }, "staging"), [
            "cluster.aad.deployer: is required with enableAzureRBAC: the namespace bootstrap runs as the principal that runs pulumi up (your pipeline's), which needs RBAC Cluster Admin; give its objectId and principalType (ServicePrincipal for a pipeline)",
        ]);
        assert.deepEqual(problems(() => undefined, "staging"), [], "through ARM, nothing runs in the cluster as the deployer");
        assert.deepEqual(problems((c) => { throughKubernetes(c); c.cluster.aad.deployer.objectId = "aks-deploy"; }, "staging"), [
            "cluster.aad.deployer.objectId: \"aks-deploy\" is not an Entra ID object id (a GUID); for a service principal use its object id (az ad sp show --id <appId> --query id), not the app id",
        ]);
        assert.deepEqual(problems((c) => { throughKubernetes(c); c.cluster.aad.deployer.principalType = "ManagedIdentity"; }, "staging"), [
            "cluster.aad.deployer.principalType: \"ManagedIdentity\" is not one of ServicePrincipal, User, Group",
        ]);
        assert.deepEqual(problems((c) => { throughKubernetes(c); c.cluster.aad.enableAzureRBAC = false; }, "staging"), [
            "cluster.aad.deployer: is only used with enableAzureRBAC: true; without Azure RBAC, put the deploying principal in a group listed in adminGroupObjectIDs",
        ]);
    });

    it("needs the firewall's public IPs with userDefinedRouting and a restricted API server", () => {
        assert.deepEqual(problems((c) => { delete c.cluster.egressPublicIPs; }, "prod").map((p) => p.split(":")[0]), ["cluster.egressPublicIPs"]);
        assert.deepEqual(problems((c) => { c.cluster.egressPublicIPs = ["20.194.0.4/33"]; }, "prod").map((p) => p.split(":")[0]), ["cluster.egressPublicIPs[0]"]);
    });

    it("checks names under their config keys, the default cluster name included", () => {
        assert.deepEqual(problems((c) => { c.resourceGroupName = "rg aks"; c.network.vnetName = "vnet-"; c.identity.name = "id"; c.cluster.name = "aks.dev"; }).map((p) => p.split(":")[0]), [
            "resourceGroupName", "network.vnetName", "identity.name", "cluster.name",
        ]);
        assert.deepEqual(problems((c) => { delete c.cluster.name; }, "dev", { ...context, stack: "dev.eu" }).map((p) => p.split(": ")[0]), ["cluster.name"], "aks-dev.eu is not a cluster name");
    });

    it("takes azure-native:location as a region name only", () => {
        for (const location of ["3", "Korea Central", "korea-central", "true", "false", "null"]) {
            assert.deepEqual(problems(() => undefined, "dev", { ...context, location }), [`azure-native:location: ${JSON.stringify(location)} is not an Azure region name: lowercase letters and digits, e.g. koreacentral`]);
        }
        assert.deepEqual(problems(() => undefined, "dev", { ...context, location: "" }), ["azure-native:location: is empty (null or nothing in the stack file): set a region name, e.g. koreacentral"]);
    });

    it("never turns an unquoted 1.30 into version 1.3", () => {
        assert.deepEqual(problems((c) => { c.cluster.kubernetesVersion = 1.3; }), [
            "cluster.kubernetesVersion: 1.3 is a number, not a version: YAML reads an unquoted 1.30 as 1.3; write the version in quotes, e.g. \"1.33\"",
        ]);
        assert.deepEqual(problems((c) => { c.cluster.kubernetesVersion = "latest"; }).map((p) => p.split(":")[0]), ["cluster.kubernetesVersion"]);
        assert.deepEqual(problems((c) => { c.cluster.kubernetesVersion = true; }), ["cluster.kubernetesVersion: expected string, got boolean true"], "only a number is read as a mangled version");
    });

    it("refuses a pinned version that the upgrade channel would move past", () => {
        assert.deepEqual(problems((c) => { c.cluster.kubernetesVersion = "1.36.2"; }).map((p) => p.split(":")[0]), ["cluster.kubernetesVersion"]);
        assert.deepEqual(problems((c) => { c.cluster.upgradeChannel = "stable"; }).map((p) => p.split(":")[0]), ["cluster.kubernetesVersion"]);
        assert.deepEqual(problems((c) => { c.cluster.upgradeChannel = "stable"; delete c.cluster.kubernetesVersion; }), []);
    });

    it("chooses the default pool explicitly once there are several System pools", () => {
        const addSystem = (c: RawConfig) => { c.cluster.nodePools.unshift({ name: "sysnew", mode: "System", count: 3 }); };
        assert.deepEqual(problems(addSystem).map((p) => p.split(":")[0]), ["cluster.defaultNodePool"]);
        assert.deepEqual(problems((c) => { addSystem(c); c.cluster.defaultNodePool = "system"; }), []);
        assert.deepEqual(problems((c) => { c.cluster.defaultNodePool = "sys"; }).map((p) => p.split(":")[0]), ["cluster.defaultNodePool"]);
    });

    it("takes disableBgpRoutePropagation for the table it creates", () => {
        assert.deepEqual(problems((c) => { c.network.disableBgpRoutePropagation = true; }), []);
        assert.deepEqual(problems((c) => { c.network.disableBgpRoutePropagation = "yes"; }), ["network.disableBgpRoutePropagation: expected boolean, got string \"yes\""]);
    });

    it("needs a 0.0.0.0/0 route for userDefinedRouting", () => {
        assert.deepEqual(problems((c) => { c.cluster.outboundType = "userDefinedRouting"; }), [
            "cluster.outboundType: userDefinedRouting needs a 0.0.0.0/0 route in network.routes (e.g. to your firewall); without one the nodes have no way out",
        ]);
    });

    it("needs nextHopIpAddress for VirtualAppliance routes, and only for them", () => {
        assert.deepEqual(problems((c) => { c.network.routes = [{ name: "fw", addressPrefix: "0.0.0.0/0", nextHopType: "VirtualAppliance" }]; }), [
            "network.routes[0].nextHopIpAddress: is required when nextHopType is VirtualAppliance: the appliance's (e.g. the firewall's) private IP",
        ]);
        assert.deepEqual(problems((c) => { c.network.routes = [{ name: "out", addressPrefix: "0.0.0.0/0", nextHopType: "Internet", nextHopIpAddress: "172.16.0.4" }]; }), [
            "network.routes[0].nextHopIpAddress: is only allowed when nextHopType is VirtualAppliance, not Internet",
        ]);
        assert.deepEqual(problems((c) => { c.network.routes = [{ name: "x", addressPrefix: "0.0.0.0/0", nextHopType: "Firewall" }]; }), [
            "network.routes[0].nextHopType: \"Firewall\" is not one of VirtualNetworkGateway, VnetLocal, Internet, VirtualAppliance, None",
        ]);
    });

    it("rejects custom routes inside the pod CIDR but not broader ones", () => {
        assert.deepEqual(problems((c) => { c.network.routes = [{ name: "pods", addressPrefix: "10.244.5.0/24", nextHopType: "None" }]; }), [
            "network.routes[0].addressPrefix: 10.244.5.0/24 is inside cluster.podCidr 10.244.0.0/16 and would compete with the per-node routes AKS writes; route a broader prefix or none",
        ]);
        assert.deepEqual(problems((c) => { c.network.routes = [{ name: "wide", addressPrefix: "10.0.0.0/8", nextHopType: "VirtualNetworkGateway" }]; }), []);
        assert.deepEqual(problems((c) => { c.network.routes = [{ name: "pods", addressPrefix: "10.244.0.0/16", nextHopType: "None" }]; }).length, 1, "equal to the pod CIDR");
    });

    it("refuses a next hop inside the pod CIDR: an appliance is in the network, not a pod", () => {
        assert.deepEqual(problems((c) => { c.network.routes = [{ name: "fw", addressPrefix: "0.0.0.0/0", nextHopType: "VirtualAppliance", nextHopIpAddress: "10.244.1.4" }]; }), [
            "network.routes[0].nextHopIpAddress: 10.244.1.4 is inside cluster.podCidr 10.244.0.0/16: a next hop is an appliance in the network (your firewall's private address), not a pod's",
        ]);
        assert.deepEqual(problems((c) => { c.network.routes = [{ name: "fw", addressPrefix: "0.0.0.0/0", nextHopType: "VirtualAppliance", nextHopIpAddress: "172.16.0.4" }]; }), []);
    });

    it("rejects a private cluster with authorized IP ranges", () => {
        assert.deepEqual(problems((c) => { c.cluster.apiServer = { enablePrivateCluster: true, authorizedIPRanges: ["203.0.113.0/24"] }; c.pipeline = { runner: "private" }; }), [
            "cluster.apiServer.authorizedIPRanges: can't be combined with enablePrivateCluster: a private API server has no public endpoint to restrict",
        ]);
    });

    it("needs Entra ID to disable local accounts or bind groups", () => {
        assert.deepEqual(problems((c) => { c.cluster.disableLocalAccounts = true; }), ["cluster.disableLocalAccounts: needs Entra ID (aad): without local accounts, Entra ID is the only way in"]);
        assert.deepEqual(problems((c) => { c.namespaces[0].viewers = ["0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"]; }), ["namespaces[0].viewers: binds Entra ID groups, which needs cluster.aad"]);
    });

    it("keeps reservedCidrs clear of the vnet, pods and services", () => {
        assert.deepEqual(problems((c) => { c.network.reservedCidrs = ["172.16.0.0/12", "10.0.0.0/8"]; }), [
            "network.vnetCidr: 172.16.0.0/16 overlaps network.reservedCidrs[0] 172.16.0.0/12; the vnet must not overlap networks reached from it",
            "cluster.podCidr: 10.244.0.0/16 overlaps network.reservedCidrs[1] 10.0.0.0/8; the range is in use elsewhere in the network",
            "cluster.serviceCidr: 10.0.0.0/16 overlaps network.reservedCidrs[1] 10.0.0.0/8; the range is in use elsewhere in the network",
        ]);
    });

    it("checks namespaces: RFC 1123 names, not Kubernetes' own, quantities, group ids", () => {
        assert.deepEqual(problems((c) => {
            c.namespaces.push({ name: "Team_B" }, { name: "kube-system" }, { name: "team-a" });
            c.namespaces[0].quota.limitsMemory = "8 GB";
        }), [
            "namespaces[0].quota.limitsMemory: \"8 GB\" is not a Kubernetes quantity (e.g. \"500m\", \"4\", \"8Gi\")",
            "namespaces[1].name: \"Team_B\" is not a namespace name: an RFC 1123 label of up to 63 lowercase letters, digits or '-', starting and ending with a letter or digit",
            "namespaces[2].name: kube-system belongs to Kubernetes; choose another name",
            "namespaces[3].name: team-a is already the name of namespaces[0]",
        ]);
    });

    describe("address rules through the config's key paths", () => {
        it("reserved ranges", () => {
            assert.deepEqual(problems((c) => { c.network.vnetCidr = "169.254.0.0/16"; c.network.subnetCidr = "169.254.1.0/24"; }), [
                "network.vnetCidr: 169.254.0.0/16 overlaps 169.254.0.0/16, a range AKS reserves",
                "network.subnetCidr: 169.254.1.0/24 overlaps 169.254.0.0/16, a range AKS reserves",
            ]);
            assert.deepEqual(problems((c) => { c.cluster.serviceCidr = "192.0.2.0/24"; c.cluster.dnsServiceIP = "192.0.2.10"; }), [
                "cluster.serviceCidr: 192.0.2.0/24 overlaps 192.0.2.0/24, a range AKS reserves",
            ]);
        });

        it("malformed CIDRs and host bits", () => {
            assert.deepEqual(problems((c) => { c.cluster.podCidr = "10.244.1.0/16"; }), ["cluster.podCidr: 10.244.1.0/16: host bits set; did you mean 10.244.0.0/16?"]);
        });

        it("subnet inside the vnet", () => {
            assert.deepEqual(problems((c) => { c.network.subnetCidr = "172.17.1.0/24"; }), ["network.subnetCidr: 172.17.1.0/24 is not inside network.vnetCidr 172.16.0.0/16"]);
        });

        it("pod and service ranges outside the vnet and apart", () => {
            assert.deepEqual(problems((c) => { c.cluster.podCidr = "172.16.0.0/16"; }), ["cluster.podCidr: 172.16.0.0/16 overlaps network.vnetCidr 172.16.0.0/16; pods take addresses outside the vnet"]);
            assert.deepEqual(problems((c) => { c.cluster.serviceCidr = "10.244.0.0/16"; c.cluster.dnsServiceIP = "10.244.0.10"; }), [
                "cluster.serviceCidr: 10.244.0.0/16 overlaps cluster.podCidr 10.244.0.0/16; the service and pod CIDRs must be disjoint",
            ]);
        });

        it("DNS service IP placement", () => {
            assert.deepEqual(problems((c) => { c.cluster.dnsServiceIP = "10.1.0.10"; }), ["cluster.dnsServiceIP: 10.1.0.10 is outside cluster.serviceCidr 10.0.0.0/16; use an address inside it, by convention 10.0.0.10"]);
        });

        it("service CIDR size", () => {
            assert.deepEqual(problems((c) => { c.cluster.serviceCidr = "10.0.0.0/12"; }), ["cluster.serviceCidr: 10.0.0.0/12 is too large: the service CIDR must be smaller than /12 (use /13 or a longer prefix)"]);
        });

        it("max pods 10–250 and 30 pods per pool", () => {
            assert.deepEqual(problems((c) => { c.cluster.nodePools[0].maxPods = 300; }), ["cluster.nodePools[0].maxPods: 300 is out of range: max pods per node must be a whole number from 10 to 250"]);
            assert.deepEqual(problems((c) => { c.cluster.nodePools[0].maxPods = 10; }), ["cluster.nodePools[0].maxPods: 2 node(s) × 10 pods = 20: a node pool needs room for at least 30 pods; raise maxPods or the node count"]);
        });

        it("subnet and pod CIDR capacity with upgrade surge", () => {
            assert.deepEqual(problems((c) => { c.network.subnetCidr = "172.16.1.0/29"; c.cluster.nodePools[0].count = 3; }), [
                "network.subnetCidr: 172.16.1.0/29 has 3 usable addresses but the node pools need 4 for 4 nodes at maximum scale with upgrade surge (3 + 1)",
            ]);
            assert.deepEqual(problems((c) => { c.cluster.podCidr = "10.244.0.0/24"; }), ["cluster.podCidr: 10.244.0.0/24 has 1 /24 node ranges but the node pools need 3 nodes at maximum scale with upgrade surge (2 + 1)"]);
        });

        it("the 400-node route-table limit", () => {
            // 2 + 400 nodes, surge 10% each: 1 + 40. A /20 and a /9 pod CIDR hold them; the table can't.
            assert.deepEqual(problems((c) => {
                c.network.subnetCidr = "172.16.0.0/20";
                c.cluster.podCidr = "10.128.0.0/9";
                c.cluster.nodePools.push({ name: "big", mode: "User", enableAutoScaling: true, minCount: 1, maxCount: 400 });
            }), [
                "cluster.nodePools: 443 nodes at maximum scale with upgrade surge (402 + 41) exceed the 400 node routes a route table can hold (400 routes); kubenet clusters can't exceed 400 nodes",
            ]);
        });

        it("the 400-node route-table limit, exactly at it and one over", () => {
            const withBigPool = (count: number) => problems((c) => {
                c.network.subnetCidr = "172.16.0.0/20";
                c.cluster.podCidr = "10.128.0.0/9";
                c.cluster.nodePools.push({ name: "big", mode: "User", count, upgradeSettings: { maxSurge: "1" } });
            });
            // dev's 2-node pool surges by 1 (10% rounded up); the big pool by 1.
            assert.deepEqual(withBigPool(396), [], "2 + 396 nodes + 1 + 1 surge = 400 routes: fits");
            assert.deepEqual(withBigPool(397), [
                "cluster.nodePools: 401 nodes at maximum scale with upgrade surge (399 + 2) exceed the 400 node routes a route table can hold (400 routes); kubenet clusters can't exceed 400 nodes",
            ]);
        });
    });
});

describe("infra/config: warnings", () => {
    it("names the kubenet retirement date, the days left and the migration path", () => {
        assert.ok(warnings(() => undefined).includes(
            "cluster.networkPlugin: AKS retires kubenet on 31 March 2028 (495 days from 2026-11-22); move to Azure CNI Overlay in place with pulumi up and cluster.migrateFromKubenet (docs/migrate-to-overlay.md)",
        ));
        const after = validateStackConfig(stackConfig("dev"), { ...context, today: new Date("2028-04-10T00:00:00Z") });
        assert.ok(after.ok && after.model.warnings.some((w) => w.message.includes("retired 10 days before 2028-04-10")));
    });

    it("has no retirement warning for Azure CNI Overlay", () => {
        assert.ok(!warnings(overlay).some((w) => w.startsWith("cluster.networkPlugin")));
    });

    it("tells a migrating stack what pulumi up will do", () => {
        assert.ok(warnings((c) => { overlay(c); c.cluster.migrateFromKubenet = true; }).includes(
            "cluster.migrateFromKubenet: pulumi up moves the running cluster to Azure CNI Overlay in place, in one update that reimages every node pool at once and can't be undone; its preview checks the running cluster first (version, identity, route table); the route table stays associated with your 0 custom route(s), and AKS deletes the pod routes it wrote",
        ));
    });

    it("says an unprotected cluster can be replaced", () => {
        const line = warnings((c) => { c.cluster.allowReplacement = true; }).find((w) => w.startsWith("cluster.allowReplacement"));
        assert.match(line ?? "", /^cluster.allowReplacement: the cluster isn't protected: a change to networkPlugin, networkPluginMode, .*podCidr.* deletes and recreates it/);
    });

    it("warns about Free tier in a prod stack", () => {
        assert.ok(warnings((c) => { c.cluster.skuTier = "Free"; }, "prod", { ...context, stack: "prod" }).includes("cluster.skuTier: Free has no uptime SLA; use Standard for the prod stack"));
        assert.ok(!warnings(() => undefined, "prod", { ...context, stack: "prod" }).some((w) => w.startsWith("cluster.skuTier")));
    });

    it("warns when the subnet has under 20% headroom at maximum scale", () => {
        const lines = warnings((c) => { c.network.subnetCidr = "172.16.1.0/27"; c.cluster.nodePools[0].count = 20; });
        assert.ok(lines.includes("network.subnetCidr: the node pools at maximum scale with upgrade surge use 22 of 27 usable addresses (81%); leave at least 20% headroom, as the subnet can't grow under a running cluster"), lines.join("\n"));
    });

    it("warns when an authorized range restricts (almost) nothing, and accepts single addresses", () => {
        // From a runner inside the network: hosted runners can't reach a restricted API server.
        const ranges = (list: string[]) => warnings((c) => { c.cluster.apiServer = { authorizedIPRanges: list }; c.pipeline = { runner: "private" }; }).filter((w) => w.includes("authorizedIPRanges"));
        assert.deepEqual(ranges(["0.0.0.0/0"]), ["cluster.apiServer.authorizedIPRanges[0]: 0.0.0.0/0 restricts nothing: the API server is open to the whole internet; list your own networks, or set enablePrivateCluster"]);
        assert.deepEqual(ranges(["203.0.113.0/24", "20.0.0.0/8"]), ["cluster.apiServer.authorizedIPRanges[1]: 20.0.0.0/8 authorizes 16,777,216 addresses; narrow it to the networks that reach the API server"]);
        assert.deepEqual(ranges(["198.51.100.7", "203.0.113.0/24"]), [], "a single address is a /32");
    });

    it("warns that a deny-ingress policy needs a policy engine", () => {
        assert.ok(warnings((c) => { c.namespaces[0].defaultDenyIngress = true; }).includes("namespaces[0].defaultDenyIngress: the NetworkPolicy is created but not enforced: set cluster.networkPolicy to calico"));
        assert.ok(!warnings((c) => { c.namespaces[0].defaultDenyIngress = true; c.cluster.networkPolicy = "calico"; }).some((w) => w.startsWith("namespaces[0]")), "calico enforces it");
        const migrating = warnings((c) => {
            c.namespaces[0].defaultDenyIngress = true;
            Object.assign(c.cluster, { networkPlugin: "azure", networkPluginMode: "overlay", networkPolicy: "none", migrateFromKubenet: true });
        }, "staging");
        assert.ok(migrating.includes("namespaces[0].defaultDenyIngress: the NetworkPolicy is created but not enforced while the migration needs networkPolicy none: turn a policy engine on once the cluster runs Azure CNI Overlay"), migrating.join("\n"));
    });

    it("leaves the 0.0.0.0/0 route of your own route table to you, with a warning", () => {
        const byoTable = (c: RawConfig) => {
            c.cluster.outboundType = "userDefinedRouting";
            c.network.existingRouteTableId = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt-hub";
            c.network.existingSubnetId = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet";
        };
        assert.ok(warnings(byoTable).includes("cluster.outboundType: userDefinedRouting needs a 0.0.0.0/0 route: make sure your route table (the network's existingRouteTableId) has one"));
        const migrating = warnings((c) => { byoTable(c); overlay(c); c.cluster.migrateFromKubenet = true; }).find((w) => w.startsWith("cluster.migrateFromKubenet"));
        assert.ok(migrating?.endsWith("your route table stays associated with your routes, and AKS deletes the pod routes it wrote"), "no count of routes it doesn't manage");
    });

    it("counts the retirement to the day", () => {
        const on = (day: string) => {
            const result = validateStackConfig(stackConfig("dev"), { ...context, today: new Date(`${day}T00:00:00Z`) });
            return result.ok ? result.model.warnings.find((w) => w.path === "cluster.networkPlugin")?.message : undefined;
        };
        assert.match(on("2028-03-30") ?? "", /\(1 days from 2028-03-30\)/);
        assert.match(on("2028-03-31") ?? "", /\(retired 0 days before 2028-03-31\)/);
    });

    it("treats stacks named prod… as production, whatever the case", () => {
        const free = (stack: string) => warnings((c) => { c.cluster.skuTier = "Free"; }, "prod", { ...context, stack }).some((w) => w.startsWith("cluster.skuTier"));
        assert.equal(free("Production"), true);
        assert.equal(free("preprod"), false);
    });

    it("warns from /8 up, not for a /9", () => {
        const ranges = (list: string[]) => warnings((c) => { c.cluster.apiServer = { authorizedIPRanges: list }; c.pipeline = { runner: "private" }; }).filter((w) => w.includes("authorizedIPRanges"));
        assert.deepEqual(ranges(["20.0.0.0/9"]), []);
        assert.equal(ranges(["0.0.0.0/1"]).length, 1);
        const all = (list: string[]) => warnings((c) => { c.cluster.apiServer = { authorizedIPRanges: list }; c.pipeline = { runner: "private" }; });
        assert.deepEqual(all(["203.0.113.0/24", "198.51.100.7"]), all([]), "narrow ranges add no warning at all");
    });

    it("gives no warnings with a config it refuses: the problems come first", () => {
        const result = validateStackConfig({ ...stackConfig("dev"), protect: "yes" }, context);
        assert.equal(result.ok, false);
        assert.deepEqual(result.ok ? undefined : result.warnings, []);
    });
});

describe("infra/config: the pipeline that deploys the stack", () => {
    const reach = "namespacesThrough: kubernetes needs the cluster's API server, which the pipeline's GitHub-hosted runners can't reach";

    it("refuses a bootstrap through the Kubernetes API that GitHub-hosted runners can't reach, with both ways out", () => {
        // GitHub: "We do not recommend allowing by IP address" ("About GitHub's IP addresses").
        const restricted = problems((c) => { c.cluster.apiServer = { authorizedIPRanges: ["203.0.113.0/24"] }; });
        assert.equal(restricted.length, 1);
        assert.ok(restricted[0].startsWith(`${reach}: an API server limited to apiServer.authorizedIPRanges can't hold their changing addresses`));
        assert.match(restricted[0], /set namespacesThrough: arm .* or deploy from a runner that reaches the API server and set pipeline\.runner: private$/);
        assert.ok(problems((c) => { c.cluster.apiServer = { enablePrivateCluster: true }; })[0].startsWith(`${reach}: a private API server`));
        assert.deepEqual(problems((c) => { c.cluster.apiServer = { authorizedIPRanges: ["203.0.113.0/24"] }; c.pipeline = { runner: "private" }; }), []);
        assert.deepEqual(problems((c) => { c.cluster.apiServer = { authorizedIPRanges: ["0.0.0.0/0"] }; }), [], "a range of every address restricts nothing (warned about instead)");
        assert.deepEqual(problems(() => undefined), [], "an open API server is reached");
        assert.deepEqual(problems((c) => { c.pipeline = { runner: "self-hosted" }; }), [`pipeline.runner: "self-hosted" is not one of github-hosted, private`]);
    });

    it("takes a restricted API server through ARM, where only what a managed namespace can express is accepted", () => {
        const arm = (change: (c: RawConfig) => void) => problems((c) => {
            c.cluster.apiServer = { authorizedIPRanges: ["203.0.113.0/24"] };
            c.namespacesThrough = "arm";
            change(c);
        });
        // dev's team-a quota has a pod count, which a managed namespace's quota can't hold.
        assert.deepEqual(arm(() => undefined).map((p) => p.split(": ")[0]), ["namespaces[0].quota.pods"]);
        assert.deepEqual(arm((c) => { delete c.namespaces[0].quota.pods; }), []);
    });

    it("needs Azure RBAC on the cluster for a managed namespace's groups, and no deployer", () => {
        const prod = (change: (c: RawConfig) => void) => problems(change, "prod", { ...context, stack: "prod" });
        assert.deepEqual(prod(() => undefined), []);
        assert.deepEqual(prod((c) => { c.cluster.aad.enableAzureRBAC = false; }), [
            "namespaces[0].admins: is granted through Azure roles on the managed namespace (namespacesThrough arm), which the API server honours only with cluster.aad.enableAzureRBAC: true",
            "namespaces[0].editors: is granted through Azure roles on the managed namespace (namespacesThrough arm), which the API server honours only with cluster.aad.enableAzureRBAC: true",
            "namespaces[0].viewers: is granted through Azure roles on the managed namespace (namespacesThrough arm), which the API server honours only with cluster.aad.enableAzureRBAC: true",
        ]);
    });

    it("warns of what the managed path leaves undone: the default namespace's labels, defaults for pods without requests", () => {
        const prod = validateStackConfig(stackConfig("prod"), { ...context, stack: "prod" });
        assert.ok(prod.ok);
        const lines = prod.model.warnings.map(formatProblem);
        assert.ok(lines.includes("namespaces[0].quota: a managed namespace has no default container limits: pods that set no CPU or memory requests and limits are refused by its quota"));
        assert.ok(lines.some((line) => line.startsWith("namespacesThrough: the default namespace keeps no Pod Security labels")));
        assert.ok(!warnings(() => undefined).some((line) => line.startsWith("namespacesThrough")), "dev labels its default namespace through the Kubernetes API");
    });

    it("warns when a deploy job may outrun a GitHub-hosted runner's 6 hours", () => {
        // 40 nodes at AKS's default 10% surge: 10 batches of 4, each up to the 10-minute node
        // allowance and the 30-minute default drain, 400 minutes, plus the control plane.
        const long = warnings((c) => { c.cluster.nodePools = [{ ...c.cluster.nodePools[0], count: 40 }]; });
        assert.ok(long.some((line) => line.startsWith("cluster.nodePools: a deploy job of this stack may run 445 minutes")), long.join("\n"));
        const fast = warnings((c) => { c.cluster.nodePools = [{ ...c.cluster.nodePools[0], count: 40, upgradeSettings: { maxSurge: "50%" } }]; });
        assert.ok(!fast.some((line) => line.startsWith("cluster.nodePools: a deploy job")), "two batches fit");
        assert.ok(!warnings((c) => { c.cluster.nodePools = [{ ...c.cluster.nodePools[0], count: 40 }]; c.pipeline = { runner: "private" }; }).some((line) => line.includes("a deploy job")), "a self-hosted job may run for days");
    });
});
