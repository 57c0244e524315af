import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { PropertyDefinition } from "@pulumi/pulumi/provider/experimental/analyzer";
import { KubenetClusterArgs, KubenetNetworkArgs } from "../../components";
import { validateClusterArgs, validateNetworkArgs } from "../../components/rules";
import { ROOT, packageSchema } from "../components/schema";

interface YamlResource { type: string; properties?: Record<string, unknown> }
const program = parse(fs.readFileSync(path.join(ROOT, "examples", "yaml-consumer", "Pulumi.yaml"), "utf8")) as {
    runtime: string;
    packages: Record<string, string>;
    resources: Record<string, YamlResource>;
    outputs: Record<string, string>;
};
const INTERPOLATION = /^\$\{([^.}]+)\.([^}]+)\}$/;
const componentName = (type: string) => /^aks-kubenet:index:(\w+)$/.exec(type)?.[1];

/** Problems with one value against its schema property: unknown keys, missing inputs, bad enum values. */
function checkValue(value: unknown, definition: PropertyDefinition, at: string): string[] {
    const schema = packageSchema();
    if (typeof value === "string" && INTERPOLATION.test(value)) return [];
    if ("$ref" in definition && definition.$ref.startsWith("#/types/")) {
        const type = schema.typeDefinitions[definition.$ref.split(":").pop()!];
        if (type.enum) return type.enum.some((member) => member.value === value) ? [] : [`${at}: ${JSON.stringify(value)} is not one of ${type.enum.map((m) => m.value).join(", ")}`];
        return checkObject(value as Record<string, unknown>, type.properties ?? {}, at);
    }
    if ("type" in definition && definition.type === "array") {
        return (value as unknown[]).flatMap((item, i) => checkValue(item, definition.items!, `${at}[${i}]`));
    }
    return [];
}

function checkObject(object: Record<string, unknown>, properties: Record<string, PropertyDefinition>, at: string): string[] {
    const problems = Object.keys(object).filter((key) => !(key in properties)).map((key) => `${at}.${key}: not an input`);
    for (const [key, definition] of Object.entries(properties)) {
        if (object[key] === undefined) {
            if (!definition.optional) problems.push(`${at}.${key}: required`);
            continue;
        }
        problems.push(...checkValue(object[key], definition, `${at}.${key}`));
    }
    return problems;
}

/** The properties with every `${resource.output}` replaced by a stand-in, for the components' own validators. */
/**
 * A component's properties with each reference to another resource's output as that output
 * would be: the network's `addressing` as KubenetNetwork builds it from its own properties
 * (its ranges and its routes' prefixes), any other output an id.
 */
function plain(properties: Record<string, unknown>): Record<string, unknown> {
    const network = program.resources.network.properties as { vnetCidr: string; subnetCidr: string; reservedCidrs?: string[]; routes?: { addressPrefix: string }[] };
    const addressing = {
        vnetCidr: network.vnetCidr, subnetCidr: network.subnetCidr, reservedCidrs: network.reservedCidrs,
        routes: network.routes?.map((route) => ({ addressPrefix: route.addressPrefix })), externalRouteTable: false,
    };
    return JSON.parse(JSON.stringify(properties), (_, value) => {
        if (value === "${network.addressing}") return addressing;
        return typeof value === "string" && INTERPOLATION.test(value) ? "/subscriptions/s/resourceGroups/rg/providers/x/y/z" : value;
    });
}

describe("examples/yaml-consumer: the component package from Pulumi YAML", () => {
    it("declares the package as pulumi package add writes it", () => {
        assert.equal(program.runtime, "yaml");
        assert.match(program.packages["aks-kubenet"], /^https:\/\/github\.com\/[^/]+\/aks-kubenet@(v\d+\.\d+\.\d+|<commit-sha>)$/);
    });

    it("uses only components, inputs and enum values the package's schema has, with every required input", function () {
        this.timeout(120_000);
        const schema = packageSchema();
        const problems: string[] = [];
        for (const [name, resource] of Object.entries(program.resources)) {
            const component = componentName(resource.type);
            if (!component) continue;
            assert.ok(schema.components[component], `${resource.type} is in the schema`);
            problems.push(...checkObject(resource.properties ?? {}, schema.components[component].inputs, name));
        }
        assert.deepEqual(problems, []);
    });

    it("refers only to outputs the referenced components have", () => {
        const schema = packageSchema();
        const references = JSON.stringify(program).match(/\$\{[^}]+\}/g) ?? [];
        assert.ok(references.length >= 8);
        for (const reference of references) {
            const [, resource, output] = INTERPOLATION.exec(reference)!;
            const declared = program.resources[resource];
            assert.ok(declared, `${reference}: ${resource} is declared`);
            const component = componentName(declared.type);
            if (component) assert.ok(output in schema.components[component].outputs, `${reference}: ${component} has the output ${output}`);
        }
    });

    it("passes the components' own validation: ranges, pools, routes", () => {
        const resources = program.resources;
        assert.deepEqual(validateNetworkArgs(plain(resources.network.properties!) as unknown as KubenetNetworkArgs), []);
        assert.deepEqual(validateClusterArgs(plain(resources.cluster.properties!) as unknown as KubenetClusterArgs), []);
    });
});
