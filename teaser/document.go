package teaser

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/hookline/hookline/article"
)

// sentence is one sentence of the article with its words.
type sentence struct {
	text  string
	words []word
	// opens is set on a line's first sentence.
	opens bool
	// undated is the text without its dateline and place the place it
	// named, once dated is set (see document.undated).
	undated, place string
	dated          bool
}

// document is an article cut into sentences, with the counts that ranking
// and grounding need.
type document struct {
	// lang is the table of the article's language.
	lang      *language
	title     []word
	titleText string
	sentences []sentence
	// index maps a folded word to its entry in stats.
	index map[string]int
	stats []wordStat
	norms []string // the folded words, by index
	// runs counts name runs, mods the runs that qualify a noun; parts
	// counts, by word id, the words of name runs; see nameCounts.
	runs, mods map[string]int
	parts      []int32
	// firsts and lasts count, by word id, the first and last words of name
	// runs of several words: alone, they are likely a first name or a
	// surname.
	firsts, lasts []int32
	// all holds the words of every sentence, which slice it.
	all []word
	// runMap, modMap and counts keep, across pooled uses, the memory of
	// runs, mods and of parts, firsts and lasts; nameCounts sets them up.
	runMap, modMap map[string]int
	counts         []int32
	// whole is wholeNames' answer, once asked; callers do not change it.
	whole map[string]int
	// pieces holds one line's sentence split where a scrape glued two
	// (see appendUnglued), reused line after line.
	pieces []string
}

// maxSentences caps the sentences a teaser is written from: the first
// ones, where news puts what matters. News articles have well under a
// hundred sentences (XSum's longest has about 50); the cap only bounds the
// cost of book-length input (the 1 MB benchmark has about 8,000), whose
// keyphrases still come from the whole text.
const maxSentences = 1000

// documentPool keeps documents' memory (word arrays, index, stats) for
// reuse: a steady stream of articles then does not churn the heap.
var documentPool = sync.Pool{New: func() any { return new(document) }}

// maxPooledWords bounds what the pool keeps: one huge article should not
// pin its memory.
const maxPooledWords = 1 << 15

// release returns d to the pool; d must not be used afterwards. It drops
// every reference to the article's text so that the pool pins none.
func (d *document) release() {
	if cap(d.all) > maxPooledWords || len(d.stats) > maxPooledWords {
		return
	}
	clear(d.all)
	clear(d.sentences)
	clear(d.norms)
	clear(d.index)
	clear(d.runMap)
	clear(d.modMap)
	clear(d.pieces)
	*d = document{index: d.index, stats: d.stats[:0], norms: d.norms[:0], sentences: d.sentences[:0], all: d.all[:0],
		runMap: d.runMap, modMap: d.modMap, counts: d.counts, pieces: d.pieces[:0]}
	documentPool.Put(d)
}

// wordStat is what the document knows of one folded word.
type wordStat struct {
	df   int // sentences holding the word
	last int // the last sentence counted in df, plus one
	// lower is set when the word is written in lower case somewhere, so a
	// capitalised opener ("The", "Police") is not taken for a name;
	// midUpper when it is capitalised inside a sentence, where a capital
	// means a name.
	lower, midUpper bool
	stopWord        bool
}

// stat returns what the document knows of a folded word.
func (d *document) stat(norm string) wordStat {
	if i, ok := d.index[norm]; ok {
		return d.stats[i]
	}
	return wordStat{}
}

