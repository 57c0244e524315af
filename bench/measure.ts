import { spawnSync } from "node:child_process";
import * as fs from "node:fs";

/** One run of a command: wall time, and peak memory of its largest process when GNU time is there. */
export interface Sample {
    ms: number;
    maxRssMb?: number;
}

const GNU_TIME = "/usr/bin/time";
const hasGnuTime = fs.existsSync(GNU_TIME);

export function run(command: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Sample {
    const argv = hasGnuTime ? [GNU_TIME, "-f", "BENCH_MAXRSS_KB=%M", ...command] : command;
    const started = process.hrtime.bigint();
    const result = spawnSync(argv[0], argv.slice(1), { cwd, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`${command.join(" ")} failed (${result.status}):\n${result.stderr}`);
    const rss = /BENCH_MAXRSS_KB=(\d+)/.exec(result.stderr ?? "");
    return { ms, maxRssMb: rss ? Number(rss[1]) / 1024 : undefined };
}

export function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function timeAsync(action: () => Promise<unknown>): Promise<number> {
    const started = process.hrtime.bigint();
    await action();
    return Number(process.hrtime.bigint() - started) / 1e6;
}
