import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["node_modules/**", "bin/**", "dist/**"] },
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
);
