import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Command, runCommand } from "../../infra/cli/command";
import { kubenetReportCommand } from "../../infra/cli/kubenet-report";
import { FleetReport, waveOf } from "../../infra/fleet/kubenet-report";
import { stackFile } from "./fixtures";

/*
 * The fleet's way off kubenet, from the stack files. Expected steps from Microsoft's procedure
 * (update-azure-cni.md): network policy off before the move; Kubernetes 1.27 or later; the
 * running cluster kept (no allowReplacement with the move).
 */

async function run(command: Command, args: string[]) {
    let stdout = "";
    let stderr = "";
    const status = await runCommand(command, args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
    return { status, stdout, stderr };
}

const report = async (args: string[]) => {
    const { status, stdout, stderr } = await run(kubenetReportCommand, [...args, "--json"]);
    assert.equal(status, 0, stderr);
    return JSON.parse(stdout) as FleetReport;
};

describe("kubenet-report: every stack's way off kubenet", () => {
    it("gives each shipped stack its next pull request, in waves", async () => {
        const { stacks, retirement } = await report([]);
        assert.equal(retirement, "2028-03-31");
        assert.deepEqual(stacks.map((s) => [s.stack, s.wave, s.state]), [["dev", "dev", "ready"], ["staging", "staging", "ready"], ["prod", "prod", "ready"]]);
        // dev runs no policy engine: it moves next; staging and prod run calico, which goes first.
        assert.deepEqual(stacks.map((s) => s.nextPullRequest?.cluster), [
            { networkPlugin: "azure", networkPluginMode: "overlay", migrateFromKubenet: true },
            { networkPolicy: "none" },
            { networkPolicy: "none" },
        ]);
    });

    it("tells moving, moved, blocked and broken stacks apart", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubenet-report-"));
        const dev = fs.readFileSync(stackFile("dev"), "utf8");
        const overlay = dev.replace("  aks-kubenet:cluster:\n", "  aks-kubenet:cluster:\n    networkPlugin: azure\n    networkPluginMode: overlay\n");
        assert.notEqual(overlay, dev);
        fs.writeFileSync(path.join(dir, "Pulumi.sandbox.yaml"), overlay);
        fs.writeFileSync(path.join(dir, "Pulumi.prod-eu.yaml"), overlay.replace("    networkPluginMode: overlay", "    networkPluginMode: overlay\n    migrateFromKubenet: true"));
        fs.writeFileSync(path.join(dir, "Pulumi.uat.yaml"), dev.replace("  aks-kubenet:cluster:", "  aks-kubenet:cluster:\n    allowReplacement: true"));
        fs.writeFileSync(path.join(dir, "Pulumi.qa.yaml"), "config: [");
        const { stacks } = await report(["--stacks", dir]);
        assert.deepEqual(stacks.map((s) => [s.stack, s.wave, s.state]), [
            ["sandbox", "dev", "done"],
            ["qa", "staging", "invalid"],
            ["uat", "staging", "blocked"],
            ["prod-eu", "prod", "moving"],
        ]);
        assert.deepEqual(stacks.find((s) => s.stack === "uat")!.blockers.map((b) => b.key), ["cluster.allowReplacement"]);
        const markdown = (await run(kubenetReportCommand, ["--stacks", dir])).stdout;
        assert.match(markdown, /^# The way off kubenet\n\nAKS retires kubenet on 2028-03-31: \d+ days from \d{4}-\d\d-\d\d\. 3 of 4 stacks still to move/);
        assert.match(markdown, /\| prod-eu \| azure overlay \| moving \| merged: the next pulumi up moves it \| – \|/);
    });

    it("puts production last and pre-production in between, by name", () => {
        assert.deepEqual(["dev", "sandbox", "test", "uat", "staging", "preprod", "prod", "prod-eu", "live"].map(waveOf), ["dev", "dev", "staging", "staging", "staging", "staging", "prod", "prod", "prod"]);
    });

    it("says where it found no stack file", async () => {
        const empty = fs.mkdtempSync(path.join(os.tmpdir(), "kubenet-report-empty-"));
        const { status, stderr } = await run(kubenetReportCommand, ["--stacks", empty]);
        assert.equal(status, 2);
        assert.match(stderr, /no stack files \(Pulumi\.<stack>\.yaml\)/);
    });
});
