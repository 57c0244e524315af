#!/usr/bin/env bash
# Runs a command on a given Node.js major version, taken from the npm registry's `node` package
# (a real Node binary for this platform), so CI tests the LTS versions users run whatever Node
# the machine has. Installs once into .cache/node-<major>.
#   bash scripts/with-node.sh 24 npm test
set -euo pipefail
major="$1"
shift
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.cache/node-$major"
if [ ! -x "$dir/node_modules/node/bin/node" ]; then
    mkdir -p "$dir"
    # The package's install script fetches the platform binary (node-<os>-<arch>) from the
    # registry; allowScripts approves exactly that one script.
    printf '{ "name": "node-%s", "private": true, "allowScripts": { "node": true } }\n' "$major" > "$dir/package.json"
    (cd "$dir" && npm install --no-audit --no-fund --no-save --loglevel=error "node@$major" >&2)
fi
export PATH="$dir/node_modules/node/bin:$PATH"
actual="$(node --version)"
case "$actual" in
    "v$major".*) ;;
    *) echo "with-node: wanted Node $major, got $actual" >&2; exit 1 ;;
esac
echo "with-node: Node $actual: $*" >&2
exec "$@"
