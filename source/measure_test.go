package source

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/teaser"
)

// TestFeed_excerptMeasure counts, over the XSum dev articles cut to
// 200-character excerpts as a feed would, the teasers that end a sentence
// on the excerpt's cut, before (the item's text as it is) and after
// (fromSummary). Run with -v to see the figures.
func TestFeed_excerptMeasure(t *testing.T) {
	f, err := os.Open("../../shared/eval/xsum-dev.jsonl")
	if err != nil {
		t.Fatalf("xsum dev set (../shared/eval, laid out beside the checkout): %v", err)
	}
	defer f.Close()
	var n, cutBefore, cutAfter, failBefore, failAfter int
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var doc struct{ Document, Summary string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(doc.Document), " ")
		r := []rune(text)
		if len(r) <= 200 {
			continue
		}
		excerpt := strings.TrimSpace(string(r[:200]))
		sents := article.Sentences(excerpt)
		tail := sents[len(sents)-1]
		// A tail of three words or more is told apart from the text kept.
		if len(sents) < 2 || strings.HasSuffix(tail, ".") || len(strings.Fields(tail)) < 3 {
			continue
		}
		n++
		a := &article.Article{ID: "x", Title: doc.Summary, Paragraphs: []string{excerpt}}
		a.Finish()
		count := func(a *article.Article, cut, fail *int) {
			res, err := teaser.Compose(a, teaser.Options{})
			if err != nil {
				*fail++
				return
			}
			if strings.Contains(res.Teaser.String(), strings.TrimSuffix(tail, ".")) {
				*cut++
			}
		}
		count(a, &cutBefore, &failBefore)
		trimmed, _ := article.TrimExcerpt(a.Paragraphs)
		count(fromSummary(a, trimmed), &cutAfter, &failAfter)
	}
	t.Logf("%d excerpts cut mid-sentence: teasers ending on the cut %d (%.0f%%) before, %d after; no teaser %d before, %d after",
		n, cutBefore, 100*float64(cutBefore)/float64(max(n, 1)), cutAfter, failBefore, failAfter)
	if cutAfter != 0 || failAfter != 0 {
		t.Errorf("after: %d teasers on the cut, %d without a teaser; want none", cutAfter, failAfter)
	}
}
