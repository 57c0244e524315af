import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { renderSynth } from "../../infra/synth/render";
import { readStackFile } from "../../infra/synth/stack-file";
import { SynthOutput, synthesize } from "../../infra/synth/synthesize";
import { roleAssignmentName } from "../../components/common/role-assignment";
import { MOCK_CLIENT_OBJECT_ID } from "../../infra/synth/azure-state";
import { ROOT, RawConfig, stackConfig, stackFile, synthShipped, synthVariant, throughKubernetes } from "./fixtures";

const synth = synthShipped;
/** prod (or another shipped stack) bootstrapping through the Kubernetes API from a private runner. */
const synthThroughKubernetes = (stack: string) => synthVariant(stack, throughKubernetes);

const ofType = (output: SynthOutput, type: string) => output.resources.filter((r) => r.type === type);
const one = (output: SynthOutput, type: string, name?: string) => {
    const found = ofType(output, type).filter((r) => name === undefined || r.name === name);
    assert.equal(found.length, 1, `one ${type} ${name ?? ""}`);
    return found[0];
};

describe("synth", () => {
    for (const stack of ["dev", "staging", "prod"]) {
        it(`synthesizes the shipped ${stack} stack`, async () => {
            const output = await synth(stack);
            assert.equal(output.stack, stack);
            assert.equal(one(output, "pulumi:pulumi:Stack").name, `aks-kubenet-${stack}`);
            for (const type of ["azure-native:resources:ResourceGroup", "azure-native:network:Subnet", "azure-native:network:RouteTable", "azure-native:managedidentity:UserAssignedIdentity", "azure-native:containerservice:ManagedCluster"]) {
                assert.equal(ofType(output, type).length, 1, type);
            }
            // dev bootstraps through the Kubernetes API; staging and prod, whose API servers the
            // pipeline's hosted runners can't reach, as AKS managed namespaces through ARM.
            const throughArm = stack !== "dev";
            assert.equal(ofType(output, "pulumi:providers:kubernetes").length, throughArm ? 0 : 1);
            assert.ok(ofType(output, throughArm ? "azure-native:containerservice:ManagedNamespace" : "kubernetes:core/v1:Namespace").length >= 1, "bootstraps a namespace");
            for (const r of output.resources) {
                assert.ok(r.urn.startsWith(`urn:pulumi:${stack}::aks-kubenet::`), r.urn);
                if (r.type !== "pulumi:pulumi:Stack") assert.ok(r.parent, `${r.name} has a parent`);
            }
        });
    }

    it("shows the cluster created after both role assignments, the subnet and the routes", async () => {
        const output = await synth("prod");
        const cluster = one(output, "azure-native:containerservice:ManagedCluster");
        const roles = ofType(output, "azure-native:authorization:RoleAssignment").filter((r) => r.name.startsWith("control-plane-"));
        assert.equal(roles.length, 2);
        for (const dep of [...roles, one(output, "azure-native:network:Subnet"), one(output, "azure-native:network:Route")]) {
            assert.ok(cluster.dependencies.includes(dep.urn), `cluster waits for ${dep.name}`);
        }
        const subnet = one(output, "azure-native:network:Subnet");
        assert.ok(subnet.dependencies.includes(one(output, "azure-native:network:RouteTable").urn), "subnet waits for its route table");
    });

    it("never shows a secret: the kubeconfig output and the provider's input are masked", async () => {
        // dev has no Entra ID: its kubeconfig carries the credential AKS returns (the mock's
        // "mock-token-not-a-secret"), so a leak would show here; staging's runs kubelogin.
        for (const [stack, output] of [["dev", await synth("dev")], ["staging", await synthThroughKubernetes("staging")]] as const) {
            assert.equal(output.outputs.kubeconfig, "[secret]", stack);
            assert.equal(one(output, "pulumi:providers:kubernetes").inputs.kubeconfig, "[secret]", stack);
            assert.ok(!JSON.stringify(output).includes("mock-token"), `${stack}: no credential in the output`);
        }
    });

    it("protects the network and identity in prod only, and the cluster in every stack", async () => {
        const prod = await synth("prod");
        for (const type of ["azure-native:network:VirtualNetwork", "azure-native:network:Subnet", "azure-native:network:RouteTable", "azure-native:managedidentity:UserAssignedIdentity", "azure-native:containerservice:ManagedCluster"]) {
            assert.equal(one(prod, type).protect, true, type);
        }
        assert.equal(one(prod, "azure-native:containerservice:AgentPool").protect, false, "a pool rotation deletes the old pool, so pools are never protected");
        const dev = await synth("dev");
        assert.deepEqual(dev.resources.filter((r) => r.protect).map((r) => r.type), ["azure-native:containerservice:ManagedCluster"]);
    });

    it("bootstraps namespaces with Pod Security labels, quota, limits, bindings and deny-ingress", async () => {
        const output = await synthThroughKubernetes("prod");
        const teamA = one(output, "kubernetes:core/v1:Namespace", "bootstrap-team-a");
        assert.deepEqual((teamA.inputs.metadata as { labels: Record<string, string> }).labels, {
            "pod-security.kubernetes.io/enforce": "restricted",
            "pod-security.kubernetes.io/enforce-version": "latest",
            "pod-security.kubernetes.io/audit": "restricted",
            "pod-security.kubernetes.io/audit-version": "latest",
            "pod-security.kubernetes.io/warn": "restricted",
            "pod-security.kubernetes.io/warn-version": "latest",
        });
        const ingress = one(output, "kubernetes:core/v1:Namespace", "bootstrap-ingress");
        assert.equal((ingress.inputs.metadata as { labels: Record<string, string> }).labels["pod-security.kubernetes.io/enforce"], "baseline");
        const defaultNs = one(output, "kubernetes:core/v1:NamespacePatch");
        assert.deepEqual((defaultNs.inputs.metadata as { name: string; labels: Record<string, string> }).name, "default");
        assert.equal((defaultNs.inputs.metadata as { labels: Record<string, string> }).labels["pod-security.kubernetes.io/enforce"], "baseline");

        const quota = one(output, "kubernetes:core/v1:ResourceQuota", "bootstrap-team-a-quota");
        assert.deepEqual((quota.inputs.spec as { hard: unknown }).hard, { "requests.cpu": "16", "requests.memory": "32Gi", "limits.cpu": "32", "limits.memory": "64Gi", pods: "200" });
        assert.ok(quota.dependencies.includes(teamA.urn), "quota waits for its namespace");
        const limits = one(output, "kubernetes:core/v1:LimitRange", "bootstrap-team-a-limits");
        assert.deepEqual((limits.inputs.spec as { limits: unknown[] }).limits, [{ type: "Container", default: { cpu: "500m", memory: "512Mi" }, defaultRequest: { cpu: "100m", memory: "128Mi" } }]);

        const bindings = ofType(output, "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding").filter((r) => r.name.startsWith("bootstrap-team-a-"));
        const roleOf = (name: string) => bindings.find((b) => b.name === name)!;
        assert.deepEqual(roleOf("bootstrap-team-a-admins").inputs.roleRef, { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "admin" });
        assert.deepEqual(roleOf("bootstrap-team-a-editors").inputs.roleRef, { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" });
        assert.deepEqual(roleOf("bootstrap-team-a-viewers").inputs.subjects, [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" }]);
        assert.deepEqual(one(output, "kubernetes:networking.k8s.io/v1:NetworkPolicy").inputs.spec, { podSelector: {}, policyTypes: ["Ingress"] });

        const provider = one(output, "pulumi:providers:kubernetes");
        for (const r of [teamA, quota, limits, ...bindings]) assert.equal(r.parent, one(output, "aks-kubenet:index:NamespaceBootstrap").urn);
        assert.ok(provider.dependencies.includes(one(output, "azure-native:containerservice:ManagedCluster").urn));
    });

    it("bootstraps prod's namespaces as AKS managed namespaces through ARM, with its groups' Azure roles, reading no credentials", async () => {
        const output = await synth("prod");
        const teamA = one(output, "azure-native:containerservice:ManagedNamespace", "bootstrap-team-a");
        const cluster = one(output, "azure-native:containerservice:ManagedCluster");
        assert.equal(teamA.inputs.resourceName, cluster.inputs.resourceName);
        assert.equal(teamA.inputs.managedNamespaceName, "team-a");
        // The REST model's ResourceQuota: CPU "in one-thousandth CPU form", memory in power-of-two units.
        assert.deepEqual((teamA.inputs.properties as RawConfig).defaultResourceQuota, { cpuRequest: "16000m", cpuLimit: "32000m", memoryRequest: "32Gi", memoryLimit: "64Gi" });
        assert.deepEqual((teamA.inputs.properties as RawConfig).defaultNetworkPolicy, { ingress: "DenyAll", egress: "AllowAll" });
        assert.equal((teamA.inputs.properties as RawConfig).labels["pod-security.kubernetes.io/enforce"], "restricted");
        assert.deepEqual((one(output, "azure-native:containerservice:ManagedNamespace", "bootstrap-ingress").inputs.properties as RawConfig).defaultNetworkPolicy, { ingress: "AllowAll", egress: "AllowAll" });
        assert.ok(teamA.dependencies.includes(cluster.urn) && teamA.dependencies.includes(one(output, "azure-native:containerservice:AgentPool").urn), "after the cluster and its pools");

        // Azure Kubernetes Service RBAC Admin, Writer and Reader on the namespace, and Namespace User for its credentials.
        const grants = ofType(output, "azure-native:authorization:RoleAssignment").filter((r) => r.name.startsWith("bootstrap-team-a-"));
        const config = stackConfig("prod").namespaces[0] as RawConfig;
        const role = (name: string) => String(grants.find((g) => g.name === name)!.inputs.roleDefinitionId).split("/").pop();
        assert.equal(role(`bootstrap-team-a-admins-${config.admins[0]}`), "3498e952-d568-435e-9b2c-8d77e338d7f7");
        assert.equal(role(`bootstrap-team-a-editors-${config.editors[0]}`), "a7ffa36f-339b-4b5c-8bdf-e2c188b2c0eb");
        assert.equal(role(`bootstrap-team-a-viewers-${config.viewers[0]}`), "7f6c6a51-bcf8-42ba-9220-52d62157d7db");
        for (const group of [...config.admins, ...config.editors, ...config.viewers]) assert.equal(role(`bootstrap-team-a-user-${group}`), "c9f76ca8-b262-4b10-8ed2-09cf0948aa35");
        for (const grant of grants) {
            assert.equal(grant.inputs.principalType, "Group");
            assert.equal(grant.inputs.scope, `${output.outputs.clusterId}/managedNamespaces/team-a`);
        }

        // Nothing reaches the Kubernetes API: no provider, no credentials read, no deployer grant.
        assert.equal(ofType(output, "pulumi:providers:kubernetes").length, 0);
        assert.equal(output.resources.filter((r) => r.type.startsWith("kubernetes:")).length, 0);
        assert.ok(!("kubeconfig" in output.outputs));
        assert.equal(ofType(output, "azure-native:authorization:RoleAssignment").filter((r) => r.name.endsWith("deployer-cluster-admin")).length, 0);
    });

    it("deploys a private-cluster variant of prod from the same hosted runners, through ARM alone", async () => {
        const output = await synthVariant("prod", (c) => {
            c.cluster.apiServer = { enablePrivateCluster: true, disableRunCommand: true };
            delete c.cluster.egressPublicIPs;
        });
        const cluster = one(output, "azure-native:containerservice:ManagedCluster");
        assert.equal((cluster.inputs.apiServerAccessProfile as RawConfig).enablePrivateCluster, true);
        assert.equal(ofType(output, "azure-native:containerservice:ManagedNamespace").length, 2);
        assert.equal(output.resources.filter((r) => r.type.startsWith("kubernetes:") || r.type === "pulumi:providers:kubernetes").length, 0, "nothing needs the private endpoint");
    });

    it("grants the deploying principal RBAC Cluster Admin with Azure RBAC, before the bootstrap", async () => {
        const output = await synthThroughKubernetes("prod");
        const grant = one(output, "azure-native:authorization:RoleAssignment", "cluster-deployer-cluster-admin");
        assert.equal(grant.parent, one(output, "aks-kubenet:index:KubenetCluster").urn, "the cluster component's, with its kubeconfig");
        assert.deepEqual(grant.aliases[0], { name: "deployer-cluster-admin", noParent: "true" }, "where the program declared it before 0.3.0");
        assert.match(String(grant.inputs.roleDefinitionId), /\/roleDefinitions\/b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b$/);
        assert.equal(grant.inputs.scope, output.outputs.clusterId);
        const edited = stackConfig("prod");
        throughKubernetes(edited);
        const stackFileDeployer = (edited.cluster as RawConfig).aad.deployer;
        assert.equal(grant.inputs.principalId, stackFileDeployer.objectId, "the principal the stack file names, not whoever runs pulumi up");
        assert.notEqual(grant.inputs.principalId, MOCK_CLIENT_OBJECT_ID);
        assert.equal(grant.inputs.principalType, stackFileDeployer.principalType);
        assert.equal(grant.inputs.roleAssignmentName, roleAssignmentName(String(grant.inputs.scope), stackFileDeployer.objectId, String(grant.inputs.roleDefinitionId)));
        assert.equal(grant.deleteBeforeReplace, true);
        assert.ok(one(output, "pulumi:providers:kubernetes").dependencies.includes(grant.urn));
        const dev = await synth("dev");
        assert.equal(ofType(dev, "azure-native:authorization:RoleAssignment").filter((r) => r.name.endsWith("deployer-cluster-admin")).length, 0);
    });

    it("pins the Kubernetes provider to the cluster, so rotated certificates don't replace it", async () => {
        const output = await synthThroughKubernetes("staging");
        const provider = one(output, "pulumi:providers:kubernetes");
        assert.equal(provider.inputs.clusterIdentifier, output.outputs.clusterId, "the cluster's resource id");
        assert.match(String(provider.inputs.clusterIdentifier), /\/managedClusters\/aks-staging$/);
    });

    it("retries the bootstrap while the deployer's Kubernetes grant propagates", async () => {
        const output = await synthThroughKubernetes("prod");
        const bootstrapChildren = output.resources.filter((r) => r.type.startsWith("kubernetes:"));
        assert.ok(bootstrapChildren.length >= 5);
        for (const child of bootstrapChildren) assert.deepEqual(child.onErrorHooks, ["bootstrap-rbac-retry"], child.name);
    });

    it("authorizes prod's firewall egress address on its restricted API server", async () => {
        const output = await synth("prod");
        const profile = one(output, "azure-native:containerservice:ManagedCluster").inputs.apiServerAccessProfile as { authorizedIPRanges: string[] };
        const config = stackConfig("prod");
        assert.equal(config.cluster.outboundType, "userDefinedRouting");
        for (const ip of config.cluster.egressPublicIPs as string[]) assert.ok(profile.authorizedIPRanges.includes(`${ip}/32`), ip);
        for (const range of config.cluster.apiServer.authorizedIPRanges as string[]) assert.ok(profile.authorizedIPRanges.includes(range), range);
    });

    it("names the resource group and cluster after the stack unless told otherwise", async () => {
        const config = readStackFile(stackFile("dev"));
        delete config.all["aks-kubenet:resourceGroupName"];
        config.all["aks-kubenet:cluster"] = JSON.stringify({ ...JSON.parse(config.all["aks-kubenet:cluster"]), name: undefined });
        const result = await synthesize("qa", config, new Date("2026-11-22T00:00:00Z"));
        assert.ok(result.ok);
        assert.equal(one(result.output, "azure-native:resources:ResourceGroup").inputs.resourceGroupName, "rg-aks-qa");
        assert.equal(one(result.output, "azure-native:containerservice:ManagedCluster").inputs.resourceName, "aks-qa");
    });

    it("gives prod its own Log Analytics and Azure Monitor workspaces, protected, feeding the cluster's monitoring", async () => {
        const output = await synth("prod");
        const logs = one(output, "azure-native:operationalinsights:Workspace", "logs");
        assert.equal(logs.inputs.retentionInDays, 90);
        assert.deepEqual(logs.inputs.sku, { name: "PerGB2018" });
        assert.equal(logs.protect, true);
        const metrics = one(output, "azure-native:monitor:AzureMonitorWorkspace", "metrics");
        assert.equal(metrics.protect, true);
        const cluster = one(output, "azure-native:containerservice:ManagedCluster");
        assert.ok(cluster.dependencies.includes(logs.urn), "the add-ons name the workspace");
        const prometheusRule = one(output, "azure-native:monitor:DataCollectionRule", "cluster-prometheus");
        assert.ok(prometheusRule.dependencies.includes(metrics.urn));
        assert.ok(output.outputs.oidcIssuerUrl, "workload identity's issuer URL is a stack output");
        assert.ok(output.outputs.logAnalyticsWorkspaceId);
    });

    it("creates no workspace when the stack names its own, and none without monitoring", async () => {
        const config = readStackFile(stackFile("staging"));
        const workspaceId = "/subscriptions/0/resourceGroups/ops/providers/Microsoft.OperationalInsights/workspaces/law-central";
        config.all["aks-kubenet:cluster"] = JSON.stringify({ ...JSON.parse(config.all["aks-kubenet:cluster"]), monitoring: { logAnalyticsWorkspaceId: workspaceId } });
        const result = await synthesize("staging", config, new Date("2026-11-22T00:00:00Z"));
        assert.ok(result.ok);
        assert.equal(ofType(result.output, "azure-native:operationalinsights:Workspace").length, 0);
        assert.equal(one(result.output, "azure-native:monitor:DiagnosticSetting").inputs.workspaceId, workspaceId);
        assert.equal(result.output.outputs.logAnalyticsWorkspaceId, workspaceId);
        const dev = await synth("dev");
        assert.equal(ofType(dev, "azure-native:operationalinsights:Workspace").length, 0);
        assert.ok(!("oidcIssuerUrl" in dev.outputs) && !("logAnalyticsWorkspaceId" in dev.outputs), "no output for what dev doesn't have");
        assert.ok(dev.outputs.kubeletIdentityObjectId);
    });

    it("reports the address plan and the warnings", async () => {
        const output = await synth("prod");
        assert.equal(output.capacity.subnet.cidr, "172.18.0.0/22");
        assert.equal(output.capacity.subnet.usable, 1019);
        assert.equal(output.capacity.limitedBy, "podCidr"); // 100.64.0.0/16: 256 /24s
        assert.equal(output.capacity.maxNodes, 256);
        // Surge at the largest size: system 33% of 5 rounded up, apps 33% of 30 rounded up.
        assert.deepEqual(output.capacity.planned, { nodes: 35, surgeNodes: 2 + 10, subnetAddresses: 47 });
        assert.deepEqual(output.outputs.capacity, output.capacity);
        assert.ok(output.warnings.some((w) => w.startsWith("warning: cluster.networkPlugin: AKS retires kubenet on 31 March 2028")));
    });
});

describe("synth in the README", () => {
    it("lists in docs/commands.md exactly the keys synth --json prints", async () => {
        const readme = fs.readFileSync(path.join(ROOT, "docs", "commands.md"), "utf8");
        const sentence = /`--json` prints one document: ([\s\S]*?)\.\n/.exec(readme)![1];
        const each = /\(each with ([^)]*)\)/.exec(sentence)![1];
        const names = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort();
        const output = await synth("dev");
        assert.deepEqual(names(sentence.replace(/\(each with [^)]*\)/, "")), Object.keys(output).sort(), "top-level keys");
        assert.deepEqual(names(each), Object.keys(output.resources[0]).sort(), "resource keys");
    });

    it("shows the dev stack exactly as synth prints it", async () => {
        const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
        const block = /```\n(dev: \d+ resources\n[\s\S]*?)```/.exec(readme);
        assert.ok(block, "the README has the dev synth output");
        // The output names the day it was made (the days to kubenet's retirement): synthesize
        // the stack on the README's own day, so the sample is exact and never goes stale.
        const day = /days from (\d{4}-\d{2}-\d{2})\)/.exec(block[1])![1];
        const result = await synthesize("dev", readStackFile(stackFile("dev")), new Date(`${day}T00:00:00Z`));
        assert.ok(result.ok);
        assert.equal(block[1], renderSynth(result.output));
    });
});

describe("synth command", () => {
    const run = (args: string[]) => spawnSync(process.execPath, ["scripts/run-ts.cjs", "infra/cli/synth.ts", ...args], { cwd: ROOT, encoding: "utf8" });

    it("prints one JSON document for a stack", function () {
        this.timeout(60000);
        const result = run(["--stack", "prod", "--json"]);
        assert.equal(result.status, 0, result.stderr);
        const output = JSON.parse(result.stdout);
        assert.equal(output.stack, "prod");
        assert.ok(output.resources.length > 20);
    });

    it("fails with every problem on stderr and nothing on stdout", function () {
        this.timeout(60000);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "synth-"));
        const file = path.join(dir, "bad.yaml");
        fs.writeFileSync(file, fs.readFileSync(stackFile("dev"), "utf8")
            .replace("podCidr: 10.244.0.0/16", "podCidr: 172.30.0.0/16")
            .replace("maxPods: 110", "maxPods: 300"));
        const result = run(["--stack", "dev", "--config-file", file, "--json"]);
        assert.equal(result.status, 1);
        assert.equal(result.stdout, "");
        assert.equal(result.stderr, [
            "cluster.podCidr: 172.30.0.0/16 overlaps 172.30.0.0/16, a range AKS reserves",
            "cluster.nodePools[0].maxPods: 300 is out of range: max pods per node must be a whole number from 10 to 250",
            "",
        ].join("\n"));
    });

    it("ends a program that fails once a value is known with the refusal's lines alone", function () {
        this.timeout(60000);
        // kubernetesVersion is checked against the running cluster or a new one's support at
        // run time: 1.34 left standard support on 2026-11-30, so AKS creates no cluster on it.
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "synth-"));
        const file = path.join(dir, "Pulumi.dev.yaml");
        const shipped = fs.readFileSync(stackFile("dev"), "utf8");
        const old = shipped.replace(/kubernetesVersion: .*/, "kubernetesVersion: \"1.34\"");
        assert.notEqual(old, shipped);
        fs.writeFileSync(file, old);
        const result = run(["--stack", "dev", "--config-file", file]);
        assert.equal(result.status, 1);
        assert.equal(result.stdout, "");
        const lines = result.stderr.trimEnd().split("\n");
        assert.equal(lines.length, 1, result.stderr.slice(0, 2000));
        assert.match(lines[0], /^cluster\.kubernetesVersion: 1\.34 /);
    });

    it("refuses a number the Pulumi CLI reads otherwise, and a tag YAML reads as a number, naming the value pulumi up would get", async function () {
        this.timeout(60000);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "synth-"));
        const file = path.join(dir, "Pulumi.dev.yaml");
        const shipped = fs.readFileSync(stackFile("dev"), "utf8");
        const edited = shipped.replace(/^(\s+)count: 2$/m, "$1count: 010").replace("    env: dev", "    env: dev\n    version: 1.10");
        assert.equal(edited.split("\n").length, shipped.split("\n").length + 1, "both edits made");
        assert.match(edited, /count: 010/);
        fs.writeFileSync(file, edited);
        const result = await synthesize("dev", readStackFile(file), new Date("2026-12-06T00:00:00Z"));
        assert.ok(!result.ok);
        assert.deepEqual(result.problems.map((p) => p.path), ["cluster.nodePools[0].count", "tags.version"]);
        assert.match(result.problems[0].message, /^010 is read by the Pulumi CLI as 8 /);
        assert.match(result.problems[1].message, /^1\.1 is a number, but a tag's value is text/);
    });

    it("puts the API server in the subnet network.apiServerSubnetCidr creates (API Server VNet Integration)", async () => {
        const output = await synthVariant("dev", (c) => { c.network.apiServerSubnetCidr = "172.16.2.0/28"; });
        const subnet = one(output, "azure-native:network:Subnet", "network-apiserver-subnet");
        const profile = one(output, "azure-native:containerservice:ManagedCluster").inputs.apiServerAccessProfile as Record<string, unknown>;
        assert.deepEqual([profile.enableVnetIntegration, profile.subnetId], [true, subnet.computed.id]);
        await assert.rejects(synthVariant("dev", (c) => { c.network.apiServerSubnetCidr = "172.16.2.0/28"; c.cluster.apiServer = { subnetId: "/subscriptions/0/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/api" }; }),
            /cluster\.apiServer\.subnetId: is the subnet network\.apiServerSubnetCidr creates: give one of them/);
    });

    it("masks secure config values", function () {
        this.timeout(60000);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "synth-"));
        const file = path.join(dir, "secret.yaml");
        fs.writeFileSync(file, fs.readFileSync(stackFile("dev"), "utf8") + "  aks-kubenet:notificationWebhook:\n    secure: v1:abc123\n");
        const parsed = readStackFile(file);
        assert.equal(parsed.all["aks-kubenet:notificationWebhook"], "[secret]");
        assert.deepEqual(parsed.secretKeys, ["aks-kubenet:notificationWebhook"]);
    });

    it("says a secure value it can't decrypt can't be checked offline, and synthesizes the rest", async function () {
        this.timeout(60000);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "synth-"));
        const file = path.join(dir, "Pulumi.prod.yaml");
        const shipped = fs.readFileSync(stackFile("prod"), "utf8");
        const secured = shipped
            .replace("aks-kubenet:resourceGroupName: rg-aks-prod", "aks-kubenet:resourceGroupName:\n    secure: v1:AAAAAAAAAAAAAAAA")
            .replace(/adminGroupObjectIDs: \[[^\]]*\]/, "adminGroupObjectIDs:\n        - secure: v1:BBBBBBBBBBBBBBBB");
        assert.notEqual(secured, shipped);
        fs.writeFileSync(file, secured);
        const result = await synthesize("prod", readStackFile(file), new Date("2026-12-06T00:00:00Z"));
        assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
        const notice = "is a secure value synth and review can't decrypt, so its rules can't run here: pulumi preview and pulumi up check it decrypted";
        assert.deepEqual(result.output.warnings.filter((w) => w.includes("can't decrypt")), [
            `warning: resourceGroupName: ${notice}`,
            `warning: cluster.aad.adminGroupObjectIDs[0]: ${notice}`,
        ]);
    });
});
