import { z } from "zod";
import { inputShape } from "../common/inputs";
import { NamespaceBootstrapArgs, NamespaceDefaultLimits, NamespaceQuota, NamespaceSpec, POD_SECURITY_LEVELS } from "./args";

/*
 * The namespace bootstrap's input schema, tied to its args (args.ts documents each key): the
 * types a stack file or another language can get wrong, and the defaults. The stack file's
 * `namespaces` and `defaultNamespacePodSecurity` keys are this schema.
 */

/** YAML writes `4` where a quantity is meant; keep it as the text Kubernetes takes. */
const quantity = z.union([z.string(), z.number()]).transform(String);

const quotaInputs = z.strictObject(inputShape<NamespaceQuota>()({
    requestsCpu: quantity.optional(),
    requestsMemory: quantity.optional(),
    limitsCpu: quantity.optional(),
    limitsMemory: quantity.optional(),
    pods: z.number().int().optional(),
}));

const defaultLimitsInputs = z.strictObject(inputShape<NamespaceDefaultLimits>()({
    cpu: quantity.optional(),
    memory: quantity.optional(),
    requestsCpu: quantity.optional(),
    requestsMemory: quantity.optional(),
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

export const bootstrapInputShape = inputShape<NamespaceBootstrapArgs>()({
    namespaces: z.array(namespaceInputs).default([]),
    defaultNamespacePodSecurity: z.enum(POD_SECURITY_LEVELS).default("baseline"),
});

export const bootstrapInputs = z.strictObject(bootstrapInputShape);
