import { Policies } from "@pulumi/policy";
import { advisoryPolicies } from "./advisory";
import { mandatoryPolicies } from "./mandatory";
import { productionPosture } from "./production";

/** Every policy of the pack. Importing this starts nothing; `index.ts` builds the pack. */
export const policies: Policies = [...mandatoryPolicies, productionPosture, ...advisoryPolicies];
