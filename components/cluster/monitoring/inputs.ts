import { z } from "zod";
import { input, inputShape } from "../../common/inputs";
import { ClusterMonitoringArgs, PrometheusArgs } from "./args";

/* The monitoring settings' input schema, tied to their args (args.ts documents each key). */

export const prometheusInputs = z.strictObject(inputShape<PrometheusArgs>()({
    azureMonitorWorkspaceId: input(z.string()),
    azureMonitorWorkspaceLocation: input(z.string()).optional() }));

export const monitoringInputs = z.strictObject(inputShape<ClusterMonitoringArgs>()({
    logAnalyticsWorkspaceId: input(z.string()),
    logAnalyticsWorkspaceLocation: input(z.string()).optional(),
    containerInsights: z.boolean().default(true),
    controlPlaneLogs: z.array(z.string()).optional(),
    defender: z.boolean().default(false),
    prometheus: prometheusInputs.optional() }));
