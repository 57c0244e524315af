import * as pulumi from "@pulumi/pulumi";
import { formatWarning } from "../../components/address";
import { cut, problemLines, showable } from "./issues";
import { StackModel, validateEngineConfig } from "./validate";

export { PROJECT_NAMESPACE as PROJECT, projectConfig } from "./project";

/**
 * The configuration the engine handed over. The SDK reads it from PULUMI_CONFIG as JSON
 * (@pulumi/pulumi runtime/config.js, parseConfig), which the Pulumi CLI sets; anything else set
 * there by hand throws a bare SyntaxError with a stack trace, so it is said in one line instead.
 */
function engineConfig(): Record<string, string> {
    try {
        return pulumi.runtime.allConfig();
    } catch (error) {
        throw new pulumi.RunError(`PULUMI_CONFIG is not a JSON object of the stack's configuration (${showable(cut((error as Error).message.split("\n")[0], 120))}): the Pulumi CLI sets it when it runs the program; run it through pulumi preview or pulumi up, or unset PULUMI_CONFIG`);
    }
}

/**
 * Reads and validates the stack's configuration before any resource exists. Invalid config
 * stops the program with its problems, one per line and bounded as the commands print them;
 * warnings go to the engine's log.
 */
export function loadStackModel(): StackModel {
    const result = validateEngineConfig(engineConfig(), { stack: pulumi.getStack() });
    if (!result.ok) {
        throw new pulumi.RunError(`invalid stack configuration:\n${problemLines(result.problems)}`);
    }
    for (const warning of result.model.warnings) pulumi.log.warn(formatWarning(warning));
    return result.model;
}
