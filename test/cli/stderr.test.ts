import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { MAX_PROBLEM_LINES, runCommand } from "../../infra/cli/command";
import { synthCommand } from "../../infra/cli/synth";

const ROOT = path.resolve(__dirname, "../..");

/**
 * A stack file with `keys` keys in namespaces nobody reads, each refused with the namespaces the
 * stack allows listed: every line of output as long as a line gets.
 */
function manyUnknownNamespaces(keys: number): string {
    const allowed = Array.from({ length: 100 }, (_, i) => `tool${String(i).padStart(4, "0")}`);
    return [
        "config:",
        `  aks-kubenet:allowedConfigNamespaces: [${allowed.join(", ")}]`,
        ...Array.from({ length: keys }, (_, i) => `  other${i}:setting: 1`),
        "",
    ].join("\n");
}

/**
 * A real process of the command with stderr into an operating-system pipe (64 KiB), read slowly:
 * the first line as the command writes, then nothing for a while, which a process that forced its
 * exit then would end without the rest. (Node's own child pipes are sockets that hold more than
 * the command prints.)
 */
function spawnSynth(file: string, stdoutFile: string): { status: number | null; stderr: string } {
    const script = "set -o pipefail; \"$3\" scripts/run-ts.cjs infra/cli/synth.ts --stack dev --config-file \"$1\" 2>&1 >\"$2\" | { IFS= read -r first; sleep 0.5; printf '%s\\n' \"$first\"; cat; }";
    const result = spawnSync("bash", ["-c", script, "synth", file, stdoutFile, process.execPath], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    return { status: result.status, stderr: result.stdout };
}

describe("commands: complete and bounded error output", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-kubenet-stderr-"));
    const write = (name: string, content: string) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, content);
        return file;
    };
    const summary = /^… and (\d+) more problems not shown \((\d+) in all\): fix these and run again$/;

    it(`prints at most ${MAX_PROBLEM_LINES} problems, then how many more there are`, async () => {
        const pools = Array.from({ length: 3000 }, (_, i) => `      - { name: BAD_${i}, mode: System, vmSize: Standard_DS2_v2, count: 1 }`);
        const file = write("pools.yaml", ["config:", "  azure-native:location: koreacentral", "  aks-kubenet:network: { vnetCidr: 172.16.0.0/16, subnetCidr: 172.16.1.0/24 }", "  aks-kubenet:cluster:", "    nodePools:", ...pools, ""].join("\n"));
        let stdout = "";
        let stderr = "";
        const status = await runCommand(synthCommand, ["--stack", "dev", "--config-file", file], { out: (t) => (stdout += t), err: (t) => (stderr += t) });
        assert.equal(status, 1);
        assert.equal(stdout, "");
        const lines = stderr.trimEnd().split("\n");
        assert.equal(lines.length, MAX_PROBLEM_LINES + 1);
        assert.match(lines[0], /^cluster\.nodePools\[0\]\.name: /);
        const [, more, all] = summary.exec(lines[MAX_PROBLEM_LINES]) ?? [];
        assert.ok(Number(all) >= 3000, lines[MAX_PROBLEM_LINES]);
        assert.equal(Number(more), Number(all) - MAX_PROBLEM_LINES);
    });

    it("never prints a character that hides in a line or breaks it, whoever echoed it", async () => {
        // Tabs and line breaks pass as text, and the region rule echoes them.
        const file = write("location.yaml", "config:\n  azure-native:location: \"Korea\\tCentral\\n\"\n");
        let stderr = "";
        const status = await runCommand(synthCommand, ["--stack", "dev", "--config-file", file], { out: () => undefined, err: (t) => (stderr += t) });
        assert.equal(status, 1);
        assert.ok(!/\t/.test(stderr), "no tab");
        assert.ok(stderr.includes("azure-native:location: \"Korea\\tCentral\\n\" is not an Azure region name"), stderr);
        assert.ok(stderr.split("\n").every((line) => line === "" || /^[\w.:[\]-]+: /.test(line) || summary.test(line)), stderr);
    });

    it("delivers every line to a pipe before the process ends, with the exit code", function () {
        this.timeout(60000);
        const stdout = path.join(dir, "stdout.txt");
        const result = spawnSynth(write("namespaces.yaml", manyUnknownNamespaces(3000)), stdout);
        assert.equal(result.status, 1, result.stderr.slice(-500));
        assert.equal(fs.readFileSync(stdout, "utf8"), "");
        const lines = result.stderr.split("\n");
        const complete = lines.pop() === "" && summary.test(lines[lines.length - 1]);
        assert.ok(complete, `the last line and its newline arrived: ${Buffer.byteLength(result.stderr)} bytes did`);
        assert.equal(lines.length, MAX_PROBLEM_LINES + 1);
        // More than the pipe holds: a process that ended before the pipe drained would cut it.
        assert.ok(Buffer.byteLength(result.stderr) > 2 * 65536, `${Buffer.byteLength(result.stderr)} bytes only test a pipe that never filled`);
    });
});
