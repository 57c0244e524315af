import { MockEngine } from "../../infra/synth/engine";

/**
 * The message a failed deployment gives, or undefined when it succeeds. A registration whose
 * input fails is never sent: the SDK reports the error (as an unhandled rejection, which ends a
 * real program) and never settles, so the first failure ends the wait.
 */
export async function deploymentError(engine: MockEngine): Promise<string | undefined> {
    const failures: string[] = [];
    let failed: () => void = () => undefined;
    const firstFailure = new Promise<void>((resolve) => (failed = resolve));
    const record = (error: unknown) => {
        failures.push(String((error as Error)?.message ?? error));
        failed();
    };
    process.on("unhandledRejection", record);
    try {
        await Promise.race([engine.settle(), firstFailure]);
        await new Promise((resolve) => setTimeout(resolve, 20));
    } catch (error) {
        record(error);
    } finally {
        process.off("unhandledRejection", record);
    }
    return failures.length > 0 ? failures.join("\n") : undefined;
}

