import { strict as assert } from "node:assert";
import { KubenetClusterArgs } from "../../components";
import { AKS_MINOR_VERSIONS, kubernetesVersionWarnings, validateClusterArgs, versionSupport } from "../../components/rules";
import { formatWarning } from "../../components/address";
import { clusterArgsPath } from "../../components/cluster";
import { endOfMonth, versionToMoveTo } from "../../components/cluster/upgrades/kubernetes-versions";
import { basePools } from "./fixtures";

/*
 * AKS's support calendar against the dates Microsoft gives ("Supported Kubernetes versions in
 * AKS", ms.date 08/05/2026): 1.33's community support ended in July 2026 and its platform
 * support when 1.37 went GA (October 2026), LTS until July 2027; 1.34's ended in November 2026,
 * platform support until 1.38 goes GA; 1.35 until March 2027; 1.36 until June 2027.
 */
const DEC_2026 = new Date("2026-12-01T00:00:00Z");

describe("components/cluster: the AKS version calendar", () => {
    it("lists consecutive minor versions, each GA before its end of support, and that before its LTS end", () => {
        AKS_MINOR_VERSIONS.forEach((row, i) => {
            assert.ok(row.ga < row.endOfSupport && row.endOfSupport < row.ltsEnd, row.version);
            if (i === 0) return;
            const [major, minor] = AKS_MINOR_VERSIONS[i - 1].version.split(".").map(Number);
            assert.equal(row.version, `${major}.${minor + 1}`);
            assert.ok(row.ga > AKS_MINOR_VERSIONS[i - 1].ga, `${row.version} goes GA after the one before`);
        });
    });

    it("reads a month as its last day", () => {
        assert.equal(endOfMonth("2026-11").toISOString(), "2026-11-30T23:59:59.999Z");
        assert.equal(endOfMonth("2027-02").toISOString(), "2027-02-28T23:59:59.999Z");
    });

    it("places each version on 2026-12-01 as Microsoft's calendar does", () => {
        const status = (version: string, plan: "KubernetesOfficial" | "AKSLongTermSupport" = "KubernetesOfficial") => versionSupport(version, plan, DEC_2026).status;
        assert.equal(status("1.33"), "ended", "platform support ended at 1.37's GA");
        assert.equal(status("1.33", "AKSLongTermSupport"), "supported", "LTS until July 2027");
        assert.equal(status("1.34"), "platform", "community support ended in November; platform support until 1.38");
        assert.equal(status("1.35"), "supported");
        assert.equal(status("1.36.2"), "supported");
        assert.equal(status("1.37"), "supported");
        assert.equal(status("1.31", "AKSLongTermSupport"), "ended", "LTS ended in November 2026");
        assert.equal(status("1.26"), "ended", "older than the calendar");
        assert.equal(status("1.38"), "unknown", "newer than the calendar");
    });

    it("reads only MAJOR.MINOR[.PATCH] versions, and places those older than the calendar out of support", () => {
        const status = (version: string) => versionSupport(version, "KubernetesOfficial", DEC_2026).status;
        for (const text of ["latest", "v1.36", "1.36.2.1", " 1.36", "1.36."]) assert.equal(status(text), "unknown", text);
        assert.equal(status("1.36.12"), "supported");
        assert.equal(status("0.9"), "ended");
        assert.equal(status("11.2"), "unknown");
    });

    it("keeps a version in support to the last moment of its month, on either plan", () => {
        assert.equal(versionSupport("1.34", "KubernetesOfficial", endOfMonth("2026-11")).status, "supported");
        assert.equal(versionSupport("1.31", "AKSLongTermSupport", endOfMonth("2026-11")).status, "supported");
        assert.equal(versionSupport("1.31", "AKSLongTermSupport", new Date(endOfMonth("2026-11").getTime() + 1)).status, "ended");
        // 1.33's platform support lasts to the end of 1.37's GA month.
        assert.equal(versionSupport("1.33", "KubernetesOfficial", endOfMonth("2026-10")).status, "platform");
        assert.equal(versionSupport("1.33", "KubernetesOfficial", new Date(endOfMonth("2026-10").getTime() + 1)).status, "ended");
    });

    it("moves an unsupported version to the oldest GA minor with more than 90 days left", () => {
        assert.equal(versionToMoveTo(DEC_2026)?.version, "1.35");
        assert.equal(versionToMoveTo(new Date("2026-07-01T00:00:00Z"))?.version, "1.34", "1.33 has under 90 days left, 1.36 is newer");
        assert.equal(versionToMoveTo(new Date("2026-05-15T00:00:00Z"))?.version, "1.34", "1.33 ends within 90 days");
        assert.equal(versionToMoveTo(new Date("2023-06-15T00:00:00Z")), undefined, "before the calendar's first GA");
    });

    it("keeps the last day of a month in support", () => {
        assert.equal(versionSupport("1.34", "KubernetesOfficial", new Date("2026-11-30T12:00:00Z")).status, "supported");
        assert.equal(versionSupport("1.34", "KubernetesOfficial", new Date("2026-12-01T00:00:00Z")).status, "platform");
    });
});

