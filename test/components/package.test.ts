import { strict as assert } from "node:assert";
import { AnalyzeResult } from "@pulumi/pulumi/provider/experimental/analyzer";
import { MockEngine } from "../../infra/synth/engine";
import { buildStack } from "./fixtures";
import { KubenetNetwork, NamespaceBootstrap } from "../../components";

import { COMPONENTS, packageSchema } from "./schema";

describe("components as a Pulumi component package", () => {
    let schema: AnalyzeResult;
    before(function () {
        this.timeout(120_000);
        schema = packageSchema();
    });

    it("is accepted by Pulumi's schema inference, with the four components", () => {
        assert.deepEqual(Object.keys(schema.components).sort(), [...COMPONENTS].sort());
    });

    it("documents each component, its inputs and outputs, and the properties of its types from the TSDoc", () => {
        for (const name of COMPONENTS) {
            const component = schema.components[name];
            assert.ok(component.description && component.description.length > 40, `${name} has a description`);
            for (const [kind, properties] of [["input", component.inputs], ["output", component.outputs]] as const) {
                for (const [property, definition] of Object.entries(properties)) assert.ok(definition.description, `${name} ${kind} ${property} is documented`);
            }
        }
        for (const type of Object.values(schema.typeDefinitions)) {
            for (const [property, definition] of Object.entries(type.properties ?? {})) assert.ok(definition.description, `${type.name}.${property} is documented`);
        }
        assert.match(schema.components.KubenetCluster.inputs.identityId.description ?? "", /Network Contributor/);
    });

    it("names its types so the other languages' SDKs don't double a suffix", () => {
        // Pulumi's Python and Go code generators name an input type <Name>Args: a type named
        // NodePoolArgs would come out as NodePoolArgsArgs.
        const names = Object.keys(schema.typeDefinitions);
        assert.ok(names.includes("NodePool"), names.join(", "));
        assert.deepEqual(names.filter((name) => /Args$/.test(name)), []);
    });

    it("hands readiness from one component to the next through ids, never through objects", () => {
        const cluster = schema.components.KubenetCluster;
        for (const input of ["subnetId", "identityId", "resourceGroupName"]) {
            assert.equal((cluster.inputs[input] as { type?: string }).type, "string", input);
            assert.ok(!cluster.inputs[input].optional, `${input} is required`);
        }
        assert.equal((schema.components.KubenetNetwork.outputs.subnetId as { type?: string }).type, "string");
        assert.equal((schema.components.ClusterIdentity.outputs.identityId as { type?: string }).type, "string");
        assert.ok(!("network" in cluster.inputs) && !("identity" in cluster.inputs), "no component objects as inputs");
    });

    it("turns the enumerations into schema enums", () => {
        const enums = Object.values(schema.typeDefinitions).filter((t) => t.enum).map((t) => t.name).sort();
        for (const name of ["NetworkPlugin", "NetworkPolicy", "OutboundType", "PoolMode", "OsType", "SkuTier", "UpgradeChannel", "NodeOSUpgradeChannel", "RoleScope", "RouteNextHopType", "PodSecurityLevel"]) {
            assert.ok(enums.includes(name), name);
        }
        const pool = schema.typeDefinitions.NodePool;
        assert.deepEqual(pool.properties?.mode, { $ref: "#/types/aks-kubenet:index:PoolMode", plain: true, description: pool.properties?.mode.description });
    });
});

describe("component type tokens", () => {
    let engine: MockEngine;
    beforeEach(async () => {
        engine = await MockEngine.install();
    });

    it("registers aks-kubenet:index:<Name>, aliased to the token each had before, so existing stacks keep their resources", async () => {
        buildStack();
        new NamespaceBootstrap("ns", { namespaces: [{ name: "team-a" }] });
        await engine.settle();
        const previous: Record<string, string> = {
            KubenetNetwork: "aks-kubenet:network:KubenetNetwork",
            ClusterIdentity: "aks-kubenet:identity:ClusterIdentity",
            KubenetCluster: "aks-kubenet:cluster:KubenetCluster",
            NamespaceBootstrap: "aks-kubenet:bootstrap:NamespaceBootstrap",
        };
        for (const [name, oldType] of Object.entries(previous)) {
            const component = engine.one(`aks-kubenet:index:${name}`);
            assert.deepEqual(component.aliases, [{ type: oldType }], name);
        }
    });

    it("keeps aliases a caller passes in", async () => {
        new KubenetNetwork("net", { resourceGroupName: "rg", vnetCidr: "192.168.0.0/16", subnetCidr: "192.168.1.0/24" }, { aliases: [{ name: "old-net" }] });
        await engine.settle();
        assert.deepEqual(engine.one("aks-kubenet:index:KubenetNetwork").aliases, [{ name: "old-net" }, { type: "aks-kubenet:network:KubenetNetwork" }]);
    });
});
