import { strict as assert } from "node:assert";
import { KubenetClusterArgs } from "../../components";
import { validateClusterArgs } from "../../components/rules";
import { effectiveAuthorizedRanges } from "../../components/cluster/api-server/access";
import { basePools } from "./fixtures";
import { agentPoolName } from "../../components/cluster/node-pools/names";

const CHECKED_ON = new Date("2026-12-01T00:00:00Z");
/** A day when 1.27 to 1.29, the migration rule's boundary, were still supported. */
const MID_2024 = new Date("2024-06-15T00:00:00Z");

/** KubenetCluster's rules, checked on validateClusterArgs alone, before any stack is declared. */
describe("components/cluster: validateClusterArgs", () => {
    const base: KubenetClusterArgs = {
        resourceGroupName: "rg",
        name: "aks-test",
        subnetId: "s",
        identityId: "i",
        networkAddressing: { vnetCidr: "192.168.0.0/16", subnetCidr: "192.168.1.0/24" },
        nodePools: basePools,
    };
    // The rules that depend on the date (AKS's version calendar) are judged on a fixed day.
    const messages = (overrides: Partial<KubenetClusterArgs>, today = CHECKED_ON) => validateClusterArgs({ ...base, ...overrides }, undefined, today).map((p) => `${p.path}: ${p.message}`);
    const pool = (overrides: Record<string, unknown>) => [{ ...basePools[0], ...overrides }] as KubenetClusterArgs["nodePools"];

    it("accepts a realistic cluster", () => {
        assert.deepEqual(messages({}), []);
    });

    it("rejects pool names AKS won't take, and repeats", () => {
        assert.deepEqual(messages({ nodePools: [basePools[0], { ...basePools[1], name: "Apps-1" }, { ...basePools[1], name: "system" }] }), [
            "nodePools[1].name: \"Apps-1\" is not a node pool name: a lowercase letter, then up to 11 lowercase letters or digits",
            "nodePools[2].name: \"system\" is already the name of nodePools[0]",
        ]);
        assert.equal(messages({ nodePools: pool({ name: "abcdefghijklm" }) }).length, 1, "13 characters");
    });

    it("refuses a pool whose name in Azure is the default pool's", () => {
        // The default pool keeps its own name in Azure; a User pool gets a suffix: give the
        // default pool exactly that suffixed name.
        const clash = agentPoolName(basePools[1]);
        assert.deepEqual(messages({ nodePools: [{ ...basePools[0], name: clash }, basePools[1]] }), [
            `nodePools[1].name: its name in Azure, ${clash}, is already nodePools[0]'s: rename one of them`,
        ]);
    });

    it("requires a System pool, on Linux, with at least one node", () => {
        assert.deepEqual(messages({ nodePools: [] }), ["nodePools: needs at least one node pool, with mode System"]);
        assert.deepEqual(messages({ nodePools: undefined as never }), ["nodePools: needs at least one node pool, with mode System"], "none given at all");
        assert.deepEqual(messages({ nodePools: pool({ count: 0 }) }), ["nodePools[0].count: a System pool can't scale to 0; use at least 1 node"]);
        assert.deepEqual(messages({ nodePools: pool({ count: undefined, enableAutoScaling: true, minCount: 0, maxCount: 3 }) }), [
            "nodePools[0].minCount: a System pool can't scale to 0; use at least 1 node",
        ]);
    });

    it("rejects Windows pools with kubenet", () => {
        assert.deepEqual(messages({ nodePools: [basePools[0], { name: "win", mode: "User", osType: "Windows", count: 1 }] }), [
            "nodePools[1].osType: Windows node pools need Azure CNI; kubenet supports Linux only",
        ]);
    });

    it("rejects Azure network policy with kubenet, and unknown policies", () => {
        assert.deepEqual(messages({ networkPolicy: "azure" }), ["networkPolicy: azure network policy isn't supported with kubenet; use calico or none"]);
        assert.deepEqual(messages({ networkPolicy: "weave" as never }), ["networkPolicy: \"weave\" is not one of none, calico, azure, cilium"]);
        assert.deepEqual(messages({ networkPolicy: "calico" }), []);
        assert.deepEqual(messages({ networkPolicy: "cilium" }), ["networkPolicy: cilium network policy isn't supported with kubenet; use calico or none"]);
    });

    it("needs its node pools, also from a language whose types don't require them", () => {
        assert.deepEqual(messages({ nodePools: undefined as never }), ["nodePools: needs at least one node pool, with mode System"]);
    });

    describe("Azure CNI Overlay", () => {
        const overlay = { networkPlugin: "azure", networkPluginMode: "overlay" } as const;
        const windows = { name: "win", mode: "User", osType: "Windows", count: 2 } as const;

        it("accepts Windows pools with a short name, and Azure or Calico network policy", () => {
            assert.deepEqual(messages({ ...overlay, nodePools: [basePools[0], windows] }), []);
            assert.deepEqual(messages({ ...overlay, networkPolicy: "azure" }), []);
            assert.deepEqual(messages({ ...overlay, networkPolicy: "calico", nodePools: [basePools[0], windows] }), []);
            assert.deepEqual(messages({ ...overlay, nodePools: [basePools[0], { ...windows, name: "windows" }] }), [
                "nodePools[1].name: \"windows\" is too long for a Windows pool: at most 6 characters",
            ]);
            assert.deepEqual(messages({ ...overlay, nodePools: [basePools[0], { ...windows, name: "win123" }] }), [], "six characters fit");
            assert.deepEqual(messages({ ...overlay, nodePools: [basePools[0], { name: "linuxbatch", mode: "User", count: 2 }] }), [], "the limit is Windows'");
        });

        it("rejects Windows pools with Cilium", () => {
            assert.deepEqual(messages({ ...overlay, networkPolicy: "cilium", nodePools: [basePools[0], windows] }), [
                "nodePools[1].osType: Windows node pools can't run with networkPolicy cilium: Azure CNI powered by Cilium supports Linux only",
            ]);
        });

        it("lifts the 400-node route limit but keeps a /24 of the pod CIDR per node", () => {
            const big = { vnetCidr: "10.10.0.0/16", subnetCidr: "10.10.0.0/20" };
            const pools = [basePools[0], { name: "apps", mode: "User", count: 500 }] as KubenetClusterArgs["nodePools"];
            const networkAddressing = big;
            assert.deepEqual(messages({ ...overlay, networkAddressing, podCidr: "100.64.0.0/14", nodePools: pools }), [], "503 nodes + surge in 1,024 /24s");
            assert.ok(messages({ networkAddressing, podCidr: "100.64.0.0/14", nodePools: pools }).some((m) => m.startsWith("nodePools:") && m.includes("400")), "kubenet stops at 400");
            assert.deepEqual(messages({ ...overlay, networkAddressing, podCidr: "100.64.0.0/16", nodePools: pools }).map((m) => m.split(":")[0]), ["podCidr"], "256 /24s");
        });

        it("keeps the reserved-range and overlap rules", () => {
            assert.deepEqual(messages({ ...overlay, podCidr: "172.31.0.0/16" }), ["podCidr: 172.31.0.0/16 overlaps 172.31.0.0/16, a range AKS reserves"]);
            assert.match(messages({ ...overlay, podCidr: "192.168.0.0/16" })[0], /^podCidr: 192.168.0.0\/16 overlaps networkAddressing.vnetCidr/);
        });
    });

    describe("migrateFromKubenet", () => {
        const migration = { networkPlugin: "azure", networkPluginMode: "overlay", migrateFromKubenet: true, kubernetesVersion: "1.29" } as const;
        const messages = (overrides: Partial<KubenetClusterArgs>) => validateClusterArgs({ ...base, ...overrides }, undefined, MID_2024).map((p) => `${p.path}: ${p.message}`);

        it("accepts an in-place move to Overlay on 1.27 or later, with no network policy", () => {
            assert.deepEqual(messages(migration), []);
            assert.deepEqual(messages({ ...migration, kubernetesVersion: "1.27.3" }), []);
            assert.deepEqual(messages({ ...migration, kubernetesVersion: undefined }), []);
        });

        it("needs networkPlugin azure with overlay", () => {
            assert.deepEqual(messages({ migrateFromKubenet: true }), [
                "migrateFromKubenet: moves the cluster to Azure CNI Overlay: set networkPlugin: azure and networkPluginMode: overlay",
            ]);
            const paths = (args: Partial<KubenetClusterArgs>) => messages({ ...migration, ...args }).map((m) => m.split(":")[0]);
            assert.ok(paths({ networkPluginMode: undefined }).includes("migrateFromKubenet"), "azure without overlay");
            assert.ok(paths({ networkPlugin: "kubenet" }).includes("migrateFromKubenet"), "overlay without azure");
        });

        it("needs network policy off during the move", () => {
            assert.deepEqual(messages({ ...migration, networkPolicy: "calico" }), [
                "networkPolicy: must be none while migrating from kubenet: Microsoft requires network policy off for the move (uninstall calico first, turn a policy on once the cluster runs Overlay)",
            ]);
        });

        it("needs Kubernetes 1.27 or later", () => {
            assert.deepEqual(messages({ ...migration, kubernetesVersion: "1.26" }), [
                "kubernetesVersion: \"1.26\" can't migrate from kubenet: the move to Azure CNI Overlay needs Kubernetes 1.27 or later; upgrade first",
                "kubernetesVersion: \"1.26\" is out of AKS support, long-term support included; use \"1.28\" (supported until the end of January 2025) or later",
            ]);
            assert.deepEqual(messages({ ...migration, kubernetesVersion: "latest" }), [
                "kubernetesVersion: \"latest\" is not a Kubernetes version: write MAJOR.MINOR (\"1.33\") or MAJOR.MINOR.PATCH (\"1.33.2\")",
            ], "a version it can't read is refused, not assumed new enough");
            // AKS's versions have no leading zeros: "1.036" is no version of AKS's, refused once, with the form meant.
            assert.deepEqual(messages({ kubernetesVersion: "1.036", upgradeChannel: "patch" }), ["kubernetesVersion: \"1.036\" has a leading zero, which AKS's versions never have: write \"1.36\""]);
            assert.deepEqual(messages({ kubernetesVersion: "1.36.04", upgradeChannel: "patch" }), ["kubernetesVersion: \"1.36.04\" has a leading zero, which AKS's versions never have: write \"1.36.4\""]);
            assert.deepEqual(messages({ ...migration, kubernetesVersion: "2.0" }), []);
            assert.equal(messages({ ...migration, kubernetesVersion: "0.99" }).filter((m) => m.includes("can't migrate from kubenet")).length, 1, "an older major version, whatever its minor");
        });

        it("refuses to allow replacement of the cluster it keeps", () => {
            assert.deepEqual(messages({ ...migration, allowReplacement: true }), [
                "allowReplacement: can't be combined with migrateFromKubenet: the migration keeps the running cluster, and allowing replacement would let Pulumi delete it instead",
            ]);
        });
    });

    it("takes networkPluginMode only with azure, and azure only with overlay", () => {
        assert.deepEqual(messages({ networkPluginMode: "overlay" }), ["networkPluginMode: is only used with networkPlugin: azure"]);
        assert.match(messages({ networkPlugin: "azure" })[0], /^networkPluginMode: must be overlay with networkPlugin: azure/);
    });

    it("checks counts: whole numbers, count alone when fixed, min ≤ max and no count when autoscaling", () => {
        assert.deepEqual(messages({ nodePools: pool({ count: 2.5 }) }), ["nodePools[0].count: 2.5 is not a node count: use a whole number from 0 to 1000"]);
        assert.deepEqual(messages({ nodePools: pool({ count: undefined }) }), ["nodePools[0].count: is required unless enableAutoScaling is true"]);
        assert.deepEqual(messages({ nodePools: pool({ minCount: 1 }) }), ["nodePools[0].minCount: is only used with enableAutoScaling: true; set enableAutoScaling or remove it"]);
        assert.deepEqual(messages({ nodePools: pool({ enableAutoScaling: true, count: undefined, minCount: 5, maxCount: 3 }) }), ["nodePools[0].minCount: 5 is more than maxCount 3"]);
        assert.deepEqual(messages({ nodePools: pool({ enableAutoScaling: true, count: undefined, minCount: 3, maxCount: 3 }) }), [], "min = max pins the pool's size");
        assert.deepEqual(messages({ nodePools: pool({ enableAutoScaling: true, count: undefined, minCount: 5.5, maxCount: 3 }) }), [
            "nodePools[0].minCount: 5.5 is not a node count: use a whole number from 0 to 1000",
        ], "a count that isn't one is reported alone, not compared");
        assert.deepEqual(messages({ nodePools: pool({ count: 5000 }) }), [
            "nodePools[0].count: 5000 is not a node count: use a whole number from 0 to 1000",
        ], "nor sized against the subnet and the route limit");
        assert.deepEqual(messages({ nodePools: pool({ enableAutoScaling: true, count: 4, minCount: 3, maxCount: 5 }) }), [
            "nodePools[0].count: is set by the cluster autoscaler when enableAutoScaling is true (the pool starts at minCount): remove count and size the pool with minCount and maxCount",
        ]);
        assert.deepEqual(messages({ nodePools: pool({ enableAutoScaling: true, count: undefined, minCount: undefined }) }), [
            "nodePools[0].minCount: is required when enableAutoScaling is true",
            "nodePools[0].maxCount: is required when enableAutoScaling is true",
        ]);
    });

    it("takes zones 1, 2 and 3, once each", () => {
        assert.deepEqual(messages({ nodePools: pool({ availabilityZones: ["1", "4", "1"] }) }), [
            "nodePools[0].availabilityZones[1]: \"4\" is not an availability zone: use \"1\", \"2\" or \"3\"",
            "nodePools[0].availabilityZones[2]: zone 1 is listed twice",
        ]);
    });

    it("rejects a private cluster with authorized ranges, and malformed ranges", () => {
        assert.deepEqual(messages({ apiServer: { enablePrivateCluster: true, authorizedIPRanges: ["203.0.113.7/24"] } }), [
            "apiServer.authorizedIPRanges: can't be combined with enablePrivateCluster: a private API server has no public endpoint to restrict",
            "apiServer.authorizedIPRanges[0]: 203.0.113.7/24: host bits set; did you mean 203.0.113.0/24?",
        ]);
    });

    it("accepts single addresses as authorized ranges, as Azure does", () => {
        assert.deepEqual(messages({ apiServer: { authorizedIPRanges: ["198.51.100.7", "203.0.113.0/24"] } }), []);
        assert.deepEqual(messages({ apiServer: { authorizedIPRanges: ["198.51.100.300"] } }), ["apiServer.authorizedIPRanges[0]: 198.51.100.300 is not an IPv4 address: octet 300 is out of range 0–255"]);
    });

    describe("egress through a firewall and a restricted API server", () => {
        // The firewall's default route, which userDefinedRouting sends the nodes' traffic to.
        const firewallRoute = { networkAddressing: { ...base.networkAddressing, routes: [{ addressPrefix: "0.0.0.0/0" }] } };
        const udr: Partial<KubenetClusterArgs> = { outboundType: "userDefinedRouting", apiServer: { authorizedIPRanges: ["203.0.113.0/24"] }, ...firewallRoute };

        it("needs the network's 0.0.0.0/0 route itself: narrower routes don't carry egress", () => {
            const routes = (addressPrefixes: string[], externalRouteTable?: boolean) => ({ networkAddressing: { ...base.networkAddressing, routes: addressPrefixes.map((addressPrefix) => ({ addressPrefix })), externalRouteTable } });
            const noWayOut = "outboundType: userDefinedRouting needs a 0.0.0.0/0 route in networkAddressing.routes (e.g. to your firewall); without one the nodes have no way out";
            assert.deepEqual(messages({ outboundType: "userDefinedRouting", ...routes(["10.0.0.0/8"]) }), [noWayOut]);
            assert.deepEqual(messages({ outboundType: "userDefinedRouting", ...routes([]) }), [noWayOut]);
            assert.deepEqual(messages({ outboundType: "userDefinedRouting", ...routes(["10.0.0.0/8", "0.0.0.0/0"]) }), []);
            assert.deepEqual(messages({ outboundType: "userDefinedRouting", ...routes([], true) }), [], "your own route table's routes are yours to know");
            assert.deepEqual(messages({ outboundType: "userDefinedRouting", networkAddressing: undefined }), [], "no network given, nothing to check it against");
            assert.deepEqual(messages({ ...routes([]) }), [], "the load balancer needs no route");
        });

        it("requires the firewall's public IPs, or the nodes are locked out of their API server", () => {
            assert.deepEqual(messages(udr), [
                "egressPublicIPs: is required with outboundType userDefinedRouting and apiServer.authorizedIPRanges: node traffic to the API server leaves through your firewall's public IP, which must be authorized or the nodes are locked out; list the firewall's public IPs here and they are added to the authorized ranges",
            ]);
            assert.deepEqual(messages({ ...udr, egressPublicIPs: ["20.194.0.4"] }), []);
            assert.deepEqual(messages({ ...udr, egressPublicIPs: ["20.194.0"] }).map((m) => m.split(":")[0]), ["egressPublicIPs[0]"]);
            assert.deepEqual(messages({ ...udr, egressPublicIPs: ["20.194.0.4/32"] }), [], "an address written as a /32");
            assert.deepEqual(messages({ ...udr, egressPublicIPs: ["20.194.0.0/28"] }), [
                "egressPublicIPs[0]: 20.194.0.0/28 is a range: egressPublicIPs takes your firewall's public IP addresses, each added as its own /32; put a range in apiServer.authorizedIPRanges",
            ]);
        });

        it("needs none for a private API server, an unrestricted one, or the load balancer's egress", () => {
            assert.deepEqual(messages({ outboundType: "userDefinedRouting", apiServer: { enablePrivateCluster: true }, ...firewallRoute }), []);
            assert.deepEqual(messages({ outboundType: "userDefinedRouting", ...firewallRoute }), []);
            assert.deepEqual(messages({ apiServer: udr.apiServer }), []);
        });

        it("adds each egress address not already authorized, as a /32", () => {
            const restricted = { authorizedIPRanges: ["203.0.113.0/24"] };
            assert.deepEqual(effectiveAuthorizedRanges({ apiServer: restricted, egressPublicIPs: ["20.194.0.4", "203.0.113.9", "20.194.1.0/28"] }), ["203.0.113.0/24", "20.194.0.4/32", "20.194.1.0/28"]);
            assert.equal(effectiveAuthorizedRanges({ apiServer: { enablePrivateCluster: true, authorizedIPRanges: [] }, egressPublicIPs: ["20.194.0.4"] }), undefined);
        });
    });

    it("refuses the names 0.3.0 renamed, naming the one meant", () => {
        assert.deepEqual(messages({ name: undefined, clusterName: "aks-old" } as never), [
            "name: is required: the cluster is read by its Azure name during preview (its pools and version), which an auto-generated name doesn't allow",
            "clusterName: was renamed name in 0.3.0: write name instead",
        ]);
        assert.deepEqual(messages({ nodePools: pool({ maxSurge: "33%" } as never) }), [
            "nodePools[0].maxSurge: was renamed upgradeSettings.maxSurge in 0.3.0: write upgradeSettings.maxSurge instead",
        ]);
    });

    it("checks each pool's upgrade settings under its path", () => {
        assert.deepEqual(messages({ nodePools: [basePools[0], { ...basePools[1], upgradeSettings: { maxSurge: "0", maxUnavailable: "1", drainTimeoutInMinutes: 2 } }] }), [
            "nodePools[1].upgradeSettings.drainTimeoutInMinutes: 2 is not a drain timeout: AKS takes whole minutes from 5 to 1440",
        ]);
        assert.deepEqual(messages({ nodePools: pool({ upgradeSettings: { maxUnavailable: "1" } }) }).map((m) => m.split(":")[0]), ["nodePools[0].upgradeSettings.maxUnavailable"], "a System pool");
        assert.deepEqual(messages({ nodePools: [basePools[0], { ...basePools[1], upgradeSettings: { maxUnavailable: "1" } }] }).map((m) => m.split(":")[0]), ["nodePools[1].upgradeSettings.maxSurge"], "a User pool, surging by default");
    });

    it("checks VM sizes, node labels and node taints", () => {
        const settings = (overrides: Record<string, unknown>) => messages({ nodePools: pool(overrides) });
        for (const size of ["Standard_D4s_v5", "Standard_DS2_v2", "Standard_E4-2ds_v4", "Standard_NC24ads_A100_v4", "Standard_B2s", "standard_d4s_v5"]) assert.deepEqual(settings({ vmSize: size }), [], size);
        for (const size of ["D4s_v5", "Standard_", "Standard D4s", ""]) {
            assert.deepEqual(settings({ vmSize: size }), [`nodePools[0].vmSize: ${JSON.stringify(size)} is not an Azure VM size name (e.g. Standard_D4s_v5)`], size);
        }
        assert.deepEqual(settings({ nodeLabels: { "team": "a", "example.com/tier": "gold", "empty": "" } }), []);
        assert.deepEqual(settings({ nodeLabels: { "bad key!": "a" } }), ["nodePools[0].nodeLabels.bad key!: \"bad key!\" is not a Kubernetes label key: its name must be 1–63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit"]);
        assert.deepEqual(settings({ nodeLabels: { "Example.COM/x": "a" } }).map((m) => m.split(": ")[1]), ["\"Example.COM/x\" is not a Kubernetes label key"]);
        assert.deepEqual(settings({ nodeLabels: { "kubernetes.azure.com/mode": "x" } }), ["nodePools[0].nodeLabels.kubernetes.azure.com/mode: \"kubernetes.azure.com/mode\" is not a Kubernetes label key: the prefix kubernetes.azure.com is reserved by AKS"]);
        assert.deepEqual(settings({ nodeLabels: { team: "x".repeat(64) } }).length, 1, "values up to 63 characters");
        assert.deepEqual(settings({ nodeTaints: ["CriticalAddonsOnly=true:NoSchedule", "dedicated=gpu:NoExecute", "spot:PreferNoSchedule"] }), []);
        assert.deepEqual(settings({ nodeTaints: ["CriticalAddonsOnly=true", "a=b:NoScheduled", "bad key=x:NoSchedule"] }), [
            "nodePools[0].nodeTaints[0]: \"CriticalAddonsOnly=true\" is not a taint: write key=value:Effect, e.g. CriticalAddonsOnly=true:NoSchedule",
            "nodePools[0].nodeTaints[1]: \"a=b:NoScheduled\" is not a taint: the effect must be NoSchedule, PreferNoSchedule, NoExecute",
            "nodePools[0].nodeTaints[2]: \"bad key=x:NoSchedule\" is not a taint: the key its name must be 1–63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
        ]);
    });

    it("checks the names it gives Azure", () => {
        assert.deepEqual(messages({ name: "aks.prod", dnsPrefix: "aks_prod", nodeResourceGroup: "rg." }).map((m) => m.split(":")[0]), ["name", "dnsPrefix", "nodeResourceGroup"]);
    });

    it("takes MAJOR.MINOR or MAJOR.MINOR.PATCH versions only", () => {
        for (const bad of ["latest", "0", "1", "0.30", "1.30.x", "v1.30", "1.30.1.2", " 1.30", ""]) {
            assert.deepEqual(messages({ kubernetesVersion: bad }).map((m) => m.split(":")[0]), ["kubernetesVersion"], JSON.stringify(bad));
        }
        for (const good of ["1.36", "1.36.2", "2.0"]) assert.deepEqual(messages({ kubernetesVersion: good }), [], good);
    });

    describe("a pinned version and the auto-upgrade channel", () => {
        it("refuses a version that stable or rapid would move past", () => {
            for (const channel of ["stable", "rapid"] as const) {
                assert.deepEqual(messages({ upgradeChannel: channel, kubernetesVersion: "1.36" }), [
                    `kubernetesVersion: must be left unset with upgradeChannel ${channel}: AKS moves the cluster to newer minor versions itself, and a pinned 1.36 would make a later pulumi up ask for a downgrade; remove kubernetesVersion, or use upgradeChannel patch with a MAJOR.MINOR version`,
                ]);
                assert.deepEqual(messages({ upgradeChannel: channel }), []);
            }
        });

        it("refuses a patch release with the patch channel, and takes MAJOR.MINOR", () => {
            assert.deepEqual(messages({ upgradeChannel: "patch", kubernetesVersion: "1.36.2" }), [
                "kubernetesVersion: 1.36.2 pins a patch release, which upgradeChannel patch moves past (a later pulumi up would ask for a downgrade); write \"1.36\" and let the channel choose the patch",
            ]);
            assert.deepEqual(messages({ upgradeChannel: "patch", kubernetesVersion: "1.36" }), []);
        });

        it("takes any version when no channel moves it", () => {
            for (const upgradeChannel of [undefined, "none", "node-image"] as const) {
                assert.deepEqual(messages({ upgradeChannel, kubernetesVersion: "1.36.2" }), []);
            }
        });
    });

    it("requires Entra ID to disable local accounts, and GUIDs for admin groups", () => {
        assert.deepEqual(messages({ disableLocalAccounts: true }), ["disableLocalAccounts: needs Entra ID (aad): without local accounts, Entra ID is the only way in"]);
        assert.deepEqual(messages({ aad: { adminGroupObjectIDs: ["platform-admins"] } }), ["aad.adminGroupObjectIDs[0]: \"platform-admins\" is not an Entra ID object id (a GUID)"]);
        assert.deepEqual(messages({ aad: { tenantID: "contoso.onmicrosoft.com" } }), ["aad.tenantID: \"contoso.onmicrosoft.com\" is not an Entra ID tenant id (a GUID, az account show --query tenantId), not the tenant's domain name"]);
        assert.deepEqual(messages({ aad: { tenantID: "72f988bf-86f1-41af-91ab-2d7cd011db47" } }), []);
    });

    it("applies the address rules: DNS IP, maxPods and capacity with surge", () => {
        assert.deepEqual(messages({ dnsServiceIP: "10.0.0.1" }), ["dnsServiceIP: 10.0.0.1 is the first usable address of 10.0.0.0/16, which the kubernetes service takes; use 10.0.0.10"]);
        assert.deepEqual(messages({ nodePools: pool({ maxPods: 251 }) }), ["nodePools[0].maxPods: 251 is out of range: max pods per node must be a whole number from 10 to 250"]);
        const tooMany = messages({ nodePools: [basePools[0], { ...basePools[1], maxCount: 400 }] });
        assert.deepEqual(tooMany.map((m) => m.split(":")[0]), ["networkAddressing.subnetCidr", "podCidr", "nodePools"]);
    });
});
