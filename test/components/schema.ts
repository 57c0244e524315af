import * as fs from "node:fs";
import * as path from "node:path";
import { Analyzer, AnalyzeResult } from "@pulumi/pulumi/provider/experimental/analyzer";

export const ROOT = path.resolve(__dirname, "../..");
export const COMPONENTS = ["KubenetNetwork", "ClusterIdentity", "KubenetCluster", "NamespaceBootstrap"];

let schema: AnalyzeResult | undefined;

/**
 * The package schema as `pulumi package get-schema` infers it, with the analyzer the Pulumi
 * SDK ships; computed once per test run (it type-checks the package, several seconds).
 */
export function packageSchema(): AnalyzeResult {
    if (!schema) {
        const packageJSON = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as Record<string, unknown>;
        schema = new Analyzer(ROOT, "aks-kubenet", packageJSON, new Set(COMPONENTS)).analyze();
    }
    return schema;
}
