/**
 * What the offline engine (engine.ts) needs from @pulumi/pulumi beyond its public API, in one
 * module, so that an SDK upgrade has one place to re-check and one test to fail
 * (test/infra/sdk-adapter.test.ts, which pins CHECKED_SDK_VERSION and exercises each item).
 * The rest of the engine rests on public API: `pulumi.runtime.setMocks` answers registrations
 * and invokes, `pulumi.runtime.getMonitor` finds the mock monitor, and the wire format's markers
 * are `pulumi.runtime.specialSigKey`, `specialSecretSig`, `specialResourceSig` and
 * `unknownValue`.
 *
 * Checked against @pulumi/pulumi 3.276.0. What stays internal, and why:
 *
 * - The mock monitor's URNs. Its `newUrn` (runtime/mocks.js) builds a child's URN from its
 *   parent's last type and the stack's type, where the engine uses the parent's whole type chain
 *   and leaves the stack out (engineUrn below). The method is replaced on the monitor instance.
 *
 * - The RegisterResource request. synth prints what the engine would receive, and no public
 *   hook carries it. `Mocks.newResource` is given only type, name, inputs, provider, custom,
 *   id and transforms (runtime/mocks.js): no parent, URN, dependencies, protect, ignoreChanges,
 *   replaceOnChanges, deleteBeforeReplace, retainOnDelete, aliases or hooks, and its inputs are
 *   deserialized (unknowns dropped outside preview, resource references rebuilt as Resource
 *   objects, a secret element turning its whole array secret). Resource transforms
 *   (`registerResourceTransform`, the `transforms` option) are called back by the engine, not
 *   the SDK: under mocks the monitor hands them to the mocks (`Mocks.registerTransform`,
 *   newResource's `transforms`) and runs none itself. The deprecated
 *   `registerStackTransformation` runs in the SDK, but in the Resource constructor before the
 *   SDK completes the options (resource.js): ignoreChanges, replaceOnChanges,
 *   deleteBeforeReplace, retainOnDelete and error hooks as sent, but dependsOn without the
 *   dependencies that come from inputs or from a component's children, protect and provider
 *   before they are inherited from the parent, aliases before they become specs, inputs before
 *   serialization, and never the stack resource itself. So the mock monitor's registerResource
 *   is wrapped and the request read through its generated getters (proto/resource_pb).
 * - Hook registration. setMocks turns error and resource hooks on, but the mock monitor has no
 *   registerErrorHook or registerResourceHook, so a resource with a hook would fail to register
 *   ("this._monitor.registerErrorHook is not a function", runtime/callbacks.js). The adapter
 *   answers them; components/common/retry.ts looks for that method to decide whether the
 *   engine runs error hooks.
 * - `waitForRPCs` (runtime/settings.js), marked internal and left out of the typings: the only
 *   way to wait until every registration and invoke the program started has been answered,
 *   those started while it waits too. `runInPulumiStack` resolves with the stack's outputs,
 *   not after its children; the public `disconnect` waits the same way but then closes the
 *   monitor and the callback server, documented as permanent.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Alias } from "@pulumi/pulumi/proto/alias_pb";
import type { RegisterErrorHookRequest, RegisterResourceHookRequest, RegisterResourceRequest, RegisterResourceResponse } from "@pulumi/pulumi/proto/resource_pb";
import * as settings from "@pulumi/pulumi/runtime/settings";

/** The @pulumi/pulumi release every item here was read and tested against. */
export const CHECKED_SDK_VERSION = "3.276.0";

/** The installed @pulumi/pulumi's version. */
export function installedSdkVersion(): string {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require("@pulumi/pulumi/package.json") as { version: string }).version;
}

/** An SDK that lacks something the adapter uses, said in terms of what to re-check. */
function sdkChanged(what: string): Error {
    return new Error(`@pulumi/pulumi ${installedSdkVersion()} ${what}; infra/synth/sdk-adapter.ts was checked against ${CHECKED_SDK_VERSION} and needs re-checking`);
}

/**
 * A resource's URN as the Pulumi engine makes it: the parent's whole qualified type chain, then
 * the resource's type and name; a parent that is the stack (or none) adds nothing
 * (pulumi/pulumi v3.248.0 pkg/resource/deploy/deployment.go, generateURN, and
 * sdk/go/common/resource/urn/urn.go, New). The SDK's mock monitor keeps only the parent's last
 * type (runtime/mocks.js, MockMonitor.newUrn), so a component given a parent would have the same
 * children's URNs as one without, where the engine gives them new ones.
 */
export const STACK_TYPE = "pulumi:pulumi:Stack";

export function engineUrn(stack: string, project: string, parentUrn: string, type: string, name: string): string {
    const qualifiedType = parentUrn.split("::")[2];
    const chain = parentUrn === "" || qualifiedType === STACK_TYPE ? type : `${qualifiedType}$${type}`;
    return `urn:pulumi:${stack}::${project}::${chain}::${name}`;
}

