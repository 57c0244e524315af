import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentsError } from "../../components/common/problems";
import { ClusterIdentity } from "../../components/identity";
import { KubenetCluster } from "../../components/cluster";
import { MockEngine } from "../../infra/synth/engine";

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

describe("components/common: arguments refused as a whole", () => {
    it("names them, and says nothing else about them", async () => {
        await MockEngine.install();
        for (const make of [() => new ClusterIdentity("id", undefined as never), () => new KubenetCluster("k", null as never)]) {
            assert.throws(make, (error: Error) => {
                const lines = error.message.split("\n").slice(1);
                assert.equal(lines.length, 1, error.message);
                assert.match(lines[0], /^\(the arguments\): /);
                return true;
            });
        }
    });
});
