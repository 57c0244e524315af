import { strict as assert } from "node:assert";
import * as k8s from "@pulumi/kubernetes/provider";
import { NamespaceBootstrap, NamespaceSpec, validateBootstrapArgs } from "../../components/bootstrap";
import { formatProblem } from "../../components/address";
import { MockEngine } from "../../infra/synth/engine";

const NAMESPACE = "kubernetes:core/v1:Namespace";
const NAMESPACE_PATCH = "kubernetes:core/v1:NamespacePatch";
const QUOTA = "kubernetes:core/v1:ResourceQuota";
const LIMITS = "kubernetes:core/v1:LimitRange";
const BINDING = "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding";
const NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
const GROUP = "8c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

const problemsOf = (namespaces: NamespaceSpec[]) => validateBootstrapArgs({ namespaces }).map(formatProblem);

describe("components/bootstrap: validateNamespaces", () => {
    it("accepts a namespace with every setting", () => {
        assert.deepEqual(problemsOf([{
            name: "team-a",
            podSecurity: "restricted",
            quota: { requestsCpu: "500m", requestsMemory: "8Gi", limitsCpu: "4", limitsMemory: ".5Ti", pods: 1 },
            defaultLimits: { cpu: "1.5", memory: "64Mi", requestsCpu: "100m", requestsMemory: "1k" },
            admins: [GROUP], editors: [GROUP], viewers: [GROUP],
        }]), []);
    });

    it("refuses names that aren't RFC 1123 labels, Kubernetes' own namespaces and duplicates", () => {
        assert.deepEqual(problemsOf([
            { name: "Team-A" }, { name: "-a" }, { name: "a".repeat(64) }, { name: 7 as unknown as string },
            { name: "kube-system" }, { name: "default" }, { name: "apps" }, { name: "apps" },
        ]), [
            "namespaces[3].name: expected string, got number 7",
            `namespaces[0].name: "Team-A" is not a namespace name: an RFC 1123 label of up to 63 lowercase letters, digits or '-', starting and ending with a letter or digit`,
            `namespaces[1].name: "-a" is not a namespace name: an RFC 1123 label of up to 63 lowercase letters, digits or '-', starting and ending with a letter or digit`,
            `namespaces[2].name: "${"a".repeat(64)}" is not a namespace name: an RFC 1123 label of up to 63 lowercase letters, digits or '-', starting and ending with a letter or digit`,
            "namespaces[4].name: kube-system belongs to Kubernetes; choose another name",
            "namespaces[5].name: default belongs to Kubernetes; choose another name",
            "namespaces[7].name: apps is already the name of namespaces[6]",
        ]);
        assert.deepEqual(problemsOf([{ name: "a" }, { name: "a".repeat(63) }]), [], "one to 63 characters");
    });

    it("refuses an unknown Pod Security level", () => {
        assert.deepEqual(problemsOf([{ name: "a", podSecurity: "Restricted" as never }]), [
            `namespaces[0].podSecurity: "Restricted" is not one of privileged, baseline, restricted`,
        ]);
    });

    it("checks every quantity, each under its own key", () => {
        const bad = "8 GB";
        assert.deepEqual(problemsOf([{
            name: "a",
            quota: { requestsCpu: bad, requestsMemory: bad, limitsCpu: bad, limitsMemory: bad },
            defaultLimits: { cpu: bad, memory: bad, requestsCpu: bad, requestsMemory: bad },
        }]), [
            "quota.requestsCpu", "quota.requestsMemory", "quota.limitsCpu", "quota.limitsMemory",
            "defaultLimits.cpu", "defaultLimits.memory", "defaultLimits.requestsCpu", "defaultLimits.requestsMemory",
        ].map((key) => `namespaces[0].${key}: "8 GB" is not a Kubernetes quantity (e.g. "500m", "4", "8Gi")`));
        for (const wrong of ["8gi", "1.", "-1", "1e3x", "Gi"]) {
            assert.equal(problemsOf([{ name: "a", quota: { limitsMemory: wrong } }]).length, 1, wrong);
        }
    });

    it("takes a pod quota of one or more whole pods", () => {
        assert.deepEqual(problemsOf([{ name: "a", quota: { pods: 0 } }, { name: "b", quota: { pods: 2.5 } }, { name: "c", quota: { pods: 1 } }]), [
            "namespaces[0].quota.pods: 0 is not a pod count: use a whole number of at least 1",
            "namespaces[1].quota.pods: 2.5 is not a pod count: use a whole number of at least 1",
        ]);
    });

    it("takes group object ids as GUIDs, for each role", () => {
        assert.deepEqual(problemsOf([{ name: "a", admins: ["platform-admins"], editors: [GROUP, "x"], viewers: [42 as unknown as string] }]), [
            "namespaces[0].viewers[0]: expected string, got number 42",
            `namespaces[0].admins[0]: "platform-admins" is not an Entra ID group object id (a GUID)`,
            `namespaces[0].editors[1]: "x" is not an Entra ID group object id (a GUID)`,
        ]);
    });
});

