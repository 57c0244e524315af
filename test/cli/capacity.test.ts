import { strict as assert } from "node:assert";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { runCapacity } from "../../infra/cli/capacity";
import { CommandExit } from "../../infra/cli/command";
import { renderCapacity } from "../../infra/cli/render-capacity";

const root = path.resolve(__dirname, "../..");

describe("capacity command", () => {
    it("reports the guide's /24 as JSON through npm, as the README shows", function () {
        this.timeout(60000);
        const stdout = execFileSync("npm", ["run", "--silent", "capacity", "--", "--subnet", "192.168.1.0/24", "--json"], { cwd: root, encoding: "utf8" });
        const report = JSON.parse(stdout);
        assert.deepEqual(report.subnet, { cidr: "192.168.1.0/24", addresses: 256, reserved: 5, usable: 251 });
        assert.equal(report.maxNodes, 251);
        assert.equal(report.maxPods, 27610);
        assert.equal(report.limitedBy, "subnet");
    });

    it("exits non-zero with every problem on stderr and nothing on stdout", function () {
        this.timeout(60000);
        const result = spawnSync(process.execPath, ["scripts/run-ts.cjs", "infra/cli/capacity.ts", "--subnet", "10.244.1.0/16", "--max-pods", "300"], { cwd: root, encoding: "utf8" });
        assert.equal(result.status, 1);
        assert.equal(result.stdout, "");
        assert.equal(result.stderr, "--subnet: 10.244.1.0/16: host bits set; did you mean 10.244.0.0/16?\n--max-pods: 300 is out of range: max pods per node must be a whole number from 10 to 250\n");
    });

    it("compares classic Azure CNI: 8 nodes and 240 pods in a /24", () => {
        const { report } = runCapacity(["--subnet", "192.168.1.0/24", "--network-plugin", "azure"]);
        assert.equal(report?.maxNodes, 8);
        assert.equal(report?.maxPods, 240);
    });

    it("answers whether N nodes plus surge fit, with the smallest ranges", () => {
        const { report } = runCapacity(["--subnet", "192.168.1.0/27", "--nodes", "25"]);
        assert.equal(report?.nodes?.nodesNeeded, 28);
        assert.equal(report?.nodes?.fits, false);
        assert.deepEqual(report?.nodes?.shortOf, ["subnet"]);
        assert.equal(report?.nodes?.smallestSubnet, "/26");
        assert.match(renderCapacity(report!), /25 nodes \+ 3 upgrade surge \(10%\) = 28 nodes: does not fit \(short of: subnet\)\n {2}smallest subnet: \/26, smallest pod CIDR: \/19/);
    });

    it("does Azure CNI Overlay's arithmetic: a /24 per node, no route table, 5,000 nodes at most", () => {
        const args = ["--subnet", "10.10.0.0/20", "--pod-cidr", "100.64.0.0/14", "--nodes", "500"];
        const kubenet = runCapacity(args).report!;
        const overlay = runCapacity([...args, "--network-plugin", "azure", "--network-plugin-mode", "overlay"]).report!;
        assert.equal(kubenet.maxNodes, 400);
        assert.equal(kubenet.limitedBy, "routeTable");
        assert.equal(kubenet.nodes?.fits, false);
        assert.equal(overlay.maxNodes, 1024, "2^(24-14) /24 blocks");
        assert.equal(overlay.maxPods, 1024 * 110);
        assert.equal(overlay.limitedBy, "podCidr");
        assert.equal(overlay.nodes?.fits, true, "500 nodes + 50 surge");
        const huge = runCapacity(["--subnet", "10.0.0.0/16", "--pod-cidr", "100.64.0.0/10", "--network-plugin", "azure", "--network-plugin-mode", "overlay"]).report!;
        assert.equal(huge.maxNodes, 5000);
        assert.equal(huge.limitedBy, "clusterLimit");
        assert.match(renderCapacity(huge), /max nodes +5,000 \(limited by Overlay's 5,000-node limit\)/);
    });

    it("renders the table with the limiting factor", () => {
        const text = renderCapacity(runCapacity(["--subnet", "10.0.0.0/16", "--pod-cidr", "100.64.0.0/10"]).report!);
        assert.match(text, /max nodes +400 \(limited by route table \(400 routes\)\)/);
        assert.match(text, /max pods +44,000/);
    });

    it("rejects bad numbers and a mode without azure together, and a missing subnet as a usage error", () => {
        const { problems } = runCapacity(["--subnet", "10.0.0.0/24", "--nodes", "many", "--network-plugin-mode", "overlay"]);
        assert.deepEqual(problems.map((p) => p.path), ["--network-plugin-mode", "--nodes"]);
        assert.throws(() => runCapacity(["--nodes", "3"]), (error: CommandExit) => error.code === 2 && error.message.startsWith("--subnet is required\nusage: capacity"));
    });

    it("rejects a pod CIDR overlapping the subnet and reserved ranges", () => {
        const { problems } = runCapacity(["--subnet", "10.244.1.0/24", "--pod-cidr", "10.244.0.0/16"]);
        assert.match(problems[0].message, /overlaps --subnet 10.244.1.0\/24; pods take addresses outside the vnet/);
    });
});

describe("capacity in docs/commands.md", () => {
    it("lists exactly the keys capacity --json prints, with --nodes", () => {
        const doc = fs.readFileSync(path.join(root, "docs", "commands.md"), "utf8");
        const sentence = /`--json` prints one object \(([\s\S]*?)\); `limitedBy`/.exec(doc)![1];
        const [top, nodes] = sentence.split("and `nodes` with `--nodes`:");
        const names = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort();
        const { report } = runCapacity(["--subnet", "192.168.1.0/24", "--nodes", "3"]);
        assert.deepEqual([...names(top), "nodes"].sort(), Object.keys(report!).sort());
        assert.deepEqual(names(nodes), Object.keys(report!.nodes!).sort());
    });
});
