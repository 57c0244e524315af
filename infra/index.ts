/**
 * The aks-kubenet program, as `pulumi up` runs it: validate the stack's configuration (every
 * problem at once, before any resource exists), then declare the stack.
 */
import { loadStackModel } from "./config/load";
import { defineStack } from "./stack";

export = defineStack(loadStackModel());
