/**
 * `npm run --silent kubenet-report -- [--json] [--stacks <dir>]`
 *
 * Every stack's way off kubenet, offline: where it is, what blocks it, the next pull request.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { validateEngineConfig } from "../config/validate";
import { fleetReport, renderFleetReport, stackMove } from "../fleet/kubenet-report";
import { StackFileError, readStackFile } from "../synth/stack-file";
import { Command, CommandExit, parseFlags, runAsMain } from "./command";
import { showable } from "../config/issues";
import { projectRoot } from "./project-root";
import { userPath } from "./stack-files";

const USAGE = "usage: kubenet-report [--json] [--stacks <dir>]";

const HELP = `${USAGE}

Reads every stack file (Pulumi.<stack>.yaml) and says, per stack, how far it is on its way off
kubenet before AKS retires it (31 March 2028): on Overlay, moving, the next pull request to
open, or what to fix first. Stacks go in waves: dev, then staging, then prod. Offline: the stack
files are validated as pulumi up validates them; nothing is read from Azure.

  --stacks <dir>   the stack files' directory (default: the project's stacks/)
  --json           one JSON document on stdout
  -h, --help       this text

Exit codes: 0 the report; 2 a usage error or no stack file.`;

/** The kubenet-report command. */
export const kubenetReportCommand: Command = (argv, io) => {
    const values = parseFlags(argv, {
        json: { type: "boolean", default: false },
        stacks: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
    }, USAGE) as { json: boolean; stacks?: string; help: boolean };
    if (values.help) {
        io.out(`${HELP}\n`);
        return 0;
    }
    const directory = values.stacks === undefined ? path.join(projectRoot(__dirname), "stacks") : userPath(values.stacks);
    const files = fs.existsSync(directory) && fs.statSync(directory).isDirectory()
        ? fs.readdirSync(directory).map((name) => /^Pulumi\.(.+)\.yaml$/.exec(name)).filter((match): match is RegExpExecArray => match !== null)
        : [];
    if (files.length === 0) throw new CommandExit(`${showable(directory)}: no stack files (Pulumi.<stack>.yaml)\n${USAGE}`, 2);
    const today = new Date();
    const moves = files.map(([name, stack]) => {
        try {
            const file = readStackFile(path.join(directory, name));
            const validation = validateEngineConfig(file.all, { stack, today, unreadable: file.secretPaths });
            return stackMove(stack, validation.ok ? { config: validation.model.config } : { problems: validation.problems }, today);
        } catch (error) {
            const message = error instanceof StackFileError ? error.message : (error as Error).message.split("\n")[0];
            return stackMove(stack, { problems: [{ path: name, message }] }, today);
        }
    });
    const report = fleetReport(moves, today);
    io.out(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderFleetReport(report));
    return 0;
};

if (require.main === module) runAsMain(kubenetReportCommand);
