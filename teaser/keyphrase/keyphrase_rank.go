package keyphrase

import (
	"cmp"
	"container/heap"
	"slices"
	"strings"
	"sync"

	"github.com/hookline/hookline/article"
)

// ranked is one extracted keyphrase before it becomes a Phrase.
type ranked struct {
	lower, text string
	score       float64
}

// rank scores every candidate of a and returns the best n, best first.
func rank(a *article.Article, n int) []ranked {
	a = lead(a)
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	z := &sc.z
	z.reset(estimateWords(a))
	z.lex = lexFor(a.Lang)
	// Lowercase the whole article's ASCII letters at once, into one string
	// that the blocks' lower-case words share.
	b := appendASCIILower(sc.lower[:0], a.Title)
	b = appendASCIILower(b, a.Hook)
	for _, p := range a.Paragraphs {
		b = appendASCIILower(b, p)
	}
	sc.lower = b
	lower := string(b)
	next := func(text string) string {
		l := lower[:len(text)]
		lower = lower[len(text):]
		return l
	}
	z.addLowered(a.Title, next(a.Title), true)
	if l := next(a.Hook); a.Hook != "" {
		z.addLowered(a.Hook, l, false)
	}
	for _, p := range a.Paragraphs {
		z.addLowered(p, next(p), false)
	}
	tagTokens(z.toks)
	cs := &sc.cs
	collect(cs, z.toks, len(z.class))
	weighWords(cs)
	pos := posLogs()
	for i := range cs.list {
		c := &cs.list[i]
		c.base = score(c, pos)
		c.score = c.base
	}
	absorbFragments(cs)
	// Keep the best n in a min-heap: cheaper than sorting every candidate.
	// Keep more than n: diversify drops phrases that overlap better ones.
	m := n * poolFactor
	h := &topN{cs: cs, idx: slices.Grow(sc.top[:0], m+1)}
	for i := range cs.list {
		if c := &cs.list[i]; c.fragment || !c.nounPhrase() {
			continue
		}
		if len(h.idx) < m {
			heap.Push(h, int32(i))
		} else if n > 0 && cs.better(&cs.list[i], &cs.list[h.idx[0]]) {
			h.idx[0] = int32(i)
			heap.Fix(h, 0)
		}
	}
	slices.SortFunc(h.idx, func(x, y int32) int {
		if cs.better(&cs.list[x], &cs.list[y]) {
			return -1
		}
		return 1
	})
	sc.top = h.idx
	top := cs.diversify(h.idx, n)
	out := make([]ranked, len(top))
	for k, i := range top {
		c := &cs.list[i]
		out[k] = ranked{lower: cs.lowerOf(c), text: c.text(z.toks), score: c.score}
	}
	return out
}

// maxRankBytes bounds the text keyphrases are drawn from: the title, the
// hook and the paragraphs up to this many bytes. A news story's subjects
// are named near its top, and the ranking's working memory is some 30
// times the text it reads (a token and a candidate per word), so a 10 MB
// article read whole would take some 300 MB. 256 KB is some 40,000 words,
// several times the longest long-read.
const maxRankBytes = 256 << 10

// lead returns a, or when its text is over maxRankBytes a shallow copy
// whose paragraphs stop there, the last one cut after a space.
func lead(a *article.Article) *article.Article {
	budget := maxRankBytes - len(a.Title) - len(a.Hook)
	for i, p := range a.Paragraphs {
		if len(p) <= budget {
			budget -= len(p)
			continue
		}
		head := *a
		head.Paragraphs = slices.Clip(a.Paragraphs[:i])
		if cut := strings.LastIndexByte(p[:max(budget, 0)], ' '); cut > 0 {
			head.Paragraphs = append(head.Paragraphs, p[:cut])
		}
		return &head
	}
	return a
}

// poolFactor is how many candidates per place diversify chooses from.
const poolFactor = 3