// newDocument reads the sentences to tease, at most maxSentences. When
// the article already has a hook, its sentences come first: the author's
// own teaser is the source of truth.
func newDocument(a *article.Article) *document {
	paras := a.Paragraphs
	if a.Hook != "" {
		paras = append([]string{a.Hook}, paras...)
	}
	size := len(a.Title)
	for _, p := range paras {
		size += len(p)
	}
	// About one distinct word in eight bytes of a news article; a long text
	// repeats its words more, so the estimate stops growing (the map grows
	// on its own if need be, instead of pinning an oversized table).
	vocab := min(size/8, 1<<13) + 16
	d := documentPool.Get().(*document)
	if d.index == nil {
		d.index = make(map[string]int, vocab)
	}
	d.lang = languageFor(a.Lang)
	d.titleText = a.Title
	d.stats = slices.Grow(d.stats[:0], vocab)
	d.norms = slices.Grow(d.norms[:0], vocab)
	// One array holds the words of every sentence; each sentence slices it.
	all := slices.Grow(d.all[:0], min(size/5, maxSentences*30)+8)
	for _, p := range paras {
		for p != "" && len(d.sentences) < maxSentences {
			var line string
			line, p, _ = strings.Cut(p, "\n")
			for k, glued := range article.Sentences(line) {
				d.pieces = d.lang.appendUnglued(d.pieces[:0], glued)
				for g, s := range d.pieces {
					if len(d.sentences) == maxSentences {
						break
					}
					if hasEmail(s) {
						continue // a contact line: "To contact the reporter: Jo Vale in Kells at jvale@…"
					}
					from := len(all)
					all = d.appendWords(all, s)
					if len(all) == from {
						continue
					}
					d.sentences = append(d.sentences, sentence{text: s, words: all[from:len(all):len(all)], opens: k == 0 && g == 0})
				}
			}
		}
	}
	d.all = all
	d.title = d.lang.words(a.Title)
	for si := range d.sentences {
		s := &d.sentences[si]
		for wi := range s.words {
			w := &s.words[wi]
			st := &d.stats[w.id]
			if !w.upper {
				st.lower = true
			} else if !startsClause(s.text, w.start) {
				st.midUpper = true
			}
			if !w.stop && st.last != si+1 {
				st.last = si + 1
				st.df++
				w.first = true
			}
		}
	}
	return d
}

// appendWords appends the words of text to ws, like words, with each
// folded form stored once in the document's index.
func (d *document) appendWords(ws []word, text string) []word {
	var buf [64]byte
	for start, end := nextWord(text, 0); start < len(text); start, end = nextWord(text, end) {
		f := foldInto(buf[:0], text[start:end])
		i, ok := d.index[string(f)]
		if !ok {
			// Most words are their own folded form: share the text's bytes.
			norm := text[start:end]
			if string(f) != norm {
				norm = string(f)
			}
			i = len(d.stats)
			d.index[norm] = i
			d.stats = append(d.stats, wordStat{stopWord: d.lang.stop[norm]})
			d.norms = append(d.norms, norm)
		}
		c := rune(text[start])
		if c >= utf8.RuneSelf {
			c, _ = utf8.DecodeRuneInString(text[start:])
		}
		ws = append(ws, word{start: start, end: end, norm: d.norms[i], upper: unicode.IsUpper(c), stop: d.stats[i].stopWord, id: int32(i)})
	}
	return ws
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
		var st wordStat
		if w.id >= 0 {
			st = d.stats[w.id]
		} else {
			st = d.stat(w.norm)
		}
		return !st.lower && st.midUpper && !isNumber(w.norm)
	}
	return true
}

// startsClause reports whether the word at byte offset off opens the
// sentence or follows a quote or colon, where capitals say nothing.
func startsClause(text string, off int) bool {
	i := off
	for i > 0 {
		switch c := text[i-1]; {
		case c == ' ' || c == '"' || c == '\'' || c == '(':
			i--
		case i >= 3 && (text[i-3:i] == "“" || text[i-3:i] == "‘"):
			i -= 3
		default:
			return c == ':'
		}
	}
	return true
}

// hasEmail reports whether s holds an e-mail address: a word, "@", and a
// domain with a dot.
func hasEmail(s string) bool {
	for off := 0; ; {
		i := strings.IndexByte(s[off:], '@')
		if i < 0 {
			return false
		}
		i += off
		if i > 0 && isWordRune(rune(s[i-1])) {
			host, _, _ := strings.Cut(s[i+1:], " ")
			if dot := strings.IndexByte(host, '.'); dot > 0 && dot < len(host)-1 && isWordRune(rune(host[dot+1])) {
				return true
			}
		}
		off = i + 1
	}
}
