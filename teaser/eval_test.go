package teaser

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hookline/hookline/article"
)

var evalFlag = flag.Bool("eval", false, "write XSum teasers and score them with ../shared/eval/rouge.py")

// sharedDir is ../shared beside the repository, or $SHARED.
func sharedDir() string {
	if d := os.Getenv("SHARED"); d != "" {
		return d
	}
	return "../../shared"
}

type xsumRow struct {
	ID       string `json:"id"`
	Document string `json:"document"`
	Summary  string `json:"summary"`
}

// xsumArticles reads the XSum dev set as articles: one paragraph a line.
func xsumArticles(t testing.TB) ([]xsumRow, []*article.Article) {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedDir(), "eval", "xsum-dev.jsonl"))
	if err != nil {
		t.Fatalf("xsum dev set (../shared/eval, laid out beside the checkout): %v", err)
	}
	defer f.Close()
	var rows []xsumRow
	var arts []*article.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var r xsumRow
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		a := &article.Article{Paragraphs: strings.Split(r.Document, "\n")}
		a.Finish()
		rows = append(rows, r)
		arts = append(arts, a)
	}
	return rows, arts
}

// TestEvalXSum writes one teaser per XSum document and prints its ROUGE
// against the journalists' summaries. Run with -eval.
func TestEvalXSum(t *testing.T) {
	if !*evalFlag {
		t.Skip("run with -eval")
	}
	rows, arts := xsumArticles(t)
	out := filepath.Join(t.TempDir(), "xsum-teasers.jsonl")
	if dir := os.Getenv("HOOKLINE_EVAL_OUT"); dir != "" {
		out = filepath.Join(dir, "xsum-teasers.jsonl")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	for i, a := range arts {
		res, err := Compose(a, Options{})
		if err != nil {
			t.Fatalf("xsum %s: %v", rows[i].ID, err)
		}
		if err := enc.Encode(map[string]string{"id": rows[i].ID, "text": res.Teaser.String()}); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	eval := filepath.Join(sharedDir(), "eval")
	cmd := exec.Command("/usr/bin/python3", filepath.Join(eval, "rouge.py"), filepath.Join(eval, "xsum-dev.jsonl"), out)
	res, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("rouge.py: %v\n%s", err, res)
	}
	t.Logf("teasers: %s", out)
	t.Logf("teasers %s", strings.TrimSpace(string(res)))
}
