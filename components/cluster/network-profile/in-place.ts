import type * as pulumi from "@pulumi/pulumi";
import { LiveNetworkProfile } from "../upgrades/live";

/*
 * The network changes AKS makes to a running cluster in place, which azure-native would
 * otherwise replace the cluster for, and how `pulumi up` gets to make them.
 *
 * azure-native marks the network profile's plugin, mode, policy, data plane, pod CIDR and
 * outbound type force-new (provider/pkg/gen/replacement.go, `forceNewMap`, since
 * pulumi-azure-native#4771, in 3.28.0) and compares the program's inputs with the inputs the
 * state recorded (provider/pkg/provider/diff.go, `calculateDetailedDiff`): a change to one of
 * them replaces the cluster. But it compares an object the recorded inputs don't have at all as
 * one added top-level key, which is no replacement once `networkProfile` itself is not
 * force-new: an in-place update, whose request (a PUT of the whole cluster, as `az aks update`
 * sends) carries the new profile. So when the declared profile differs from the recorded one
 * only by a change Microsoft makes in place, the cluster component's state migration takes
 * `networkProfile` out of the cluster's recorded inputs before the engine diffs it (Pulumi
 * resource option `stateMigrations`, @pulumi/pulumi and CLI 3.264.0: "Migrations rewrite state
 * only, they do not create, import, or modify physical resources"). The update then sends the
 * declared profile, waits for AKS's operation, and records it; the next run finds them equal
 * and does nothing.
 */

/** The network profile's settings that only a new cluster could otherwise take, as names and values. */
export type NetworkLeaves = { [K in keyof LiveNetworkProfile]?: string };

/** The settings compared, in the running cluster, the recorded state and the declaration. */
export const NETWORK_LEAF_KEYS = ["networkPlugin", "networkPluginMode", "networkPolicy", "networkDataplane", "podCidr", "serviceCidr", "dnsServiceIP", "outboundType"] as const satisfies readonly (keyof LiveNetworkProfile)[];

/** AKS's values for what a profile leaves out: it reports no policy as unset or `none`, the data plane as `azure` unless Cilium. */
export const NETWORK_DEFAULTS: NetworkLeaves = { networkPolicy: "none", networkDataplane: "azure", outboundType: "loadBalancer" };

const normal = (leaves: NetworkLeaves, key: keyof NetworkLeaves) => (leaves[key] ?? NETWORK_DEFAULTS[key] ?? "").toLowerCase();

/** A change AKS makes in place, with Microsoft's source. */
export type InPlaceNetworkChange =
    /** kubenet to Azure CNI Overlay: `az aks update --network-plugin azure --network-plugin-mode overlay [--pod-cidr]` (articles/aks/update-azure-cni.md). */
    | { kind: "overlayMigration"; podCidrChanged: boolean }
    /** A policy engine installed or removed: `az aks update --network-policy azure|calico|none` (articles/aks/use-network-policies.md). */
    | { kind: "networkPolicy"; from: string; to: string }
    /** Overlay's data plane to Cilium, with Cilium's policy in the same request (update-azure-cni.md; MicrosoftDocs/azure-aks-docs#264). */
    | { kind: "ciliumDataplane" }
    /** The outbound type along Microsoft's table for your own vnet (articles/aks/egress-outboundtype.md, "Supported migration paths for BYO VNet"). */
    | { kind: "outboundType"; from: string; to: string };

export type NetworkChangeVerdict =
    | { verdict: "unchanged" }
    | { verdict: "inPlace"; change: InPlaceNetworkChange }
    /** `keys` can't change in place (or not together): azure-native replaces the cluster for them. */
    | { verdict: "notInPlace"; keys: (keyof NetworkLeaves)[]; reason: string };

/** Outbound types a cluster in your own vnet moves between in place (egress-outboundtype.md, BYO VNet table: each "Supported"). */
const OUTBOUND_MOVES: Record<string, string[]> = {
    loadbalancer: ["userassignednatgateway", "userdefinedrouting", "none"],
    userassignednatgateway: ["loadbalancer", "userdefinedrouting", "none"],
    userdefinedrouting: ["loadbalancer", "userassignednatgateway", "none"],
    none: ["loadbalancer", "userassignednatgateway", "userdefinedrouting"],
};

