/*
 * Loaded by mocha before the test files (.mocharc.cjs). Stacks are declared under mocks without
 * stack traces (MockEngine.declareWithoutStackTraces: off from install until settle), and
 * every test starts with Node's own depth again, so a failing assertion always has its trace.
 */
import { MockEngine, STACK_TRACE_LIMIT } from "../infra/synth/engine";

MockEngine.declareWithoutStackTraces = true;

export const mochaHooks = {
    beforeEach(): void {
        Error.stackTraceLimit = STACK_TRACE_LIMIT;
    },
};
