#!/usr/bin/env bash
# Build-speed benchmark (issue 8): SiteGen beside Hugo and Pagefind on the same synthetic corpora
# (../shared/bench/make-corpus.py), timed in one run by ../shared/bench/run-peers.sh as medians of
# 5 runs of wall time, CPU time and peak memory. Not part of `dotnet test`.
#
#   bash bench/build-speed.sh                     # 100, 1,000 and 10,000 pages, 5 runs each
#   bash bench/build-speed.sh --install           # first install Hugo (apt) and Pagefind (npm)
#   bash bench/build-speed.sh --sizes "100" --runs 1 --peers ours   # a quick look
#
# Any option is passed on to run-peers.sh (see its header); later options override these defaults.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$repo/../shared}"
work="${WORK:-/tmp/ssg-bench}"
mkdir -p "$work"

# A Release build, published once and precompiled (ReadyToRun), so compilation and JIT warm-up
# are not part of the timings. ReadyToRun takes a 100-page build from 1.2 s to 0.7 s here.
rid="$(dotnet --info | awk '/RID:/ {print $2; exit}')"
dotnet publish "$repo/generator" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$work/sitegen" >/dev/null

# The corpus has pages and citations but not the two files every SiteGen site has: site.yml and
# the evidence-limitations partial. They are added before the timed build (a few microseconds).
setup='test -f {plain}/site.yml || { printf "title: Benchmark corpus\n" > {plain}/site.yml; mkdir -p {plain}/_partials; echo "Synthetic benchmark pages." > {plain}/_partials/limitations.md; }'
export OURS_CMD="$setup; dotnet $work/sitegen/sitegen.dll build --input {plain} --output {out} --theme $repo/theme"
export OURS_LABEL="sitegen (citations + search)"
export OURS_INDEX_GLOB="search/*"

bash "$shared/bench/run-peers.sh" --work "$work" --peers "hugo pagefind ours" --sizes "100 1000 10000" --runs 5 "$@"
