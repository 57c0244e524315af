import * as pulumi from "@pulumi/pulumi";
import { KnownClusterArgs, KubenetClusterArgs } from "../args";
import { effectiveAuthorizedRanges } from "./access";

/** The cluster request's API server access profile, as the slice declares it. */
export function apiServerAccessProfileOf(settings: Pick<KubenetClusterArgs, "apiServer" | "egressPublicIPs">) {
    return {
        // An empty list when unrestricted: AKS keeps ranges a request leaves out, so removing
        // them from the stack file must send none to open the endpoint again.
        authorizedIPRanges: pulumi.all([settings.apiServer?.authorizedIPRanges, settings.egressPublicIPs]).apply(([authorizedIPRanges, egressPublicIPs]) =>
            effectiveAuthorizedRanges({ apiServer: { ...settings.apiServer, authorizedIPRanges }, egressPublicIPs } as KnownClusterArgs) ?? []),
        enablePrivateCluster: settings.apiServer?.enablePrivateCluster,
        privateDNSZone: settings.apiServer?.privateDNSZone,
        // Explicit, so turning it back on in the stack file reaches Azure.
        disableRunCommand: settings.apiServer?.disableRunCommand ?? false,
        // Only ever turned on: AKS doesn't turn it off (live-checks.ts refuses leaving it out).
        ...(settings.apiServer?.subnetId !== undefined ? { enableVnetIntegration: true, subnetId: settings.apiServer.subnetId } : {}),
    };
}
