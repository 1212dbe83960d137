package keyphrase

import (
	"math"
	"strings"
	"unicode/utf8"
)

// maxWords is the longest candidate phrase, in words.
const maxWords = 3

// candidate is one distinct phrase (by its lowercased text) with what the
// article says about it.
type candidate struct {
	lower     string  // lowercased words joined by one space
	text      string  // as written, preferring a mid-sentence occurrence
	n         int     // words
	tf        int     // occurrences
	firstPos  int     // position of the first word of the first occurrence
	title     bool    // occurs in the title
	proper    int     // mid-sentence occurrences with every non-stop word capitalised
	plain     int     // mid-sentence occurrences with some word in lower case
	runes     int     // letters in the longest word
	midText   bool    // text comes from a mid-sentence occurrence
	fragment  bool    // a word that occurs only inside one longer phrase
	honorific bool    // begins with a title such as "President" or "Mr"
	base      float64 // score from its own occurrences
	score     float64 // base, raised to the best of the fragments it absorbs
}

// collect gathers the candidates of toks: every non-stop word with a letter,
// and every run of two or three words within one phrase that neither begins
// nor ends with a stop word or a number.
func collect(toks []token) map[string]*candidate {
	cands := make(map[string]*candidate, len(toks)/2+1)
	var buf []byte
	for i := range toks {
		if toks[i].stop || toks[i].num {
			continue
		}
		buf = buf[:0]
		for j := i; j < len(toks) && j < i+maxWords; j++ {
			t := &toks[j]
			if j > i && t.brk {
				break
			}
			if j > i {
				buf = append(buf, ' ')
			}
			buf = append(buf, t.lower...)
			if t.stop || t.num {
				continue
			}
			c, ok := cands[string(buf)]
			if !ok {
				c = &candidate{lower: string(buf), n: j - i + 1, firstPos: toks[i].pos}
				c.honorific = isHonorific(toks[i].lower)
				cands[c.lower] = c
			}
			c.observe(toks[i : j+1])
		}
	}
	return cands
}

// observe records one occurrence of c as the words ws.
func (c *candidate) observe(ws []token) {
	c.tf++
	mid := !ws[0].first
	proper := true
	for k := range ws {
		t := &ws[k]
		if t.title {
			c.title = true
		}
		if t.stop {
			continue
		}
		if !t.upper {
			proper = false
		}
		if n := utf8.RuneCountInString(t.lower); n > c.runes {
			c.runes = n
		}
	}
	if mid {
		if proper {
			c.proper++
		} else {
			c.plain++
		}
	}
	if c.text == "" || (mid && !c.midText) {
		c.text = joinText(ws)
		c.midText = mid
	}
}

func joinText(ws []token) string {
	if len(ws) == 1 {
		return ws[0].text
	}
	var b strings.Builder
	for k := range ws {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(ws[k].text)
	}
	return b.String()
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
	LenLow    int
	LenHigh   int
	NameLen   int     // length a name counts as at least
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
	s := w.Freq * math.Log(float64(c.tf))
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
func absorbFragments(cands map[string]*candidate) {
	for _, c := range cands {
		if c.n == 1 || c.tf < 2 || c.proper == 0 || c.plain > 0 || c.honorific {
			continue
		}
		words := strings.Fields(c.lower)
		for i := range words {
			for j := i + 1; j <= len(words); j++ {
				if j-i == len(words) {
					continue
				}
				u, ok := cands[strings.Join(words[i:j], " ")]
				if !ok || u.tf > 2*c.tf {
					continue
				}
				if u.tf == c.tf {
					u.fragment = true
					c.score = max(c.score, u.base)
				} else {
					c.score = max(c.score, u.base+nameLead)
				}
			}
		}
	}
}

// nameLead is how far a full name ranks above a part of it that mostly
// occurs inside it.
const nameLead = 0.01
