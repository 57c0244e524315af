import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["node_modules/**", "bin/**", "dist/**", ".build/**", ".stryker-tmp/**", "reports/**", ".cache/**"] },
    ...tseslint.configs.recommended,
    {
        rules: {
            // The root of @pulumi/azure-native loads every Azure service: seconds of start-up and
            // gigabytes in tsc. Import the submodule you need instead.
            "no-restricted-imports": ["error", {
                paths: [{ name: "@pulumi/azure-native", message: "Import a submodule, e.g. @pulumi/azure-native/network." }],
            }],
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
        },
    },
    {
        // CommonJS scripts that Node runs directly.
        files: ["**/*.cjs"],
        languageOptions: { globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly" } },
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
);
