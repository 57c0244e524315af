// Loaded by the mutation run's mocha (stryker.config.json, mochaOptions.require) and never by
// `npm test`, whose failures need their stack traces.
//
// Pulumi's SDK captures `new Error().stack` for every promise it creates (debuggablePromise in
// @pulumi/pulumi/runtime/debuggable.js, kept for its leak report) and for each resource's source
// position. Under tsx, which turns on source maps, each capture resolves every frame through a
// source map, and the strings it leaves make the young generation collect constantly. Declaring
// one test stack (11 resources) took 208 ms, 39% of it formatting stack traces. With no frames
// to capture, and a larger young generation (testRunnerNodeArgs in stryker.config.json), it
// took 42 ms (docs/mutation.md). A mutation run reads no stack trace: it only needs pass or fail.
"use strict";
Error.stackTraceLimit = 0;
