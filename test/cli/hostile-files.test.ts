import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { capacityCommand } from "../../infra/cli/capacity";
import { Command, runCommand } from "../../infra/cli/command";
import { synthCommand } from "../../infra/cli/synth";

const COMMANDS: Record<string, Command> = { "infra/cli/synth.ts": synthCommand, "infra/cli/capacity.ts": capacityCommand };

/**
 * A command run in-process, as its process would run it, with what it writes captured. The
 * process boundary itself (exit codes and streams of a real process) is tested once per command
 * in synth.test.ts and capacity.test.ts.
 */
async function run(script: string, args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    const status = await runCommand(COMMANDS[script], args, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
    return { status, stdout, stderr };
}

describe("commands: hostile stack files and usage", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-kubenet-hostile-"));
    const laughs = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (const [i, name] of [..."bcdefghi"].entries()) {
        const previous = i === 0 ? "a" : "bcdefghi"[i - 1];
        laughs.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    laughs.push("config:\n  aks-kubenet:tags: *i");
    const files: Record<string, [string | Buffer, RegExp]> = {
        "self-alias.yaml": ["config: &a\n  x: *a\n", /nested more than 64 levels deep, or an alias refers to itself/],
        "deep.yaml": [`config:\n  aks-kubenet:tags: ${"[".repeat(5000)}${"]".repeat(5000)}\n`, /nested more than 64 levels deep/],
        "deep-maps.yaml": [`config:\n${Array.from({ length: 200 }, (_, i) => `${"  ".repeat(i + 1)}k${i}:`).join("\n")} 1\n`, /nested more than 64 levels deep/],
        "list.yaml": ["- a\n- b\n", /is a list, not a mapping with a config key/],
        "binary.yaml": [Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff, 0xfe]), /is binary, not a YAML stack file/],
        "junk.yaml": ["config: : : [\n\t}{", /not valid YAML: .* at line 1, column 9: "config: : : \["$/],
        "laughs.yaml": [laughs.join("\n") + "\n", /expands more than 100 aliases/],
        "duplicate.yaml": ["config:\n  aks-kubenet:protect: true\n  aks-kubenet:protect: false\n", /not valid YAML: .*unique/i],
        "empty.yaml": ["", /is empty/],
        "configs.yaml": ["configs:\n  aks-kubenet:protect: true\n", /"configs" is not a key of a stack file: did you mean config\?/],
        "unwrapped.yaml": ["azure-native:location: koreacentral\naks-kubenet:protect: true\n", /has config keys at its top level \(azure-native:location, aks-kubenet:protect\): put them under config:$/],
        "secretprovider.yaml": ["secretprovider: passphrase\nconfig: {}\n", /"secretprovider" is not a key of a stack file: did you mean secretsprovider\?/],
    };
    for (const [name, [content, reason]] of Object.entries(files)) {
        it(`refuses ${name} with one line naming the file once, exit 2`, async () => {
            const file = path.join(dir, name);
            fs.writeFileSync(file, content);
            const result = await run("infra/cli/synth.ts", ["--stack", "dev", "--config-file", file]);
            assert.equal(result.status, 2, result.stderr);
            assert.equal(result.stdout, "");
            const lines = result.stderr.trimEnd().split("\n");
            assert.equal(lines.length, 1, result.stderr);
            assert.match(lines[0], reason);
            assert.equal(lines[0].split(file).length - 1, 1, "the file is named once");
            assert.ok(lines[0].length < 400, "bounded");
            assert.ok(!/Maximum call stack|\bat .*\(.*:\d+:\d+\)/.test(result.stderr), "no stack trace");
        });
    }

    it("prints usage on --help and exits 0, for both commands", async () => {
        for (const script of ["infra/cli/synth.ts", "infra/cli/capacity.ts"]) {
            for (const flag of ["--help", "-h"]) {
                const result = await run(script, [flag]);
                assert.equal(result.status, 0, `${script} ${flag}: ${result.stderr}`);
                assert.match(result.stdout, /^usage: /);
                assert.match(result.stdout, /Exit codes: 0 .*; 1 .*; 2 /s);
                assert.equal(result.stderr, "");
            }
        }
    });

    it("answers usage mistakes alike, exit 2 with the flag meant", async () => {
        const unknown = await run("infra/cli/synth.ts", ["--stak", "dev"]);
        assert.deepEqual([unknown.status, unknown.stderr.split("\n")[0]], [2, "--stak: is not a flag of this command: did you mean --stack?"]);
        const capacity = await run("infra/cli/capacity.ts", ["--subnet", "10.0.0.0/24", "--pod-cird", "10.244.0.0/16"]);
        assert.deepEqual([capacity.status, capacity.stderr.split("\n")[0]], [2, "--pod-cird: is not a flag of this command: did you mean --pod-cidr?"]);
        const noSubnet = await run("infra/cli/capacity.ts", []);
        assert.deepEqual([noSubnet.status, noSubnet.stderr.split("\n")[0]], [2, "--subnet is required"]);
        const negative = await run("infra/cli/capacity.ts", ["--subnet", "10.0.0.0/24", "--nodes", "-3"]);
        assert.deepEqual([negative.status, negative.stderr], [1, "--nodes: \"-3\" is not a whole number of at least 1\n"]);
    });

    it("names the stacks there are, and the one meant, for an unknown stack", async () => {
        const result = await run("infra/cli/synth.ts", ["--stack", "devv"]);
        assert.equal(result.status, 2);
        assert.match(result.stderr, /^no stack named "devv": .*stacks\/Pulumi\.devv\.yaml doesn't exist; did you mean dev\? \(the stacks: dev, prod, staging\)\n$/);
    });

    it("reads a relative --config-file from where the user stands, and says where it looked", async () => {
        const saved = process.env.INIT_CWD;
        process.env.INIT_CWD = dir;
        try {
            fs.writeFileSync(path.join(dir, "relative.yaml"), "configs: {}\n");
            const found = await run("infra/cli/synth.ts", ["--stack", "dev", "--config-file", "relative.yaml"]);
            assert.match(found.stderr, new RegExp(`^${path.join(dir, "relative.yaml").replace(/[.]/g, "\\.")}: "configs" is not a key`));
            const missing = await run("infra/cli/synth.ts", ["--stack", "dev", "--config-file", "nope.yaml"]);
            assert.equal(missing.stderr, `${path.join(dir, "nope.yaml")}: no such file (--config-file nope.yaml, from ${dir})\n`);
        } finally {
            if (saved === undefined) delete process.env.INIT_CWD;
            else process.env.INIT_CWD = saved;
        }
    });

    it("says nothing fits when the route table is the limit, instead of a smaller subnet", async () => {
        const result = await run("infra/cli/capacity.ts", ["--subnet", "192.168.1.0/24", "--routes", "400", "--nodes", "1"]);
        assert.equal(result.status, 1);
        assert.match(result.stdout, /no subnet or pod CIDR makes room: kubenet needs a route per node, and the route table \(400 routes\) has 0 left for nodes/);
        assert.ok(!/smallest subnet/.test(result.stdout + result.stderr), "no range advice that can't help");
    });

    it("exits 1 when --nodes don't fit, 0 when they do, and 2 on a usage error", async () => {
        const short = await run("infra/cli/capacity.ts", ["--subnet", "192.168.1.0/27", "--nodes", "25", "--json"]);
        assert.equal(short.status, 1);
        assert.equal(JSON.parse(short.stdout).nodes.fits, false, "the report still says why");
        assert.match(short.stderr, /^--nodes: 25 nodes \+ 3 upgrade surge = 28 nodes don't fit \(short of: subnet\); smallest subnet \/26, smallest pod CIDR \/19\n$/);
        assert.equal((await run("infra/cli/capacity.ts", ["--subnet", "192.168.1.0/26", "--nodes", "25"])).status, 0);
        const usage = await run("infra/cli/capacity.ts", ["--subnet", "192.168.1.0/26", "--bogus"]);
        assert.equal(usage.status, 2);
        assert.equal((await run("infra/cli/synth.ts", ["--bogus"])).status, 2);
        assert.equal((await run("infra/cli/synth.ts", [])).status, 2, "--stack is required");
    });
});
