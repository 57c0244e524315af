import * as pulumi from "@pulumi/pulumi";
import { formatWarning } from "../../components/address";
import { problemLines } from "./issues";
import { StackModel, validateEngineConfig } from "./validate";

export { PROJECT_NAMESPACE as PROJECT, projectConfig } from "./project";

/**
 * Reads and validates the stack's configuration before any resource exists. Invalid config
 * stops the program with its problems, one per line and bounded as the commands print them;
 * warnings go to the engine's log.
 */
export function loadStackModel(): StackModel {
    const result = validateEngineConfig(pulumi.runtime.allConfig(), { stack: pulumi.getStack() });
    if (!result.ok) {
        throw new pulumi.RunError(`invalid stack configuration:\n${problemLines(result.problems)}`);
    }
    for (const warning of result.model.warnings) pulumi.log.warn(formatWarning(warning));
    return result.model;
}
