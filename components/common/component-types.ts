import * as pulumi from "@pulumi/pulumi";

/* The components' type tokens and the aliases to their earlier ones. */

/**
 * The components' type tokens, `<package>:index:<Name>` as Pulumi's component packages require
 * (the schema is inferred from the source, and every language's SDK constructs them by token).
 */
export const COMPONENT_TYPES = {
    KubenetNetwork: "aks-kubenet:index:KubenetNetwork",
    ClusterIdentity: "aks-kubenet:index:ClusterIdentity",
    KubenetCluster: "aks-kubenet:index:KubenetCluster",
    NamespaceBootstrap: "aks-kubenet:index:NamespaceBootstrap",
} as const;

/**
 * Options with an alias from a component's previous type token. A type is part of the URN of the
 * component and of every child under it; the alias lets a stack created with the old token keep
 * its resources instead of replacing them (the engine derives the children's aliases from the
 * parent's).
 */
export function withTypeAlias(opts: pulumi.ComponentResourceOptions | undefined, previousType: string): pulumi.ComponentResourceOptions {
    return { ...opts, aliases: [...(opts?.aliases ?? []), { type: previousType }] };
}
