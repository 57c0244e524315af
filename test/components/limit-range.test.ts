import { strict as assert } from "node:assert";
import { formatProblem } from "../../components/address";
import { NamespaceSpec, validateNamespaces } from "../../components/bootstrap";
import { compareQuantities, parseQuantity } from "../../components/bootstrap/validate";

const RULE = "Kubernetes refuses a LimitRange whose default request is above its default limit";
const problemsOf = (spec: Omit<NamespaceSpec, "name">) => validateNamespaces([{ name: "apps", ...spec }]).map(formatProblem);

/** -1, 0 or 1 for two quantities that must both parse. */
function cmp(a: string, b: string): number {
    const [x, y] = [parseQuantity(a), parseQuantity(b)];
    assert.ok(x && y, `${a} and ${b} are quantities`);
    return compareQuantities(x, y);
}

describe("components/bootstrap: Kubernetes quantities", () => {
    it("reads every suffix at its value", () => {
        const same: [string, string][] = [
            ["1", "1000m"], ["1k", "1000"], ["1M", "1000k"], ["1G", "1000M"], ["1T", "1000G"], ["1P", "1000T"], ["1E", "1000P"],
            ["1m", "1000u"], ["1u", "1000n"],
            ["1Ki", "1024"], ["1Mi", "1024Ki"], ["1Gi", "1024Mi"], ["1Ti", "1024Gi"], ["1Pi", "1024Ti"], ["1Ei", "1024Pi"],
            ["1e3", "1k"], ["1E3", "1000"], ["1e-3", "1m"], ["1e+6", "1M"], ["1E", "1e18"],
        ];
        for (const [a, b] of same) assert.equal(cmp(a, b), 0, `${a} = ${b}`);
    });

    it("reads fractions, signs and leading or trailing points as Kubernetes' grammar writes them", () => {
        for (const [a, b] of [["0.5", "500m"], [".5", "500m"], ["1.", "1"], ["+1", "1"], ["1.5Gi", "1536Mi"], ["2.5e2", "250"], ["0", "0Ki"], ["-0", "0"]]) {
            assert.equal(cmp(a, b), 0, `${a} = ${b}`);
        }
        assert.equal(cmp("999m", "1"), -1);
        assert.equal(cmp("1Gi", "1G"), 1, "binary above decimal");
        assert.equal(cmp("1e1000", "1e999"), 1, "large exponents compare without expanding");
        assert.equal(cmp("-1", "0"), -1);
        assert.equal(cmp("-2", "-1"), -1);
        assert.equal(cmp("-1", "-2"), 1);
    });

    it("rounds up to 1n and caps binary values at 2^63-1, as Kubernetes stores them", () => {
        assert.equal(cmp("0.1n", "1n"), 0);
        assert.equal(cmp("1e-20", "1n"), 0);
        assert.equal(cmp("1.0000000001", "1000000001n"), 0);
        assert.equal(cmp("1.000000001", "1000000001n"), 0, "exactly 1n of fraction is kept");
        assert.equal(cmp("8Ei", "9223372036854775807"), 0, "2^63 is capped");
        assert.equal(cmp("16Ei", "8Ei"), 0);
        assert.equal(cmp("7Ei", "9223372036854775807"), -1, "below the cap");
        assert.equal(cmp("10E", "8Ei"), 1, "decimal values are not capped");
    });

    it("refuses what isn't a quantity", () => {
        for (const text of ["", ".", "+", "1e", "1ki", "1KiB", "e3", "1.5.5", "1 Gi", "Gi", "1e1.5", "++1", "1e99999999999", "0x10"]) {
            assert.equal(parseQuantity(text), undefined, JSON.stringify(text));
        }
        assert.ok(parseQuantity("1e2147483647"), "the largest int32 exponent");
    });
});

describe("components/bootstrap: default requests within default limits", () => {
    it("refuses a default request above the namespace's own default limit, naming both", () => {
        assert.deepEqual(problemsOf({ defaultLimits: { cpu: "1", requestsCpu: "1001m", memory: "1Gi", requestsMemory: "1025Mi" } }), [
            `namespaces[0].defaultLimits.requestsCpu: 1001m is above the default CPU limit 1: ${RULE}`,
            `namespaces[0].defaultLimits.requestsMemory: 1025Mi is above the default memory limit 1Gi: ${RULE}`,
        ]);
    });

    it("takes a default request equal to the default limit, in any unit", () => {
        assert.deepEqual(problemsOf({ defaultLimits: { cpu: "1", requestsCpu: "1000m", memory: "0.5Gi", requestsMemory: "512Mi" } }), []);
    });

    it("compares a value given with the program's default it meets", () => {
        // The program's defaults: limits 500m and 512Mi, requests 100m and 128Mi.
        assert.deepEqual(problemsOf({ defaultLimits: { cpu: "50m", memory: "127Mi" } }), [
            `namespaces[0].defaultLimits.cpu: 50m is below the default CPU request 100m (the program's default): ${RULE}; raise it or set requestsCpu`,
            `namespaces[0].defaultLimits.memory: 127Mi is below the default memory request 128Mi (the program's default): ${RULE}; raise it or set requestsMemory`,
        ]);
        assert.deepEqual(problemsOf({ defaultLimits: { requestsCpu: "501m", requestsMemory: "513Mi" } }), [
            `namespaces[0].defaultLimits.requestsCpu: 501m is above the default CPU limit 500m (the program's default): ${RULE}`,
            `namespaces[0].defaultLimits.requestsMemory: 513Mi is above the default memory limit 512Mi (the program's default): ${RULE}`,
        ]);
        assert.deepEqual(problemsOf({ defaultLimits: { cpu: "100m", memory: "128Mi" } }), [], "a limit equal to the default request");
        assert.deepEqual(problemsOf({ defaultLimits: { requestsCpu: "500m", requestsMemory: "512Mi" } }), [], "a request equal to the default limit");
    });

    it("takes the program's own defaults, which come with a quota", () => {
        assert.deepEqual(problemsOf({ quota: { pods: 10 } }), []);
    });

    it("leaves a value that isn't a quantity to the quantity check", () => {
        assert.deepEqual(problemsOf({ defaultLimits: { cpu: "1 core", requestsCpu: "2" } }), [
            `namespaces[0].defaultLimits.cpu: "1 core" is not a Kubernetes quantity (e.g. "500m", "4", "8Gi")`,
        ]);
    });

    it("takes a quota whose requests are above its limits: Kubernetes doesn't compare a quota's hard values", () => {
        assert.deepEqual(problemsOf({ quota: { requestsCpu: "8", limitsCpu: "4", requestsMemory: "16Gi", limitsMemory: "8Gi" } }), []);
    });
});