/** Policy engines AKS installs on, or removes from, a running cluster (use-network-policies.md: install Azure NPM or Calico; uninstall to none). */
const POLICY_MOVES: Record<string, string[]> = { none: ["azure", "calico"], azure: ["none"], calico: ["none"] };

/**
 * What it takes to go from the profile `from` (the running cluster's, or the one the state
 * recorded) to `to` (the one declared): nothing, one change AKS makes in place, or a new cluster.
 * Microsoft takes one such change per operation (update-azure-cni.md: "Updating both in a single
 * operation isn't supported"), Cilium's policy and data plane excepted, which go together.
 */
export function networkChange(from: NetworkLeaves, to: NetworkLeaves): NetworkChangeVerdict {
    const keys = NETWORK_LEAF_KEYS.filter((key) => normal(from, key) !== normal(to, key));
    if (keys.length === 0) return { verdict: "unchanged" };
    const only = (...allowed: (keyof NetworkLeaves)[]) => keys.filter((key) => !allowed.includes(key));
    const refuse = (reason: string, rest: (keyof NetworkLeaves)[] = keys): NetworkChangeVerdict => ({ verdict: "notInPlace", keys: rest, reason });

    const fromPlugin = normal(from, "networkPlugin");
    const toOverlay = normal(to, "networkPlugin") === "azure" && normal(to, "networkPluginMode") === "overlay";
    if (fromPlugin === "kubenet" && toOverlay) {
        const rest = only("networkPlugin", "networkPluginMode", "podCidr");
        if (rest.length > 0) return refuse("the move to Azure CNI Overlay is an operation of its own: change the rest in another pull request, after it", rest);
        // update-azure-cni.md: "Doesn't have network policies enabled."
        if (normal(from, "networkPolicy") !== "none" || normal(to, "networkPolicy") !== "none") return refuse("the move to Azure CNI Overlay needs network policy off before and during it", ["networkPolicy"]);
        return { verdict: "inPlace", change: { kind: "overlayMigration", podCidrChanged: keys.includes("podCidr") } };
    }
    if (keys.includes("networkPlugin") || keys.includes("networkPluginMode")) return refuse("AKS moves a cluster's plugin only from kubenet to Azure CNI Overlay here, never back");
    const fixed = keys.filter((key) => key === "serviceCidr" || key === "dnsServiceIP" || key === "podCidr");
    if (fixed.length > 0) return refuse("AKS fixes the service CIDR and DNS service IP at creation, and changes the pod CIDR only while moving to Overlay", fixed);

    if (keys.includes("networkDataplane")) {
        const ciliumFromOverlay = fromPlugin === "azure" && normal(from, "networkPluginMode") === "overlay"
            && normal(from, "networkDataplane") === "azure" && normal(to, "networkDataplane") === "cilium" && normal(to, "networkPolicy") === "cilium";
        if (!ciliumFromOverlay) return refuse("AKS updates the data plane only from Azure CNI Overlay to Cilium, with networkPolicy cilium in the same request, and never back", ["networkDataplane"]);
        const rest = only("networkDataplane", "networkPolicy");
        return rest.length > 0 ? refuse("the move to Cilium is an operation of its own", rest) : { verdict: "inPlace", change: { kind: "ciliumDataplane" } };
    }
    if (keys.includes("networkPolicy")) {
        const [policyFrom, policyTo] = [normal(from, "networkPolicy"), normal(to, "networkPolicy")];
        if (!(POLICY_MOVES[policyFrom] ?? []).includes(policyTo)) return refuse(`AKS installs Azure NPM or Calico on a cluster without a policy engine, or removes one; not ${policyFrom} to ${policyTo}`, ["networkPolicy"]);
        const rest = only("networkPolicy");
        return rest.length > 0 ? refuse("a policy engine is installed or removed in an operation of its own", rest) : { verdict: "inPlace", change: { kind: "networkPolicy", from: policyFrom, to: policyTo } };
    }
    const [outFrom, outTo] = [normal(from, "outboundType"), normal(to, "outboundType")];
    if (!(OUTBOUND_MOVES[outFrom] ?? []).includes(outTo)) return refuse(`AKS doesn't move a cluster in your own vnet from outbound type ${from.outboundType ?? NETWORK_DEFAULTS.outboundType} to ${to.outboundType}`, ["outboundType"]);
    return { verdict: "inPlace", change: { kind: "outboundType", from: outFrom, to: outTo } };
}

