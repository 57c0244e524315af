import { z } from "zod";
import { input, inputShape, stringish, tagValue, wholeNumberIn } from "../common/inputs";
import { argsSchemas } from "../common/validation";
import { NAMESPACES_THROUGH, NamespaceBootstrapArgs, NamespaceDefaultLimits, NamespaceQuota, NamespaceSpec, POD_SECURITY_LEVELS } from "./args";

/*
 * The namespace bootstrap's input schema, tied to its args (args.ts documents each key): the
 * types a stack file or another language can get wrong, and the defaults. The stack file's
 * `namespaces`, `defaultNamespacePodSecurity` and `namespacesThrough` keys are this schema; the
 * cluster's names and the tags are the stack's own.
 */

const quotaInputs = z.strictObject(inputShape<NamespaceQuota>()({
    requestsCpu: stringish.optional(),
    requestsMemory: stringish.optional(),
    limitsCpu: stringish.optional(),
    limitsMemory: stringish.optional(),
    pods: wholeNumberIn(1, Number.MAX_SAFE_INTEGER, (shown) => `${shown} is not a pod count: use a whole number of at least 1`).optional(),
}));

const defaultLimitsInputs = z.strictObject(inputShape<NamespaceDefaultLimits>()({
    cpu: stringish.optional(),
    memory: stringish.optional(),
    requestsCpu: stringish.optional(),
    requestsMemory: stringish.optional(),
}));

export const namespaceInputs = z.strictObject(inputShape<NamespaceSpec>()({
    name: z.string(),
    podSecurity: z.enum(POD_SECURITY_LEVELS).default("restricted"),
    quota: quotaInputs.optional(),
    defaultLimits: defaultLimitsInputs.optional(),
    defaultDenyIngress: z.boolean().default(false),
    admins: z.array(z.string()).default([]),
    editors: z.array(z.string()).default([]),
    viewers: z.array(z.string()).default([]),
}));

/** Given only where the namespaces are deployed through ARM: the cluster's names, the tags. */
type BootstrapDeploymentKeys = "clusterResourceGroupName" | "clusterName" | "tags";

export const bootstrapInputShape = inputShape<NamespaceBootstrapArgs, BootstrapDeploymentKeys>()({
    namespaces: z.array(namespaceInputs).default([]),
    // No default here: it applies through the Kubernetes API only (DEFAULT_NAMESPACE_POD_SECURITY).
    defaultNamespacePodSecurity: z.enum(POD_SECURITY_LEVELS).optional(),
    namespacesThrough: z.enum(NAMESPACES_THROUGH).default("kubernetes"),
});

export const bootstrapInputs = z.strictObject(bootstrapInputShape);

/** The bootstrap's whole arguments, as the component takes them and as a program checks them first. */
export const bootstrapArgsSchemas = argsSchemas(bootstrapInputShape, inputShape<NamespaceBootstrapArgs, Exclude<keyof NamespaceBootstrapArgs, BootstrapDeploymentKeys>>()({
    clusterResourceGroupName: input(z.string()).optional(),
    clusterName: input(z.string()).optional(),
    tags: input(z.record(z.string(), input(tagValue))).optional(),
}));
