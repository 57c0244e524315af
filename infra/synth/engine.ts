/**
 * The offline engine: the program runs under Pulumi's mocks (`pulumi.runtime.setMocks`), Azure's
 * answers come from azure-state.ts, and every registration and invoke is recorded as the Pulumi
 * engine would receive it, for synth and the tests. What it needs beyond the SDK's public API
 * is in sdk-adapter.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import { LiveRouteTables, azureFunctions, azureState } from "./azure-state";
import { Registration, listenToMockMonitor, waitForRPCs } from "./sdk-adapter";
import { secretMask } from "./secret-digest";

export { SECRET_MASK } from "./secret-digest";

/** One resource as the engine received its RegisterResource request. */
export interface RecordedResource extends Omit<Registration, "parent" | "provider" | "object"> {
    urn: string;
    /** The parent's URN; null for the stack. */
    parent: string | null;
    /** The explicit provider's reference (`<urn>::<id>`), when the resource names one. */
    provider?: string;
    /** Inputs with secrets masked as "[secret]" and resource references as their URNs. */
    inputs: Record<string, unknown>;
    /**
     * What the provider reports beyond the inputs, as the mock engine answers it (the name and
     * node resource group AKS chooses, ids): top-level keys the inputs don't hold.
     */
    computed: Record<string, unknown>;
}

export interface RecordedInvoke {
    token: string;
    inputs: Record<string, unknown>;
    /** The explicit provider's reference (`<urn>::<id>`), when the invoke names one. */
    provider?: string;
}

/**
 * Inputs as plain JSON: secrets masked (with a review's digest key, masks that tell values apart:
 * secret-digest.ts), unknowns marked, resource references as URNs.
 */
export function plainInputs(value: unknown, secretDigestKey?: Buffer): unknown {
    if (value === pulumi.runtime.unknownValue) return "[unknown]";
    if (Array.isArray(value)) return value.map((item) => plainInputs(item, secretDigestKey));
    if (value && typeof value === "object") {
        const object = value as Record<string, unknown>;
        const sig = object[pulumi.runtime.specialSigKey];
        if (sig === pulumi.runtime.specialSecretSig) return secretMask(plainInputs(object.value), secretDigestKey);
        if (sig === pulumi.runtime.specialResourceSig) return object.urn;
        return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, plainInputs(v, secretDigestKey)]));
    }
    return value;
}

/** A registration as the engine records it: the URN once answered, inputs as plain JSON. */
function recordOf(r: Registration, secretDigestKey: Buffer | undefined): RecordedResource {
    return {
        urn: "",
        type: r.type,
        name: r.name,
        custom: r.custom,
        parent: r.parent || null,
        dependencies: [...r.dependencies].sort(),
        propertyDependencies: Object.fromEntries(Object.keys(r.propertyDependencies).sort().filter((key) => r.propertyDependencies[key].length > 0).map((key) => [key, [...r.propertyDependencies[key]].sort()])),
        protect: r.protect,
        ignoreChanges: r.ignoreChanges,
        deleteBeforeReplace: r.deleteBeforeReplace,
        deleteBeforeReplaceDefined: r.deleteBeforeReplaceDefined,
        replaceOnChanges: r.replaceOnChanges,
        onErrorHooks: r.onErrorHooks,
        customTimeouts: r.customTimeouts,
        retainOnDelete: r.retainOnDelete,
        ...(r.provider ? { provider: r.provider } : {}),
        aliases: r.aliases,
        inputs: plainInputs(r.object, secretDigestKey) as Record<string, unknown>,
        computed: {},
    };
}

const STACK_REFERENCE = "pulumi:pulumi:StackReference";

/** A StackReference's state as the engine reads it from the referenced stack; unknown stacks fail. */
function stackReferenceState(name: string, stacks: Record<string, Record<string, unknown>>): { id: string; state: Record<string, unknown> } {
    const outputs = stacks[name];
    if (!outputs) throw new Error(`the mock engine knows no stack named ${name}`);
    return { id: name, state: { name, outputs, secretOutputNames: [] } };
}

/** Node's own stack trace depth, as the process started with it. */
export const STACK_TRACE_LIMIT = Error.stackTraceLimit;

