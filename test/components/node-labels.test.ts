import { strict as assert } from "node:assert";
import { formatProblem } from "../../components/address";
import { nodeLabelProblems } from "../../components/cluster/node-pools/labels";

const AT = "cluster.nodePools[0].nodeLabels";
const KUBELET = "is in the kubernetes.io or k8s.io namespace, where the kubelet takes only its well-known labels and the prefixes kubelet.kubernetes.io and node.kubernetes.io (or their subdomains); use your own prefix";
const SYSTEM = "is a system label AKS sets on every node itself; remove it";
const AKS_PREFIX = "uses the prefix kubernetes.azure.com/, which AKS reserves for its own labels; choose another prefix";

const problemsOf = (...keys: string[]) => nodeLabelProblems(Object.fromEntries(keys.map((key) => [key, "x"])), AT).map(formatProblem);
const accepted = (key: string) => assert.deepEqual(problemsOf(key), [], key);

describe("components/cluster: node labels the kubelet or AKS refuses", () => {
    it("refuses keys in the kubernetes.io and k8s.io namespaces and their subdomains", () => {
        assert.deepEqual(problemsOf("node-role.kubernetes.io/worker", "kubernetes.io/role", "k8s.io/team", "example.k8s.io/team"), [
            `${AT}.node-role.kubernetes.io/worker: ${KUBELET}`,
            `${AT}.kubernetes.io/role: ${KUBELET}`,
            `${AT}.k8s.io/team: ${KUBELET}`,
            `${AT}.example.k8s.io/team: ${KUBELET}`,
        ]);
        // Namespaces Kubernetes forbids the kubelet, and GA names that never made the allowed set.
        for (const key of ["node-restriction.kubernetes.io/pci", "failure-domain.kubernetes.io/zone", "kubernetes.io/instance-type", "topology.kubernetes.io/rack"]) {
            assert.deepEqual(problemsOf(key), [`${AT}.${key}: ${KUBELET}`], key);
        }
    });

    it("takes the kubelet's own namespaces, their subdomains, and its well-known labels AKS doesn't set", () => {
        for (const key of ["node.kubernetes.io/lifecycle", "kubelet.kubernetes.io/x", "team.node.kubernetes.io/x", "a.b.kubelet.kubernetes.io/x"]) accepted(key);
        for (const key of ["beta.kubernetes.io/arch", "beta.kubernetes.io/os", "beta.kubernetes.io/instance-type", "failure-domain.beta.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/region"]) accepted(key);
    });

    it("reads the namespace as the whole prefix: a name that only ends like it is not in it", () => {
        // Not Kubernetes' namespaces at all.
        for (const key of ["mykubernetes.io/x", "kubernetes.io.example.com/x", "notk8s.io/x", "k8s.io.example/x", "kubernetes.io", "team"]) accepted(key);
        // In kubernetes.io, but not under an allowed namespace: node.kubernetes.io needs its dot.
        assert.deepEqual(problemsOf("mynode.kubernetes.io/x", "xkubelet.kubernetes.io/x"), [
            `${AT}.mynode.kubernetes.io/x: ${KUBELET}`,
            `${AT}.xkubelet.kubernetes.io/x: ${KUBELET}`,
        ]);
    });

    it("refuses the system labels AKS sets on every node, though the kubelet allows them", () => {
        const system = ["kubernetes.io/arch", "kubernetes.io/os", "kubernetes.io/hostname", "node.kubernetes.io/instance-type", "topology.kubernetes.io/region", "topology.kubernetes.io/zone"];
        assert.deepEqual(problemsOf(...system), system.map((key) => `${AT}.${key}: ${SYSTEM}`));
        // A neighbour in the same allowed namespace is the user's.
        accepted("node.kubernetes.io/instance-class");
    });

    it("refuses AKS's reserved prefix kubernetes.azure.com/, not names that merely resemble it", () => {
        assert.deepEqual(problemsOf("kubernetes.azure.com/mode", "kubernetes.azure.com/aks-local-ssd"), [
            `${AT}.kubernetes.azure.com/mode: ${AKS_PREFIX}`,
            `${AT}.kubernetes.azure.com/aks-local-ssd: ${AKS_PREFIX}`,
        ]);
        for (const key of ["mykubernetes.azure.com/x", "kubernetes.azure.com.example/x", "azure.com/x"]) accepted(key);
    });

    it("names each refused key once, at the path the caller gives, and nothing for no labels", () => {
        assert.deepEqual(nodeLabelProblems({}, AT), []);
        assert.deepEqual(nodeLabelProblems({ team: "a", "kubernetes.io/os": "linux" }, "pool.nodeLabels").map(formatProblem), [`pool.nodeLabels.kubernetes.io/os: ${SYSTEM}`]);
    });
});
