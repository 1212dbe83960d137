#!/usr/bin/env bash
# Runs every Fuzz target in the repository for a bounded time each.
#
# Targets are discovered with `go test -list 'Fuzz.*'`, so a new fuzz test
# is picked up without editing this file. Each runs for FUZZTIME (default:
# FUZZ_BUDGET seconds (default 120) shared among the targets, 10 s at most and 3 s at
# least each) with -fuzzminimizetime 10x, so the whole run stays well under
# five minutes on two cores. A failing input is written by `go test` under
# the package's testdata/fuzz/<Target>/; commit it as a regression case.
#
# Usage: .ci/fuzz.sh [package pattern...]   (default ./...)
# Env:   FUZZTIME=10s   fixed time per target
#        FUZZ_BUDGET=120 seconds of fuzzing in all, when FUZZTIME is unset
# Exits non-zero when any target fails (or does not build).
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"

patterns=("$@")
[ ${#patterns[@]} -eq 0 ] && patterns=(./...)

# "package target" lines. `go test -list` prints the matching names of each
# package, then "ok <package> <time>".
list=$(go test -run '^$' -list '^Fuzz' "${patterns[@]}" 2>&1) || {
  echo "fuzz: listing targets failed:" >&2
  echo "$list" >&2
  exit 1
}
targets=()
names=()
while IFS= read -r line; do
  case "$line" in
    Fuzz*) names+=("$line") ;;
    "ok "*)
      pkg=$(echo "$line" | awk '{print $2}')
      for n in "${names[@]}"; do targets+=("$pkg $n"); done
      names=()
      ;;
    *) names=() ;;
  esac
done <<<"$list"

count=${#targets[@]}
if [ "$count" -eq 0 ]; then
  echo "fuzz: no Fuzz targets found in ${patterns[*]}" >&2
  exit 1
fi

if [ -z "${FUZZTIME:-}" ]; then
  budget=${FUZZ_BUDGET:-120}
  per=$(( budget / count ))
  [ "$per" -gt 10 ] && per=10
  [ "$per" -lt 3 ] && per=3
  FUZZTIME="${per}s"
fi
echo "fuzz: $count targets, $FUZZTIME each"

failed=()
start=$(date +%s)
for t in "${targets[@]}"; do
  pkg=${t% *}
  name=${t#* }
  t0=$(date +%s)
  out=$(go test -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime 10x "$pkg" 2>&1)
  rc=$?
  if [ $rc -eq 0 ]; then
    echo "ok   $pkg $name ($(( $(date +%s) - t0 ))s)"
  elif ! grep -q 'Failing input written' <<<"$out" && grep -q 'context deadline exceeded' <<<"$out"; then
    # The fuzzing engine itself ran out of time (a worker still busy when
    # -fuzztime ended) and found no failing input: not a failure of the code.
    echo "ok   $pkg $name ($(( $(date +%s) - t0 ))s; the engine stopped at its deadline with no failing input)"
  else
    echo "FAIL $pkg $name"
    echo "$out" | tail -40
    failed+=("$pkg $name")
  fi
done
echo "fuzz: $count targets in $(( $(date +%s) - start ))s"

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${#failed[@]} failed:" >&2
  printf '  %s\n' "${failed[@]}" >&2
  exit 1
fi