describe("components/bootstrap: NamespaceBootstrap", () => {
    let engine: MockEngine;
    beforeEach(async () => {
        engine = await MockEngine.install();
    });

    const bootstrap = (namespaces: NamespaceSpec[], defaultNamespacePodSecurity?: "baseline" | "restricted" | "privileged") => {
        const provider = new k8s.Provider("k8s", { kubeconfig: "{}" });
        return new NamespaceBootstrap("boot", { namespaces, defaultNamespacePodSecurity }, { providers: { kubernetes: provider } });
    };
    const labelsOf = (resource: { inputs: Record<string, unknown> }) => (resource.inputs.metadata as { labels: Record<string, string> }).labels;

    it("labels each namespace: enforce its level, audit and warn at restricted", async () => {
        bootstrap([{ name: "apps", podSecurity: "baseline" }, { name: "jobs" }]);
        await engine.settle();
        const expected = (level: string) => ({
            "pod-security.kubernetes.io/enforce": level,
            "pod-security.kubernetes.io/enforce-version": "latest",
            "pod-security.kubernetes.io/audit": "restricted",
            "pod-security.kubernetes.io/audit-version": "latest",
            "pod-security.kubernetes.io/warn": "restricted",
            "pod-security.kubernetes.io/warn-version": "latest",
        });
        assert.deepEqual(labelsOf(engine.one(NAMESPACE, "boot-apps")), expected("baseline"));
        assert.deepEqual(labelsOf(engine.one(NAMESPACE, "boot-jobs")), expected("restricted"), "restricted unless said");
        const patch = engine.one(NAMESPACE_PATCH);
        assert.equal((patch.inputs.metadata as { name: string }).name, "default");
        assert.deepEqual(labelsOf(patch), expected("baseline"), "the default namespace: baseline unless said");
    });

    it("enforces the level asked for on the default namespace", async () => {
        bootstrap([], "restricted");
        await engine.settle();
        assert.equal(labelsOf(engine.one(NAMESPACE_PATCH))["pod-security.kubernetes.io/enforce"], "restricted");
    });

    it("declares a quota with exactly the limits given, and default container limits beside it", async () => {
        bootstrap([{ name: "apps", quota: { requestsCpu: "2", requestsMemory: "4Gi", limitsCpu: "4", limitsMemory: "8Gi", pods: 30 } }]);
        await engine.settle();
        const quota = engine.one(QUOTA);
        assert.deepEqual(quota.inputs.metadata, { namespace: "apps", name: "quota" });
        assert.deepEqual(quota.inputs.spec, { hard: { "requests.cpu": "2", "requests.memory": "4Gi", "limits.cpu": "4", "limits.memory": "8Gi", pods: "30" } });
        const limits = engine.one(LIMITS);
        assert.deepEqual(limits.inputs.metadata, { namespace: "apps", name: "default-limits" });
        assert.deepEqual(limits.inputs.spec, {
            limits: [{ type: "Container", default: { cpu: "500m", memory: "512Mi" }, defaultRequest: { cpu: "100m", memory: "128Mi" } }],
        });
    });

    it("leaves out quota keys that aren't given, and uses the namespace's own default limits", async () => {
        bootstrap([{ name: "apps", quota: { pods: 10 }, defaultLimits: { cpu: "1" } }, { name: "plain" }]);
        await engine.settle();
        assert.deepEqual(engine.one(QUOTA).inputs.spec, { hard: { pods: "10" } });
        assert.deepEqual((engine.one(LIMITS).inputs.spec as { limits: unknown[] }).limits, [
            { type: "Container", default: { cpu: "1", memory: "512Mi" }, defaultRequest: { cpu: "100m", memory: "128Mi" } },
        ]);
        assert.equal(engine.byType(QUOTA).length, 1, "no quota for a namespace without one");
        assert.equal(engine.byType(LIMITS).length, 1, "no limit range for a namespace without quota or limits");
    });

    it("declares default limits without a quota when only they are given", async () => {
        bootstrap([{ name: "apps", defaultLimits: { memory: "1Gi" } }]);
        await engine.settle();
        assert.equal(engine.byType(QUOTA).length, 0);
        assert.equal(engine.byType(LIMITS).length, 1);
    });

    it("binds each group list to its built-in ClusterRole", async () => {
        const other = "5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f";
        bootstrap([{ name: "apps", admins: [GROUP], editors: [GROUP, other], viewers: [] }]);
        await engine.settle();
        const bindings = engine.byType(BINDING);
        assert.deepEqual(bindings.map((b) => b.name).sort(), ["boot-apps-admins", "boot-apps-editors"], "no binding for an empty list");
        const subject = (id: string) => ({ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: id });
        const admins = engine.one(BINDING, "boot-apps-admins");
        assert.deepEqual(admins.inputs.metadata, { namespace: "apps", name: "admin-groups" });
        assert.deepEqual(admins.inputs.roleRef, { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "admin" });
        assert.deepEqual(admins.inputs.subjects, [subject(GROUP)]);
        const editors = engine.one(BINDING, "boot-apps-editors");
        assert.deepEqual(editors.inputs.roleRef, { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" });
        assert.deepEqual(editors.inputs.subjects, [subject(GROUP), subject(other)]);
        bootstrap([{ name: "ops", viewers: [other] }]);
        await engine.settle();
        assert.equal((engine.one(BINDING, "boot-ops-viewers").inputs.roleRef as { name: string }).name, "view");
    });

    it("denies ingress only where asked", async () => {
        bootstrap([{ name: "apps", defaultDenyIngress: true }, { name: "open", defaultDenyIngress: false }]);
        await engine.settle();
        const policy = engine.one(NETWORK_POLICY);
        assert.deepEqual(policy.inputs.metadata, { namespace: "apps", name: "default-deny-ingress" });
        assert.deepEqual(policy.inputs.spec, { podSelector: {}, policyTypes: ["Ingress"] });
    });

    it("retries every object while the Azure RBAC grant propagates", async () => {
        bootstrap([{ name: "apps", quota: { pods: 5 }, admins: [GROUP], defaultDenyIngress: true }]);
        await engine.settle();
        for (const type of [NAMESPACE, NAMESPACE_PATCH, QUOTA, LIMITS, BINDING, NETWORK_POLICY]) {
            assert.deepEqual(engine.one(type).onErrorHooks, ["boot-rbac-retry"], type);
        }
    });

    it("creates nothing when a namespace is invalid", async () => {
        assert.throws(() => bootstrap([{ name: "Apps" }]), /invalid NamespaceBootstrap arguments:\nnamespaces\[0\]\.name: "Apps" is not a namespace name/);
        await engine.settle().catch(() => undefined);
        assert.equal(engine.byType(NAMESPACE).length + engine.byType(NAMESPACE_PATCH).length, 0);
    });
});
