import { strict as assert } from "node:assert";
import { MockEngine } from "../../infra/synth/engine";
import { SUPPORTED_VERSION, basePools, buildStack } from "./fixtures";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const POOL = "azure-native:containerservice:AgentPool";
const ROLE = "azure-native:authorization:RoleAssignment";

describe("components/cluster: KubenetCluster", () => {
    let engine: MockEngine;
    beforeEach(async () => {
        engine = await MockEngine.install();
    });

    it("declares a kubenet network profile with every range explicit", async () => {
        buildStack();
        await engine.settle();
        assert.deepEqual(engine.one(CLUSTER).inputs.networkProfile, {
            networkPlugin: "kubenet",
            podCidr: "10.244.0.0/16",
            serviceCidr: "10.0.0.0/16",
            dnsServiceIP: "10.0.0.10",
            outboundType: "loadBalancer",
            loadBalancerSku: "standard",
        });
        assert.deepEqual(engine.one(CLUSTER).inputs.sku, { name: "Base", tier: "Free" }, "the Free tier unless told");
        assert.deepEqual(engine.one(CLUSTER).inputs.autoUpgradeProfile, { upgradeChannel: "none", nodeOSUpgradeChannel: "NodeImage" }, "AKS's documented defaults, sent");
    });

    it("sends one upgrade channel without the other", async () => {
        buildStack({ cluster: { nodeOSUpgradeChannel: "SecurityPatch" } });
        await engine.settle();
        assert.deepEqual(engine.one(CLUSTER).inputs.autoUpgradeProfile, { upgradeChannel: "none", nodeOSUpgradeChannel: "SecurityPatch" });
    });

    it("sends the ranges it is given", async () => {
        buildStack({ cluster: { podCidr: "10.100.0.0/16", serviceCidr: "10.200.0.0/16", dnsServiceIP: "10.200.0.10" } });
        await engine.settle();
        const profile = engine.one(CLUSTER).inputs.networkProfile as Record<string, unknown>;
        assert.deepEqual([profile.podCidr, profile.serviceCidr, profile.dnsServiceIP], ["10.100.0.0/16", "10.200.0.0/16", "10.200.0.10"]);
    });

    it("uses the user-assigned identity", async () => {
        buildStack();
        await engine.settle();
        const identity = engine.one(CLUSTER).inputs.identity as { type: string; userAssignedIdentities: string[] };
        assert.equal(identity.type, "UserAssigned");
        assert.deepEqual(identity.userAssignedIdentities, ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-identity"]);
    });

    it("is created after every role assignment, the subnet and the routes", async () => {
        buildStack();
        await engine.settle();
        const deps = engine.one(CLUSTER).dependencies;
        const roles = engine.byType(ROLE);
        assert.equal(roles.length, 2);
        for (const role of roles) assert.ok(deps.includes(role.urn), `cluster waits for ${role.name}`);
        assert.ok(deps.includes(engine.one("azure-native:network:Subnet").urn));
        assert.ok(deps.includes(engine.one("azure-native:network:Route").urn));
    });

    it("declares the default pool inline with every setting and its version, ignoring nothing a user sets", async () => {
        buildStack({ cluster: { nodePools: basePools, kubernetesVersion: SUPPORTED_VERSION } });
        await engine.settle();
        const cluster = engine.one(CLUSTER);
        const profiles = cluster.inputs.agentPoolProfiles as Record<string, unknown>[];
        assert.equal(profiles.length, 1);
        assert.deepEqual(profiles[0], {
            name: "system",
            mode: "System",
            vmSize: "Standard_DS2_v2",
            osType: "Linux",
            type: "VirtualMachineScaleSets",
            vnetSubnetID: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks/providers/Microsoft.Network/virtualNetworks/vnet-aks/subnets/snet-aks",
            orchestratorVersion: SUPPORTED_VERSION,
            count: 3,
            enableAutoScaling: false,
            maxPods: 110,
            availabilityZones: ["1", "2", "3"],
            upgradeSettings: { maxSurge: "33%", drainTimeoutInMinutes: 30, nodeSoakDurationInMinutes: 0, undrainableNodeBehavior: "Schedule" },
            securityProfile: { sshAccess: "LocalUser" },
            nodeLabels: { "aks-kubenet/pool": "system" },
            nodeTaints: [],
            tags: { env: "test" },
        });
        assert.deepEqual(cluster.ignoreChanges, [], "a fixed-size default pool: every setting is applied");
        // AKS moves a private cluster's DNS zone to none in place (Microsoft, "Create a private AKS
        // cluster", update section): a replace trigger only where a replacement is allowed.
        assert.deepEqual(cluster.replaceOnChanges, ["apiServerAccessProfile.enablePrivateCluster"]);
    });

    it("makes every other pool its own AgentPool, named for rotation, that leaves the autoscaler's count alone", async () => {
        buildStack({ cluster: { nodePools: [...basePools, { name: "batch", mode: "User", count: 2 }], kubernetesVersion: SUPPORTED_VERSION } });
        await engine.settle();
        const pools = engine.byType(POOL).sort((a, b) => a.name.localeCompare(b.name));
        assert.deepEqual(pools.map((p) => p.name), ["k-pool-apps", "k-pool-batch"]);
        for (const [pool, name] of [[pools[0], "apps"], [pools[1], "batch"]] as const) {
            assert.match(String(pool.inputs.agentPoolName), new RegExp(`^${name}[a-z0-9]{4}$`), "its name plus a 4-character rotation suffix");
            assert.deepEqual(pool.inputs.nodeLabels, { "aks-kubenet/pool": name });
            assert.equal(pool.inputs.orchestratorVersion, SUPPORTED_VERSION);
        }
        const [apps, batch] = pools;
        assert.equal(apps.inputs.resourceName, "aks-test");
        assert.equal(apps.inputs.enableAutoScaling, true);
        assert.equal(apps.inputs.minCount, 0);
        assert.equal(apps.inputs.maxCount, 10);
        assert.equal(apps.inputs.count, undefined, "no count: AKS sizes it between minCount and maxCount");
        assert.equal(apps.inputs.maxPods, 50);
        assert.deepEqual(apps.ignoreChanges, []);
        assert.deepEqual(batch.ignoreChanges, []);
        assert.equal(batch.inputs.count, 2);
        for (const pool of pools) {
            assert.ok(pool.dependencies.includes(engine.one(CLUSTER).urn), "pool waits for the cluster");
            assert.equal(pool.deleteBeforeReplace, false, "a replacement creates the new pool first");
            assert.equal(pool.inputs.vnetSubnetID, (engine.one(CLUSTER).inputs.agentPoolProfiles as { vnetSubnetID: string }[])[0].vnetSubnetID);
        }
    });

    it("keeps a pool change out of the cluster's inputs", async () => {
        buildStack({ cluster: { nodePools: basePools } });
        await engine.settle();
        const before = JSON.stringify(engine.one(CLUSTER).inputs);
        engine = await MockEngine.install();
        buildStack({ cluster: { nodePools: [basePools[0], { ...basePools[1], maxCount: 20, vmSize: "Standard_D4s_v5" }] } });
        await engine.settle();
        assert.equal(JSON.stringify(engine.one(CLUSTER).inputs), before);
        assert.equal(engine.one(POOL).inputs.vmSize, "Standard_D4s_v5");
    });

    it("sets tier, upgrade channels, API server access, Entra ID and local accounts", async () => {
        buildStack({ cluster: {
            skuTier: "Standard",
            upgradeChannel: "patch",
            nodeOSUpgradeChannel: "NodeImage",
            apiServer: { authorizedIPRanges: ["203.0.113.0/24"] },
            aad: { adminGroupObjectIDs: ["6f1d2c1e-8e2b-4b7a-9c1d-2a3b4c5d6e7f"], enableAzureRBAC: true },
            disableLocalAccounts: true,
            nodeResourceGroup: "MC_custom",
            networkPolicy: "calico",
            outboundType: "userDefinedRouting",
            egressPublicIPs: ["20.194.0.4"],
            kubernetesVersion: SUPPORTED_VERSION,
        } });
        await engine.settle();
        const inputs = engine.one(CLUSTER).inputs;
        assert.deepEqual(inputs.sku, { name: "Base", tier: "Standard" });
        assert.deepEqual(inputs.autoUpgradeProfile, { upgradeChannel: "patch", nodeOSUpgradeChannel: "NodeImage" });
        assert.deepEqual(inputs.apiServerAccessProfile, { authorizedIPRanges: ["203.0.113.0/24", "20.194.0.4/32"], disableRunCommand: false }, "the firewall's egress address is authorized");
        assert.deepEqual(inputs.aadProfile, { managed: true, enableAzureRBAC: true, adminGroupObjectIDs: ["6f1d2c1e-8e2b-4b7a-9c1d-2a3b4c5d6e7f"] });
        assert.equal(inputs.disableLocalAccounts, true);
        assert.equal(inputs.nodeResourceGroup, "MC_custom");
        assert.equal(inputs.kubernetesVersion, SUPPORTED_VERSION);
        assert.equal(inputs.supportPlan, "KubernetesOfficial", "sent explicitly, so removing long-term support ends it");
        assert.equal(inputs.enableRBAC, true);
        assert.equal(inputs.dnsPrefix, "aks-test");
        const profile = inputs.networkProfile as Record<string, unknown>;
        assert.equal(profile.networkPolicy, "calico");
        assert.equal(profile.outboundType, "userDefinedRouting");
    });

    it("retries its creation while the identity's grants propagate", async () => {
        buildStack();
        await engine.settle();
        assert.deepEqual(engine.one(CLUSTER).onErrorHooks, ["k-aks-permission-retry"]);
        assert.ok(engine.hooks.includes("k-aks-permission-retry"));
    });

    it("protects the cluster so the engine refuses to replace it, unless replacement is allowed", async () => {
        buildStack({ cluster: { nodePools: basePools } });
        await engine.settle();
        assert.equal(engine.one(CLUSTER).protect, true, "protected without any protect argument");
        assert.equal(engine.one(POOL).protect, false, "pools are never protected: rotating one deletes the old pool");

        engine = await MockEngine.install();
        buildStack({ cluster: { nodePools: basePools, allowReplacement: true } });
        await engine.settle();
        assert.equal(engine.one(CLUSTER).protect, false, "the acknowledgement lifts the protection");
        assert.equal(engine.one(CLUSTER).deleteBeforeReplace, true, "the replacement keeps the cluster's name");
    });

    it("declares an Azure CNI Overlay profile with Windows pools on the same network and identity", async () => {
        buildStack({ cluster: {
            networkPlugin: "azure",
            networkPluginMode: "overlay",
            networkPolicy: "cilium",
            nodePools: [basePools[0], { name: "apps", mode: "User", count: 2 }],
        } });
        await engine.settle();
        const profile = engine.one(CLUSTER).inputs.networkProfile as Record<string, unknown>;
        assert.equal(profile.networkPlugin, "azure");
        assert.equal(profile.networkPluginMode, "overlay");
        assert.equal(profile.networkDataplane, "cilium");
        assert.equal(profile.podCidr, "10.244.0.0/16");
        const deps = engine.one(CLUSTER).dependencies;
        for (const role of engine.byType(ROLE)) assert.ok(deps.includes(role.urn), "still waits for the Network Contributor grants");
    });

    it("rejects invalid arguments with every problem and creates no child", async () => {
        assert.throws(() => buildStack({ cluster: {
            podCidr: "172.30.0.0/16",
            networkPolicy: "azure",
            nodePools: [{ name: "win", mode: "User", osType: "Windows", count: 1 }],
        } }), (err: Error) => {
            assert.equal(err.message, [
                "invalid KubenetCluster arguments:",
                "networkPolicy: azure network policy isn't supported with kubenet; use calico or none",
                "nodePools: needs at least one pool with mode System: AKS runs its system pods there",
                "nodePools[0].osType: Windows node pools need Azure CNI; kubenet supports Linux only",
                "podCidr: 172.30.0.0/16 overlaps 172.30.0.0/16, a range AKS reserves",
            ].join("\n"));
            return true;
        });
        await engine.settle();
        assert.equal(engine.byType(CLUSTER).length, 0);
        assert.equal(engine.byType(POOL).length, 0);
        assert.deepEqual(engine.byType("aks-kubenet:index:KubenetCluster").length, 1, "only the component itself");
    });

    it("checks its ranges against the network it lands in", async () => {
        assert.throws(() => buildStack({ cluster: { podCidr: "192.168.0.0/16" } }), /podCidr: 192.168.0.0\/16 overlaps networkAddressing.vnetCidr 192.168.0.0\/16; pods take addresses outside the vnet/);
    });
});
