import { z } from "zod";
import { inputShape, oneOf, stringish, wholeNumberIn } from "../../common/inputs";
import { echo } from "../../common/zod-problems";
import { AVAILABILITY_ZONES, MAX_NODES_PER_POOL, MAX_OS_DISK_SIZE_GB, NodePool, OS_DISK_TYPES, OS_SKUS, OS_TYPES, POOL_MODES, SPOT_EVICTION_POLICIES, SSH_ACCESS_MODES, Spot } from "./args";
import { upgradeSettingsInputs } from "./upgrade-settings";

/*
 * A node pool's input schema, tied to `NodePool` (args.ts documents each key): the types a
 * stack file or another language can get wrong, and the defaults.
 */

const spotInputs = z.strictObject(inputShape<Spot>()({
    evictionPolicy: z.enum(SPOT_EVICTION_POLICIES).optional(),
    maxPrice: z.number().optional(),
}));

const nodeCount = wholeNumberIn(0, MAX_NODES_PER_POOL, (shown) => `${shown} is not a node count: use a whole number from 0 to ${MAX_NODES_PER_POOL}`);

/** YAML writes a zone as 1 where Azure takes the text "1". */
const zone = stringish.pipe(z.enum(AVAILABILITY_ZONES, { error: (issue) => `${echo(issue.input)} is not an availability zone: use "1", "2" or "3"` }));

export const nodePoolInputs = z.strictObject(inputShape<NodePool>()({
    name: z.string(),
    mode: z.enum(POOL_MODES),
    vmSize: z.string().optional(),
    osType: z.enum(OS_TYPES).default("Linux"),
    count: nodeCount.optional(),
    enableAutoScaling: z.boolean().default(false),
    minCount: nodeCount.optional(),
    maxCount: nodeCount.optional(),
    maxPods: z.number().optional(),
    availabilityZones: z.array(zone).optional(),
    upgradeSettings: upgradeSettingsInputs.optional(),
    nodeLabels: z.record(z.string(), z.string()).optional(),
    nodeTaints: z.array(z.string()).optional(),
    osSKU: oneOf(OS_SKUS, "Windows images need Azure CNI; CBLMariner is now AzureLinux").optional(),
    osDiskType: z.enum(OS_DISK_TYPES).optional(),
    osDiskSizeGB: wholeNumberIn(1, MAX_OS_DISK_SIZE_GB, (shown) => `${shown} is not a disk size: use a whole number of GB from 1 to ${MAX_OS_DISK_SIZE_GB}`).optional(),
    enableEncryptionAtHost: z.boolean().optional(),
    sshAccess: z.enum(SSH_ACCESS_MODES).optional(),
    spot: spotInputs.optional(),
}));

