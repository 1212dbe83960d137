package keyphrase

import (
	"slices"
	"strings"
	"unicode"
)

// maxWords is the longest candidate phrase, in words.
const maxWords = 3

// candidate is one distinct phrase (by its lowercased text) with what the
// article says about it.
type candidate struct {
	lower     string  // lowercased words joined by one space
	at        int32   // first token of the occurrence whose spelling is shown
	n         int32   // words, inner stop words included
	tf        int32   // occurrences
	firstPos  int32   // position of the first word of the first occurrence
	proper    int32   // occurrences, where case tells, with every word capitalised
	plain     int32   // occurrences, where case tells, with some word in lower case
	runes     int32   // letters in the longest word
	title     bool    // occurs in the title
	midText   bool    // at is a mid-sentence occurrence
	fragment  bool    // occurs only inside one longer name
	honorific bool    // begins with a title such as "President" or "Mr"
	base      float64 // score from its own occurrences
	score     float64 // base, raised to the best of the fragments it absorbs
}

// candidates holds the distinct candidates of one article.
type candidates struct {
	list   []candidate
	index  map[string]int32 // lower → position in list
	wordAt []int32          // token → its single-word candidate, -1 for none
}

// get returns the candidate whose lowercased text is lower, or nil.
func (cs *candidates) get(lower string) *candidate {
	if i, ok := cs.index[lower]; ok {
		return &cs.list[i]
	}
	return nil
}

// collect gathers the candidates of toks: every non-stop word with a letter,
// and every run of two or three words within one phrase that neither begins
// nor ends with a stop word or a number. A run is only counted when each of
// its words recurs in the article or all are capitalised: a phrase that
// occurs once, made of words that occur once, is never a keyphrase, and
// skipping such runs keeps the work small.
func collect(cs *candidates, toks []token) {
	if cs.index == nil {
		cs.index = make(map[string]int32, len(toks))
	}
	cs.list = slices.Grow(cs.list[:0], len(toks)+1)
	// First pass: single words, whose counts the second pass needs.
	cs.wordAt = slices.Grow(cs.wordAt[:0], len(toks))[:len(toks)]
	wordAt := cs.wordAt
	for i := range toks {
		t := &toks[i]
		if t.stop || t.num {
			wordAt[i] = -1
			continue
		}
		k, ok := cs.index[t.lower]
		if !ok {
			k = int32(len(cs.list))
			cs.list = append(cs.list, candidate{
				lower: t.lower, at: int32(i), n: 1, firstPos: int32(t.pos),
				honorific: t.honor,
			})
			cs.index[t.lower] = k
		}
		wordAt[i] = k
		cs.list[k].observe(toks, i, i+1)
	}
	var buf []byte
	for i := range toks {
		if wordAt[i] < 0 {
			continue
		}
		buf = append(buf[:0], toks[i].lower...)
		recurs, caps := cs.list[wordAt[i]].tf > 1, toks[i].upper
		for j := i + 1; j < len(toks) && j < i+maxWords; j++ {
			t := &toks[j]
			if t.brk {
				break
			}
			buf = append(buf, ' ')
			buf = append(buf, t.lower...)
			if wordAt[j] < 0 {
				continue
			}
			recurs = recurs && cs.list[wordAt[j]].tf > 1
			caps = caps && t.upper
			if !recurs && !caps {
				break
			}
			k, ok := cs.index[string(buf)]
			if !ok {
				k = int32(len(cs.list))
				lower := string(buf)
				cs.list = append(cs.list, candidate{
					lower: lower, at: int32(i), n: int32(j - i + 1), firstPos: int32(toks[i].pos),
					honorific: toks[i].honor,
				})
				cs.index[lower] = k
			}
			cs.list[k].observe(toks, i, j+1)
		}
	}
}

// observe records one occurrence of c as toks[from:to].
func (c *candidate) observe(toks []token, from, to int) {
	ws := toks[from:to]
	c.tf++
	// Case tells a name from a word except at a sentence start or in the
	// title; a phrase that opens a sentence still shows it in its later
	// words ("Mount Etna erupted").
	mid := !ws[0].first
	caseKnown := mid || (len(ws) > 1 && !ws[1].first)
	proper := true
	for k := range ws {
		t := &ws[k]
		if t.title {
			c.title = true
		}
		if t.stop {
			continue
		}
		if !t.upper && !t.first {
			proper = false
		}
		c.runes = max(c.runes, t.runes)
	}
	if caseKnown {
		if proper {
			c.proper++
		} else {
			c.plain++
		}
	}
	if mid && !c.midText {
		c.at, c.midText = int32(from), true
	}
}

// text returns c as written at its chosen occurrence. A word seen only
// where case tells nothing (a sentence start, a title-case headline) is
// shown in lower case unless it is an acronym: "Patients" → "patients",
// "NAFLD" stays.
func (c *candidate) text(toks []token) string {
	ws := toks[c.at : c.at+c.n]
	lower := !c.midText && c.proper == 0 && c.plain == 0
	if len(ws) == 1 && (!lower || isAcronym(ws[0].text)) {
		return ws[0].text
	}
	var b strings.Builder
	for k := range ws {
		if k > 0 {
			b.WriteByte(' ')
		}
		if lower && !isAcronym(ws[k].text) {
			b.WriteString(ws[k].lower)
		} else {
			b.WriteString(ws[k].text)
		}
	}
	return b.String()
}

// isAcronym reports whether w is written in capitals, with at least two letters.
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// absorbFragments lets a name of two or three words stand for its parts. A
// part that never occurs outside the name ("Buenos" of "Buenos Aires", "Kim
// Jong" of "Kim Jong Un") is hidden and the name takes its score when that is
// higher; a part that mostly occurs inside it ("Kim", if at least half its
// occurrences are in "Kim Jong Un") stays, but the full name ranks just above
// it. A name that begins with a title ("President Xi Jinping") absorbs nothing.
func absorbFragments(cs *candidates) {
	for ci := range cs.list {
		c := &cs.list[ci]
		if c.n == 1 || c.tf < 2 || c.proper == 0 || c.plain > 0 || c.honorific {
			continue
		}
		// Every run of whole words of c.lower, shorter than c.
		for start := 0; start < len(c.lower); {
			for end := start; end <= len(c.lower); end++ {
				if end < len(c.lower) && c.lower[end] != ' ' || (start == 0 && end == len(c.lower)) || end == start {
					continue
				}
				u := cs.get(c.lower[start:end])
				if u == nil || u.tf > 2*c.tf {
					continue
				}
				if u.tf == c.tf {
					u.fragment = true
					c.score = max(c.score, u.base)
				} else {
					c.score = max(c.score, u.base+nameLead)
				}
			}
			next := strings.IndexByte(c.lower[start:], ' ')
			if next < 0 {
				break
			}
			start += next + 1
		}
	}
}

// nameLead is how far a full name ranks above a part of it that mostly
// occurs inside it.
const nameLead = 0.01
