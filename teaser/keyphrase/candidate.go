package keyphrase

import (
	"math"
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

// weights are the terms of the score, a sum of log-odds-like evidence. They
// were set by hand from what news readers notice and checked on half of the
// KPCrowd dev set (see TestEval); the other half stays held out.
type weights struct {
	Freq      float64 // per natural log of the occurrence count
	Title     float64 // the title holds the phrase
	Pos       float64 // per natural log of (1 + first position / PosWindow words)
	PosWindow float64
	Len       float64 // per letter of the longest word, counted between LenLow and LenHigh
	LenLow    int32
	LenHigh   int32
	NameLen   int32   // length a name counts as at least
	Proper    float64 // a word written as a name wherever case tells
	Phrase2   float64 // two words
	Phrase3   float64 // three words
	Entity    float64 // a phrase of two or three capitalised words
	Honorific float64 // a phrase that begins with a title: the name alone is better
	Noun      float64 // a word ending like an abstract noun: "-tion", "-ment", "-ity"
	Adverb    float64 // a word ending like an adverb: "-ly"
}

// w holds the weights in use.
var w = weights{
	Freq: 1.0, Title: 0.5, Pos: 0.35, PosWindow: 50, Len: 0.25, LenLow: 3, LenHigh: 11, NameLen: 7,
	Proper: 0, Phrase2: -1.2, Phrase3: -2.5, Entity: 0.9, Honorific: -0.5,
	Noun: 0.4, Adverb: -0.3,
}

// score rates c: frequent, early, title-borne, name-like and long-worded
// phrases rank first.
func score(c *candidate) float64 {
	s := w.Freq * logCount(c.tf)
	if c.title {
		s += w.Title
	}
	s -= w.Pos * math.Log1p(float64(c.firstPos)/w.PosWindow)
	isName := c.proper > 0 && c.plain == 0
	runes := c.runes
	if isName {
		// Short names ("Kim", "Xi") are as specific as long ones: length
		// stands in for rarity only for ordinary words.
		runes = max(runes, w.NameLen)
	}
	s += w.Len * float64(min(max(runes, w.LenLow), w.LenHigh)-7)
	switch c.n {
	case 1:
		if isName {
			s += w.Proper
		} else {
			s += suffixPrior(c.lower)
		}
	case 2:
		s += w.Phrase2
	default:
		s += w.Phrase3
	}
	if c.n > 1 && isName {
		s += w.Entity
	}
	if c.honorific {
		s += w.Honorific
	}
	return s
}

// nounEndings are suffixes that make abstract nouns in English.
var nounEndings = [...]string{"tion", "sion", "ment", "ity", "ness", "ism", "ship", "ance", "ence"}

// suffixPrior guesses the part of speech of a lower-case word from its
// ending, without a tagger: nouns name topics, adverbs do not.
func suffixPrior(word string) float64 {
	if len(word) < 5 {
		return 0
	}
	if strings.HasSuffix(word, "ly") {
		return w.Adverb
	}
	for _, e := range nounEndings {
		if strings.HasSuffix(word, e) {
			return w.Noun
		}
	}
	return 0
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

// logTable holds math.Log of small counts, the common case.
var logTable = func() (t [64]float64) {
	for i := 1; i < len(t); i++ {
		t[i] = math.Log(float64(i))
	}
	return t
}()

// logCount is math.Log(n) for a count n >= 1.
func logCount(n int32) float64 {
	if n < int32(len(logTable)) {
		return logTable[n]
	}
	return math.Log(float64(n))
}
