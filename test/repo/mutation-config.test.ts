import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { ROOT } from "../infra/fixtures";

/**
 * The mutation run lists its test files in its own order (stryker.config.json), fast rule checks
 * before the tests that declare stacks: a mutant stops at the first test that fails on it, so a
 * rule's check should come before a dozen stack builds that also reach the rule. A list kept by
 * hand can miss a new file, which would then never be run against a mutant.
 */

interface CollectOptions { spec: string[]; extension: string[]; ignore: string[]; file: string[]; recursive: boolean; sort: boolean }
// The function mocha's command line and StrykerJS's mocha runner both use to turn specs into files.
const collectFiles = createRequire(path.join(ROOT, "package.json"))("mocha/lib/cli/collect-files") as (options: CollectOptions) => { files: string[] };
const readJson = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, name), "utf8"));
// npm test's configuration, as mocha loads it for a run given no files.
const mocharc = createRequire(path.join(ROOT, "package.json"))("./.mocharc.cjs") as { suite: string[]; require: string[] };

function filesOf(spec: string[]): string[] {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
        return collectFiles({ spec, extension: ["ts"], ignore: [], file: [], recursive: false, sort: false }).files.map((file) => path.relative(ROOT, file));
    } finally {
        process.chdir(cwd);
    }
}

describe("mutation run configuration", () => {
    const stryker = readJson("stryker.config.json");
    const mutationFiles = filesOf(stryker.mochaOptions.spec);

    it("runs every test file npm test runs, each once", () => {
        const testFiles = filesOf(mocharc.suite);
        assert.ok(testFiles.length > 30, `${testFiles.length} test files`);
        assert.deepEqual([...mutationFiles].sort(), [...testFiles].sort());
        assert.equal(new Set(mutationFiles).size, mutationFiles.length, "no file listed twice");
    });

    it("runs the rule checks before the tests that declare stacks", () => {
        const position = (file: string) => mutationFiles.indexOf(file);
        for (const rules of ["test/components/cluster-validation.test.ts", "test/components/cluster-features-validation.test.ts", "test/components/network-validation.test.ts"]) {
            for (const stacks of ["test/components/cluster.test.ts", "test/components/cluster-features.test.ts", "test/components/pool-lifecycle.test.ts", "test/infra/synth.test.ts"]) {
                assert.ok(position(rules) >= 0 && position(rules) < position(stacks), `${rules} before ${stacks}`);
            }
        }
    });

    it("drops stack traces everywhere in the mutation run only; npm test drops them while declaring stacks", () => {
        assert.deepEqual(stryker.mochaOptions.require, ["tsx/cjs", "./scripts/mutation-setup.cjs"]);
        assert.ok(!mocharc.require.includes("./scripts/mutation-setup.cjs"));
        assert.deepEqual(mocharc.require, ["tsx/cjs", "./test/setup.ts"]);
    });
});
