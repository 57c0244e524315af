import { strict as assert } from "node:assert";
import { v5 as uuidv5 } from "uuid";
import * as pulumi from "@pulumi/pulumi";
import { ROLE_ASSIGNMENT_NAMESPACE, roleAssignmentName, roleAssignmentNameOutput } from "../../components/common/role-assignment";

const scope = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet";
const principal = "7d1b3c2a-0f4e-4c5d-9a8b-1c2d3e4f5a6b";
const role = "/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7";

describe("components/common: role assignment names", () => {
    it("uses RFC 4122 name-based UUIDs (version 5)", () => {
        // The RFC's well-known vector, independent of this project's namespace.
        assert.equal(uuidv5("www.example.com", uuidv5.DNS), "2ed6657d-e927-568b-95e1-2665a8aea6a2");
        assert.match(roleAssignmentName(scope, principal, role), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        assert.equal(roleAssignmentName(scope, principal, role), uuidv5(`${scope.toLowerCase()}|${principal}|${role.toLowerCase()}`, ROLE_ASSIGNMENT_NAMESPACE));
    });

    it("gives the same name for the same grant, whatever the case of the ids, and another for any other grant", () => {
        const name = roleAssignmentName(scope, principal, role);
        assert.equal(roleAssignmentName(scope.toUpperCase(), principal.toUpperCase(), role.toUpperCase()), name);
        assert.notEqual(roleAssignmentName(`${scope}/subnets/aks`, principal, role), name);
        assert.notEqual(roleAssignmentName(scope, "8d1b3c2a-0f4e-4c5d-9a8b-1c2d3e4f5a6b", role), name);
        assert.notEqual(roleAssignmentName(scope, principal, role.replace("4d97b98b", "b1ff04bb")), name);
    });
});

describe("components/common: role assignment names from values known later", () => {
    const resolved = (output: pulumi.Output<string | undefined>) => new Promise((resolve) => output.apply(resolve));

    it("derives the name once every part is known, and leaves it to azure-native when mocks answer no principal", async () => {
        await pulumi.runtime.setMocks({ newResource: (args) => ({ id: args.name, state: args.inputs }), call: () => ({}) });
        assert.equal(await resolved(roleAssignmentNameOutput(scope, principal, role)), roleAssignmentName(scope, principal, role));
        assert.equal(await resolved(roleAssignmentNameOutput(scope, undefined as unknown as string, role)), undefined);
        assert.equal(await resolved(roleAssignmentNameOutput(undefined as unknown as string, principal, role)), undefined);
        assert.equal(await resolved(roleAssignmentNameOutput(scope, principal, undefined as unknown as string)), undefined);
    });
});
