/*
 * `aks-kubenet/inputs`: each component's input schema (zod), the one declaration of its
 * settings' types, enumerations and defaults, for a program that reads the settings from a
 * configuration file of its own and hands them over as they are (this project's stack file
 * composes them, infra/config/schema.ts). `withDefaults` fills in the defaults as the
 * components do.
 */

export { input, inputShape, stringish, wholeNumber, withDefaults, type InputShape } from "./common/inputs";
export { networkInputShape, networkInputs } from "./network/inputs";
export { identityInputShape, identityInputs } from "./identity/inputs";
export { clusterInputShape, clusterInputs } from "./cluster/inputs";
export { kmsInputs } from "./cluster/security/inputs";
export { monitoringInputs, prometheusInputs } from "./cluster/monitoring/inputs";
export { nodePoolInputs } from "./cluster/node-pools/inputs";
export { bootstrapInputShape, bootstrapInputs, namespaceInputs } from "./bootstrap/inputs";
