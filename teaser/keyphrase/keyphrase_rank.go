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
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	z := &sc.z
	z.reset(estimateWords(a))
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
	cs := &sc.cs
	collect(cs, z.toks, len(z.class))
	pos := posLogs()
	for i := range cs.list {
		c := &cs.list[i]
		c.base = score(c, pos)
		c.score = c.base
	}
	absorbFragments(cs)
	// Keep the best n in a min-heap: cheaper than sorting every candidate.
	h := &topN{cs: cs, idx: slices.Grow(sc.top[:0], n+1)}
	for i := range cs.list {
		if cs.list[i].fragment {
			continue
		}
		if len(h.idx) < n {
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
	out := make([]ranked, len(h.idx))
	for k, i := range h.idx {
		c := &cs.list[i]
		out[k] = ranked{lower: cs.lowerOf(c), text: c.text(z.toks), score: c.score}
	}
	return out
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
