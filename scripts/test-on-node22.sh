#!/usr/bin/env bash
# Runs jest's three tiers (unit, int, e2e) on Node 22 LTS — the Docker image's runtime — beside the build
# machines' Node 20, without touching the working tree's Node 20 build of better-sqlite3.
#
# Node 22 comes from the npm registry's `node` package (a prebuilt binary plus its headers, installed in
# seconds). npm builds native addons against the machine's Node, so the tests run in a throw-away copy of the
# tree: node_modules hard-linked (no space, no time), better-sqlite3 alone a real copy, rebuilt there with
# `--nodedir` pointing at the package's headers. Child processes the tests spawn (process.execPath, `npm`) are
# Node 22 too, since its bin comes first on PATH. The last step of `npm test` (so CI runs it), after jest on
# the machine's Node 20; needs build:web's output (dist/dashboard-web), which `npm test` builds first. NODE22_VERSION picks another 22.x.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
version="${NODE22_VERSION:-22.23.3}"
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  *) echo "test-on-node22: no node package for $(uname -m)" >&2; exit 1 ;;
esac

work="$(mktemp -d "${TMPDIR:-/tmp}/hazard-node22.XXXXXX")"
trap 'rm -rf "$work"' EXIT
started=$SECONDS

echo "test-on-node22: node@$version from the npm registry" >&2
mkdir "$work/runtime"
echo '{"name":"node-runtime","private":true}' >"$work/runtime/package.json"
(cd "$work/runtime" && npm install --no-save --no-audit --no-fund --loglevel=error "node@$version" >/dev/null)
runtime="$work/runtime/node_modules/node"
nodedir="$runtime/node_modules/node-linux-$arch"
export PATH="$runtime/bin:$PATH"
[ "$(node --version)" = "v$version" ] || { echo "test-on-node22: node on PATH is $(node --version), not v$version" >&2; exit 1; }

echo "test-on-node22: copying the tree, rebuilding better-sqlite3 for $(node --version)" >&2
tree="$work/tree"
mkdir "$tree"
# Everything but node_modules and the data a local run may have left; node_modules hard-linked.
(cd "$root" && tar --exclude=./node_modules --exclude=./data --exclude=./.git -cf - .) | (cd "$tree" && tar -xf -)
cp -al "$root/node_modules" "$tree/node_modules"
rm -rf "$tree/node_modules/better-sqlite3"
cp -a "$root/node_modules/better-sqlite3" "$tree/node_modules/better-sqlite3"
rm -rf "$tree/node_modules/better-sqlite3/build"
(cd "$tree" && npm rebuild better-sqlite3 --nodedir="$nodedir" --loglevel=error >/dev/null)
node -e "new (require('$tree/node_modules/better-sqlite3'))(':memory:').close()"
echo "test-on-node22: ready after $((SECONDS - started)) s; running jest on $(node --version)" >&2

cd "$tree"
node node_modules/jest/bin/jest.js --ci "$@"
echo "test-on-node22: done in $((SECONDS - started)) s" >&2
