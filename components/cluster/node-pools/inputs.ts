import { z } from "zod";
import { inputShape, stringish, wholeNumber } from "../../common/inputs";
import { AVAILABILITY_ZONES, NodePoolArgs, OS_DISK_TYPES, OS_SKUS, OS_TYPES, POOL_MODES, SPOT_EVICTION_POLICIES, SSH_ACCESS_MODES, SpotArgs } from "./args";
import { upgradeSettingsInputs } from "./upgrade-settings";

/*
 * A node pool's input schema, tied to `NodePoolArgs` (args.ts documents each key): the types a
 * stack file or another language can get wrong, and the defaults.
 */

const spotInputs = z.strictObject(inputShape<SpotArgs>()({
    evictionPolicy: z.enum(SPOT_EVICTION_POLICIES).optional(),
    maxPrice: z.number().optional(),
}));

export const nodePoolInputs = z.strictObject(inputShape<NodePoolArgs, "maxSurge">()({
    name: z.string(),
    mode: z.enum(POOL_MODES),
    vmSize: z.string().optional(),
    osType: z.enum(OS_TYPES).default("Linux"),
    count: wholeNumber.optional(),
    enableAutoScaling: z.boolean().default(false),
    minCount: wholeNumber.optional(),
    maxCount: wholeNumber.optional(),
    maxPods: z.number().optional(),
    availabilityZones: z.array(stringish.pipe(z.enum(AVAILABILITY_ZONES))).optional(),
    upgradeSettings: upgradeSettingsInputs.optional(),
    nodeLabels: z.record(z.string(), z.string()).optional(),
    nodeTaints: z.array(z.string()).optional(),
    osSKU: z.enum(OS_SKUS).optional(),
    osDiskType: z.enum(OS_DISK_TYPES).optional(),
    osDiskSizeGB: wholeNumber.optional(),
    enableEncryptionAtHost: z.boolean().optional(),
    sshAccess: z.enum(SSH_ACCESS_MODES).optional(),
    spot: spotInputs.optional(),
}));

