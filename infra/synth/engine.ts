import * as pulumi from "@pulumi/pulumi";
import * as settings from "@pulumi/pulumi/runtime/settings";

// Exported by the SDK's runtime but marked internal, so absent from its typings: it resolves
// once every outstanding registration and invoke has been answered.
const { waitForRPCs } = settings as unknown as { waitForRPCs(): Promise<void> };
import { azureFunctions, azureState } from "./azure-state";

/** One resource as the engine received its RegisterResource request. */
export interface RecordedResource {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    parent: string | null;
    /** Every resource this one waits for, explicit (dependsOn) and implicit (inputs), as sent. */
    dependencies: string[];
    protect: boolean;
    ignoreChanges: string[];
    deleteBeforeReplace: boolean;
    /** Whether the program set deleteBeforeReplace at all; when it didn't, the provider chooses. */
    deleteBeforeReplaceDefined: boolean;
    replaceOnChanges: string[];
    /** Names of the error hooks (retries) bound to the resource. */
    onErrorHooks: string[];
    retainOnDelete: boolean;
    /** The explicit provider's reference (`<urn>::<id>`), when the resource names one. */
    provider?: string;
    /** Previous identities the resource answers to: an alias's URN, or its spec's changed parts. */
    aliases: Record<string, string>[];
    /** Inputs with secrets masked as "[secret]" and resource references as their URNs. */
    inputs: Record<string, unknown>;
}

export interface RecordedInvoke {
    token: string;
    inputs: Record<string, unknown>;
    /** The explicit provider's reference (`<urn>::<id>`), when the invoke names one. */
    provider?: string;
}

export const SECRET_MASK = "[secret]";

/** Inputs as plain JSON: secrets masked, unknowns marked, resource references as URNs. */
export function plainInputs(value: unknown): unknown {
    if (value === pulumi.runtime.unknownValue) return "[unknown]";
    if (Array.isArray(value)) return value.map(plainInputs);
    if (value && typeof value === "object") {
        const object = value as Record<string, unknown>;
        const sig = object[pulumi.runtime.specialSigKey];
        if (sig === pulumi.runtime.specialSecretSig) return SECRET_MASK;
        if (sig === pulumi.runtime.specialResourceSig) return object.urn;
        return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, plainInputs(v)]));
    }
    return value;
}

interface RegisterRequest {
    getType(): string;
    getName(): string;
    getCustom(): boolean;
    getParent(): string;
    getDependenciesList(): string[];
    getProtect(): boolean;
    getIgnorechangesList(): string[];
    getDeletebeforereplace(): boolean;
    getDeletebeforereplacedefined(): boolean;
    getReplaceonchangesList(): string[];
    getHooks(): { getOnErrorList(): string[] } | undefined;
    getRetainondelete(): boolean;
    getProvider(): string;
    getAliasesList(): AliasMessage[];
    getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
}
interface AliasMessage {
    getUrn(): string;
    getSpec(): { getName(): string; getType(): string; getStack(): string; getProject(): string; getParenturn(): string } | undefined;
}

/** An alias as plain data: its URN, or the non-empty parts of its spec. */
function plainAlias(alias: AliasMessage): Record<string, string> {
    const spec = alias.getSpec();
    if (!spec) return { urn: alias.getUrn() };
    const parts = { name: spec.getName(), type: spec.getType(), stack: spec.getStack(), project: spec.getProject(), parentUrn: spec.getParenturn() };
    return Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== ""));
}

const STACK_REFERENCE = "pulumi:pulumi:StackReference";

/** A StackReference's state as the engine reads it from the referenced stack; unknown stacks fail. */
function stackReferenceState(name: string, stacks: Record<string, Record<string, unknown>>): { id: string; state: Record<string, unknown> } {
    const outputs = stacks[name];
    if (!outputs) throw new Error(`the mock engine knows no stack named ${name}`);
    return { id: name, state: { name, outputs, secretOutputNames: [] } };
}

type Callback = (err: unknown, response?: { getUrn(): string }) => void;

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
    } = {}): Promise<MockEngine> {
        const engine = new MockEngine();
        const functions = azureFunctions(options.liveClusters);
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
        engine.wrapMonitor();
        if (MockEngine.declareWithoutStackTraces) {
            engine.capturing = true;
            Error.stackTraceLimit = 0;
        }
        return engine;
    }

    private wrapMonitor(): void {
        const monitor = settings.getMonitor() as unknown as {
            registerResource(req: RegisterRequest, cb: Callback): void;
            registerErrorHook?(req: { getName(): string }, cb: (err: unknown, response?: unknown) => void): void;
            registerResourceHook?(req: { getName(): string }, cb: (err: unknown, response?: unknown) => void): void;
        };
        // The SDK's mock monitor has no hook registration; the engine accepts every named hook.
        monitor.registerErrorHook = (req, callback) => {
            this.hooks.push(req.getName());
            callback(null, {});
        };
        monitor.registerResourceHook = monitor.registerErrorHook;
        const register = monitor.registerResource.bind(monitor);
        monitor.registerResource = (req, callback) => {
            const record: RecordedResource = {
                urn: "",
                type: req.getType(),
                name: req.getName(),
                custom: req.getCustom(),
                parent: req.getParent() || null,
                dependencies: [...req.getDependenciesList()].sort(),
                protect: req.getProtect(),
                ignoreChanges: req.getIgnorechangesList(),
                deleteBeforeReplace: req.getDeletebeforereplace(),
                deleteBeforeReplaceDefined: req.getDeletebeforereplacedefined(),
                replaceOnChanges: req.getReplaceonchangesList(),
                onErrorHooks: req.getHooks()?.getOnErrorList() ?? [],
                retainOnDelete: req.getRetainondelete(),
                ...(req.getProvider() ? { provider: req.getProvider() } : {}),
                aliases: req.getAliasesList().map(plainAlias),
                inputs: plainInputs(req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>,
            };
            this.resources.push(record);
            register(req, (err, response) => {
                if (response) record.urn = response.getUrn();
                callback(err, response);
            });
        };
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
