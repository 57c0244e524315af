/*
 * Address planning for AKS with kubenet: CIDR arithmetic, the guide's rules and capacity.
 * Pure functions, no Pulumi: usable from components, the config layer, the CLI and policies.
 */
export * from "./problem";
export * from "./cidr";
export * from "./limits";
export * from "./surge";
export * from "./capacity";
export * from "./fit";
export * from "./rules";
export * from "./forbidden-ranges";
export * from "./plan";
export * from "./report";
