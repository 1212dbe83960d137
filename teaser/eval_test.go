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
	"github.com/hookline/hookline/teaser/keyphrase"
)

var evalFlag = flag.Bool("eval", false, "write XSum teasers and score them with ../shared/eval/rouge.py")

const xsumPath = "../../shared/eval/xsum-dev.jsonl"

type xsumRow struct {
	ID       string `json:"id"`
	Document string `json:"document"`
	Summary  string `json:"summary"`
}

// xsumArticles reads the XSum dev set as articles: one paragraph a line.
func xsumArticles(t testing.TB) ([]xsumRow, []*article.Article) {
	t.Helper()
	f, err := os.Open(xsumPath)
	if err != nil {
		t.Skipf("xsum dev set: %v", err)
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

func phrasesOf(a *article.Article, n int) []string {
	var out []string
	for _, p := range keyphrase.Extract(a, n) {
		out = append(out, p.Text)
	}
	return out
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
		text := draftFor(a, phrasesOf(a, 10), Options{}).String()
		if err := enc.Encode(map[string]string{"id": rows[i].ID, "text": text}); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("/usr/bin/python3", "../../shared/eval/rouge.py", xsumPath, out)
	res, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("rouge.py: %v\n%s", err, res)
	}
	t.Logf("teasers: %s", out)
	t.Logf("%s", strings.TrimSpace(string(res)))
}