/**
 * Pulumi's mocks, recording every RegisterResource request and invoke the program makes. Unknown
 * invokes throw, so a new Azure call can't slip through untested.
 */
export class MockEngine {
    /**
     * Whether stacks are declared without stack traces. Pulumi's SDK captures `new Error().stack`
     * for every promise it makes (runtime/debuggable.js, kept for its leak report) and for each
     * resource, and under a loader with source maps (tsx) each capture resolves every frame:
     * declaring one test stack took 208 ms, 39% of it formatting stack traces, and 42 ms
     * without them (docs/mutation.md). On, capture is off from `install` until `settle`
     * returns, so a failing assertion after `settle` still has its trace. synth and the test
     * suite turn it on; scripts/pulumi-runtime.cjs leaves it off, as `pulumi preview` would.
     */
    static declareWithoutStackTraces = false;
    private capturing = false;
    private secretDigestKey?: Buffer;
    readonly resources: RecordedResource[] = [];
    readonly invokes: RecordedInvoke[] = [];
    /** Names of the hooks the program registered with the engine. */
    readonly hooks: string[] = [];

    private constructor() {}

    /**
     * `stackOutputs` answers StackReferences: the outputs of each referenced stack, by its name.
     */
    static async install(options: {
        project?: string;
        stack?: string;
        preview?: boolean;
        stackOutputs?: Record<string, Record<string, unknown>>;
        /** Clusters that already run in Azure, by name, as AKS reports them (getManagedCluster). */
        liveClusters?: Record<string, Record<string, unknown>>;
        /** Route tables of the running network, by a subnet they are associated with (getSubnet, getRouteTable). */
        liveRouteTables?: LiveRouteTables;
        /** A review's key: secrets recorded as masks that tell values apart (secret-digest.ts). */
        secretDigestKey?: Buffer;
    } = {}): Promise<MockEngine> {
        const engine = new MockEngine();
        engine.secretDigestKey = options.secretDigestKey;
        const functions = azureFunctions(options.liveClusters, options.liveRouteTables);
        await pulumi.runtime.setMocks({
            newResource: (args) => args.type === STACK_REFERENCE
                ? stackReferenceState(String(args.inputs.name), options.stackOutputs ?? {})
                : azureState(args.type, args.name, args.inputs),
            call: (args) => {
                engine.invokes.push({ token: args.token, inputs: plainInputs(args.inputs) as Record<string, unknown>, ...(args.provider ? { provider: args.provider } : {}) });
                const answer = functions[args.token];
                if (!answer) throw new Error(`the mock engine does not know the invoke ${args.token}`);
                return answer(args.inputs);
            },
        }, options.project ?? "aks-kubenet", options.stack ?? "test", options.preview ?? false);
        engine.listen();
        if (MockEngine.declareWithoutStackTraces) {
            engine.capturing = true;
            Error.stackTraceLimit = 0;
        }
        return engine;
    }

    private listen(): void {
        listenToMockMonitor({
            registration: (registration) => {
                const record = recordOf(registration, this.secretDigestKey);
                this.resources.push(record);
                return (urn, state) => {
                    record.urn = urn;
                    const computed = Object.entries(state).filter(([key]) => !(key in record.inputs));
                    record.computed = plainInputs(Object.fromEntries(computed), this.secretDigestKey) as Record<string, unknown>;
                };
            },
            hook: (name) => this.hooks.push(name),
        });
    }

    /** Resolves once every registration and invoke the program started has been answered. */
    async settle(): Promise<void> {
        try {
            await waitForRPCs();
        } finally {
            if (this.capturing) Error.stackTraceLimit = STACK_TRACE_LIMIT;
            this.capturing = false;
        }
    }

    byType(type: string): RecordedResource[] {
        return this.resources.filter((r) => r.type === type);
    }

    /** The one resource of a type (and name, if given); throws when there isn't exactly one. */
    one(type: string, name?: string): RecordedResource {
        const found = this.byType(type).filter((r) => name === undefined || r.name === name);
        if (found.length !== 1) throw new Error(`expected one ${type}${name ? ` named ${name}` : ""}, found ${found.length}`);
        return found[0];
    }
}
