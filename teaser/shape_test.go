package teaser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/teaser/fit"
)

// patternWords are the words the question patterns may open a sentence
// with; every other capitalised word must be the article's.
func patternWords() map[string]bool {
	m := map[string]bool{"guess": true, "it's": true, "in": true}
	for _, p := range closingPatterns {
		for _, w := range strings.Fields(p) {
			m[strings.ToLower(strings.TrimRight(w, "?"))] = true
		}
	}
	return m
}

// ungrounded returns the capitalised words and numbers of t that the
// article does not have: written the same way, or, for a sentence's first
// word, in any case or as a pattern word.
func ungrounded(a *article.Article, t Teaser) []string {
	src := a.Title + "\n" + a.Hook + "\n" + strings.Join(a.Paragraphs, "\n")
	exact, folded := map[string]bool{}, map[string]bool{}
	for _, w := range english.words(src) {
		raw := src[w.start:w.end]
		// A name may be taken without its possessive: "Temperton's".
		for _, r := range []string{raw, strings.TrimSuffix(raw, "'s"), strings.TrimSuffix(raw, "’s")} {
			exact[r] = true
			folded[strings.ToUpper(r)] = true
		}
	}
	pw := patternWords()
	var bad []string
	for _, s := range t.Sentences {
		for i, w := range english.words(s.Text) {
			raw := s.Text[w.start:w.end]
			if !w.upper && !isNumber(raw) || exact[raw] {
				continue
			}
			if i == 0 && (folded[strings.ToUpper(raw)] || pw[strings.ToLower(raw)] || english.stop[strings.ToLower(raw)]) {
				// A function word opening a sentence ("An incident …") is
				// no fact to ground.
				continue
			}
			bad = append(bad, fmt.Sprintf("%q in %q", raw, s.Text))
		}
	}
	return bad
}

// badShape says what is wrong with a teaser's shape, or "": one to four
// sentences, the news among them; a hook only first and a closing question
// only last, each a question; no empty sentence.
func badShape(t Teaser) string {
	ss := t.Sentences
	if len(ss) < 1 || len(ss) > 4 {
		return fmt.Sprintf("%d sentences, want 1 to 4", len(ss))
	}
	facts := 0
	for i, s := range ss {
		switch {
		case strings.TrimSpace(s.Text) == "":
			return "has an empty sentence"
		case s.Role == fit.Hook && (i != 0 || !strings.HasSuffix(s.Text, "?")):
			return "a hook that is not an opening question"
		case s.Role == fit.Question && (i != len(ss)-1 || !strings.HasSuffix(s.Text, "?")):
			return "a closing question that is not last"
		case s.Role == fit.Fact:
			facts++
		}
	}
	if facts != 1 {
		return fmt.Sprintf("%d facts, want 1", facts)
	}
	return ""
}

// TestCompose_groundedXSum composes every variant of the teaser of each of
// the 500 XSum dev articles and checks that every capitalised word and
// number comes from the article and that each keeps the hook shape.
func TestCompose_groundedXSum(t *testing.T) {
	rows, arts := xsumArticles(t)
	if testing.Short() {
		arts = arts[:50]
	}
	for i, a := range arts {
		for v := 0; v <= Variants; v++ {
			res, err := Compose(a, Options{Variant: v})
			if err != nil {
				t.Errorf("xsum %s variant %d: %v", rows[i].ID, v, err)
				continue
			}
			if bad := ungrounded(a, res.Teaser); len(bad) > 0 {
				t.Errorf("xsum %s variant %d: not in the article: %s", rows[i].ID, v, strings.Join(bad, "; "))
			}
			if msg := badShape(res.Teaser); msg != "" {
				t.Errorf("xsum %s variant %d: %s: %s", rows[i].ID, v, msg, res.Teaser)
			}
		}
	}
}

func TestCompose_groundedGolden(t *testing.T) {
	for _, in := range goldenInputs(t) {
		t.Run(in.name, func(t *testing.T) {
			a, err := article.Parse(in.file, in.data)
			if err != nil {
				t.Fatal(err)
			}
			for v := 0; v <= Variants; v++ {
				res, err := Compose(a, Options{Variant: v})
				if err != nil {
					t.Fatal(err)
				}
				if bad := ungrounded(a, res.Teaser); len(bad) > 0 {
					t.Errorf("variant %d: not in the article: %s", v, strings.Join(bad, "; "))
				}
				if msg := badShape(res.Teaser); msg != "" {
					t.Errorf("variant %d: %s: %s", v, msg, res.Teaser)
				}
			}
		})
	}
}

// TestUngrounded checks the checker: an invented name or number is caught.
func TestUngrounded(t *testing.T) {
	a := &article.Article{Paragraphs: []string{"The council met on Tuesday and approved 12 new homes."}}
	tests := []struct {
		name string
		text string
		bad  int
	}{
		{"grounded", "The council approved 12 new homes.", 0},
		{"pattern opener", "What does this mean for the council?", 0},
		{"invented name", "Mayor Smith approved 12 new homes.", 2},
		{"invented number", "The council approved 13 new homes.", 1},
		{"lower-case opener in any case", "Council met on Tuesday.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ungrounded(a, Teaser{Sentences: []fit.Sentence{{Text: tt.text}}})
			if len(got) != tt.bad {
				t.Errorf("ungrounded(%q) = %v, want %d findings", tt.text, got, tt.bad)
			}
		})
	}
}