describe("components/cluster: Kubernetes versions AKS supports", () => {
    const base: KubenetClusterArgs = { resourceGroupName: "rg", name: "aks-test", subnetId: "s", identityId: "i", nodePools: basePools };
    const problems = (args: Partial<KubenetClusterArgs>, today = DEC_2026) => validateClusterArgs({ ...base, ...args }, undefined, today).map((p) => `${p.path}: ${p.message}`);
    const warnings = (args: Partial<KubenetClusterArgs>, today = DEC_2026) => kubernetesVersionWarnings({ ...base, ...args }, clusterArgsPath, today).map(formatWarning);

    it("refuses a version out of support, with the supported version and long-term support as the fix", () => {
        assert.deepEqual(problems({ kubernetesVersion: "1.33" }), [
            "kubernetesVersion: \"1.33\" is out of AKS support: community support ended in July 2026 and platform support when 1.37 went GA (October 2026), so AKS creates no cluster on it and upgrades the ones left on it by itself; use \"1.35\" (supported until the end of March 2027) or later, or long-term support: skuTier Premium with supportPlan AKSLongTermSupport (1.33 until the end of July 2027)",
        ]);
        assert.deepEqual(problems({ kubernetesVersion: "1.26" }), [
            "kubernetesVersion: \"1.26\" is out of AKS support, long-term support included; use \"1.35\" (supported until the end of March 2027) or later",
        ]);
    });

    it("takes an old version on long-term support, on the Premium tier only", () => {
        assert.deepEqual(problems({ kubernetesVersion: "1.33", skuTier: "Premium", supportPlan: "AKSLongTermSupport" }), []);
        assert.deepEqual(problems({ kubernetesVersion: "1.33", skuTier: "Standard", supportPlan: "AKSLongTermSupport" }), [
            "supportPlan: AKSLongTermSupport needs skuTier Premium (it is Standard): AKS offers long-term support on the Premium tier only",
        ]);
        assert.deepEqual(problems({ kubernetesVersion: "1.31", skuTier: "Premium", supportPlan: "AKSLongTermSupport" }), [
            "kubernetesVersion: \"1.31\" left AKS long-term support at the end of November 2026; use \"1.35\" (supported until the end of March 2027) or later",
        ]);
        assert.deepEqual(problems({ supportPlan: "Extended" as never }).map((p) => p.split(":")[0]), ["supportPlan"]);
    });

    it("says how to get a version when the calendar has none to move to, and leaves LTS out once it has ended", () => {
        assert.deepEqual(problems({ kubernetesVersion: "1.26" }, new Date("2023-06-15T00:00:00Z")), [
            "kubernetesVersion: \"1.26\" is out of AKS support, long-term support included; use a version AKS supports (az aks get-versions)",
        ]);
        assert.deepEqual(problems({ kubernetesVersion: "1.31" }), [
            "kubernetesVersion: \"1.31\" is out of AKS support: community support ended in November 2025 and platform support when 1.35 went GA (March 2026), so AKS creates no cluster on it and upgrades the ones left on it by itself; use \"1.35\" (supported until the end of March 2027) or later",
        ]);
        assert.deepEqual(problems({ supportPlan: "AKSLongTermSupport", skuTier: undefined }), [
            "supportPlan: AKSLongTermSupport needs skuTier Premium (it is Free): AKS offers long-term support on the Premium tier only",
        ]);
        assert.deepEqual(problems({ kubernetesVersion: "1.36", supportPlan: "KubernetesOfficial" }), []);
    });

    it("warns of nothing for a version refused or unreadable", () => {
        assert.deepEqual(warnings({ kubernetesVersion: "1.33" }), [], "refused instead");
        assert.deepEqual(warnings({ kubernetesVersion: "latest" }), []);
        assert.deepEqual(warnings({ kubernetesVersion: "1.36", supportPlan: "AKSLongTermSupport", skuTier: "Premium" }), [], "LTS until June 2028");
    });

    it("names the end of platform support when the calendar knows it", () => {
        assert.deepEqual(warnings({ kubernetesVersion: "1.33" }, new Date("2026-09-15T00:00:00Z")), [
            "warning: kubernetesVersion: 1.33 left AKS community support at the end of July 2026: AKS creates no cluster on it and keeps an existing one on platform support only until 1.37's GA (October 2026); upgrade to \"1.34\", or turn on long-term support (skuTier Premium with supportPlan AKSLongTermSupport; 1.33 until the end of July 2027) (docs/kubernetes-versions.md)",
        ]);
    });

    it("leaves AKS's default version alone", () => {
        assert.deepEqual(problems({ kubernetesVersion: undefined }), []);
        assert.deepEqual(warnings({ kubernetesVersion: undefined }), []);
    });

    it("warns 90 days ahead, in the kubenet retirement warning's format, and not before", () => {
        assert.deepEqual(warnings({ kubernetesVersion: "1.35" }, new Date("2027-01-01T00:00:00Z")), [
            "warning: kubernetesVersion: AKS ends support for 1.35 at the end of March 2027 (90 days from 2027-01-01); upgrade to \"1.36\" before then, or turn on long-term support (skuTier Premium with supportPlan AKSLongTermSupport) (docs/kubernetes-versions.md)",
        ]);
        assert.deepEqual(warnings({ kubernetesVersion: "1.35" }, new Date("2026-12-31T00:00:00Z")), [], "91 days ahead");
        assert.deepEqual(warnings({ kubernetesVersion: "1.36" }), []);
        assert.deepEqual(warnings({ kubernetesVersion: "1.33", skuTier: "Premium", supportPlan: "AKSLongTermSupport" }, new Date("2027-06-01T00:00:00Z")), [
            "warning: kubernetesVersion: AKS ends long-term support for 1.33 at the end of July 2027 (61 days from 2027-06-01); upgrade to \"1.34\" before then (docs/kubernetes-versions.md)",
        ]);
    });

    it("warns that a version on platform support runs an existing cluster only, and about versions newer than the calendar", () => {
        assert.deepEqual(problems({ kubernetesVersion: "1.34" }), [], "an existing cluster still runs on it");
        assert.deepEqual(warnings({ kubernetesVersion: "1.34" }), [
            "warning: kubernetesVersion: 1.34 left AKS community support at the end of November 2026: AKS creates no cluster on it and keeps an existing one on platform support only until 1.38 goes GA; upgrade to \"1.35\", or turn on long-term support (skuTier Premium with supportPlan AKSLongTermSupport; 1.34 until the end of November 2027) (docs/kubernetes-versions.md)",
        ]);
        assert.match(warnings({ kubernetesVersion: "1.38" })[0], /^warning: kubernetesVersion: "1\.38" is newer than the program's calendar of AKS versions \(read on 2026-08-05\)/);
    });
});

describe("components/cluster: upgrade channels AKS ties together", () => {
    const base: KubenetClusterArgs = { resourceGroupName: "rg-aks", name: "aks-test", subnetId: "s", identityId: "i", nodePools: basePools };
    const problems = (args: Partial<KubenetClusterArgs>) => validateClusterArgs({ ...base, ...args }, undefined, DEC_2026).map((p) => `${p.path}: ${p.message}`);

    it("keeps the node OS channel at NodeImage under the node-image channel", () => {
        assert.deepEqual(problems({ upgradeChannel: "node-image", nodeOSUpgradeChannel: "SecurityPatch" }), [
            "nodeOSUpgradeChannel: must be NodeImage (or unset) with upgradeChannel node-image, which sets the node OS channel to NodeImage and keeps it there; remove nodeOSUpgradeChannel or choose another upgradeChannel",
        ]);
        assert.deepEqual(problems({ upgradeChannel: "node-image", nodeOSUpgradeChannel: "NodeImage" }), []);
        assert.deepEqual(problems({ upgradeChannel: "node-image" }), []);
        assert.deepEqual(problems({ upgradeChannel: "patch", nodeOSUpgradeChannel: "SecurityPatch" }), []);
    });

    it("refuses the cluster's own resource group as the node resource group, whatever its case", () => {
        assert.deepEqual(problems({ nodeResourceGroup: "RG-AKS" }), [
            "nodeResourceGroup: \"RG-AKS\" is the cluster's own resource group: AKS creates the node resource group itself and refuses an existing one; choose another name, or leave it unset for MC_<group>_<cluster>_<region>",
        ]);
        assert.deepEqual(problems({ nodeResourceGroup: "rg-aks-nodes" }), []);
    });

    it("needs the cluster's name", () => {
        assert.deepEqual(problems({ name: undefined }), [
            "name: is required: the cluster is read by its Azure name during preview (its pools and version), which an auto-generated name doesn't allow",
        ]);
    });
});
