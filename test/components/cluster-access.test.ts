import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { AKS_AAD_SERVER_ID } from "../../components/cluster/entra/kubeconfig";
import { MockEngine } from "../../infra/synth/engine";
import { MOCK_TENANT_ID } from "../../infra/synth/azure-state";
import { buildStack } from "./fixtures";

/*
 * The cluster's `kubeconfig` output: AKS's cluster-user credentials, signing in through
 * kubelogin with Entra ID (kubelogin's `get-token` arguments, Azure/kubelogin README), a secret,
 * ready only once the cluster and the deployer's grant exist.
 */

const ROLE = "azure-native:authorization:RoleAssignment";
const DEPLOYER = { objectId: "7c2e3d4f-8091-4ab2-b3d4-e5f6a7b8c9d0", principalType: "ServicePrincipal" as const };

/** An output's value and whether it is a secret, read the way a program's apply would. */
function settled(output: pulumi.Output<string>): Promise<{ value: string; secret: boolean }> {
    return new Promise((resolve) => {
        pulumi.all([output, pulumi.isSecret(output)]).apply(([value, secret]) => resolve({ value, secret }));
    });
}

describe("components/cluster: kubeconfig", () => {
    let engine: MockEngine;
    beforeEach(async () => {
        engine = await MockEngine.install();
    });

    it("is AKS's cluster-user kubeconfig, as a secret, without Entra ID", async () => {
        const { cluster } = buildStack();
        const { value, secret } = await settled(cluster.kubeconfig!);
        await engine.settle();
        assert.equal(secret, true);
        const kubeconfig = parse(value);
        assert.equal(kubeconfig["current-context"], "aks-test");
        assert.deepEqual(kubeconfig.users[0].user, { token: "mock-token-not-a-secret" }, "the certificate or token AKS returns");
        const invoke = engine.invokes.find((i) => i.token === "azure-native:containerservice:listManagedClusterUserCredentials");
        assert.equal(invoke?.inputs.format, undefined, "no exec format without Entra ID");
        assert.equal(engine.invokes.filter((i) => i.token === "azure-native:authorization:getClientConfig").length, 1, "the identity's own lookup only: no tenant read for the kubeconfig without Entra ID");
        assert.deepEqual(engine.byType(ROLE).map((r) => r.name).sort(), ["id-network-contributor-route-table", "id-network-contributor-vnet"], "no deployer grant");
    });

    it("reads no credentials, and has no kubeconfig, when the deployment never reaches the Kubernetes API", async () => {
        // listClusterUserCredential is its own action, which Reader doesn't have
        // (Microsoft, "Use Azure RBAC to define access to the Kubernetes configuration file").
        const { cluster } = buildStack({ cluster: { listCredentials: false } });
        await engine.settle();
        assert.equal(cluster.kubeconfig, undefined);
        assert.equal(engine.invokes.filter((i) => i.token === "azure-native:containerservice:listManagedClusterUserCredentials").length, 0);
    });

    it("signs in through kubelogin with the mode given, against AKS's server application", async () => {
        const { cluster } = buildStack({ cluster: { aad: { adminGroupObjectIDs: [] }, kubeloginMode: "workloadidentity" } });
        const { value } = await settled(cluster.kubeconfig!);
        await engine.settle();
        const [user] = parse(value).users;
        assert.deepEqual(user.user.exec.args, ["get-token", "--login", "workloadidentity", "--server-id", AKS_AAD_SERVER_ID, "--tenant-id", MOCK_TENANT_ID, "--environment", "AzurePublicCloud"]);
        assert.equal(user.user.exec.command, "kubelogin");
        assert.equal(user.user.exec.interactiveMode, "Never", "a pipeline's login never prompts");
        const invoke = engine.invokes.find((i) => i.token === "azure-native:containerservice:listManagedClusterUserCredentials");
        assert.equal(invoke?.inputs.format, "exec");
    });

    it("signs people in with the Azure CLI by default, prompting if it must", async () => {
        const { cluster } = buildStack({ cluster: { aad: {} } });
        const [user] = parse((await settled(cluster.kubeconfig!)).value).users;
        await engine.settle();
        assert.equal(user.user.exec.args[2], "azurecli");
        assert.equal(user.user.exec.interactiveMode, "IfAvailable");
    });

    it("prompts only in the modes a person signs in with", async () => {
        for (const [kubeloginMode, interactive] of [["devicecode", "IfAvailable"], ["spn", "Never"], ["msi", "Never"]] as const) {
            const engine = await MockEngine.install();
            const { cluster } = buildStack({ cluster: { aad: {}, kubeloginMode } });
            const [user] = parse((await settled(cluster.kubeconfig!)).value).users;
            await engine.settle();
            assert.deepEqual([user.user.exec.args[2], user.user.exec.interactiveMode, user.user.exec.env, user.user.exec.provideClusterInfo], [kubeloginMode, interactive, null, false], kubeloginMode);
            assert.equal(user.user.exec.apiVersion, "client.authentication.k8s.io/v1beta1");
        }
    });

    it("grants the deployer RBAC Cluster Admin on the cluster with Azure RBAC, and waits for the grant", async () => {
        const { cluster } = buildStack({ cluster: { aad: { enableAzureRBAC: true, deployer: DEPLOYER } } });
        await settled(cluster.kubeconfig!);
        await engine.settle();
        const grant = engine.byType(ROLE).find((r) => r.name === "k-deployer-cluster-admin")!;
        assert.ok(grant, "the deployer's grant");
        assert.equal(grant.parent, engine.one("aks-kubenet:index:KubenetCluster").urn);
        assert.equal(grant.inputs.principalId, DEPLOYER.objectId);
        assert.equal(grant.inputs.principalType, "ServicePrincipal");
        assert.match(String(grant.inputs.roleDefinitionId), /\/roleDefinitions\/b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b$/);
        assert.equal(grant.deleteBeforeReplace, true, "Azure allows one assignment per scope, principal and role");
        // A resource given the kubeconfig waits for the grant.
        new (class extends pulumi.CustomResource {})("test:index:Consumer", "consumer", { kubeconfig: cluster.kubeconfig });
        await engine.settle();
        assert.ok(engine.one("test:index:Consumer").dependencies.includes(grant.urn));
        assert.ok(engine.one("test:index:Consumer").dependencies.includes(engine.one("azure-native:containerservice:ManagedCluster").urn));
    });

    it("grants no one without Azure RBAC", async () => {
        buildStack({ cluster: { aad: { enableAzureRBAC: false } } });
        await engine.settle();
        assert.equal(engine.byType(ROLE).filter((r) => r.name.endsWith("deployer-cluster-admin")).length, 0);
    });
});
