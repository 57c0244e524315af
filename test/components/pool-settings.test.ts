import { strict as assert } from "node:assert";
import { formatProblem, samePath } from "../../components/address";
import { checkLabelKey, checkLabelValue, checkPoolSettings } from "../../components/cluster/node-pools/settings";
import { agentPoolName } from "../../components/cluster/node-pools/names";

const PREFIX_PROBLEM = "its prefix must be a lowercase DNS subdomain";
const NAME_PROBLEM = "its name must be 1–63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";

describe("components/cluster: label and taint syntax", () => {
    it("reads a label key's prefix up to its last slash, within 253 characters", () => {
        const label = (n: number) => `${"a".repeat(n)}`;
        // 61 + 3 × 63 characters and 3 dots: a prefix of exactly 253.
        const prefix253 = [label(61), label(63), label(63), label(63)].join(".");
        assert.equal(prefix253.length, 253);
        assert.equal(checkLabelKey(`${prefix253}/x`), undefined);
        assert.equal(checkLabelKey(`${prefix253}a/x`), PREFIX_PROBLEM, "254 characters");
        assert.equal(checkLabelKey("/x"), PREFIX_PROBLEM, "an empty prefix");
        assert.equal(checkLabelKey("example.com/"), NAME_PROBLEM, "an empty name");
        assert.equal(checkLabelKey("a/b/c"), PREFIX_PROBLEM, "the prefix is everything before the last slash");
        assert.equal(checkLabelKey("x".repeat(63)), undefined);
        assert.equal(checkLabelKey("x".repeat(64)), NAME_PROBLEM);
    });

    it("keeps AKS's own prefix and its subdomains, not names that merely end like it", () => {
        assert.equal(checkLabelKey("kubernetes.azure.com/mode"), "the prefix kubernetes.azure.com is reserved by AKS");
        assert.equal(checkLabelKey("node.kubernetes.azure.com/x"), "the prefix node.kubernetes.azure.com is reserved by AKS");
        assert.equal(checkLabelKey("mykubernetes.azure.com/x"), undefined);
        assert.equal(checkLabelKey("kubernetes.azure.com.example/x"), undefined);
    });

    it("takes empty label values and refuses values that don't start and end with a letter or digit", () => {
        assert.equal(checkLabelValue(""), undefined);
        assert.equal(checkLabelValue("a.b_c-d"), undefined);
        for (const value of ["-a", "a-", "a b", "x".repeat(64)]) assert.notEqual(checkLabelValue(value), undefined, value);
    });

    it("reads a taint whole: key, optional value, effect", () => {
        const taints = (nodeTaints: unknown[]) => checkPoolSettings({ name: "p", mode: "User", nodeTaints: nodeTaints as string[] }, "pool", samePath).map(formatProblem);
        assert.deepEqual(taints(["spot:NoSchedule", "a=:NoExecute", "example.com/gpu=true:PreferNoSchedule"]), []);
        assert.deepEqual(taints([" a=b:NoSchedule", "a=b:NoSchedule ", "=b:NoSchedule", 7, "a=b c:NoSchedule", "kubernetes.azure.com/x=1:NoSchedule"]), [
            `pool.nodeTaints[0]: " a=b:NoSchedule" is not a taint: the key ${NAME_PROBLEM}`,
            `pool.nodeTaints[1]: "a=b:NoSchedule " is not a taint: write key=value:Effect, e.g. CriticalAddonsOnly=true:NoSchedule`,
            `pool.nodeTaints[2]: "=b:NoSchedule" is not a taint: write key=value:Effect, e.g. CriticalAddonsOnly=true:NoSchedule`,
            "pool.nodeTaints[3]: 7 is not a taint: write key=value:Effect, e.g. CriticalAddonsOnly=true:NoSchedule",
            `pool.nodeTaints[4]: "a=b c:NoSchedule" is not a taint: the value: a label value is at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
            `pool.nodeTaints[5]: "kubernetes.azure.com/x=1:NoSchedule" is not a taint: the key the prefix kubernetes.azure.com is reserved by AKS`,
        ]);
    });

    it("names a label that isn't text", () => {
        const problems = checkPoolSettings({ name: "p", mode: "User", nodeLabels: { team: 7 as unknown as string } }, "pool", samePath).map(formatProblem);
        assert.deepEqual(problems, ["pool.nodeLabels.team: 7: a label value is text"]);
    });

    it("refuses a VM size that isn't text", () => {
        const problems = checkPoolSettings({ name: "p", mode: "User", vmSize: 4 as unknown as string }, "pool", samePath).map(formatProblem);
        assert.deepEqual(problems, ["pool.vmSize: 4 is not an Azure VM size name (e.g. Standard_D4s_v5)"]);
    });
});

describe("components/cluster: a pool's Azure name", () => {
    it("keeps the full name and adds four characters, cutting a long name to AKS's limit", () => {
        const short = agentPoolName({ name: "apps", mode: "User", count: 1 });
        assert.match(short, /^apps[a-z0-9]{4}$/);
        const long = agentPoolName({ name: "abcdefghijkl", mode: "User", count: 1 });
        assert.equal(long.length, 12, "Linux pools: 12 characters");
        assert.ok(long.startsWith("abcdefgh"), long);
        assert.notEqual(agentPoolName({ name: "abcdefghijkx", mode: "User", count: 1 }).slice(-4), long.slice(-4), "the suffix tells names with a common start apart");
        assert.equal(agentPoolName({ name: "apps", mode: "User", count: 1, availabilityZones: ["2", "1"] }), agentPoolName({ name: "apps", mode: "User", count: 1, availabilityZones: ["1", "2"] }), "zones in any order");
    });
});
