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
	z.toks = slices.Grow(z.toks[:0], estimateWords(a))
	z.add(a.Title, true)
	if a.Hook != "" {
		z.add(a.Hook, false)
	}
	for _, p := range a.Paragraphs {
		z.add(p, false)
	}
	cs := &sc.cs
	collect(cs, z.toks)
	for i := range cs.list {
		c := &cs.list[i]
		c.base = score(c)
		c.score = c.base
	}
	absorbFragments(cs)
	// Keep the best n in a min-heap: cheaper than sorting every candidate.
	h := &topN{list: cs.list, idx: slices.Grow(sc.top[:0], n+1)}
	for i := range cs.list {
		if cs.list[i].fragment {
			continue
		}
		if len(h.idx) < n {
			heap.Push(h, int32(i))
		} else if n > 0 && better(&cs.list[i], &cs.list[h.idx[0]]) {
			h.idx[0] = int32(i)
			heap.Fix(h, 0)
		}
	}
	slices.SortFunc(h.idx, func(x, y int32) int {
		if better(&cs.list[x], &cs.list[y]) {
			return -1
		}
		return 1
	})
	sc.top = h.idx
	out := make([]ranked, len(h.idx))
	for k, i := range h.idx {
		c := &cs.list[i]
		out[k] = ranked{lower: c.lower, text: c.text(z.toks), score: c.score}
	}
	return out
}

// better orders candidates: higher score, then earlier, then by text, so
// that ranking is deterministic.
func better(x, y *candidate) bool {
	if c := cmp.Compare(x.score, y.score); c != 0 {
		return c > 0
	}
	if x.firstPos != y.firstPos {
		return x.firstPos < y.firstPos
	}
	return strings.Compare(x.lower, y.lower) < 0
}

// topN is a min-heap of candidate indices, the worst on top.
type topN struct {
	list []candidate
	idx  []int32
}

func (h *topN) Len() int           { return len(h.idx) }
func (h *topN) Less(i, j int) bool { return better(&h.list[h.idx[j]], &h.list[h.idx[i]]) }
func (h *topN) Swap(i, j int)      { h.idx[i], h.idx[j] = h.idx[j], h.idx[i] }
func (h *topN) Push(x any)         { h.idx = append(h.idx, x.(int32)) }
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
	z   tokenizer
	cs  candidates
	top []int32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooledTokens bounds the scratch kept for reuse: one huge article
// should not pin its memory.
const maxPooledTokens = 1 << 15

func (sc *scratch) release() {
	if cap(sc.z.toks) > maxPooledTokens {
		return
	}
	// Tokens and candidates are overwritten by the next use; until then they
	// keep one article's text alive, which the pool drops at the next GC.
	clear(sc.cs.index)
	scratchPool.Put(sc)
}
