import { KubenetClusterArgs } from "../args";

/**
 * The cluster request's network profile, as the slice declares it. Every range is explicit: the
 * ranges can't change after creation (except the pod CIDR on the move to Overlay), so no
 * default may drift. No policy engine is sent as none: AKS reports an unset policy as none.
 * The same values are what the running cluster is compared with (replacement.ts) and what the
 * state migration compares with the recorded profile (in-place.ts).
 */
export function networkProfileOf(settings: Pick<KubenetClusterArgs, "networkPlugin" | "networkPluginMode" | "podCidr" | "serviceCidr" | "dnsServiceIP" | "networkPolicy" | "outboundType">) {
    const policy = settings.networkPolicy;
    return {
        networkPlugin: settings.networkPlugin,
        networkPluginMode: settings.networkPluginMode,
        podCidr: settings.podCidr,
        serviceCidr: settings.serviceCidr,
        dnsServiceIP: settings.dnsServiceIP,
        networkPolicy: policy === "none" ? undefined : policy,
        // Cilium's policy runs on Cilium's data plane: one needs the other.
        networkDataplane: policy === "cilium" ? "cilium" : undefined,
        outboundType: settings.outboundType,
        loadBalancerSku: "standard",
    };
}