// diversify keeps, of idx (best first), up to n that do not overlap a
// better one kept: two runs that share a word without one holding the
// other ("National Hurricane" and "Hurricane Center") say the same thing
// twice, and so does a lone word inside a name kept ("Lady" of "Lady Dunmore").
// It reorders idx in place and returns its first part.
func (cs *candidates) diversify(idx []int32, n int) []int32 {
	kept := 0
	for _, i := range idx {
		if kept == n {
			break
		}
		c := &cs.list[i]
		ok := true
		for _, j := range idx[:kept] {
			if cs.overlap(c, &cs.list[j]) {
				ok = false
				break
			}
		}
		if ok {
			idx[kept] = i
			kept++
		}
	}
	return idx[:kept]
}

// overlap reports whether c repeats b, a better candidate: they share a
// content word and neither holds the other, or c is a word of b where b is
// a name and c occurs mostly inside it ("Lady" of "Lady Dunmore").
func (cs *candidates) overlap(c, b *candidate) bool {
	cw, bw := cs.toks[c.at:c.at+c.n], cs.toks[b.at:b.at+b.n]
	if !sharesWord(cw, bw) {
		return false
	}
	if !holds(cw, bw) && !holds(bw, cw) {
		// "President Xi" does not stand for "Xi Jinping": the bare name is better.
		return !b.honorific
	}
	return c.n == 1 && b.proper > 0 && b.plain == 0 && 2*b.tf >= c.tf
}

// sharesWord reports whether a and b have a non-stop word in common.
func sharesWord(a, b []token) bool {
	for i := range a {
		if a[i].stop {
			continue
		}
		for j := range b {
			if a[i].id == b[j].id {
				return true
			}
		}
	}
	return false
}

// holds reports whether the words of b stand, in order, inside a.
func holds(a, b []token) bool {
	for i := 0; i+len(b) <= len(a); i++ {
		match := true
		for j := range b {
			if a[i+j].id != b[j].id {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// better orders candidates: higher score, then earlier, then by text, so
// that ranking is deterministic.
func (cs *candidates) better(x, y *candidate) bool {
	if c := cmp.Compare(x.score, y.score); c != 0 {
		return c > 0
	}
	if x.firstPos != y.firstPos {
		return x.firstPos < y.firstPos
	}
	return strings.Compare(cs.lowerOf(x), cs.lowerOf(y)) < 0
}

// topN is a min-heap of candidate indices, the worst on top.
type topN struct {
	cs  *candidates
	idx []int32
}

func (h *topN) Len() int { return len(h.idx) }
func (h *topN) Less(i, j int) bool {
	return h.cs.better(&h.cs.list[h.idx[j]], &h.cs.list[h.idx[i]])
}
func (h *topN) Swap(i, j int) { h.idx[i], h.idx[j] = h.idx[j], h.idx[i] }
func (h *topN) Push(x any)    { h.idx = append(h.idx, x.(int32)) }
func (h *topN) Pop() any {
	x := h.idx[len(h.idx)-1]
	h.idx = h.idx[:len(h.idx)-1]
	return x
}

// estimateWords guesses the number of words in a from its length, so the
// token slice is allocated once.
func estimateWords(a *article.Article) int {
	size := len(a.Title) + len(a.Hook)
	for _, p := range a.Paragraphs {
		size += len(p)
	}
	return size/5 + 8
}

// scratch holds one ranking's working memory, reused across calls so that
// a steady stream of articles does not churn the heap.
type scratch struct {
	z     tokenizer
	cs    candidates
	top   []int32
	lower []byte // the article, ASCII lowercased
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooledTokens bounds the scratch kept for reuse: one huge article
// should not pin its memory.
const maxPooledTokens = 1 << 15

func (sc *scratch) release() {
	if cap(sc.z.toks) > maxPooledTokens || cap(sc.lower) > maxPooledTokens*8 {
		return
	}
	// Tokens and candidates are overwritten by the next use; until then they
	// keep one article's text alive, which the pool drops at the next GC.
	clear(sc.cs.grams)
	clear(sc.cs.wide)
	scratchPool.Put(sc)
}
