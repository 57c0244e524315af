import { ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";

/** A resource as a policy sees it. */
export interface PolicyInput {
    type: string;
    props: Record<string, unknown>;
    name?: string;
}

/** The violations one resource policy reports for one resource. */
export async function violations(policy: ResourceValidationPolicy, resource: PolicyInput, config: Record<string, unknown> = {}): Promise<string[]> {
    const found: string[] = [];
    const name = resource.name ?? "r";
    const args = {
        type: resource.type,
        props: resource.props,
        urn: `urn:pulumi:test::test::${resource.type}::${name}`,
        name,
        getConfig: () => config,
    } as unknown as ResourceValidationArgs;
    const validations = [policy.validateResource ?? []].flat();
    for (const validate of validations) await validate(args, (message) => found.push(message));
    return found;
}

/** The violations a stack policy reports, each with the urn it names. */
export async function stackViolations(policy: StackValidationPolicy, resources: PolicyInput[]): Promise<{ message: string; urn?: string }[]> {
    const found: { message: string; urn?: string }[] = [];
    const args = {
        resources: resources.map((r, i) => ({ ...r, urn: `urn:pulumi:test::test::${r.type}::${r.name ?? `r${i}`}`, name: r.name ?? `r${i}` })),
        getConfig: () => ({}),
    } as unknown as StackValidationArgs;
    await policy.validateStack(args, (message, urn) => found.push({ message, urn }));
    return found;
}
