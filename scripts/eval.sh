#!/usr/bin/env bash
# eval.sh reproduces Hookline's quality figures on the shared sets:
#   - keyphrases: F1@10 and P@3 of `hookline keywords` on kpcrowd-dev (450
#     news articles) and duc2001-dev (154 newswire articles), scored by
#     ../shared/eval/kp_score.py, and the command's peak memory over the 450
#     kpcrowd files in one process;
#   - teasers: ROUGE-1/2/L F1 of the teasers of the 500 xsum-dev articles
#     against their one-sentence summaries, scored by ../shared/eval/rouge.py
#     (go test ./teaser -run TestEvalXSum -eval).
# Needs /usr/bin/python3 with python3-snowballstemmer and GNU time.
# Usage: scripts/eval.sh   (SHARED=/path/to/shared to use another copy)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$(cd "${SHARED:-../shared}" && pwd)
py=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/hookline" ./cmd/hookline

echo "== keyphrases: kpcrowd-dev ($(ls "$shared"/eval/kpcrowd-dev/*.txt | wc -l) articles)"
/usr/bin/time -v -o "$work/time.txt" \
	"$work/hookline" keywords --top 10 --format json "$shared"/eval/kpcrowd-dev/*.txt >"$work/keywords.jsonl"
"$py" "$shared/eval/kp_score.py" "$shared/eval/kpcrowd-dev" "$work/keywords.jsonl"
awk -F': ' '/Maximum resident set size/ { printf "peak memory of hookline keywords: %.1f MB (target < 50 MB)\n", $2 / 1024 }' "$work/time.txt"

echo "== keyphrases: duc2001-dev ($(ls "$shared"/eval/duc2001-dev/*.txt | wc -l) articles; YAKE 0.6.0: F1@10=0.125 P@3=0.149)"
"$work/hookline" keywords --top 10 --format json "$shared"/eval/duc2001-dev/*.txt >"$work/keywords-duc.jsonl"
"$py" "$shared/eval/kp_score.py" "$shared/eval/duc2001-dev" "$work/keywords-duc.jsonl"

echo "== teasers: xsum-dev (Lead-1: R1=16.46 R2=1.76 RL=12.26)"
HOOKLINE_EVAL_OUT="$work" SHARED="$shared" go test ./teaser -run '^TestEvalXSum$' -eval -count=1 -v |
	sed -n 's/^ *eval_test.go:[0-9]*: teasers n=/n=/p'
