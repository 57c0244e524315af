#!/usr/bin/env bash
# Installs this repository's HEAD the way another project installs a tagged release from git
# (npm install git+<url>#<ref>): npm clones it, runs its `prepare` build because the consumer's
# allowScripts approves this git source, and packs it. Then it loads the four components by
# package name and runs a consumer's unit test of a program using them, with nothing but Pulumi's
# own mocks (pulumi.runtime.setMocks) and resource options, as the README describes. Run from
# the repository root; needs the npm registry for the dependencies.
set -euo pipefail
repo="$(pwd)"
ref="$(git rev-parse HEAD)"
consumer="$(mktemp -d)"
trap 'rm -rf "$consumer"' EXIT
cat > "$consumer/package.json" <<JSON
{
  "name": "aks-kubenet-consumer-check",
  "version": "1.0.0",
  "private": true,
  "allowScripts": {
    "git+file://$repo": true,
    "@pulumi/kubernetes": false,
    "protobufjs": false
  }
}
JSON
cd "$consumer"
npm install --no-audit --no-fund --loglevel=error "git+file://$repo#$ref"
node -e '
const c = require("aks-kubenet");
const pulumi = require("@pulumi/pulumi");
for (const name of ["KubenetNetwork", "ClusterIdentity", "KubenetCluster", "NamespaceBootstrap"]) {
    if (typeof c[name] !== "function" || !(c[name].prototype instanceof pulumi.ComponentResource)) throw new Error(name + " is not an exported component");
}
console.log("installed from git at '"$ref"': KubenetNetwork, ClusterIdentity, KubenetCluster, NamespaceBootstrap");
'
cp "$repo/scripts/consumer-unit-test.cjs" .
node consumer-unit-test.cjs
