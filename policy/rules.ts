import { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { ClusterProps, MANAGED_CLUSTER, PoolProps, poolsOf } from "./azure-types";

/** How the advisory checks are written: one function from a cluster or a pool to a message. */

/** A policy that looks at ManagedClusters only. */
export function clusterPolicy(name: string, description: string, check: (cluster: ClusterProps, args: ResourceValidationArgs) => string | undefined): ResourceValidationPolicy {
    return {
        name,
        description,
        enforcementLevel: "advisory",
        validateResource: (args, report) => {
            if (!MANAGED_CLUSTER.test(args.type)) return;
            const message = check(args.props as ClusterProps, args);
            if (message) report(message);
        },
    };
}

/** Production, from the pack's config (`production: true`) or an env/environment tag. */
export function isProduction(cluster: ClusterProps, args: Pick<ResourceValidationArgs, "getConfig">): boolean {
    const config = args.getConfig<{ production?: boolean }>();
    if (typeof config.production === "boolean") return config.production;
    const env = cluster.tags?.env ?? cluster.tags?.environment ?? "";
    return /^prod/i.test(env);
}

/** The pack's config schema for `production`. */
export const PRODUCTION_CONFIG_SCHEMA = {
    properties: { production: { type: "boolean" as const, description: "Treat every cluster as production (default: clusters tagged env=prod*)" } },
};

/** Pool checks apply to inline profiles and to AgentPool resources alike. */
export function poolPolicy(name: string, description: string, check: (pool: PoolProps) => string | undefined): ResourceValidationPolicy {
    return {
        name,
        description,
        enforcementLevel: "advisory",
        validateResource: (args, report) => {
            for (const { pool, path } of poolsOf(args.type, args.props)) {
                const message = check(pool);
                if (message) report(path ? `${path}.${message}` : message);
            }
        },
    };
}
