import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentsError } from "../../components/common/problems";

describe("components/common: a component's refusal", () => {
    it("is a ResourceError without its stack, and an InputPropertiesError with one error per key, by the SDK's own tests", () => {
        const problems = [
            { path: "kubeloginMode", message: "\"bogus\" is not one of azurecli, workloadidentity" },
            { path: "nodePools[0].mode", message: "\"Systm\" is not one of System, User" },
        ];
        const error = new ArgumentsError("KubenetCluster", problems, undefined as unknown as pulumi.Resource);
        assert.ok(pulumi.ResourceError.isInstance(error));
        assert.equal(error.hideStack, true, "pulumi up prints the message alone");
        assert.ok(pulumi.InputPropertiesError.isInstance(error), "the package's Construct hands the engine each property");
        assert.deepEqual(error.errors, [
            { propertyPath: "kubeloginMode", reason: "\"bogus\" is not one of azurecli, workloadidentity" },
            { propertyPath: "nodePools[0].mode", reason: "\"Systm\" is not one of System, User" },
        ]);
        assert.equal(error.message, "invalid KubenetCluster arguments:\nkubeloginMode: \"bogus\" is not one of azurecli, workloadidentity\nnodePools[0].mode: \"Systm\" is not one of System, User");
    });
});