/** A RegisterResource request as plain data, every field as the SDK set it. */
export interface Registration {
    type: string;
    name: string;
    custom: boolean;
    /** The parent's URN; empty for the stack. */
    parent: string;
    /** Every resource this one waits for, explicit (dependsOn) and implicit (inputs), as sent. */
    dependencies: string[];
    /**
     * For each input, the resources its value comes from: what the engine makes unknown when one
     * of them is replaced delete-first (pkg/resource/deploy/step_generator.go,
     * calculateDependentReplacements).
     */
    propertyDependencies: Record<string, string[]>;
    protect: boolean;
    ignoreChanges: string[];
    deleteBeforeReplace: boolean;
    /** Whether the program set deleteBeforeReplace at all; when it didn't, the provider chooses. */
    deleteBeforeReplaceDefined: boolean;
    replaceOnChanges: string[];
    /** Names of the error hooks (retries) bound to the resource. */
    onErrorHooks: string[];
    /** How long the provider waits for each operation (`"90m"`), where the program says; empty otherwise. */
    customTimeouts: { create?: string; update?: string; delete?: string };
    retainOnDelete: boolean;
    /** The explicit provider's reference (`<urn>::<id>`); empty when there is none. */
    provider: string;
    /** Previous identities the resource answers to: an alias's URN, or its spec's non-empty parts. */
    aliases: Record<string, string>[];
    /** The inputs in the wire format: secrets, unknowns and resource references marked. */
    object: Record<string, unknown>;
}

export interface MonitorListener {
    /**
     * Each registration as it is sent; what it returns is given the URN the monitor answers and
     * the state the mocks answered (inputs and what the provider computed).
     */
    registration(registration: Registration): (urn: string, state: Record<string, unknown>) => void;
    /** Each hook the program registers, by name. */
    hook(name: string): void;
}

type Callback<T> = (err: unknown, response?: T) => void;

/** The mock monitor as setMocks installs it, with the hook methods it lacks once listened to. */
interface MockMonitor {
    newUrn(parent: string, type: string, name: string): string;
    registerResource(req: RegisterResourceRequest, callback: Callback<RegisterResourceResponse>): void;
    registerErrorHook?(req: RegisterErrorHookRequest, callback: Callback<object>): void;
    registerResourceHook?(req: RegisterResourceHookRequest, callback: Callback<object>): void;
}

function plainAlias(alias: Alias): Record<string, string> {
    const spec = alias.getSpec();
    if (!spec) return { urn: alias.getUrn() };
    // `noParent`: the resource had no parent but the stack (`{ parent: pulumi.rootStackResource }`).
    const parts = { name: spec.getName(), type: spec.getType(), stack: spec.getStack(), project: spec.getProject(), parentUrn: spec.getParenturn(), noParent: spec.getNoparent() ? "true" : "" };
    return Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== ""));
}

function timeoutsOf(req: RegisterResourceRequest): Registration["customTimeouts"] {
    const timeouts = req.getCustomtimeouts();
    const parts = { create: timeouts?.getCreate() ?? "", update: timeouts?.getUpdate() ?? "", delete: timeouts?.getDelete() ?? "" };
    return Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== ""));
}

function propertyDependenciesOf(req: RegisterResourceRequest): Record<string, string[]> {
    const dependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((value, key) => {
        dependencies[key] = value.getUrnsList();
    });
    return dependencies;
}

function registrationOf(req: RegisterResourceRequest): Registration {
    return {
        type: req.getType(),
        name: req.getName(),
        custom: req.getCustom(),
        parent: req.getParent(),
        dependencies: req.getDependenciesList(),
        propertyDependencies: propertyDependenciesOf(req),
        // Optional in the protocol; the generated getter answers false when unset.
        protect: req.getProtect() ?? false,
        ignoreChanges: req.getIgnorechangesList(),
        deleteBeforeReplace: req.getDeletebeforereplace(),
        deleteBeforeReplaceDefined: req.getDeletebeforereplacedefined(),
        replaceOnChanges: req.getReplaceonchangesList(),
        onErrorHooks: req.getHooks()?.getOnErrorList() ?? [],
        customTimeouts: timeoutsOf(req),
        retainOnDelete: req.getRetainondelete() ?? false,
        provider: req.getProvider(),
        aliases: req.getAliasesList().map(plainAlias),
        object: (req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>,
    };
}

/**
 * Hears every registration and hook the program sends to the mock monitor that
 * `pulumi.runtime.setMocks` installed; the monitor still answers them, with URNs as the engine
 * makes them (engineUrn). Hooks are accepted whatever their name.
 */
export function listenToMockMonitor(listener: MonitorListener): void {
    const monitor = pulumi.runtime.getMonitor() as unknown as MockMonitor | undefined;
    if (!monitor) throw new Error("no mock monitor: call pulumi.runtime.setMocks first");
    if (typeof monitor.registerResource !== "function") throw sdkChanged("has a monitor without registerResource");
    if (typeof monitor.newUrn !== "function") throw sdkChanged("has a mock monitor without newUrn");
    // The monitor answers registrations and reads with newUrn and keeps what it registered under
    // that URN, so the SDK, the monitor and synth all see the engine's URNs.
    monitor.newUrn = (parent, type, name) => engineUrn(pulumi.getStack(), pulumi.getProject(), parent ?? "", type, name);
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) => {
        const answered = listener.registration(registrationOf(req));
        register(req, (err, response) => {
            if (response) answered(response.getUrn(), (response.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>);
            callback(err, response);
        });
    };
    const acceptHook = (req: RegisterErrorHookRequest | RegisterResourceHookRequest, callback: Callback<object>) => {
        listener.hook(req.getName());
        callback(null, {});
    };
    monitor.registerErrorHook = acceptHook;
    monitor.registerResourceHook = acceptHook;
}

const internalSettings = settings as unknown as { waitForRPCs?: () => Promise<void> };

/** Resolves once every registration and invoke the program started has been answered. */
export function waitForRPCs(): Promise<void> {
    if (typeof internalSettings.waitForRPCs !== "function") throw sdkChanged("has no waitForRPCs in runtime/settings");
    return internalSettings.waitForRPCs();
}
