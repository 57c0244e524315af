#!/usr/bin/env bash
# The checks every change must pass, the same in CI (.ci/run) and in the pull-request workflow:
# type-check, lint (eslint and actionlint), the test suite, the repository's own checks
# (workflows, mutation configuration, figures the README quotes), the public API against
# api-report.txt, and the offline synth of every
# shipped stack. Run after `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent typecheck
npm run --silent lint
npm test
npm run --silent test:repo
npx tsx scripts/api-report.ts --check
for file in stacks/Pulumi.*.yaml; do
    stack="${file#stacks/Pulumi.}"
    stack="${stack%.yaml}"
    npm run --silent synth -- --stack "$stack" --json > /dev/null
    echo "synth $stack: valid"
done
