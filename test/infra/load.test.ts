import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { loadStackModel, projectConfig } from "../../infra/config/load";
import { MockEngine } from "../../infra/synth/engine";
import { readStackFile } from "../../infra/synth/stack-file";
import { stackFile } from "./fixtures";

/** What `pulumi preview` and `up` see: the engine's config, read by the program itself. */
describe("infra/config: loadStackModel, as the program runs under the engine", () => {
    const originalWarn = pulumi.log.warn;
    let logged: string[];

    beforeEach(() => {
        logged = [];
        pulumi.log.warn = async (message: string) => { logged.push(message); };
    });
    afterEach(() => {
        pulumi.log.warn = originalWarn;
        pulumi.runtime.setAllConfig({});
    });

    it("logs every warning through the engine, the kubenet retirement among them", async () => {
        await MockEngine.install({ stack: "dev" });
        pulumi.runtime.setAllConfig(readStackFile(stackFile("dev")).all);
        const model = loadStackModel();
        assert.equal(model.stack, "dev", "the engine's stack name");
        assert.equal(logged.length, model.warnings.length);
        assert.ok(logged.some((line) => /^warning: cluster.networkPlugin: AKS retires kubenet on 31 March 2028 \(\d+ days from \d{4}-\d\d-\d\d\); move to Azure CNI Overlay/.test(line)), logged.join("\n"));
    });

    it("stops with every problem before any resource, and logs nothing", async () => {
        const engine = await MockEngine.install({ stack: "dev" });
        const all = readStackFile(stackFile("dev")).all;
        const cluster = JSON.parse(all["aks-kubenet:cluster"]);
        pulumi.runtime.setAllConfig({ ...all, "aks-kubenet:cluster": JSON.stringify({ ...cluster, podCidr: "172.30.0.0/16", migrateFromKubenet: true }) });
        assert.throws(() => loadStackModel(), (err: Error) => {
            assert.ok(err instanceof pulumi.RunError);
            assert.equal(err.message, [
                "invalid stack configuration:",
                "cluster.migrateFromKubenet: moves the cluster to Azure CNI Overlay: set networkPlugin: azure and networkPluginMode: overlay",
                "cluster.podCidr: 172.30.0.0/16 overlaps 172.30.0.0/16, a range AKS reserves",
            ].join("\n"));
            return true;
        });
        await engine.settle();
        assert.deepEqual(engine.resources, []);
        assert.deepEqual(logged, []);
    });

    it("bounds the error: 200 problems, then how many more there are", async () => {
        await MockEngine.install({ stack: "dev" });
        const all = readStackFile(stackFile("dev")).all;
        const cluster = JSON.parse(all["aks-kubenet:cluster"]);
        const pools = Array.from({ length: 300 }, (_, i) => ({ name: `Bad${i}`, mode: "User", count: 1 }));
        pulumi.runtime.setAllConfig({ ...all, "aks-kubenet:cluster": JSON.stringify({ ...cluster, nodePools: [...cluster.nodePools, ...pools] }) });
        assert.throws(() => loadStackModel(), (err: Error) => {
            const lines = err.message.split("\n");
            assert.equal(lines[0], "invalid stack configuration:");
            assert.equal(lines.length, 1 + 200 + 1);
            assert.match(lines[lines.length - 1], /^… and \d+ more problems not shown \(\d+ in all\): fix these and run again$/);
            return true;
        });
    });

    it("takes the project's keys without their namespace, JSON as its value and other text as text", () => {
        assert.deepEqual(projectConfig({
            "aks-kubenet:resourceGroupName": "rg-aks-dev",
            "aks-kubenet:protect": "true",
            "aks-kubenet:tags": "{\"env\":\"dev\"}",
            "azure-native:location": "koreacentral",
        }), { resourceGroupName: "rg-aks-dev", protect: true, tags: { env: "dev" } });
    });
});
