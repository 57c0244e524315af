import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { capacityCommand } from "../../infra/cli/capacity";
import { Command, runCommand } from "../../infra/cli/command";
import { reviewCommand } from "../../infra/cli/review";
import { synthCommand } from "../../infra/cli/synth";
import { loadStackModel } from "../../infra/config/load";
import { MAX_STACK_FILE_BYTES } from "../../infra/synth/stack-file";
import { ROOT, stackFile } from "../infra/fixtures";

/*
 * The commands as CI runs them, with hostile arguments and environments: files that never end,
 * names that climb out of stacks/, flags given twice, terminal escapes in what is echoed, a
 * closed pipe or a full disk for output, a mangled PULUMI_CONFIG. Each is refused in one line
 * naming the flag or key and the rule, never with a stack trace or a hang.
 */

async function run(command: Command, args: string[]) {
    let stdout = "";
    let stderr = "";
    const status = await runCommand(command, args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
    return { status, stdout, stderr };
}

const noTrace = (text: string) => assert.ok(!/\bat .*\(.*:\d+:\d+\)|^\s+at /m.test(text), `no stack trace: ${text}`);

describe("commands: files that aren't stack files", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-kubenet-hostile-usage-"));

    it("refuses a named pipe, a device and a directory at once, without reading them", async function () {
        const fifo = path.join(dir, "pipe.yaml");
        if (spawnSync("mkfifo", [fifo]).status !== 0) this.skip();
        for (const [file, what] of [[fifo, "a named pipe \\(FIFO\\)"], ["/dev/zero", "a device"], ["/dev/urandom", "a device"], [dir, "a directory"]]) {
            for (const args of [["--stack", "dev", "--config-file", file], ["--stack", "dev", "--base-config", stackFile("dev"), "--head-config", file]]) {
                const result = await run(args.includes("--config-file") ? synthCommand : reviewCommand, args);
                assert.equal(result.status, 2, `${file}: ${result.stderr}`);
                assert.match(result.stderr, new RegExp(`^${file.replace(/[.]/g, "\\.")}: is ${what}, not a stack file`));
            }
        }
    });

    it(`refuses a stack file larger than ${MAX_STACK_FILE_BYTES / 1024 / 1024} MiB before parsing it`, async () => {
        const big = path.join(dir, "big.yaml");
        fs.writeFileSync(big, `config:\n  aks-kubenet:tags:\n${"    k: v\n".repeat(Math.ceil((MAX_STACK_FILE_BYTES + 1) / 9))}`);
        const started = Date.now();
        const result = await run(synthCommand, ["--stack", "dev", "--config-file", big]);
        assert.equal(result.status, 2);
        assert.equal(result.stderr, `${big}: is larger than 1 MiB, more than any stack file needs\n`);
        assert.ok(Date.now() - started < 2000, "refused without parsing");
    });
});

