import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as core from "@pulumi/kubernetes/core/v1";
import { COMPONENT_TYPES, withTypeAlias } from "../common/component-types";
import { childOptions, throwIfProblems } from "../common/problems";
import { RetryPolicy, retryHooks } from "../common/retry";
import { checkArgs } from "../common/validation";
import { samePath } from "../address";
import { keyPathsOf } from "../common/key-paths";
import { withRequiredCli } from "../common/pulumi-cli";
import { DEFAULT_NAMESPACE_POD_SECURITY, NamespaceBootstrapArgs } from "./args";
import { bootstrapRules } from "./validate";
import { bootstrapArgsSchemas } from "./inputs";
import { declareNamespace, labelDefaultNamespace } from "./kubernetes";
import { declareManagedNamespace } from "./managed";

export * from "./args";
export { validateBootstrapArgs, validateNamespaces, managedNamespaceProblems, SYSTEM_NAMESPACES } from "./validate";
export { podSecurityLabels } from "./pod-security";

/*
 * NamespaceBootstrap: namespaces with Pod Security labels, quotas, group access and a
 * default-deny policy, through the Kubernetes API (kubernetes.ts) or as AKS managed namespaces
 * through Azure Resource Manager (managed.ts).
 */

/**
 * Right after a cluster is created, or after the deploying principal is granted Azure RBAC
 * Cluster Admin, the API server can still answer 403 Forbidden: "role assignments can take up to
 * five minutes to propagate" for Kubernetes authorization through Azure RBAC (Microsoft, "Use
 * Azure RBAC for Kubernetes Authorization"). Bounded to about seven minutes of waiting.
 */
export const KUBERNETES_RBAC_RETRY: RetryPolicy = {
    waitingFor: "the Kubernetes API to accept the deploying principal's Azure RBAC grant",
    transient: [/\bforbidden\b/i, /\bUnauthorized\b/],
    maxRetries: 8,
    firstDelaySeconds: 15,
    maxDelaySeconds: 60,
};

/**
 * Namespaces as the production guidance asks: Pod Security Standards labels, quotas, Entra ID
 * groups' access and an optional default-deny ingress policy.
 *
 * `namespacesThrough: kubernetes` (default) makes Kubernetes objects through the Kubernetes
 * provider given in `providers` (or `provider`): quotas with default container limits, groups
 * bound to the built-in admin/edit/view ClusterRoles, and the existing `default` namespace
 * labelled too. `namespacesThrough: arm` makes AKS managed namespaces and Azure role assignments
 * through Azure Resource Manager, with the Azure provider's credentials and no access to the API
 * server (managed.ts says what it can't express).
 */
export class NamespaceBootstrap extends pulumi.ComponentResource {
    /** The namespaces made through the Kubernetes API, by name (`kubernetes`). */
    public readonly namespaces: Record<string, core.Namespace> = {};
    /** The AKS managed namespaces, by name (`arm`). */
    public readonly managedNamespaces: Record<string, containerservice.ManagedNamespace> = {};

    constructor(name: string, args: NamespaceBootstrapArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.NamespaceBootstrap, name, {}, withTypeAlias(opts, "aks-kubenet:bootstrap:NamespaceBootstrap"));
        const pathOf = keyPathsOf(args, samePath);
        const checked = checkArgs<NamespaceBootstrapArgs>(bootstrapArgsSchemas.args, args, bootstrapRules(pathOf, true), pathOf);
        throwIfProblems(checked.problems, this, "NamespaceBootstrap");
        const settings = checked.settings;

        if (settings.namespacesThrough === "arm") {
            const target = {
                // The managed namespaces wait for a CLI that runs the retries the cluster needs.
                resourceGroupName: withRequiredCli(settings.clusterResourceGroupName!, this, "NamespaceBootstrap"),
                clusterName: settings.clusterName!,
                tags: settings.tags,
            };
            const children = childOptions(this, opts, undefined);
            for (const spec of settings.namespaces!) this.managedNamespaces[spec.name] = declareManagedNamespace(name, spec, target, children);
        } else {
            const children = childOptions(this, opts, undefined, { hooks: retryHooks(`${name}-rbac-retry`, KUBERNETES_RBAC_RETRY) });
            labelDefaultNamespace(name, settings.defaultNamespacePodSecurity ?? DEFAULT_NAMESPACE_POD_SECURITY, children);
            for (const spec of settings.namespaces!) this.namespaces[spec.name] = declareNamespace(name, spec, children);
        }
        this.registerOutputs({ namespaces: settings.namespaces!.map((spec) => spec.name) });
    }
}
