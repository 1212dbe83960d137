package teaser

import (
	"math"
	"strings"
)

// Ranking weights, chosen on the XSum dev set (ROUGE-1 moves by less than
// half a point across sensible values; the lead and the sentences that
// share the most words with the rest carry the news).
const (
	positionDecay  = 0.05 // score falls by 1/(1+decay·index)
	leadBonus      = 1.3  // the first sentence usually states the news
	coverageWeight = 0.2  // per keyphrase held, by rank
)

// phraseSet is the keyphrases as lists of word ids of the document, best
// first; a phrase with a word the document lacks is left out.
type phraseSet [][]int32

func (d *document) phraseSet(phrases []string) phraseSet {
	ps := make(phraseSet, 0, len(phrases))
	var buf [64]byte
outer:
	for _, p := range phrases {
		var ids []int32
		for start, end := nextWord(p, 0); start < len(p); start, end = nextWord(p, end) {
			i, ok := d.index[string(foldInto(buf[:0], p[start:end]))]
			if !ok {
				continue outer
			}
			if !d.stats[i].stopWord {
				ids = append(ids, int32(i))
			}
		}
		if len(ids) > 0 {
			ps = append(ps, ids)
		}
	}
	return ps
}

// centrality is how much of the rest of the article a sentence shares:
// the mean, over its distinct content words, of the log of the other
// sentences holding each, plus one for each word of the title.
// weights holds, by word id, log1p(df-1) and whether the title has the
// word, computed once per distinct word.
func (d *document) centrality(s *sentence, weights []float64, inTitle []bool) float64 {
	var sum float64
	n := 0
	for _, w := range s.words {
		if !w.first {
			continue
		}
		n++
		sum += weights[w.id]
		if inTitle[w.id] {
			sum += 1
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// coverage sums the weights of the keyphrases whose words all occur in s.
func coverage(s *sentence, ps phraseSet) float64 {
	var sum float64
	for rank, p := range ps {
		all := true
		for _, id := range p {
			if !hasID(s.words, id) {
				all = false
				break
			}
		}
		if all {
			sum += 1 / (1 + 0.3*float64(rank))
		}
	}
	return sum
}

// shape scores how well a sentence stands alone as a teaser's fact:
// not a quote, not a question, not opening on a pronoun, neither a
// fragment nor a wall of words.
func (l *language) shape(s *sentence) float64 {
	f := 1.0
	t := s.text
	quotes, social := false, false
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '"':
			quotes = true
		case 0xE2: // “ and ” are E2 80 9C and E2 80 9D
			if i+2 < len(t) && t[i+1] == 0x80 && (t[i+2] == 0x9C || t[i+2] == 0x9D) {
				quotes = true
			}
		case '#', '@':
			social = true
		case ':':
			if strings.HasPrefix(t[i:], "://") {
				social = true
			}
		}
	}
	if strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "“") || strings.HasPrefix(t, "'") {
		f *= 0.4
	} else if quotes {
		f *= 0.8
	}
	if social {
		f *= 0.3 // hashtags, handles and links belong to another post
	}
	if strings.HasSuffix(t, "?") {
		f *= 0.4
	}
	if len(s.words) > 0 && l.pronounOpeners[s.words[0].norm] {
		f *= 0.6
	}
	switch n := len(s.words); {
	case n < 6:
		f *= 0.3
	case n < 8:
		f *= 0.5
	case n < 10:
		f *= 0.8
	case n > 50:
		f *= 0.7
	}
	return f
}

// scores rates every sentence as the teaser's fact: central to the
// article, covering its keyphrases, early, well shaped.
func (d *document) scores(ps phraseSet) []float64 {
	inTitle := d.titleSet()
	// A word's weight depends only on its df: one log per distinct df.
	maxDF := 0
	for id := range d.stats {
		maxDF = max(maxDF, d.stats[id].df)
	}
	byDF := make([]float64, maxDF+1)
	for df := range byDF {
		byDF[df] = math.Log1p(float64(df - 1))
	}
	weights := make([]float64, len(d.stats))
	for id := range d.stats {
		weights[id] = byDF[d.stats[id].df]
	}
	out := make([]float64, len(d.sentences))
	seen := make(map[string]int, len(d.sentences))
	for i := range d.sentences {
		s := &d.sentences[i]
		if j, dup := seen[s.text]; dup {
			// A sentence said twice is boilerplate ("Media playback is not
			// supported on this device"), not news.
			out[i], out[j] = 0, 0
			continue
		}
		seen[s.text] = i
		out[i] = (d.centrality(s, weights, inTitle) + coverageWeight*coverage(s, ps)) * d.lang.shape(s) * position(i)
	}
	return out
}

// pickFact returns the index of the best scored sentence, -1 for none.
func pickFact(scores []float64) int {
	best := -1
	for i, sc := range scores {
		if best < 0 || sc > scores[best] {
			best = i
		}
	}
	return best
}

func position(i int) float64 {
	p := 1 / (1 + positionDecay*float64(i))
	if i == 0 {
		p *= leadBonus
	}
	return p
}

// titleSet marks, by word id, the content words of the title that the
// sentences have.
func (d *document) titleSet() []bool {
	m := make([]bool, len(d.stats))
	for _, w := range d.title {
		if i, ok := d.index[w.norm]; ok && !w.stop {
			m[i] = true
		}
	}
	return m
}

func hasID(ws []word, id int32) bool {
	for _, w := range ws {
		if w.id == id {
			return true
		}
	}
	return false
}
