import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { goYamlNumber } from "../../infra/synth/go-yaml-numbers";
import { readStackFile } from "../../infra/synth/stack-file";

/*
 * Expected values are Go's: strconv.ParseInt(s, 0, 64) reads 0b, 0o, 0x (either case) and a
 * leading 0 as bases 2, 8, 16 and 8, and go-yaml v3 drops underscores first and falls back to a
 * float (go-yaml/yaml v3 resolve.go).
 */
describe("infra/synth: numbers as the Pulumi CLI's YAML reader reads them", () => {
    it("reads integers as Go's ParseInt with base 0 does", () => {
        assert.equal(goYamlNumber("017"), 15);
        assert.equal(goYamlNumber("0200"), 128);
        assert.equal(goYamlNumber("-017"), -15);
        assert.equal(goYamlNumber("1_0"), 10);
        assert.equal(goYamlNumber("0b11"), 3);
        assert.equal(goYamlNumber("0O17"), 15);
        assert.equal(goYamlNumber("0X1F"), 31);
        assert.equal(goYamlNumber("42"), 42);
        assert.equal(goYamlNumber("+7"), 7);
    });

    it("falls back to a float where Go's integers refuse, and leaves text alone", () => {
        assert.equal(goYamlNumber("08"), 8, "not octal: a float");
        assert.equal(goYamlNumber("1.10"), 1.1);
        assert.equal(goYamlNumber("1e3"), 1000);
        assert.equal(goYamlNumber("10.0.0.0/16"), undefined);
        assert.equal(goYamlNumber("1.34"), 1.34);
        assert.equal(goYamlNumber("abc"), undefined);
        assert.equal(goYamlNumber("0x"), undefined);
    });

    it("names each value inside a key that the CLI reads as another number, and only those", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "go-yaml-"));
        const file = path.join(dir, "Pulumi.dev.yaml");
        fs.writeFileSync(file, [
            "config:",
            "  aks-kubenet:protect: 017",
            "  aks-kubenet:cluster:",
            "    nodePools:",
            "      - name: system",
            "        count: 017",
            "        maxPods: 0200",
            "        osDiskSizeGB: 1_28",
            "      - name: apps",
            "        count: \"017\"",
            "        maxPods: 0o17",
            "        minCount: 0b11",
            "        maxCount: 08",
            "",
        ].join("\n"));
        const read = readStackFile(file);
        assert.deepEqual(read.readDifferences.map((d) => d.path), [
            "aks-kubenet:cluster.nodePools[0].count",
            "aks-kubenet:cluster.nodePools[0].maxPods",
            "aks-kubenet:cluster.nodePools[0].osDiskSizeGB",
            "aks-kubenet:cluster.nodePools[1].minCount",
        ]);
        assert.match(read.readDifferences[0].message, /^017 is read by the Pulumi CLI as 15 \(its YAML reader, go-yaml: a leading 0 makes it octal\)/);
        assert.match(read.readDifferences[2].message, /^1_28 is read by the Pulumi CLI as 128 \(its YAML reader, go-yaml: it drops the underscores\)/);
        assert.equal(read.all["aks-kubenet:protect"], "017", "a top-level value reaches the program as its text");
    });
});
