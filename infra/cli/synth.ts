/**
 * `npm run --silent synth -- --stack <name> [--json] [--config-file <file>]`
 *
 * What `pulumi up` would declare for a stack, offline: no Azure, no Pulumi CLI.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { MockEngine } from "../synth/engine";
import { renderSynth } from "../synth/render";
import { synthesize } from "../synth/synthesize";
import { Command, CommandExit, parseFlags, problemLines, runAsMain } from "./command";
import { echo, showable } from "../config/issues";
import { closestName } from "../config/suggest";
import { projectRoot } from "./project-root";
import { checkStackName, readStackFileOrExit, userDirectory, userPath } from "./stack-files";

const USAGE = "usage: synth --stack <name> [--json] [--config-file <file>]";

const HELP = `${USAGE}

Runs the aks-kubenet program offline, without Azure or the Pulumi CLI: validates the stack's
configuration exactly as pulumi up does, runs the program under Pulumi's mocks, and prints what
pulumi up would declare.

  --stack <name>         the stack (reads stacks/Pulumi.<name>.yaml)
  --config-file <file>   read this stack-format YAML file instead
  --json                 one JSON document on stdout (stack, resources, outputs, warnings, capacity)
  -h, --help             this text

Exit codes: 0 valid; 1 invalid configuration (every problem on stderr as key.path: message
lines, nothing on stdout); 2 a usage error or an unreadable file.`;
const ROOT = projectRoot(__dirname);
const STACKS = path.join(ROOT, "stacks");

const stackFilePath = (stack: string) => path.join(STACKS, `Pulumi.${stack}.yaml`);

/** The stacks there are, the one probably meant, and where the program looked. */
function unknownStack(stack: string, file: string): string {
    const stacks = fs.readdirSync(STACKS).map((name) => /^Pulumi\.(.+)\.yaml$/.exec(name)?.[1]).filter((name): name is string => name !== undefined).sort();
    const meant = closestName(stack, stacks);
    return `no stack named ${echo(stack)}: ${showable(file)} doesn't exist${meant ? `; did you mean ${showable(meant)}?` : ""} (the stacks: ${stacks.map(showable).join(", ")})`;
}

/** The synth command: exit 0 valid, 1 invalid configuration, 2 a usage error or an unreadable file. */
export const synthCommand: Command = async (argv, io) => {
    const values = parseFlags(argv, {
        stack: { type: "string" },
        json: { type: "boolean", default: false },
        "config-file": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
    }, USAGE) as { stack?: string; json: boolean; "config-file"?: string; help: boolean };
    if (values.help) {
        io.out(`${HELP}\n`);
        return 0;
    }
    if (values.stack === undefined) throw new CommandExit(`--stack is required\n${USAGE}`, 2);
    checkStackName(values.stack, USAGE);
    const file = values["config-file"] === undefined ? stackFilePath(values.stack) : userPath(values["config-file"]);
    if (!fs.existsSync(file)) {
        throw new CommandExit(values["config-file"] === undefined ? unknownStack(values.stack, file) : `${showable(file)}: no such file (--config-file ${showable(values["config-file"])}, from ${showable(userDirectory())})`, 2);
    }

    const result = await synthesize(values.stack, readStackFileOrExit(file));
    if (!result.ok) throw new CommandExit(problemLines(result.problems), 1);
    io.out(values.json ? JSON.stringify(result.output, null, 2) + "\n" : renderSynth(result.output));
    return 0;
};

if (require.main === module) {
    // synth reports problems by message, never by stack trace, so it declares without them.
    MockEngine.declareWithoutStackTraces = true;
    runAsMain(synthCommand);
}
