import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { CLUSTER_LATE_CHECKED } from "../../components/cluster/args";
import { clusterArgsSchemas } from "../../components/cluster/inputs";
import { IDENTITY_LATE_CHECKED } from "../../components/identity/args";
import { identityArgsSchemas } from "../../components/identity/inputs";
import { NETWORK_LATE_CHECKED } from "../../components/network/args";
import { networkArgsSchemas } from "../../components/network/inputs";
import { bootstrapArgsSchemas } from "../../components/bootstrap/inputs";

/*
 * Every argument a caller may give as an output (another stack's, a resource's) is either
 * checked once known (the component's *_LATE_CHECKED keys, common/late-values.ts) or listed
 * here as Azure's to check: an id or a name passed on as it is. A new Input-typed argument that
 * is neither fails here, so no output skips its rules silently.
 */

/** The key paths of a schema's leaves and objects that take an output, walking zod's public `.def`. */
function outputKeys(schema: z.ZodType, path = ""): string[] {
    const def = schema.def as unknown as { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType; options?: z.ZodType[] };
    if (def.type === "optional" || def.type === "default" || def.type === "nullable") return outputKeys(def.innerType!, path);
    const takesOutput = path !== "" && schema.safeParse(pulumi.output("x")).success;
    if (takesOutput) return [path];
    if (def.type === "object") return Object.entries(def.shape!).flatMap(([key, inner]) => outputKeys(inner, path ? `${path}.${key}` : key));
    if (def.type === "array") return outputKeys(def.element!, `${path}[]`);
    if (def.type === "union") return [...new Set(def.options!.flatMap((option) => outputKeys(option, path)))];
    return [];
}

/** Ids and names Azure checks, passed on as they are, with why no rule reads them. */
const AZURES_TO_CHECK: Record<string, string[]> = {
    // The ids the components are given by other resources: ARM refuses a wrong one.
    KubenetCluster: ["location", "subnetId", "identityId", "monitoring.logAnalyticsWorkspaceId", "monitoring.logAnalyticsWorkspaceLocation", "monitoring.prometheus.azureMonitorWorkspaceId", "monitoring.prometheus.azureMonitorWorkspaceLocation", "apiServer.subnetId"],
    KubenetNetwork: ["resourceGroupName", "location"],
    ClusterIdentity: ["resourceGroupName", "location", "vnetId", "subnetId", "routeTableId", "apiServerSubnetId"],
    NamespaceBootstrap: ["clusterResourceGroupName", "clusterName", "tags"],
};

const COMPONENTS = [
    ["KubenetCluster", clusterArgsSchemas.args, CLUSTER_LATE_CHECKED],
    ["KubenetNetwork", networkArgsSchemas.args, NETWORK_LATE_CHECKED],
    ["ClusterIdentity", identityArgsSchemas.args, IDENTITY_LATE_CHECKED],
    ["NamespaceBootstrap", bootstrapArgsSchemas.args, []],
] as const;

describe("components: every argument that may be an output is checked once known, or is Azure's to check", () => {
    for (const [component, schema, lateChecked] of COMPONENTS) {
        it(component, () => {
            const takesOutputs = outputKeys(schema).map((key) => key.replace(/\[\]$/, ""));
            const covered = (key: string) => (lateChecked as readonly string[]).some((late) => key === late || key.startsWith(`${late}.`) || key.startsWith(`${late}[`))
                || AZURES_TO_CHECK[component].includes(key);
            assert.deepEqual(takesOutputs.filter((key) => !covered(key)), [], `${component}: outputs no rule checks once known`);
            // And nothing is listed that takes no output: the lists stay true.
            const listed = [...lateChecked, ...AZURES_TO_CHECK[component]];
            assert.deepEqual(listed.filter((key) => !takesOutputs.some((k) => k === key || k.startsWith(`${key}.`) || k.startsWith(`${key}[`))), [], `${component}: listed keys that take no output`);
        });
    }
});
