/*
 * `aks-kubenet/inputs`: each component's input schema (zod), the one declaration of its
 * settings' types, enumerations and defaults, for a program that reads the settings from a
 * configuration file of its own and hands them over as they are (this project's stack file
 * composes them, infra/config/schema.ts). `withDefaults` fills in the defaults as the
 * components do. `<component>ArgsSchemas` are each component's whole arguments: `args` as the
 * component takes them, and `toCheck`, the same with what only a deployment gives optional, for
 * checking settings before anything exists.
 */

export { input, inputShape, stringish, wholeNumber, withDefaults, type InputShape } from "./common/inputs";
export { networkArgsSchemas, networkInputShape, networkInputs } from "./network/inputs";
export { identityArgsSchemas, identityInputShape, identityInputs } from "./identity/inputs";
export { clusterArgsSchemas, clusterInputShape, clusterInputs } from "./cluster/inputs";
export { kmsInputs } from "./cluster/security/inputs";
export { monitoringInputs, prometheusInputs } from "./cluster/monitoring/inputs";
export { nodePoolInputs } from "./cluster/node-pools/inputs";
export { bootstrapArgsSchemas, bootstrapInputShape, bootstrapInputs, namespaceInputs } from "./bootstrap/inputs";
