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
	lower     string  // lowercased words joined by one space; for longer phrases only once lowerOf needs it
	at        int32   // first token of the occurrence whose spelling is shown
	n         int32   // words, inner stop words included
	tf        int32   // occurrences
	firstPos  int32   // position of the first word of the first occurrence
	proper    int32   // occurrences, where case tells, with every word capitalised
	plain     int32   // occurrences, where case tells, with some word in lower case
	nouns     int32   // occurrences of a single word tagged as a noun or name
	heads     int32   // of those, the ones that end their noun phrase
	runes     int32   // letters in the longest word
	wordsLog  float64 // for a run, the mean log occurrence count of its words alone
	title     bool    // occurs in the title
	midText   bool    // at is a mid-sentence occurrence
	fragment  bool    // occurs only inside one longer name
	honorific bool    // begins with a title such as "President" or "Mr"
	base      float64 // score from its own occurrences
	score     float64 // base, raised to the best of the fragments it absorbs
}

// gramKey names a run of two or three words by their word ids, -1 past
// the end.
type gramKey [maxWords]int32

// packBits is the width of one word id in a packed gramKey.
const packBits = 21

// maxPackedWords is how many distinct words an article may have for its
// gramKeys to pack into a uint64; articles with more use a slower map.
var maxPackedWords int32 = 1<<packBits - 1

// pack turns k into one uint64, each id plus one in packBits bits.
func (k gramKey) pack() uint64 {
	return uint64(k[0]+1) | uint64(k[1]+1)<<packBits | uint64(k[2]+1)<<(2*packBits)
}

// candidates holds the distinct candidates of one article.
type candidates struct {
	list   []candidate
	toks   []token           // the article's tokens
	byWord []int32           // word id → its single-word candidate, -1 for none
	wordAt []int32           // token → its single-word candidate, -1 for none
	packed bool              // runs are keyed in grams, else in wide
	grams  map[uint64]int32  // packed gramKey → position in list
	wide   map[gramKey]int32 // gramKey → position in list
	buf    []byte
}

// find returns the position in list of the run named by k.
func (cs *candidates) find(k gramKey) (int32, bool) {
	if cs.packed {
		i, ok := cs.grams[k.pack()]
		return i, ok
	}
	i, ok := cs.wide[k]
	return i, ok
}

// insert records that the run named by k is at position i in list.
func (cs *candidates) insert(k gramKey, i int32) {
	if cs.packed {
		cs.grams[k.pack()] = i
	} else {
		cs.wide[k] = i
	}
}

// lowerOf returns c.lower, joining its words the first time.
func (cs *candidates) lowerOf(c *candidate) string {
	if c.lower == "" {
		b := cs.buf[:0]
		for k, t := range cs.toks[c.at : c.at+c.n] {
			if k > 0 {
				b = append(b, ' ')
			}
			b = append(b, t.lower...)
		}
		c.lower, cs.buf = string(b), b
	}
	return c.lower
}

