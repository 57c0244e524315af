import { PathOf, Problem, samePath } from "../address";
import { checkOneOf, isWholeNumberIn } from "../common/checks";
import { ENTRA_OBJECT_ID } from "../common/entra";
import { NamespaceSpec, POD_SECURITY_LEVELS } from "./args";

const RFC1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const QUANTITY = /^(\d+(\.\d+)?|\.\d+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;
/** Namespaces Kubernetes itself owns; `default` is labelled by the bootstrap, not created. */
export const SYSTEM_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];

export function validateNamespaces(specs: NamespaceSpec[], pathOf: PathOf = samePath): Problem[] {
    const problems: Problem[] = [];
    const firstIndex = new Map<string, number>();
    specs.forEach((spec, i) => {
        const at = (key: string) => pathOf(`namespaces[${i}]${key ? `.${key}` : ""}`);
        if (typeof spec.name !== "string" || !RFC1123_LABEL.test(spec.name)) {
            problems.push({ path: at("name"), message: `${JSON.stringify(spec.name)} is not a namespace name: an RFC 1123 label of up to 63 lowercase letters, digits or '-', starting and ending with a letter or digit` });
        } else if (SYSTEM_NAMESPACES.includes(spec.name)) {
            problems.push({ path: at("name"), message: `${spec.name} belongs to Kubernetes; choose another name` });
        } else if (firstIndex.has(spec.name)) {
            problems.push({ path: at("name"), message: `${spec.name} is already the name of namespaces[${firstIndex.get(spec.name)}]` });
        } else {
            firstIndex.set(spec.name, i);
        }
        problems.push(...checkOneOf(spec.podSecurity, POD_SECURITY_LEVELS, at("podSecurity")));
        const quantities: [string, string | undefined][] = [
            ["quota.requestsCpu", spec.quota?.requestsCpu],
            ["quota.requestsMemory", spec.quota?.requestsMemory],
            ["quota.limitsCpu", spec.quota?.limitsCpu],
            ["quota.limitsMemory", spec.quota?.limitsMemory],
            ["defaultLimits.cpu", spec.defaultLimits?.cpu],
            ["defaultLimits.memory", spec.defaultLimits?.memory],
            ["defaultLimits.requestsCpu", spec.defaultLimits?.requestsCpu],
            ["defaultLimits.requestsMemory", spec.defaultLimits?.requestsMemory],
        ];
        for (const [key, value] of quantities) {
            if (value !== undefined && !QUANTITY.test(value)) {
                problems.push({ path: at(key), message: `${JSON.stringify(value)} is not a Kubernetes quantity (e.g. "500m", "4", "8Gi")` });
            }
        }
        const pods = spec.quota?.pods;
        if (pods !== undefined && !isWholeNumberIn(pods, 1, Infinity)) {
            problems.push({ path: at("quota.pods"), message: `${pods} is not a pod count: use a whole number of at least 1` });
        }
        for (const role of ["admins", "editors", "viewers"] as const) {
            (spec[role] ?? []).forEach((id, g) => {
                if (typeof id !== "string" || !ENTRA_OBJECT_ID.test(id)) {
                    problems.push({ path: at(`${role}[${g}]`), message: `${JSON.stringify(id)} is not an Entra ID group object id (a GUID)` });
                }
            });
        }
    });
    return problems;
}
