import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "../infra/fixtures";

/** Figures the README quotes from the docs stay the recorded ones. */
describe("README figures", () => {
    it("quotes in the README the start-up times docs/performance.md records", () => {
        const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
        const performance = fs.readFileSync(path.join(ROOT, "docs/performance.md"), "utf8");
        const quoted = /starts\s+in ([\d.]+ s) instead of\s+([\d.]+ s) \(through ts-node\) in the run/.exec(readme);
        assert.ok(quoted, "the README quotes the start-up times");
        const recorded = (line: RegExp) => line.exec(performance)?.[1];
        assert.equal(quoted[1], recorded(/^program start \(prod\)\s+([\d.]+ s)/m), "as Pulumi.yaml starts it");
        assert.equal(quoted[2], recorded(/tsconfig\.pulumi\.json\s+transpile-only\s+([\d.]+ s)/), "through ts-node, transpile-only");
    });
});
