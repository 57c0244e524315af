import { readStackFile } from "../infra/synth/stack-file";
import { synthesize } from "../infra/synth/synthesize";
import { median, timeAsync } from "./measure";

/**
 * How synth grows with the configuration: the dev stack with N namespaces or N node pools,
 * synthesized in one process (after a warm-up) so only the added items differ.
 */

/** The dev stack's file with one project key replaced. */
function devStack(stackFile: string, key: string, value: unknown) {
    const { all, secretKeys, secretPaths, readDifferences } = readStackFile(stackFile);
    return { all: { ...all, [`aks-kubenet:${key}`]: JSON.stringify(value) }, secretKeys, secretPaths, readDifferences };
}

export function withNamespaces(stackFile: string, count: number) {
    return devStack(stackFile, "namespaces", Array.from({ length: count }, (_, i) => ({
        name: `team-${i}`,
        podSecurity: "restricted",
        quota: { requestsCpu: "2", requestsMemory: "4Gi", limitsCpu: "4", limitsMemory: "8Gi", pods: 20 },
        defaultDenyIngress: true,
    })));
}

export function withNodePools(stackFile: string, count: number) {
    const cluster = JSON.parse(readStackFile(stackFile).all["aks-kubenet:cluster"]) as { nodePools: Record<string, unknown>[] };
    const system = cluster.nodePools.find((p) => p.mode === "System")!;
    const pools = [system, ...Array.from({ length: count - 1 }, (_, i) => ({ name: `pool${i}`, mode: "User", count: 1, maxPods: 110 }))];
    return devStack(stackFile, "cluster", { ...cluster, nodePools: pools });
}

export interface Growth {
    item: string;
    points: { count: number; ms: number }[];
    /** Cost of one more item, from the smallest to the largest configuration. */
    msPerItem: number;
}

export async function measureGrowth(item: string, counts: number[], build: (count: number) => ReturnType<typeof withNamespaces>, repeats: number): Promise<Growth> {
    const points: { count: number; ms: number }[] = [];
    for (const count of counts) {
        const file = build(count);
        const synth = async () => {
            const result = await synthesize("dev", file);
            if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
        };
        await synth(); // warm-up
        const times: number[] = [];
        for (let i = 0; i < repeats; i++) times.push(await timeAsync(synth));
        points.push({ count, ms: median(times) });
    }
    const first = points[0];
    const last = points[points.length - 1];
    return { item, points, msPerItem: (last.ms - first.ms) / (last.count - first.count) };
}
