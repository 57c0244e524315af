import { Problem } from "../address";

/* Azure's naming rules for the resources this project names, and the check that applies them. */

/**
 * Naming rules of the Azure resources this project names, from Microsoft's "Naming rules and
 * restrictions for Azure resources" and the AKS API's patterns. ASCII only: Azure accepts some
 * Unicode in a few names, but a look-alike letter (Cyrillic а for Latin a), a zero-width or
 * bidi control character or U+FFFD in a name is a mistake or an attack, never intended.
 */
interface NameRule {
    what: string;
    min: number;
    max: number;
    pattern: RegExp;
    chars: string;
}

export const AZURE_NAME_RULES = {
    resourceGroup: { what: "resource group name", min: 1, max: 90, pattern: /^[A-Za-z0-9_().-]*[A-Za-z0-9_()-]$/, chars: "letters, digits, '_', '-', '.', '(' and ')', not ending with '.'" },
    virtualNetwork: { what: "vnet name", min: 2, max: 64, pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9_]$/, chars: "letters, digits, '_', '-' and '.', starting with a letter or digit and ending with a letter, digit or '_'" },
    subnet: { what: "subnet name", min: 1, max: 80, pattern: /^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$/, chars: "letters, digits, '_', '-' and '.', starting with a letter or digit and ending with a letter, digit or '_'" },
    routeTable: { what: "route table name", min: 1, max: 80, pattern: /^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$/, chars: "letters, digits, '_', '-' and '.', starting with a letter or digit and ending with a letter, digit or '_'" },
    userAssignedIdentity: { what: "identity name", min: 3, max: 128, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]*$/, chars: "letters, digits, '_' and '-', starting with a letter or digit" },
    managedCluster: { what: "cluster name", min: 1, max: 63, pattern: /^[A-Za-z0-9]([A-Za-z0-9_-]*[A-Za-z0-9])?$/, chars: "letters, digits, '_' and '-', starting and ending with a letter or digit" },
    dnsPrefix: { what: "DNS prefix", min: 1, max: 54, pattern: /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/, chars: "letters, digits and '-', starting and ending with a letter or digit" },
    nodeResourceGroup: { what: "node resource group name", min: 1, max: 80, pattern: /^[A-Za-z0-9_().-]*[A-Za-z0-9_()-]$/, chars: "letters, digits, '_', '-', '.', '(' and ')', not ending with '.'" },
} satisfies Record<string, NameRule>;

export type AzureNameKind = keyof typeof AZURE_NAME_RULES;

/** Shows what is invisible or confusable in a name: non-ASCII characters as U+XXXX. */
function visible(name: string): string {
    return [...name].map((c) => (c >= " " && c <= "~" ? c : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`)).join("");
}

/** Problems with an Azure name, or none; an omitted name (auto-naming) is fine. */
export function checkAzureName(name: unknown, kind: AzureNameKind, path: string): Problem[] {
    if (name === undefined) return [];
    const rule: NameRule = AZURE_NAME_RULES[kind];
    if (typeof name !== "string") return [{ path, message: `${JSON.stringify(name)} is not a ${rule.what}: it must be text` }];
    if (/[^\x20-\x7e]/.test(name)) {
        return [{ path, message: `"${visible(name)}" is not a ${rule.what}: it has characters outside ASCII (invisible, control or look-alike letters); use ${rule.chars}` }];
    }
    if (name.length < rule.min || name.length > rule.max) {
        return [{ path, message: `${JSON.stringify(name)} is not a ${rule.what}: ${rule.min}–${rule.max} characters, this has ${name.length}` }];
    }
    return rule.pattern.test(name) ? [] : [{ path, message: `${JSON.stringify(name)} is not a ${rule.what}: use ${rule.chars}` }];
}
