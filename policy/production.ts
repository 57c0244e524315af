import { ResourceValidationArgs, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { advisoryPolicies } from "./advisory";
import { ClusterProps, MANAGED_CLUSTER } from "./azure-types";
import { PRODUCTION_CONFIG_SCHEMA, isProduction } from "./rules";

const resourcePolicies = advisoryPolicies.filter((p): p is ResourceValidationPolicy => "validateResource" in p);
const stackPolicies = advisoryPolicies.filter((p): p is StackValidationPolicy => "validateStack" in p);

/**
 * The advisory posture checks, binding where the stack marks itself production: the pack's
 * `production: true`, or else a cluster tagged env (or environment) prod…. A development stack
 * still sees them as advice; a production stack can't skip one.
 */
export const productionPosture: StackValidationPolicy = {
    name: "aks-production-posture",
    description: "Production stacks pass every AKS posture check of the advisory policies.",
    enforcementLevel: "mandatory",
    configSchema: PRODUCTION_CONFIG_SCHEMA,
    validateStack: async (args, report) => {
        const clusters = args.resources.filter((r) => MANAGED_CLUSTER.test(r.type));
        if (!clusters.some((cluster) => isProduction(cluster.props as ClusterProps, args))) return;
        for (const resource of args.resources) {
            const resourceArgs = { ...resource, getConfig: args.getConfig } as unknown as ResourceValidationArgs;
            for (const policy of resourcePolicies) {
                for (const validate of [policy.validateResource ?? []].flat()) {
                    await validate(resourceArgs, (message) => report(`${policy.name}: ${message}`, resource.urn));
                }
            }
        }
        for (const policy of stackPolicies) {
            await policy.validateStack(args, (message, urn) => report(`${policy.name}: ${message}`, urn));
        }
    },
};
