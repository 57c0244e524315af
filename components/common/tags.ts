import { Problem } from "../address";

/* Azure's tag limits, and the checks that apply them. */

/**
 * Azure's limits on resource tags, from Microsoft's "Use tags to organize your Azure resources
 * and management hierarchy", section "Limitations"
 * (https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations;
 * MicrosoftDocs/azure-docs, articles/azure-resource-manager/management/tag-resources.md,
 * ms.date 02/06/2025):
 * - at most 50 tag name-value pairs on a resource, resource group or subscription;
 * - a tag name of at most 512 characters, a value of at most 256 (storage accounts: 128 for the
 *   name; this project tags none);
 * - tag names can't contain `<`, `>`, `%`, `&`, `\`, `?`, `/`;
 * - tag names are case-insensitive for operations, values case-sensitive.
 *
 * The page says nothing of empty names, leading or trailing spaces, or reserved prefixes for
 * resource tags, so none of those is refused here. (The prefixes `microsoft`, `azure` and
 * `windows` are documented as reserved only for a subscription's predefined tag names, the
 * Tags - Create Or Update REST operation, not for the tags on a resource.)
 *
 * Lengths are counted in UTF-16 code units, the stricter count: a character outside the Basic
 * Multilingual Plane counts twice.
 */
export const AZURE_TAG_LIMITS = {
    maxTags: 50,
    maxNameLength: 512,
    maxValueLength: 256,
    forbiddenNameCharacters: ["<", ">", "%", "&", "\\", "?", "/"],
} as const;

/**
 * What AKS documents about the tags it spreads, from "Use Azure tags in Azure Kubernetes Service
 * (AKS)" (https://learn.microsoft.com/azure/aks/use-tags; MicrosoftDocs/azure-aks-docs,
 * articles/aks/use-tags.md, ms.date 06/16/2023) and the AKS FAQ, "Can I modify tags and other
 * properties of the AKS resources in the node resource group?"
 * (https://learn.microsoft.com/azure/aks/faq; articles/aks/faq.yml; both read at commit
 * fb060abe6a8fef960d4c487b543bf7b1e97808fe):
 * - a cluster's tags go on its related resources (route table, public IP, load balancer, network
 *   security group, virtual network, the kubelet and add-on identities, a private cluster's
 *   private DNS zone and private endpoint) and on the node resource group;
 * - tags whose names differ only in case are applied in alphabetical order, so only one of them
 *   is set;
 * - the tags Azure creates for AKS are the `aks-managed` and `k8s-azure` tags, and modifying them
 *   on the resources of the node resource group is unsupported and breaks the cluster's SLO: a
 *   cluster tag with one of those prefixes would overwrite them there;
 * - Azure Private DNS supports only 15 tags (also in the tag page's note: Azure Private DNS zone
 *   and A records).
 */
export const AKS_MANAGED_TAG_PREFIXES = ["aks-managed", "k8s-azure"] as const;
export const PRIVATE_DNS_ZONE_MAX_TAGS = 15;

/** A name that reads unambiguously after a dot in a key path: letters, digits, `_` and `-`. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * The key path of one tag: `tags.team` for a plain name (letters, digits, `_` and `-`, not
 * starting with a digit or `-`), `tags."cost center"` (the name as JSON) for any other, so a
 * name with a dot, a space, a quote or an invisible character can't be misread as a path.
 */
export function tagPath(path: string, name: string): string {
    return `${path}.${PLAIN_NAME.test(name) ? name : JSON.stringify(name)}`;
}