/** What a reviewer and an operator are told about a change before `pulumi up` makes it. */
export function inPlaceChangeSummary(change: InPlaceNetworkChange): string {
    switch (change.kind) {
        case "overlayMigration":
            return `an in-place network migration from kubenet to Azure CNI Overlay${change.podCidrChanged ? " with a new pod CIDR" : ""}: one update of the cluster, every node pool reimaged at once (Microsoft doesn't support pool by pool), irreversible; AKS removes the pod routes from the route table; network policies aren't enforced until a policy engine is back on`;
        case "networkPolicy":
            return change.to === "none"
                ? `network policy ${change.from} removed in place: every node pool reimaged at once; NetworkPolicy objects stay but aren't enforced`
                : `network policy ${change.to} installed in place: every node pool reimaged at once, then NetworkPolicy objects are enforced`;
        case "ciliumDataplane":
            return "the data plane moved to Cilium in place, with Cilium's network policy: every node pool reimaged at once; policies enforced once every node is reimaged";
        case "outboundType":
            return `outbound type ${change.from} to ${change.to} in place: the nodes' egress address changes, open connections drop; update firewall rules and authorized IP ranges that name it`;
    }
}

/** The ManagedCluster's type token, as the state records it. */
const MANAGED_CLUSTER = "azure-native:containerservice:ManagedCluster";

/** A resource in the state's checkpoint format (apitype.ResourceV3), as far as the migration reads it. */
interface CheckpointResource {
    urn: string;
    type: string;
    custom?: boolean;
    inputs?: Record<string, unknown>;
}

/** A network profile (recorded or declared) as leaves: text values only (a secret or odd value stays out, so it is never called equal). */
export function networkLeavesOf(profile: unknown): NetworkLeaves | undefined {
    if (profile === null || typeof profile !== "object") return undefined;
    const leaves: NetworkLeaves = {};
    for (const [key, value] of Object.entries(profile)) if (typeof value === "string") leaves[key as keyof NetworkLeaves] = value;
    return leaves;
}

/**
 * The cluster component's state migration: when the cluster's recorded network profile and the
 * declared one (`declared`, known values only; a value known only at deployment is left out and
 * taken as unchanged) differ by a change AKS makes in place, the recorded profile is taken out of
 * the cluster's recorded inputs, so azure-native updates the cluster instead of replacing it.
 * Anything else, and a state with no recorded profile, is left as it is: `undefined` tells the
 * engine so. Pure and idempotent, as the engine requires ("must be idempotent").
 */
export function networkStateMigration(declared: NetworkLeaves): pulumi.StateMigration {
    return ({ oldState }) => {
        const states = oldState as CheckpointResource[];
        const index = states.findIndex((resource) => resource.type === MANAGED_CLUSTER && resource.custom !== false);
        if (index < 0) return undefined;
        const cluster = states[index];
        const recorded = networkLeavesOf(cluster.inputs?.networkProfile);
        if (recorded === undefined) return undefined;
        const known = Object.fromEntries(Object.entries(declared).filter(([, value]) => typeof value === "string")) as NetworkLeaves;
        // A declared value left out (known only at deployment) counts as the recorded one.
        const verdict = networkChange(recorded, { ...pick(recorded, ["podCidr", "serviceCidr", "dnsServiceIP"]), ...known });
        if (verdict.verdict !== "inPlace") return undefined;
        const { networkProfile: _recorded, ...inputs } = cluster.inputs ?? {};
        return { newState: states.map((resource, i) => (i === index ? { ...resource, inputs } : resource)) };
    };
}

function pick(leaves: NetworkLeaves, keys: (keyof NetworkLeaves)[]): NetworkLeaves {
    return Object.fromEntries(keys.filter((key) => leaves[key] !== undefined).map((key) => [key, leaves[key]]));
}
