#!/usr/bin/env bash
# Authoring-loop benchmark (issue 6): how long `sitegen serve` takes from a one-page edit to the
# reload it pushes to open pages, on the 1,000-page synthetic corpus. Not part of `dotnet test`.
#
#   bash bench/serve-latency.sh                 # 1,000 pages, 20 edits
#   bash bench/serve-latency.sh --pages 100 --edits 5
#
# It prints, per edit, the server's own figure (the rebuild and the push, carried in the reload
# event) and the end-to-end time from the file being written to the event arriving (the rebuild
# begins at the change; what it built is shown once nothing changed for 10 ms), then the medians.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$repo/../shared}"
work="${WORK:-/tmp/ssg-serve-bench}"
pages=1000; edits=20; port=5097
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) pages="$2"; shift 2 ;;
    --edits) edits="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"
# The natively compiled sitegen (README, "A native sitegen"); JIT=1 the framework-dependent one.
rid="$(dotnet --info | awk '/RID:/ {print $2; exit}')"
if [ "${JIT:-0}" = 1 ]; then
  dotnet publish "$repo/generator" -c Release -r "$rid" --self-contained false -p:PublishAot=false -p:PublishReadyToRun=true -o "$work/sitegen-jit" >/dev/null
  program=(dotnet "$work/sitegen-jit/sitegen.dll")
else
  dotnet publish "$repo/generator" -c Release -r "$rid" -o "$work/sitegen" >/dev/null
  program=("$work/sitegen/sitegen")
fi

corpus="$work/corpus-$pages"
if [ ! -f "$corpus/index.md" ]; then
  python3 "$shared/bench/make-corpus.py" --pages "$pages" --out "$corpus" --seed 42 >/dev/null
  printf "title: Benchmark corpus\n" > "$corpus/site.yml"
  mkdir -p "$corpus/_partials"; echo "Synthetic benchmark pages." > "$corpus/_partials/limitations.md"
fi
site="$work/site"; rm -rf "$site"; cp -r "$corpus" "$site"

log="$work/serve.log"; events="$work/events.log"; : > "$events"
"${program[@]}" serve --input "$site" --theme "$repo/theme" --port "$port" > "$log" 2>&1 &
server=$!
trap 'pkill -P "${listener:-0}" 2>/dev/null; kill "$server" ${listener:-} 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
kill -0 "$server" 2>/dev/null || { echo "sitegen serve did not start (is port $port taken?):" >&2; tail -5 "$log" >&2; exit 1; }
# Every event line, stamped with the time it arrived (microseconds). Bash's own clock: a `date`
# for each line and for each write would add the start of a process (1-3 ms) to every figure.
( curl -sN "http://127.0.0.1:$port/__sitegen/events" | while IFS= read -r line; do echo "${EPOCHREALTIME/[.,]/} $line"; done >> "$events" ) &
listener=$!
sleep 1

mapfile -t files < <(find "$site" -name '*.md' ! -name index.md ! -path '*/_*' | sort | awk 'NR % 37 == 1' | head -n "$edits")
server_ms=(); total_ms=()
for i in "${!files[@]}"; do
  seen=$(grep -cE "data: [0-9]+$" "$events" || true)
  start=${EPOCHREALTIME/[.,]/}
  printf '\nAn added sentence, number %s, for the latency benchmark.\n' "$i" >> "${files[$i]}"
  for _ in $(seq 1 500); do [ "$(grep -cE "data: [0-9]+$" "$events" || true)" -gt "$seen" ] && break; sleep 0.01; done
  line=$(grep -E "data: [0-9]+$" "$events" | tail -1)
  arrived=${line%% *}; data=${line##*data: }
  took=$(( (arrived - start) / 100 )); server_ms+=("$data"); total_ms+=("$(( took / 10 )).$(( took % 10 ))")
  echo "edit $((i + 1)): rebuilt and pushed in ${data} ms; ${total_ms[-1]} ms from the write to the event"
  sleep 1.5 # let the search index catch up, as it does between real edits
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
echo "pages: $pages; edits: ${#files[@]}; rebuild and push median $(median "${server_ms[@]}") ms (max $(printf '%s\n' "${server_ms[@]}" | sort -n | tail -1) ms); write to event median $(median "${total_ms[@]}") ms"