/** Shows what is invisible or confusable: everything outside printable ASCII as U+XXXX. */
function visible(text: string): string {
    return [...text].map((c) => (c >= " " && c <= "~" ? c : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`)).join("");
}

/**
 * The control characters (C0, DEL and C1) in a text, each as U+XXXX, in order, once each. A
 * value may hold tabs and line breaks, as every text value of a stack file may; a name may not.
 */
function controlCharacters(text: string, lineBreaks = false): string[] {
    const found = text.match(/\p{Cc}/gu) ?? [];
    return [...new Set(lineBreaks ? found.filter((c) => !"\t\n\r".includes(c)) : found)].map(visible);
}

function nameProblems(name: string, at: string): Problem[] {
    const shown = `"${visible(name)}"`;
    const problems: Problem[] = [];
    const controls = controlCharacters(name);
    if (controls.length > 0) {
        problems.push({ path: at, message: `tag name ${shown} has control characters (${controls.join(", ")}): a tag name is text you can read; remove them` });
    }
    const forbidden = AZURE_TAG_LIMITS.forbiddenNameCharacters.filter((c) => name.includes(c));
    if (forbidden.length > 0) {
        problems.push({ path: at, message: `tag name ${shown} has ${forbidden.map((c) => `'${c}'`).join(", ")}: Azure tag names can't contain ${AZURE_TAG_LIMITS.forbiddenNameCharacters.map((c) => `'${c}'`).join(", ")}` });
    }
    if (name.length > AZURE_TAG_LIMITS.maxNameLength) {
        problems.push({ path: at, message: `tag name has ${name.length} characters: Azure allows at most ${AZURE_TAG_LIMITS.maxNameLength}` });
    }
    const prefix = AKS_MANAGED_TAG_PREFIXES.find((p) => name.toLowerCase().startsWith(p));
    if (prefix !== undefined) {
        problems.push({ path: at, message: `tag name ${shown} starts with ${prefix}, the prefix of the tags Azure creates for AKS: the cluster's tags go on the node resource group's resources, where changing those tags is unsupported; use another name` });
    }
    return problems;
}

function valueProblems(value: unknown, at: string): Problem[] {
    if (typeof value !== "string") return [{ path: at, message: `${JSON.stringify(value)} is not a tag value: it must be text` }];
    const problems: Problem[] = [];
    const controls = controlCharacters(value, true);
    if (controls.length > 0) {
        problems.push({ path: at, message: `tag value "${visible(value)}" has control characters (${controls.join(", ")}): remove them` });
    }
    if (value.length > AZURE_TAG_LIMITS.maxValueLength) {
        problems.push({ path: at, message: `tag value has ${value.length} characters: Azure allows at most ${AZURE_TAG_LIMITS.maxValueLength}` });
    }
    return problems;
}

/** Names equal to an earlier one but for case: Azure and AKS take them as the same tag. */
function caseDuplicateProblems(names: string[], path: string): Problem[] {
    const first = new Map<string, string>();
    const problems: Problem[] = [];
    for (const name of names) {
        const key = name.toLowerCase();
        const earlier = first.get(key);
        if (earlier === undefined) {
            first.set(key, name);
        } else {
            problems.push({
                path: tagPath(path, name),
                message: `tag "${visible(name)}" is the same tag as "${visible(earlier)}": Azure tag names are case-insensitive, and AKS sets only one of the tags whose names differ in case (the first in alphabetical order); keep one`,
            });
        }
    }
    return problems;
}

/**
 * Problems with a map of Azure tags, or none. `path` is the key path of the map (e.g. `tags`);
 * a problem with one tag is reported at that tag's path (see `tagPath`), one with the whole map
 * (too many tags) at `path`.
 */
export function checkTags(tags: Record<string, string>, path: string): Problem[] {
    const names = Object.keys(tags);
    const problems: Problem[] = [];
    if (names.length > AZURE_TAG_LIMITS.maxTags) {
        problems.push({ path, message: `has ${names.length} tags: Azure allows at most ${AZURE_TAG_LIMITS.maxTags} on a resource; put several values in one tag as a JSON string` });
    }
    for (const name of names) {
        const at = tagPath(path, name);
        problems.push(...nameProblems(name, at), ...valueProblems(tags[name], at));
    }
    problems.push(...caseDuplicateProblems(names, path));
    return problems;
}

/** A component's `tags` argument: Azure's tag rules, once it is a map (a stack file's type check says when it isn't). */
export function checkTagsArg(tags: unknown, path: string): Problem[] {
    return tags !== null && typeof tags === "object" && !Array.isArray(tags) ? checkTags(tags as Record<string, string>, path) : [];
}

/**
 * A private cluster's tags also go on its private DNS zone, and an Azure Private DNS zone holds
 * at most 15 tags. For the caller to apply when the cluster is private.
 */
export function privateDnsZoneTagCountProblems(tags: Record<string, string>, path: string): Problem[] {
    const count = Object.keys(tags).length;
    return count > PRIVATE_DNS_ZONE_MAX_TAGS
        ? [{ path, message: `has ${count} tags: a private cluster's tags also go on its private DNS zone, and Azure Private DNS allows at most ${PRIVATE_DNS_ZONE_MAX_TAGS} tags` }]
        : [];
}
