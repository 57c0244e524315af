import * as pulumi from "@pulumi/pulumi";
import { formatProblem, formatWarning } from "../../components/address";
import { StackModel, validateStackConfig } from "./validate";

export const PROJECT = "aks-kubenet";

/** Config values arrive as strings; objects, lists, numbers and booleans as JSON. */
function decode(value: string): unknown {
    try {
        return JSON.parse(value);
    } catch {
        return value;
    }
}

/** The project's keys from the engine's config, namespace removed. */
export function projectConfig(all: Record<string, string>): Record<string, unknown> {
    const prefix = `${PROJECT}:`;
    return Object.fromEntries(Object.entries(all)
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, value]) => [key.slice(prefix.length), decode(value)]));
}

/**
 * Reads and validates the stack's configuration before any resource exists. Invalid config
 * stops the program with every problem, one per line; warnings go to the engine's log.
 */
export function loadStackModel(): StackModel {
    const all = pulumi.runtime.allConfig();
    const result = validateStackConfig(projectConfig(all), {
        stack: pulumi.getStack(),
        location: all["azure-native:location"],
    });
    if (!result.ok) {
        throw new pulumi.RunError(`invalid stack configuration:\n${result.problems.map(formatProblem).join("\n")}`);
    }
    for (const warning of result.model.warnings) pulumi.log.warn(formatWarning(warning));
    return result.model;
}
