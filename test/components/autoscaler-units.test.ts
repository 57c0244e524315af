import { strict as assert } from "node:assert";
import { formatProblem } from "../../components/address";
import { autoscalerDurationProblems } from "../../components/cluster/autoscaler/units";

const AT = "cluster.autoscalerProfile";
const problemsOf = (profile: Record<string, unknown>) => autoscalerDurationProblems(profile as Record<string, string | undefined>, AT).map(formatProblem);

// Each with the REST model's default as the example.
const MINUTES = [
    ["scaleDownDelayAfterAdd", "scale-down-delay-after-add", "10m"],
    ["scaleDownUnneededTime", "scale-down-unneeded-time", "10m"],
    ["maxNodeProvisionTime", "max-node-provision-time", "15m"],
] as const;

describe("components/cluster: the autoscaler's duration units", () => {
    it("takes the scan interval in whole seconds only", () => {
        const refused = (value: string) => `${AT}.scanInterval: ${JSON.stringify(value)} is not a whole number of seconds: AKS takes scan-interval in seconds only, e.g. "10s"`;
        for (const value of ["1m", "10", "1.5s", "-10s", "10 s", "s", "10S", "1m30s"]) assert.deepEqual(problemsOf({ scanInterval: value }), [refused(value)], value);
        for (const value of ["0s", "1s", "10s", "3600s"]) assert.deepEqual(problemsOf({ scanInterval: value }), [], value);
    });

    for (const [key, setting, example] of MINUTES) {
        it(`takes ${setting} in whole minutes only`, () => {
            const refused = (value: string) => `${AT}.${key}: ${JSON.stringify(value)} is not a whole number of minutes: AKS takes ${setting} in minutes only, e.g. "${example}"`;
            for (const value of ["90s", "1h", "10", "1.5m", "+5m", "10M", "m", "1h30m"]) assert.deepEqual(problemsOf({ [key]: value }), [refused(value)], value);
            // AKS's own aggressive profile sets scale-down-delay-after-add=0m.
            for (const value of ["0m", "1m", "15m", "600m"]) assert.deepEqual(problemsOf({ [key]: value }), [], value);
        });
    }

    it("names a value that isn't text, and passes over unset keys and settings without a unit", () => {
        assert.deepEqual(problemsOf({ scanInterval: 10, maxNodeProvisionTime: undefined, expander: "random", scaleDownUtilizationThreshold: "0.5" }), [
            `${AT}.scanInterval: 10 is not a whole number of seconds: AKS takes scan-interval in seconds only, e.g. "10s"`,
        ]);
        assert.deepEqual(problemsOf({}), []);
    });

    it("reports every wrong duration, each at its own key", () => {
        assert.deepEqual(autoscalerDurationProblems({ scanInterval: "1m", scaleDownDelayAfterAdd: "600s", scaleDownUnneededTime: "10m", maxNodeProvisionTime: "1h" }, "autoscalerProfile").map((p) => p.path), [
            "autoscalerProfile.scanInterval", "autoscalerProfile.scaleDownDelayAfterAdd", "autoscalerProfile.maxNodeProvisionTime",
        ]);
    });
});
