package lint_test

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/teaser"
	"github.com/hookline/hookline/teaser/fit"
	"github.com/hookline/hookline/teaser/lint"
)

var (
	updateLint = flag.Bool("update-lint", false, "lower testdata/thresholds.txt to today's defect rates")
	allowRaise = flag.Bool("allow-raise", false, "with -update-lint, also raise thresholds")
	showLint   = flag.String("show-lint", "", "log every post with a finding of this code (ALL for every code)")
)

// thresholdsFile keeps, per dev set and defect code, the highest share of
// posts allowed to have that defect.
const thresholdsFile = "testdata/thresholds.txt"

// sharedDir is ../shared beside the repository, or $SHARED.
func sharedDir() string {
	if d := os.Getenv("SHARED"); d != "" {
		return d
	}
	return "../../../shared"
}

// devArticle is one dev article, read the way the editorial kit hands it
// to hookline preview.
type devArticle struct {
	name string
	a    *article.Article
}

// devSets reads xsum-dev (one sentence a line, no title; written as the
// kit writes it, paragraphs between blank lines) and kpcrowd-dev (title on
// the first line). A missing set fails the test: CI has ../shared.
func devSets(t *testing.T) map[string][]devArticle {
	t.Helper()
	eval := filepath.Join(sharedDir(), "eval")
	sets := map[string][]devArticle{}
	f, err := os.Open(filepath.Join(eval, "xsum-dev.jsonl"))
	if err != nil {
		t.Fatalf("the dev articles are missing (%v): put the shared material at ../shared beside the repository or set $SHARED", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var row struct {
			ID       string `json:"id"`
			Document string `json:"document"`
		}
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatal(err)
		}
		var paras []string
		for l := range strings.SplitSeq(row.Document, "\n") {
			if strings.TrimSpace(l) != "" {
				paras = append(paras, l)
			}
		}
		name := "xsum-" + row.ID + ".txt"
		a, err := article.Parse(name, []byte(strings.Join(paras, "\n\n")+"\n"))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sets["xsum-dev"] = append(sets["xsum-dev"], devArticle{name, a})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(eval, "kpcrowd-dev", "*.txt"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		a, err := article.Parse(name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sets["kpcrowd-dev"] = append(sets["kpcrowd-dev"], devArticle{filepath.Base(name), a})
	}
	for _, want := range []struct {
		set string
		n   int
	}{{"xsum-dev", 500}, {"kpcrowd-dev", 450}} {
		if len(sets[want.set]) != want.n {
			t.Fatalf("%s: %d articles, want %d: is %s complete?", want.set, len(sets[want.set]), want.n, eval)
		}
	}
	return sets
}

// xPost composes the X post as hookline preview does without a config:
// default options, all of the result's hashtags, the article's link.
func xPost(a *article.Article) (fit.Post, error) {
	res, err := teaser.Compose(a, teaser.Options{})
	if err != nil {
		return fit.Post{}, err
	}
	return res.Post(fit.X(), a.URL, 0)
}

// TestLint_devArticles lints the X post of every dev article and fails
// when the share of posts with a defect code rises above its threshold in
// testdata/thresholds.txt. -update-lint lowers the thresholds to today's
// rates (and raises them only with -allow-raise).
func TestLint_devArticles(t *testing.T) {
	sets := devSets(t)
	rates := map[string]float64{} // "set code" → share of posts
	for _, set := range []string{"kpcrowd-dev", "xsum-dev"} {
		posts := map[string]int{}
		var tagClasses = map[string]int{}
		for _, d := range sets[set] {
			p, err := xPost(d.a)
			if err != nil {
				t.Fatalf("%s: %v", d.name, err)
			}
			seen := map[string]bool{}
			for _, f := range lint.Check(d.a, p.Text, p.Hashtags) {
				if !seen[f.Code] {
					posts[f.Code]++
					seen[f.Code] = true
				}
				if f.Code == lint.Tag {
					tagClasses[f.Detail[:strings.Index(f.Detail, ":")]]++
				}
				if *showLint == f.Code || *showLint == "ALL" {
					t.Logf("%s %s\n\t%s", d.name, f, strings.ReplaceAll(p.Text, "\n", " ⏎ "))
				}
			}
		}
		n := float64(len(sets[set]))
		var line []string
		for _, c := range lint.Codes() {
			rates[set+" "+c] = float64(posts[c]) / n
			line = append(line, fmt.Sprintf("%s %.1f%%", c, 100*float64(posts[c])/n))
		}
		t.Logf("%s, %d posts, share with each defect: %s", set, len(sets[set]), strings.Join(line, ", "))
		var tags []string
		for c, k := range tagClasses {
			tags = append(tags, fmt.Sprintf("%s %d", c, k))
		}
		slices.Sort(tags)
		t.Logf("%s, junk hashtags by class: %s", set, strings.Join(tags, ", "))
	}
	limits := readThresholds(t)
	if *updateLint {
		writeThresholds(t, limits, rates)
		return
	}
	for _, k := range sortedKeys(rates) {
		limit, ok := limits[k]
		if !ok {
			t.Errorf("%s: no threshold in %s; run with -update-lint", k, thresholdsFile)
			continue
		}
		if rates[k] > limit+1e-9 {
			t.Errorf("%s: %.1f%% of posts, above the threshold of %.1f%%", k, 100*rates[k], 100*limit)
		}
	}
}

// ceilRate rounds a share up to the thousandth the thresholds file keeps.
func ceilRate(r float64) float64 {
	if r <= 0 {
		return 0
	}
	return math.Ceil(r*1000-1e-9) / 1000
}

func readThresholds(t *testing.T) map[string]float64 {
	t.Helper()
	data, err := os.ReadFile(thresholdsFile)
	if os.IsNotExist(err) && *updateLint {
		return map[string]float64{}
	}
	if err != nil {
		t.Fatalf("thresholds: %v", err)
	}
	limits := map[string]float64{}
	for i, l := range strings.Split(string(data), "\n") {
		f := strings.Fields(l)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if len(f) != 3 {
			t.Fatalf("%s:%d: want SET CODE SHARE", thresholdsFile, i+1)
		}
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			t.Fatalf("%s:%d: %v", thresholdsFile, i+1, err)
		}
		limits[f[0]+" "+f[1]] = v
	}
	return limits
}

// writeThresholds rewrites the thresholds file: a rate below its threshold
// lowers it; one above it is an error unless -allow-raise.
func writeThresholds(t *testing.T, limits, rates map[string]float64) {
	t.Helper()
	var b strings.Builder
	b.WriteString(`# Highest share of dev posts (X post, default options) allowed to have each
# defect code of package lint. Thresholds only go down:
#   go test ./teaser/lint -run TestLint_devArticles -update-lint
# lowers them to today's rates; raising one needs -allow-raise as well.
# SET CODE SHARE
`)
	for _, k := range sortedKeys(rates) {
		v, old := ceilRate(rates[k]), limits[k]
		if _, ok := limits[k]; ok && v > old && !*allowRaise {
			t.Errorf("%s: %.1f%% is above the threshold of %.1f%%; kept (-allow-raise raises it)", k, 100*rates[k], 100*old)
			v = old
		}
		fmt.Fprintf(&b, "%s %.3f\n", k, v)
	}
	if err := os.WriteFile(thresholdsFile, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
