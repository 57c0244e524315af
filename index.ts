/**
 * The component package's entry for Pulumi's schema inference, which reads TypeScript source
 * (package.json's `main` is the compiled build that npm consumers and the plugin load).
 */
export * from "./components";
