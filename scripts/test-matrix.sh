#!/usr/bin/env bash
# The n8n version matrix: every test of `npm test` against the n8n-core / n8n-workflow of each n8n 1.x
# release in scripts/matrix/ (n8n-<version>/package.json + package-lock.json: the exact versions that n8n
# release depends on). The 2.x run is `npm test` itself. Usage:
#   bash scripts/test-matrix.sh [n8n version...]       (default: every folder in scripts/matrix/)
# Each version is installed once into $N8N_MATRIX_DIR (default .cache/n8n-matrix) and reinstalled when
# its lock file changes. Results: test-artifacts/jest-results-n8n-<version>.json. With
# COMPARE_WITH=<jest --json results of the 2.x run>, each version must also have run the very same
# tests as that run (same names, same count), none skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
matrix_dir=${N8N_MATRIX_DIR:-.cache/n8n-matrix}
mkdir -p "$matrix_dir" test-artifacts
matrix_dir=$(cd "$matrix_dir" && pwd)
versions=("$@")
if [ ${#versions[@]} -eq 0 ]; then
	for folder in scripts/matrix/n8n-*/; do versions+=("$(basename "$folder" | sed 's/^n8n-//')"); done
fi

for version in "${versions[@]}"; do
	manifest=scripts/matrix/n8n-$version
	target=$matrix_dir/n8n-$version
	[ -f "$manifest/package-lock.json" ] || { echo "no $manifest/package-lock.json" >&2; exit 1; }
	# The manifest must name what that n8n release depends on (the registry is the reference).
	for module in n8n-core n8n-workflow; do
		pinned=$(node -p "require('./$manifest/package.json').dependencies['$module']")
		released=$(npm view "n8n@$version" "dependencies.$module")
		[ "$pinned" = "$released" ] || { echo "$manifest pins $module $pinned, n8n $version depends on $released" >&2; exit 1; }
	done
	if ! cmp -s "$manifest/package-lock.json" "$target/package-lock.json" || [ ! -d "$target/node_modules" ]; then
		echo "-- installing the n8n-core / n8n-workflow of n8n $version into $target"
		rm -rf "$target" && mkdir -p "$target"
		cp "$manifest/package.json" "$manifest/package-lock.json" "$target/"
		# No install scripts: nothing here needs building (the project's .npmrc does not reach this folder).
		(cd "$target" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
	fi
	echo "-- npm test against n8n $version ($(du -sh "$target" | cut -f1) installed)"
	results=test-artifacts/jest-results-n8n-$version.json
	status=0
	N8N_MATRIX_MODULES=$target/node_modules npx jest -c jest.matrix.config.js --json --outputFile="$results" || status=$?
	node scripts/matrix/compare-results.js "$version" "$results" ${COMPARE_WITH:+"$COMPARE_WITH"} || status=1
	[ "$status" -eq 0 ] || exit "$status"
done
