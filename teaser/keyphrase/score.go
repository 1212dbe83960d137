package keyphrase

import (
	"math"
	"strings"
	"sync"
)

// weights are the terms of the score, a sum of log-odds-like evidence. They
// were searched (TestTune, -eval.tune) on the even halves of the KPCrowd and
// DUC-2001 dev sets together, raising the worst of the four figures against
// its target, and rounded; the odd halves stay held out. Verbal is leaned
// towards nouns (-1) where the search found no difference.
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
	Verbal    float64 // a single word, times the share of its occurrences not tagged as a noun
	Modifier  float64 // a single word, times the share of its occurrences inside a longer noun phrase
	Words     float64 // a run, per mean natural log of its words' own occurrence counts
}

// w holds the weights in use.
var w = weights{
	Freq: 1.7, Title: 0.8, Pos: 0.5, PosWindow: 50, Len: 0.18, LenLow: 3, LenHigh: 11, NameLen: 7,
	Proper: 0.4, Phrase2: 0.8, Phrase3: 0, Entity: 0, Honorific: -0.5,
	Noun: 0.4, Adverb: -0.3, Verbal: -1, Modifier: -3, Words: 1,
}

// score rates c: frequent, early, title-borne, name-like and long-worded
// phrases rank first.
// pos is posLogs(), fetched once by the caller.
func score(c *candidate, pos *posTable) float64 {
	s := w.Freq * logCount(c.tf)
	if c.title {
		s += w.Title
	}
	s -= w.Pos * pos.log(c.firstPos)
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
		s += w.Verbal * float64(c.tf-c.nouns) / float64(c.tf)
		s += w.Modifier * float64(c.nouns-c.heads) / float64(c.tf)
	case 2:
		s += w.Phrase2
	default:
		s += w.Phrase3
	}
	if c.n > 1 {
		s += w.Words * c.wordsLog
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
	// Only the endings that end in the word's last letter need a look.
	for _, e := range nounEndingsByLast[word[len(word)-1]] {
		if strings.HasSuffix(word, e) {
			return w.Noun
		}
	}
	return 0
}

// nounEndingsByLast groups nounEndings by their last byte.
var nounEndingsByLast = func() (t [256][]string) {
	for _, e := range nounEndings {
		t[e[len(e)-1]] = append(t[e[len(e)-1]], e)
	}
	return t
}()

// posTable holds math.Log1p(pos/window) for the first positions of an
// article, where most candidates first occur.
type posTable struct {
	window float64
	logs   [2048]float64
}

// posLogs is built on first use, for the window in use then.
var posLogs = sync.OnceValue(func() *posTable {
	t := &posTable{window: w.PosWindow}
	for i := range t.logs {
		t.logs[i] = math.Log1p(float64(i) / t.window)
	}
	return t
})

// log is math.Log1p(pos / w.PosWindow).
func (t *posTable) log(pos int32) float64 {
	if pos < int32(len(t.logs)) && t.window == w.PosWindow {
		return t.logs[pos]
	}
	return math.Log1p(float64(pos) / w.PosWindow)
}

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
