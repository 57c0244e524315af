import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The folder holding Pulumi.yaml, above `from`: the commands run from their sources (tests, tsx)
 * and from compiled copies in .build/, so a fixed "../.." would point at the wrong place.
 */
export function projectRoot(from: string): string {
    for (let dir = from; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
        if (path.dirname(dir) === dir) throw new Error(`no Pulumi.yaml above ${from}`);
    }
}