// collect gathers the candidates of toks, whose word ids are below words:
// every non-stop word with a letter, and every run of two or three words
// within one phrase that neither begins nor ends with a stop word or a
// number. A run is only counted when each of its words recurs in the
// article or all are capitalised: a phrase that occurs once, made of words
// that occur once, is never a keyphrase, and skipping such runs keeps the
// work small.
func collect(cs *candidates, toks []token, words int) {
	cs.toks = toks
	cs.packed = words <= int(maxPackedWords)
	if cs.packed && cs.grams == nil {
		cs.grams = make(map[uint64]int32, len(toks)/2)
	}
	if !cs.packed && cs.wide == nil {
		cs.wide = make(map[gramKey]int32, len(toks)/2)
	}
	cs.list = slices.Grow(cs.list[:0], len(toks)+1)
	cs.byWord = slices.Grow(cs.byWord[:0], words)[:words]
	for i := range cs.byWord {
		cs.byWord[i] = -1
	}
	// First pass: single words, whose counts the second pass needs.
	cs.wordAt = slices.Grow(cs.wordAt[:0], len(toks))[:len(toks)]
	wordAt := cs.wordAt
	for i := range toks {
		t := &toks[i]
		if t.stop || t.num {
			wordAt[i] = -1
			continue
		}
		k := cs.byWord[t.id]
		if k < 0 {
			k = int32(len(cs.list))
			cs.list = append(cs.list, candidate{
				lower: t.lower, at: int32(i), n: 1, firstPos: int32(i),
				honorific: t.honor,
			})
			cs.byWord[t.id] = k
		}
		wordAt[i] = k
		cs.list[k].observe(toks, i, i+1)
	}
	for i := range toks {
		if wordAt[i] < 0 || !toks[i].tag.opensPhrase() {
			continue
		}
		key := gramKey{toks[i].id, -1, -1}
		recurs, caps := cs.list[wordAt[i]].tf > 1, toks[i].upper
		for j := i + 1; j < len(toks) && j < i+maxWords; j++ {
			t := &toks[j]
			if t.brk || !(t.tag.inPhrase() || t.cls&classJoin != 0) {
				break
			}
			key[j-i] = t.id
			if wordAt[j] < 0 {
				continue
			}
			recurs = recurs && cs.list[wordAt[j]].tf > 1
			caps = caps && t.upper
			if !recurs && !caps {
				break
			}
			if !t.tag.head() {
				continue
			}
			k, ok := cs.find(key)
			if !ok {
				k = int32(len(cs.list))
				cs.list = append(cs.list, candidate{
					at: int32(i), n: int32(j - i + 1), firstPos: int32(i),
					honorific: toks[i].honor,
				})
				cs.insert(key, k)
			}
			cs.list[k].observe(toks, i, j+1)
		}
	}
}

// weighWords sets the wordsLog of every run: a phrase whose words recur on
// their own ("oil" and "spill" of "oil spill") is what the article is about
// even where the phrase itself recurs less.
func weighWords(cs *candidates) {
	for i := range cs.list {
		c := &cs.list[i]
		if c.n == 1 {
			continue
		}
		sum, k := 0.0, 0
		for _, t := range cs.toks[c.at : c.at+c.n] {
			if j := cs.byWord[t.id]; j >= 0 && !t.stop {
				sum += logCount(cs.list[j].tf)
				k++
			}
		}
		c.wordsLog = sum / float64(max(k, 1))
	}
}

// observe records one occurrence of c as toks[from:to].
func (c *candidate) observe(toks []token, from, to int) {
	ws := toks[from:to]
	c.tf++
	if to-from == 1 && ws[0].tag.head() {
		c.nouns++
		// Titles are telegraphic ("Volcano erupts"): only the body tells.
		if ws[0].title || to == len(toks) || toks[to].brk || !toks[to].tag.opensPhrase() {
			c.heads++
		}
	}
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
// part that never occurs outside the name ("Santa" of "Santa Harbin", "Kim
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
		ws := cs.toks[c.at : c.at+c.n]
		// Every run of whole words of c, shorter than c.
		for from := range ws {
			for to := from + 1; to <= len(ws); to++ {
				if to-from == len(ws) {
					continue
				}
				u := cs.part(ws[from:to])
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
		}
	}
}

// part returns the candidate made of the words of ws, or nil.
func (cs *candidates) part(ws []token) *candidate {
	if len(ws) == 1 {
		if k := cs.byWord[ws[0].id]; k >= 0 {
			return &cs.list[k]
		}
		return nil
	}
	key := gramKey{-1, -1, -1}
	for k := range ws {
		key[k] = ws[k].id
	}
	if k, ok := cs.find(key); ok {
		return &cs.list[k]
	}
	return nil
}

// nameLead is how far a full name ranks above a part of it that mostly
// occurs inside it.
const nameLead = 0.01

// nounPhrase reports whether c may be a keyphrase: a run is one by how it
// was collected; a single word must be a noun or a name somewhere in the
// article, so that adjectives ("illegal"), demonyms ("Chinese") and time
// words ("Saturday") never are.
func (c *candidate) nounPhrase() bool { return c.n > 1 || c.nouns > 0 }
