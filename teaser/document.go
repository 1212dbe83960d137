package teaser

import (
	"strings"

	"github.com/hookline/hookline/article"
)

// sentence is one sentence of the article with its words and place.
type sentence struct {
	text  string
	para  int // paragraph index, 0-based
	index int // sentence index in the whole article
	words []word
}

// document is an article cut into sentences, with the counts that ranking
// and grounding need.
type document struct {
	title     []word
	titleText string
	sentences []sentence
	// df counts, for each folded content word, the sentences holding it.
	df map[string]int
	// lower holds the folded words that appear in lower case somewhere, so
	// a capitalised sentence opener ("The", "Police") is not taken for a name.
	lower map[string]bool
	// midUpper holds the folded words written capitalised inside a
	// sentence, where a capital means a name.
	midUpper map[string]bool
	// text is the title and every sentence, one a line; lowText is it in
	// lower case, made on first use.
	text, lowText string
	// runs and parts count name runs and their words; see nameCounts.
	runs, parts map[string]int
}

// newDocument reads the sentences to tease. When the article already has
// a hook, its sentences come first: the author's own teaser is the source
// of truth.
func newDocument(a *article.Article) *document {
	d := &document{df: map[string]int{}, lower: map[string]bool{}, midUpper: map[string]bool{}, titleText: a.Title}
	paras := a.Paragraphs
	if a.Hook != "" {
		paras = append([]string{a.Hook}, paras...)
	}
	var all strings.Builder
	all.WriteString(a.Title)
	for pi, p := range paras {
		for _, line := range strings.Split(p, "\n") {
			for _, s := range article.Sentences(line) {
				ws := words(s)
				if len(ws) == 0 {
					continue
				}
				d.sentences = append(d.sentences, sentence{text: s, para: pi, index: len(d.sentences), words: ws})
				all.WriteString("\n")
				all.WriteString(s)
			}
		}
	}
	d.text = all.String()
	d.title = words(a.Title)
	seen := map[string]bool{}
	for _, s := range d.sentences {
		clear(seen)
		for _, w := range s.words {
			if !w.upper {
				d.lower[w.norm] = true
			} else if !startsClause(s.text, w.start) {
				d.midUpper[w.norm] = true
			}
			if w.stop || seen[w.norm] {
				continue
			}
			seen[w.norm] = true
			d.df[w.norm]++
		}
	}
	return d
}

// isName reports whether the i-th word of s is part of a name: capitalised,
// and, at the start of a sentence, also capitalised inside some sentence and
// never written in lower case.
func (d *document) isName(s *sentence, i int) bool {
	w := s.words[i]
	if !w.upper || w.stop {
		return false
	}
	if i == 0 || startsClause(s.text, w.start) {
		return !d.lower[w.norm] && d.midUpper[w.norm] && !isNumber(w.norm)
	}
	return true
}

// startsClause reports whether the word at byte offset off opens the
// sentence or follows a quote or colon, where capitals say nothing.
func startsClause(text string, off int) bool {
	before := strings.TrimRight(text[:off], " \"'“‘(")
	return before == "" || strings.HasSuffix(before, ":")
}
