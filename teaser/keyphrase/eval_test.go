package keyphrase

import (
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var (
	evalFlag = flag.Bool("eval", false, "score Extract on ../shared/eval/kpcrowd-dev with kp_score.py")
	evalOut  = flag.String("eval.out", "", "write the predictions JSONL here (default: a temp file)")
)

// evalDir is the KPCrowd dev set, beside the repository.
const evalDir = "../../../shared/eval/kpcrowd-dev"

// evalFiles lists the KPCrowd dev articles in name order.
func evalFiles(t testing.TB) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(evalDir, "*.txt"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no kpcrowd-dev articles in %s (the shared folder beside the repository): %v", evalDir, err)
	}
	sort.Strings(names)
	return names
}

// TestEval writes Extract's top 10 for every KPCrowd dev article and scores
// them with kp_score.py: on all 450, on the even-numbered half (where the
// weights were tuned) and on the odd-numbered half (held out).
func TestEval(t *testing.T) {
	if !*evalFlag {
		t.Skip("set -eval to score keyphrases on kpcrowd-dev (needs /usr/bin/python3 with python3-snowballstemmer)")
	}
	names := evalFiles(t)
	tmp := t.TempDir()
	out := *evalOut
	if out == "" {
		out = filepath.Join(tmp, "predictions.jsonl")
	}
	var all strings.Builder
	splits := map[string]string{"tune": filepath.Join(tmp, "tune"), "heldout": filepath.Join(tmp, "heldout")}
	for _, d := range splits {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for i, name := range names {
		a := loadText(t, name)
		var kps []string
		for _, p := range Extract(a, 10) {
			kps = append(kps, p.Text)
		}
		line, err := json.Marshal(map[string]any{"file": name, "keyphrases": kps})
		if err != nil {
			t.Fatal(err)
		}
		all.Write(line)
		all.WriteByte('\n')
		split := splits["tune"]
		if i%2 == 1 {
			split = splits["heldout"]
		}
		key := strings.TrimSuffix(name, ".txt") + ".key"
		abs, err := filepath.Abs(key)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(abs, filepath.Join(split, filepath.Base(key))); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(out, []byte(all.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct{ name, gold string }{
		{"dev-all", evalDir}, {"tune (even)", splits["tune"]}, {"held-out (odd)", splits["heldout"]},
	} {
		cmd := exec.Command("/usr/bin/python3", filepath.Join(evalDir, "..", "kp_score.py"), s.gold, out)
		b, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("kp_score.py: %v\n%s", err, b)
		}
		m := regexp.MustCompile(`n=\d+ F1@10=\S+ P@3=\S+`).Find(b)
		if m == nil {
			t.Fatalf("kp_score.py printed no score line:\n%s", b)
		}
		t.Logf("%-15s %s", s.name, m)
	}
	t.Logf("predictions: %s", out)
}
