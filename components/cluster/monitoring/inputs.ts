import { z } from "zod";
import { input, inputShape } from "../../common/inputs";
import { CONTROL_PLANE_LOG_CATEGORIES, ClusterMonitoring, Prometheus } from "./args";
import { echo } from "../../common/zod-problems";

/* The monitoring settings' input schema, tied to their args (args.ts documents each key). */

export const prometheusInputs = z.strictObject(inputShape<Prometheus>()({
    azureMonitorWorkspaceId: input(z.string()),
    azureMonitorWorkspaceLocation: input(z.string()).optional() }));

export const monitoringInputs = z.strictObject(inputShape<ClusterMonitoring>()({
    logAnalyticsWorkspaceId: input(z.string()),
    logAnalyticsWorkspaceLocation: input(z.string()).optional(),
    containerInsights: z.boolean().default(true),
    controlPlaneLogs: z.array(z.enum(CONTROL_PLANE_LOG_CATEGORIES, {
        error: (issue) => `${echo(issue.input)} is not an AKS log category: use ${CONTROL_PLANE_LOG_CATEGORIES.join(", ")}` })).optional(),
    defender: z.boolean().default(false),
    prometheus: prometheusInputs.optional() }));