describe("commands: arguments", () => {
    it("refuses a stack name Pulumi doesn't allow, so nothing outside stacks/ is read", async () => {
        for (const command of [synthCommand, reviewCommand]) {
            const extra = command === reviewCommand ? ["--base", "HEAD"] : [];
            for (const stack of ["../../x", "a/b", "", "x".repeat(101), "dev\n"]) {
                const result = await run(command, ["--stack", stack, ...extra]);
                assert.equal(result.status, 2, stack);
                assert.match(result.stderr.split("\n")[0], /^--stack: .* is not a stack name: Pulumi's stack names are 1 to 100 letters, digits, '-', '_' or '\.'$/);
            }
        }
    });

    it("refuses a flag given twice with two values, and takes it given twice alike", async () => {
        const twice = await run(synthCommand, ["--stack", "dev", "--stack", "prod"]);
        assert.deepEqual([twice.status, twice.stderr.split("\n")[0]], [2, "--stack: given more than once, as \"dev\" and \"prod\": give it once"]);
        const capacity = await run(capacityCommand, ["--subnet", "10.0.0.0/24", "--nodes", "3", "--nodes=4"]);
        assert.deepEqual([capacity.status, capacity.stderr.split("\n")[0]], [2, "--nodes: given more than once, as \"3\" and \"4\": give it once"]);
        const review = await run(reviewCommand, ["--stack", "dev", "--base-config", stackFile("dev"), "--head-config", stackFile("dev"), "--fail-on", "delete", "--fail-on", "blocked"]);
        assert.equal(review.status, 2);
        assert.equal((await run(capacityCommand, ["--subnet", "10.0.0.0/24", "--subnet", "10.0.0.0/24"])).status, 0, "the same value twice is harmless");
    });

    it("escapes control characters in the refs, paths and flags it echoes", async () => {
        const escape = "\u001b[31m";
        const results = [
            await run(reviewCommand, ["--stack", "dev", "--base", `no-such-ref${escape}\nfake line`]),
            await run(reviewCommand, ["--stack", "dev", "--base-config", `/nowhere/${escape}.yaml`, "--head-config", stackFile("dev")]),
            await run(synthCommand, ["--stack", "dev", "--config-file", `/nowhere/${escape}.yaml`]),
            await run(synthCommand, [`--st${escape}ack`, "dev"]),
        ];
        for (const result of results) {
            assert.equal(result.status, 2, result.stderr);
            assert.doesNotMatch(result.stderr, /\u001b/, "no raw escape");
            assert.match(result.stderr, /\\u001b/i, "shown escaped");
            assert.ok(!result.stderr.split("\n").some((line) => line.startsWith("fake line")), "an echoed newline starts no line of its own");
        }
    });

    it("refuses capacity --routes past what a route table holds, and numbers past 2^53", async () => {
        const routes = await run(capacityCommand, ["--subnet", "10.0.0.0/24", "--routes", "401"]);
        assert.deepEqual([routes.status, routes.stderr], [1, "--routes: \"401\" is not a whole number from 0 to 400: a route table holds at most 400 routes\n"]);
        assert.equal((await run(capacityCommand, ["--subnet", "10.0.0.0/24", "--routes", "400"])).status, 0, "400 routes fit, leaving no node a route");
        // 9007199254740993 reads as 9007199254740992 in JavaScript: taken, it would be misread.
        for (const flag of ["--nodes", "--max-pods", "--routes"]) {
            const huge = await run(capacityCommand, ["--subnet", "10.0.0.0/24", flag, "9007199254740993"]);
            assert.equal(huge.status, 1, flag);
            assert.match(huge.stderr, new RegExp(`^${flag}: "9007199254740993" is (past 2\\^53|not a whole number from 0 to 400)`));
        }
    });
});

describe("commands: the environment and the output", () => {
    it("says in one line that PULUMI_CONFIG isn't JSON, instead of crashing", () => {
        // The SDK reads the config from its store, filled from PULUMI_CONFIG (runtime/state.js).
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const store = (require("@pulumi/pulumi/runtime/state") as { getStore(): { config: Record<string, string> } }).getStore();
        const saved = store.config.PULUMI_CONFIG;
        store.config.PULUMI_CONFIG = "{not json";
        try {
            assert.throws(() => loadStackModel(), (error: Error) => {
                assert.ok(error instanceof pulumi.RunError, "a RunError: the engine prints its message, no trace");
                assert.match(error.message, /^PULUMI_CONFIG is not a JSON object of the stack's configuration \(.*\): the Pulumi CLI sets it when it runs the program; run it through pulumi preview or pulumi up, or unset PULUMI_CONFIG$/);
                return true;
            });
        } finally {
            store.config.PULUMI_CONFIG = saved;
        }
    });

    it("exits quietly when the reader of its output has gone, and in one line when the disk is full", function () {
        this.timeout(30_000);
        // The reader ends before synth writes: a write to a pipe nobody reads fails with EPIPE.
        const closed = spawnSync("bash", ["-c", "set -o pipefail; { sleep 0.5; \"$0\" scripts/run-ts.cjs infra/cli/synth.ts --stack dev --json; } | head -c 0", process.execPath], { cwd: ROOT, encoding: "utf8" });
        assert.equal(closed.status, 141, "as a process ended by SIGPIPE");
        assert.equal(closed.stderr, "");
        if (!fs.existsSync("/dev/full")) this.skip();
        const full = spawnSync("bash", ["-c", "\"$0\" scripts/run-ts.cjs infra/cli/capacity.ts --subnet 10.0.0.0/24 > /dev/full", process.execPath], { cwd: ROOT, encoding: "utf8" });
        assert.equal(full.status, 2);
        assert.equal(full.stderr, "can't write the output: ENOSPC: no space left on device, write\n");
        noTrace(full.stderr);
    });
});
