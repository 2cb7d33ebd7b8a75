#!/usr/bin/env bash
# Build-speed benchmark (issues 8 and 24): SiteGen beside Hugo and Pagefind on the same synthetic corpora
# (../shared/bench/make-corpus.py), timed in one run by ../shared/bench/run-peers.sh as medians of
# 5 runs of wall time, CPU time and peak memory. Not part of `dotnet test`.
#
#   bash bench/build-speed.sh                     # 100, 1,000 and 10,000 pages, 5 runs each
#   bash bench/build-speed.sh --large             # 100,000 pages, SiteGen and Hugo, 3 runs
#   bash bench/build-speed.sh --install           # first install Hugo (apt) and Pagefind (npm)
#   bash bench/build-speed.sh --sizes "100" --runs 1 --peers ours   # a quick look
#   JIT=1 bash bench/build-speed.sh ...           # the framework-dependent program instead of the native one
#
# Any option is passed on to run-peers.sh (see its header); later options override these defaults.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$repo/../shared}"
work="${WORK:-/tmp/ssg-bench}"
mkdir -p "$work"

# The natively compiled sitegen (README, "A native sitegen"), published once: what an editor or CI
# runs when it installs the tool on Linux x64. JIT=1 times the framework-dependent program instead
# (ReadyToRun-precompiled), for comparison.
rid="$(dotnet --info | awk '/RID:/ {print $2; exit}')"
if [ "${JIT:-0}" = 1 ]; then
  dotnet publish "$repo/generator" -c Release -r "$rid" --self-contained false -p:PublishAot=false -p:PublishReadyToRun=true -o "$work/sitegen-jit" >/dev/null
  program="dotnet $work/sitegen-jit/sitegen.dll"; label="sitegen, JIT (citations + search)"
else
  dotnet publish "$repo/generator" -c Release -r "$rid" -o "$work/sitegen" >/dev/null
  program="$work/sitegen/sitegen"; label="sitegen, native (citations + search)"
fi

# The corpus has pages and citations but not the two files every SiteGen site has: site.yml and
# the evidence-limitations partial. They are added before the timed build (a few microseconds).
setup='test -f {plain}/site.yml || { printf "title: Benchmark corpus\n" > {plain}/site.yml; mkdir -p {plain}/_partials; echo "Synthetic benchmark pages." > {plain}/_partials/limitations.md; }'
export OURS_CMD="$setup; $program build --input {plain} --output {out} --theme $repo/theme"
export OURS_LABEL="$label"
export OURS_INDEX_GLOB="search/*"

# 100, 1,000 and 10,000 pages beside Hugo and Pagefind, 5 runs; then 100,000 pages beside Hugo
# alone, 3 runs (Pagefind would index a 100,000-page Hugo output for minutes more).
if [ "${1:-}" = "--large" ]; then
  shift
  bash "$shared/bench/run-peers.sh" --work "$work" --peers "hugo ours" --sizes "100000" --runs 3 "$@"
else
  bash "$shared/bench/run-peers.sh" --work "$work" --peers "hugo pagefind ours" --sizes "100 1000 10000" --runs 5 "$@"
fi
