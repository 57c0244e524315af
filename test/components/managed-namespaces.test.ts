import { strict as assert } from "node:assert";
import { NamespaceBootstrap, NamespaceBootstrapArgs, validateBootstrapArgs } from "../../components/bootstrap";
import { formatProblem } from "../../components/address";
import { armCpu } from "../../components/bootstrap/managed";
import { MockEngine } from "../../infra/synth/engine";

/*
 * The namespace bootstrap through Azure Resource Manager (namespacesThrough: arm): AKS managed
 * namespaces, whose model is azure-rest-api-specs aks/ManagedNamespace.tsp (API 2025-09-01):
 * labels, a default resource quota of exactly cpuRequest, cpuLimit, memoryRequest and memoryLimit
 * (CPU "in one-thousandth CPU form", memory in "power-of-two equivalents form: Ei, Pi, Ti, Gi, Mi,
 * Ki"), a default network policy per direction, adoption and delete policies. What it can't take
 * is refused, never dropped.
 */

const MANAGED = "azure-native:containerservice:ManagedNamespace";
const ROLE = "azure-native:authorization:RoleAssignment";
const ADMINS = "8c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const VIEWERS = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const target = { namespacesThrough: "arm" as const, clusterResourceGroupName: "rg-aks", clusterName: "aks-test" };
const problemsOf = (args: NamespaceBootstrapArgs) => validateBootstrapArgs(args).map(formatProblem);

describe("components/bootstrap: namespaces through ARM", () => {
    it("takes CPU as whole millicores and memory in power-of-two units, as the quota's model does", () => {
        assert.equal(armCpu("4"), "4000m");
        assert.equal(armCpu("500m"), "500m");
        assert.equal(armCpu("1.5"), "1500m");
        assert.equal(armCpu("0.25"), "250m");
        assert.deepEqual(problemsOf({ ...target, namespaces: [{ name: "a", quota: { requestsCpu: "0.0005", limitsCpu: "1.0001", requestsMemory: "8G", limitsMemory: "8Gi" } }] }), [
            "namespaces[0].quota.requestsCpu: 0.0005 has no whole number of millicores, the unit a managed namespace's quota takes CPU in",
            "namespaces[0].quota.limitsCpu: 1.0001 has no whole number of millicores, the unit a managed namespace's quota takes CPU in",
            "namespaces[0].quota.requestsMemory: 8G is not in power-of-two units, the only ones a managed namespace's quota takes memory in: write it in Ki, Mi, Gi, Ti, Pi or Ei (8Gi, say)",
        ]);
    });

    it("refuses what a managed namespace can't express, naming the key: a pod count, default limits, the default namespace's level", () => {
        assert.deepEqual(problemsOf({ ...target, defaultNamespacePodSecurity: "baseline", namespaces: [{ name: "a", quota: { requestsCpu: "1", pods: 10 }, defaultLimits: { cpu: "1" } }] }).map((p) => p.split(": ")[0]), [
            "defaultNamespacePodSecurity", "namespaces[0].quota.pods", "namespaces[0].defaultLimits",
        ]);
        // Through the Kubernetes API each of them is a setting like any other.
        assert.deepEqual(problemsOf({ namespacesThrough: "kubernetes", defaultNamespacePodSecurity: "baseline", namespaces: [{ name: "a", quota: { pods: 10, requestsMemory: "8G" }, defaultLimits: { cpu: "1" } }] }), []);
        assert.deepEqual(problemsOf({ namespacesThrough: "ARM" as never }), [`namespacesThrough: "ARM" is not one of kubernetes, arm`]);
    });

    describe("declared", () => {
        let engine: MockEngine;
        beforeEach(async () => {
            engine = await MockEngine.install();
        });

        it("makes a managed namespace per namespace, with its labels, quota and policy, and its groups' roles on it", async () => {
            new NamespaceBootstrap("ns", {
                ...target,
                tags: { env: "test" },
                namespaces: [
                    { name: "team-a", podSecurity: "restricted", quota: { requestsCpu: "2", limitsCpu: "4", requestsMemory: "4Gi", limitsMemory: "8Gi" }, defaultDenyIngress: true, admins: [ADMINS], viewers: [VIEWERS, ADMINS] },
                    { name: "tools", podSecurity: "baseline" },
                ],
            });
            await engine.settle();
            const teamA = engine.byType(MANAGED).find((r) => r.name === "ns-team-a")!;
            assert.deepEqual(teamA.inputs, {
                resourceGroupName: "rg-aks",
                resourceName: "aks-test",
                managedNamespaceName: "team-a",
                tags: { env: "test" },
                properties: {
                    labels: {
                        "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/enforce-version": "latest",
                        "pod-security.kubernetes.io/audit": "restricted", "pod-security.kubernetes.io/audit-version": "latest",
                        "pod-security.kubernetes.io/warn": "restricted", "pod-security.kubernetes.io/warn-version": "latest",
                    },
                    defaultResourceQuota: { cpuRequest: "2000m", cpuLimit: "4000m", memoryRequest: "4Gi", memoryLimit: "8Gi" },
                    defaultNetworkPolicy: { ingress: "DenyAll", egress: "AllowAll" },
                    adoptionPolicy: "Always",
                    deletePolicy: "Delete",
                },
            });
            const tools = engine.byType(MANAGED).find((r) => r.name === "ns-tools")!;
            assert.equal((tools.inputs.properties as Record<string, unknown>).defaultResourceQuota, undefined, "no quota asked, none sent");
            assert.deepEqual((tools.inputs.properties as Record<string, unknown>).defaultNetworkPolicy, { ingress: "AllowAll", egress: "AllowAll" }, "the SDK's AllowSameNamespace default is not what was asked");

            // Admin and Reader by role, and Namespace User once per group, each on the namespace.
            const roles = engine.byType(ROLE).map((r) => [r.name, String(r.inputs.roleDefinitionId).split("/").pop(), r.inputs.principalType, r.inputs.scope]).sort();
            const scope = `${"/subscriptions/00000000-0000-0000-0000-000000000000"}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-test/managedNamespaces/team-a`;
            assert.deepEqual(roles, [
                [`ns-team-a-admins-${ADMINS}`, "3498e952-d568-435e-9b2c-8d77e338d7f7", "Group", scope],
                [`ns-team-a-user-${VIEWERS}`, "c9f76ca8-b262-4b10-8ed2-09cf0948aa35", "Group", scope],
                [`ns-team-a-user-${ADMINS}`, "c9f76ca8-b262-4b10-8ed2-09cf0948aa35", "Group", scope],
                [`ns-team-a-viewers-${ADMINS}`, "7f6c6a51-bcf8-42ba-9220-52d62157d7db", "Group", scope],
                [`ns-team-a-viewers-${VIEWERS}`, "7f6c6a51-bcf8-42ba-9220-52d62157d7db", "Group", scope],
            ].sort());
            assert.equal(engine.resources.filter((r) => r.type.startsWith("kubernetes:")).length, 0, "nothing through the Kubernetes API");
        });

        it("refuses to start without the cluster's names, creating nothing", async () => {
            assert.throws(() => new NamespaceBootstrap("ns", { namespacesThrough: "arm", namespaces: [{ name: "a" }] }), (error: Error) => {
                assert.match(error.message, /clusterResourceGroupName: is required with namespacesThrough arm/);
                assert.match(error.message, /clusterName: is required with namespacesThrough arm/);
                return true;
            });
            await engine.settle();
            assert.equal(engine.byType(MANAGED).length, 0);
        });
    });
});
