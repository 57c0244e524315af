import { PathOf } from "../../components/address";
import { clusterPaths } from "../../components/rules";

/*
 * Where each component's keys are in a stack file, so a problem a component finds (now, or once a
 * value is known during `pulumi up`) names the stack file's key.
 */

/** The stack's tags are every component's: a top-level key of the stack file. */
const stackTags = (pathOf: PathOf): PathOf => (field) => (field === "tags" ? field : pathOf(field));

/** The cluster's keys are its section's; the network's ranges it is given are the network section's. */
export const clusterKeyPath: PathOf = stackTags(clusterPaths("network.", "cluster."));
export const networkKeyPath: PathOf = stackTags((field) => `network.${field}`);
/** The identity's zone and vault are the cluster section's settings. */
export const identityKeyPath: PathOf = stackTags((field) => {
    if (field === "privateDNSZone") return "cluster.apiServer.privateDNSZone";
    if (field.startsWith("kms.")) return `cluster.${field}`;
    return `identity.${field}`;
});
/** The bootstrap's keys are the stack file's own top-level keys; the cluster's names are the stack's. */
export const bootstrapKeyPath: PathOf = stackTags((field) => {
    if (field === "clusterResourceGroupName") return "resourceGroupName";
    if (field === "clusterName") return "cluster.name";
    return field;
});
