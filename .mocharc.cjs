// mocha's configuration for `npm test`. The behaviour suite is every test file outside
// test/repo/ (the repository's own checks, `npm run test:repo`); `npm test -- <file>...` runs
// just the files given, since a spec here would otherwise be run as well.
"use strict";
const os = require("node:os");
const given = process.argv.slice(2).filter((arg) => /\.test\.ts$/.test(arg));
const SUITE = ["test/{address,cli,common,components,examples,infra,pipeline,policy}/**/*.test.ts"];

module.exports = {
    require: ["tsx/cjs", "./test/setup.ts"],
    extension: ["ts"],
    spec: given.length > 0 ? [] : SUITE,
    timeout: 20000,
    // The whole suite runs its files in parallel, one worker per core (two at least): each file
    // declares stacks in its own process, with the SDK's global state to itself.
    parallel: given.length === 0,
    jobs: Math.max(2, os.availableParallelism()),
    // A larger young generation: declaring stacks makes many short-lived objects, and the
    // default semi-space made the collector run constantly (docs/performance.md).
    "node-option": ["conditions=source", "max-semi-space-size=64"],
};
// The behaviour suite's files whatever the command line, for the mutation run's check; not an
// option mocha reads (it is not enumerable).
Object.defineProperty(module.exports, "suite", { value: SUITE, enumerable: false });
