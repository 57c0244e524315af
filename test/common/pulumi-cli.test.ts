import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { REQUIRED_PULUMI_CLI, withRequiredCli } from "../../components/common/pulumi-cli";
import { ROOT } from "../infra/fixtures";

import * as grpc from "@grpc/grpc-js";

/* eslint-disable @typescript-eslint/no-require-imports */
const { EngineService } = require("@pulumi/pulumi/proto/engine_grpc_pb") as { EngineService: grpc.ServiceDefinition };
const enginePb = require("@pulumi/pulumi/proto/engine_pb") as { RequirePulumiVersionResponse: new () => object };
const { Empty } = require("google-protobuf/google/protobuf/empty_pb") as { Empty: new () => object };
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * A fake of the Pulumi engine's gRPC service that answers RequirePulumiVersion as the CLI does:
 * pkg/host/host_server.go returns plugin.ValidatePulumiVersionRange(range, version.Version), a
 * plain Go error "Pulumi CLI version X does not satisfy the version range R" (gRPC status
 * UNKNOWN) when the range refuses the CLI's own version.
 */
async function fakeEngine(cliVersion: string): Promise<{ address: string; asked: string[]; stop(): void }> {
    const asked: string[] = [];
    const server = new grpc.Server();
    const [major, minor, patch] = cliVersion.split(".").map(Number);
    server.addService(EngineService, {
        requirePulumiVersion: (call: { request: { getPulumiVersionRange(): string } }, callback: grpc.sendUnaryData<object>) => {
            const range = call.request.getPulumiVersionRange();
            asked.push(range);
            // The only form this project sends: ">=MAJOR.MINOR.PATCH".
            const [, a, b, c] = /^>=(\d+)\.(\d+)\.(\d+)$/.exec(range)!.map(Number);
            const satisfied = major > a || (major === a && (minor > b || (minor === b && patch >= c)));
            if (satisfied) callback(null, new enginePb.RequirePulumiVersionResponse());
            else callback({ code: grpc.status.UNKNOWN, details: `Pulumi CLI version ${cliVersion} does not satisfy the version range "${range}"` } as grpc.ServiceError);
        },
        log: (_call: unknown, callback: grpc.sendUnaryData<object>) => callback(null, new Empty()),
    });
    const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
    return { address: `127.0.0.1:${port}`, asked, stop: () => server.forceShutdown() };
}

/** Runs `body` with the SDK talking to `engineAddress` for engine calls (mocks for the rest). */
async function withEngine<T>(engineAddress: string, body: () => Promise<T>): Promise<T> {
    pulumi.runtime.resetOptions("project", "stack", -1, engineAddress, "", false, "");
    pulumi.runtime.setMocks({ newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: () => ({}) }, "project", "stack", false);
    try {
        return await body();
    } finally {
        pulumi.runtime.resetOptions("project", "stack", -1, "", "", false, "");
    }
}

const valueOf = <T>(output: pulumi.Output<T>) => new Promise<T>((resolve, reject) => {
    output.apply((value) => resolve(value));
    // A failed output rejects the promise the SDK keeps behind it.
    (output as unknown as { promise(): Promise<T> }).promise().catch(reject);
});

class Component extends pulumi.ComponentResource {
    constructor(name: string) {
        super("test:index:Component", name);
    }
}

describe("components/common: the Pulumi CLI the components need", () => {
    it("passes the gated value on once the engine accepts the required range", async () => {
        const engine = await fakeEngine("3.276.0");
        try {
            const value = await withEngine(engine.address, () => valueOf(withRequiredCli("rg-aks", new Component("ok"), "KubenetCluster")));
            assert.equal(value, "rg-aks");
            assert.deepEqual(engine.asked, [REQUIRED_PULUMI_CLI]);
        } finally {
            engine.stop();
        }
    });

    it("fails the component, naming the range and the engine's answer, on an older CLI", async () => {
        const engine = await fakeEngine("3.250.0");
        try {
            await withEngine(engine.address, async () => {
                const component = new Component("old");
                await assert.rejects(valueOf(withRequiredCli("rg-aks", component, "KubenetCluster")), (error: Error) => {
                    assert.ok(pulumi.ResourceError.isInstance(error));
                    assert.match(error.message, /^KubenetCluster needs the Pulumi CLI >=3\.264\.0 for its retries \(docs\/getting-started\.md\): .*Pulumi CLI version 3\.250\.0 does not satisfy the version range ">=3\.264\.0"$/);
                    return true;
                });
                // Asked once for every component of the program.
                await valueOf(withRequiredCli("x", new Component("second"), "ClusterIdentity")).catch(() => undefined);
            });
            assert.equal(engine.asked.length, 1);
        } finally {
            engine.stop();
        }
    });

    it("asks nothing under Pulumi's own mocks, where no engine runs", async () => {
        pulumi.runtime.setMocks({ newResource: (args) => ({ id: "id", state: args.inputs }), call: () => ({}) });
        assert.equal(await valueOf(withRequiredCli(42, new Component("mocked"), "KubenetNetwork")), 42);
    });

    it("is the range Pulumi.yaml and PulumiPlugin.yaml declare, which the pinned CLI satisfies", () => {
        for (const file of ["Pulumi.yaml", "PulumiPlugin.yaml"]) {
            const declared = (parse(fs.readFileSync(path.join(ROOT, file), "utf8")) as { requiredPulumiVersion?: string }).requiredPulumiVersion;
            assert.equal(declared, REQUIRED_PULUMI_CLI, `${file}: requiredPulumiVersion`);
        }
        const pinned = fs.readFileSync(path.join(ROOT, ".pulumi.version"), "utf8").trim().split(".").map(Number);
        const minimum = REQUIRED_PULUMI_CLI.replace(">=", "").split(".").map(Number);
        const order = pinned[0] - minimum[0] || pinned[1] - minimum[1] || pinned[2] - minimum[2];
        assert.ok(order >= 0, `.pulumi.version ${pinned.join(".")} is below ${REQUIRED_PULUMI_CLI}`);
    });
});
