import { strict as assert } from "node:assert";
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { SynthOutput } from "../../infra/synth/synthesize";
import { advisoryPolicies } from "../../policy/advisory";
import { mandatoryPolicies } from "../../policy/mandatory";
import { policies } from "../../policy/policies";
import { productionPosture } from "../../policy/production";
import { synthShipped } from "../infra/fixtures";
import { stackViolations, violations } from "./run";

const synth = synthShipped;

/** Every violation the given policies report on what a stack declares. */
async function check(output: SynthOutput, list: (ResourceValidationPolicy | StackValidationPolicy)[]): Promise<string[]> {
    const resources = output.resources.map((r) => ({ type: r.type, name: r.name, props: r.inputs }));
    const found: string[] = [];
    for (const policy of list) {
        if ("validateStack" in policy) {
            found.push(...(await stackViolations(policy, resources)).map((v) => `${policy.name}: ${v.message}`));
        } else {
            for (const resource of resources) found.push(...(await violations(policy, resource)).map((m) => `${policy.name} (${resource.name}): ${m}`));
        }
    }
    return found;
}

describe("policy: the pack on the shipped stacks", () => {
    it("has unique names, mandatory before advisory", () => {
        const names = policies.map((p) => p.name);
        assert.equal(new Set(names).size, names.length);
        assert.ok(mandatoryPolicies.every((p) => p.enforcementLevel === "mandatory"));
    });

    const binding = policies.filter((p) => p.enforcementLevel === "mandatory");
    it("binds the production posture", () => {
        assert.ok(binding.some((p) => p.name === "aks-production-posture"));
    });

    for (const stack of ["dev", "staging", "prod"]) {
        it(`passes every mandatory rule on ${stack}`, async () => {
            assert.deepEqual(await check(await synth(stack), binding), []);
        });
    }

    it("holds prod to the production posture: it fails once a hardening setting is dropped", async () => {
        const output = await synth("prod");
        const cluster = output.resources.find((r) => r.type === "azure-native:containerservice:ManagedCluster")!;
        (cluster.inputs.securityProfile as { imageCleaner: { enabled: boolean } }).imageCleaner.enabled = false;
        assert.deepEqual(await check(output, [productionPosture]), [
            "aks-production-posture: aks-image-cleaner: securityProfile.imageCleaner: off; remove unused images with known vulnerabilities from the nodes",
        ]);
    });

    it("finds nothing to advise on prod", async () => {
        assert.deepEqual(await check(await synth("prod"), advisoryPolicies), []);
    });

    it("advises on dev what it leaves out on purpose", async () => {
        const advice = await check(await synth("dev"), advisoryPolicies);
        assert.ok(advice.some((line) => line.startsWith("aks-api-server-access")), advice.join("\n"));
        assert.ok(advice.some((line) => line.startsWith("aks-local-accounts-disabled")));
        assert.ok(!advice.some((line) => line.startsWith("aks-max-pods-explicit")), "the components always set maxPods");
        for (const skipped of ["aks-container-insights", "aks-defender", "aks-maintenance-windows", "aks-ephemeral-os-disk"]) {
            assert.ok(advice.some((line) => line.startsWith(skipped)), skipped);
        }
    });
});
