#!/usr/bin/env bash
# Whole-process benchmark: generates a synthetic repository and times `cloudpact check` on it.
# Usage: bench/run.sh [BUILD_DIR] [MODULES] [MANIFESTS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
modules=${2:-500}
manifests=${3:-500}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/generate.py" "$work/repo" --modules "$modules" --manifests "$manifests"
bytes=$(du -sb "$work/repo" | cut -f1)
files=$(find "$work/repo" -type f | wc -l)
echo "repository: $files files, $bytes bytes ($modules Terraform modules, $manifests manifest files)"
for jobs in 1 2; do
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$build/bin/cloudpact" check -j "$jobs" --quiet --format json -o "$work/out-$jobs.json" "$work/repo" || true
  end=$(date +%s.%N)
  printf -- "-j %s: %.2f s wall, %s MiB max RSS\n" "$jobs" "$(echo "$end - $start" | bc)" "$(( $(tail -n 1 "$work/rss") / 1024 ))"
done
cmp -s "$work/out-1.json" "$work/out-2.json" && echo "output identical for -j 1 and -j 2"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('findings:', len(d['findings']))" "$work/out-1.json"
