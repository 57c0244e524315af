import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { apiServerAccessProfileOf } from "../../components/cluster/api-server/profile";
import { aadProfileOf } from "../../components/cluster/entra/profile";
import { networkProfileOf } from "../../components/cluster/network-profile/profile";
import { autoUpgradeProfileOf } from "../../components/cluster/upgrades/auto-upgrade";
import { defenderProfile, monitoringAddonProfiles } from "../../components/cluster/monitoring/profile";

/* Each slice's fragment of the cluster's request, on its own: what AKS is sent for its settings. */

const valueOf = <T>(output: pulumi.Output<T>) => new Promise<T>((resolve) => output.apply(resolve));

describe("components/cluster: each slice's fragment of the request", () => {
    it("network profile: every range explicit, no policy engine as unset, Cilium's policy on Cilium's data plane", () => {
        const kubenet = { networkPlugin: "kubenet" as const, podCidr: "10.244.0.0/16", serviceCidr: "10.0.0.0/16", dnsServiceIP: "10.0.0.10", networkPolicy: "none" as const, outboundType: "loadBalancer" as const };
        assert.deepEqual(networkProfileOf(kubenet), { ...kubenet, networkPluginMode: undefined, networkPolicy: undefined, networkDataplane: undefined, loadBalancerSku: "standard" });
        const cilium = networkProfileOf({ ...kubenet, networkPlugin: "azure", networkPluginMode: "overlay", networkPolicy: "cilium" });
        assert.deepEqual([cilium.networkPolicy, cilium.networkDataplane], ["cilium", "cilium"]);
        assert.deepEqual([networkProfileOf({ ...kubenet, networkPolicy: "calico" }).networkDataplane], [undefined]);
    });

    it("API server: an empty list when unrestricted, the egress addresses added, run command explicit", async () => {
        const open = apiServerAccessProfileOf({});
        assert.deepEqual(await valueOf(open.authorizedIPRanges), [], "removing the ranges opens the endpoint again");
        assert.equal(open.disableRunCommand, false);
        const restricted = apiServerAccessProfileOf({ apiServer: { authorizedIPRanges: ["203.0.113.0/24"] }, egressPublicIPs: ["20.194.0.4"] });
        assert.deepEqual(await valueOf(restricted.authorizedIPRanges), ["203.0.113.0/24", "20.194.0.4/32"]);
    });

    it("Entra ID: managed, Azure RBAC off unless asked, none without aad", () => {
        assert.equal(aadProfileOf({}), undefined);
        assert.deepEqual(aadProfileOf({ aad: { adminGroupObjectIDs: ["g"] } }), { managed: true, enableAzureRBAC: false, adminGroupObjectIDs: ["g"], tenantID: undefined });
    });

    it("auto-upgrade: AKS's defaults sent when the stack file gives none", () => {
        // AKS's defaults: no automatic Kubernetes upgrade, node images weekly (upgrades/args.ts).
        assert.deepEqual(autoUpgradeProfileOf({}), { upgradeChannel: "none", nodeOSUpgradeChannel: "NodeImage" });
        assert.deepEqual(autoUpgradeProfileOf({ upgradeChannel: "patch", nodeOSUpgradeChannel: "SecurityPatch" }), { upgradeChannel: "patch", nodeOSUpgradeChannel: "SecurityPatch" });
    });
});

describe("components/cluster: the monitoring slice's fragments", () => {
    const WORKSPACE = "/subscriptions/0/resourceGroups/ops/providers/Microsoft.OperationalInsights/workspaces/law";
    it("turns Container Insights on with the workspace and managed-identity auth, and off when monitoring goes", () => {
        assert.deepEqual(monitoringAddonProfiles({ monitoring: { logAnalyticsWorkspaceId: WORKSPACE } }), { omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: WORKSPACE, useAADAuth: "true" } } });
        assert.deepEqual(monitoringAddonProfiles({ monitoring: { logAnalyticsWorkspaceId: WORKSPACE, containerInsights: false } }), { omsagent: { enabled: false } });
        assert.deepEqual(monitoringAddonProfiles({}), { omsagent: { enabled: false } }, "sent off: AKS keeps an add-on a request leaves out");
    });

    it("gives Defender the workspace while on, and none while off", () => {
        assert.deepEqual(defenderProfile({ monitoring: { logAnalyticsWorkspaceId: WORKSPACE, defender: true } }), { logAnalyticsWorkspaceResourceId: WORKSPACE, securityMonitoring: { enabled: true } });
        assert.deepEqual(defenderProfile({ monitoring: { logAnalyticsWorkspaceId: WORKSPACE } }), { securityMonitoring: { enabled: false } });
    });
});
