import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { bootstrapInputShape } from "../../components/inputs";
import { clusterInputShape, kmsInputs, monitoringInputs, prometheusInputs } from "../../components/inputs";
import { tagValue } from "../../components/common/inputs";
import { identityInputShape } from "../../components/inputs";
import { networkInputShape } from "../../components/inputs";

/*
 * The stack configuration of contract.md, keys without the `aks-kubenet:` namespace: the
 * components' input schemas composed under the same key names, so each section is handed to
 * its component as it is. What is declared here is only what the stack itself adds: its
 * resource group, tags and protection, the Log Analytics and Azure Monitor workspaces it
 * creates when the file names none, and the ranges it plans capacity with. Objects are strict,
 * so a misspelt key is reported instead of silently ignored.
 */

/** Prometheus: the stack creates an Azure Monitor workspace when no id is given. */
const stackPrometheusSchema = prometheusInputs.extend({ azureMonitorWorkspaceId: z.string().optional() });

/**
 * Where logs go: the stack's own workspace (created when no id is given, with the retention
 * given) or yours. The same workspace receives Container Insights, the control-plane logs and
 * Defender's findings.
 */
const stackMonitoringSchema = monitoringInputs.extend({
    logAnalyticsWorkspaceId: z.string().optional(),
    workspaceRetentionDays: z.number().int().optional(),
    prometheus: stackPrometheusSchema.optional(),
});

/** The network's ranges are required: the stack checks and plans capacity with them, your network's too. */
const networkSchema = z.strictObject({ ...networkInputShape, vnetCidr: z.string(), subnetCidr: z.string() });

/** The identity's own settings; its private DNS zone and KMS vault are the cluster section's. */
const identitySchema = z.strictObject({ name: identityInputShape.name, roleScope: identityInputShape.roleScope, networkRole: identityInputShape.networkRole });

/** The KMS vault's id is required: the stack grants its identity on the vault, public or private. */
const stackKmsSchema = kmsInputs.extend({ keyVaultId: z.string() });

/** The cluster's name is the stack's `aks-<stack>` unless the file gives one. */
const clusterSchema = z.strictObject({ ...clusterInputShape, name: z.string().optional(), monitoring: stackMonitoringSchema.optional(), kms: stackKmsSchema.optional() });

/**
 * Where `pulumi up` runs for this stack. `github-hosted`, the shipped workflows' runners: their
 * addresses change and no authorized range can hold them ("We do not recommend allowing by IP
 * address", GitHub Docs, "About GitHub's IP addresses"), so they reach Azure Resource Manager but
 * not a restricted or private API server. `private`: a runner that reaches the API server (in
 * or peered to the vnet, or from addresses in apiServer.authorizedIPRanges).
 */
export const PIPELINE_RUNNERS = ["github-hosted", "private"] as const;
const pipelineSchema = z.strictObject({ runner: z.enum(PIPELINE_RUNNERS).default("github-hosted") });

export const stackConfigSchema = z.strictObject({
    resourceGroupName: z.string().optional(),
    tags: z.record(z.string(), tagValue).default({}),
    protect: z.boolean().default(false),
    network: networkSchema,
    identity: identitySchema.default({ roleScope: "vnet", networkRole: "networkContributor" }),
    cluster: clusterSchema,
    ...bootstrapInputShape,
    pipeline: pipelineSchema.default({ runner: "github-hosted" }),
    /** Config namespaces other tools read from this stack file, which the program then leaves alone. */
    allowedConfigNamespaces: z.array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/)).default([]),
});

/**
 * Each section as the stack file holds it, checked by its component's rules
 * (infra/config/validate.ts); the bootstrap's keys are the file's own top-level keys.
 */
export const stackSectionSchemas = {
    network: networkSchema,
    identity: identitySchema.default({ roleScope: "vnet", networkRole: "networkContributor" }),
    cluster: clusterSchema,
    bootstrap: z.strictObject(bootstrapInputShape),
};

/** A stack file's values are plain: the components' inputs known only at deployment never come from one. */
export type StackConfig = pulumi.Unwrap<z.infer<typeof stackConfigSchema>>;
