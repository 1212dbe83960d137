package keyphrase

// posTag is a coarse part of speech, enough to tell a noun phrase: what
// the English table says of a word, settled by its neighbours.
type posTag uint8

const (
	tagNoun    posTag = iota // a noun, or a word nothing marks as other
	tagProper                // a capitalised word mid-sentence: a name
	tagAdj                   // an adjective or a participle before a noun
	tagVerb                  // a verb
	tagAdv                   // an adverb
	tagTime                  // a day, a month, a unit of time
	tagDemonym               // a nationality or people
	tagFunc                  // a stop word
	tagNum                   // a number
)

// tagTokens gives every token its tag. A word's class comes from the
// English table; "-ed" and "-ing" words and nouns that are also verbs take
// their tag from the word before and after, within one phrase:
//
//	was arrested, police arrested → verb; the injured man → adjective
//	is building, killing the → verb; the building, tornado warning → noun
//	they plan, will visit → verb; the plan → noun
//	the official said → noun (an adjective that ends a phrase after a determiner)
func tagTokens(toks []token) {
	for i := range toks {
		t := &toks[i]
		var prev, next *token
		if i > 0 && !t.brk {
			prev = &toks[i-1]
		}
		if i+1 < len(toks) && !toks[i+1].brk {
			next = &toks[i+1]
		}
		t.tag = tagOf(t, prev, next)
	}
}

// tagOf tags t, given the tokens before and after it in the same phrase
// (nil at a phrase edge). prev is already tagged.
func tagOf(t, prev, next *token) posTag {
	c := t.cls
	switch {
	case t.stop:
		return tagFunc
	case t.num:
		return tagNum
	case c&classTime != 0:
		return tagTime
	case c&classDemonym != 0:
		return tagDemonym
	case t.upper && !t.first:
		return tagProper
	case c&classVerb != 0:
		return tagVerb
	case c&classAdv != 0:
		return tagAdv
	case c&classAdj != 0:
		if prev != nil && prev.cls&classDet != 0 && !startsNoun(next) {
			return tagNoun // "the official", "the final"
		}
		return tagAdj
	case c&classEd != 0:
		if prev == nil || prev.tag == tagAdj || prev.tag == tagNum ||
			(prev.tag == tagFunc && prev.cls&(classVerbCue|classAux) == 0) {
			return tagAdj // "the injured man", "armed forces"
		}
		return tagVerb // "police arrested", "was arrested"
	case c&classIng != 0:
		if prev != nil && prev.cls&(classVerbCue|classAux) != 0 {
			return tagVerb // "is building"
		}
		if next != nil && (next.cls&(classDet|classVerbCue) != 0 || next.num) {
			return tagVerb // "killing the", "leaving 20"
		}
		return tagNoun // "the meeting", "tornado warning"
	case prev != nil && prev.cls&classVerbCue != 0 && !t.upper:
		return tagVerb // "they plan", "will visit"
	}
	return tagNoun
}

// startsNoun reports whether t may go on a noun phrase as a noun or
// modifier: not a stop word, a verb or an adverb.
func startsNoun(t *token) bool {
	if t == nil || t.stop || t.num {
		return false
	}
	return t.cls&(classVerb|classAdv) == 0
}

// inPhrase reports whether a token tagged g may stand inside a noun phrase.
func (g posTag) inPhrase() bool {
	return g == tagNoun || g == tagProper || g == tagAdj || g == tagDemonym || g == tagNum
}

// head reports whether a token tagged g may end a noun phrase.
func (g posTag) head() bool { return g == tagNoun || g == tagProper }

// opensPhrase reports whether a token tagged g may begin a noun phrase.
func (g posTag) opensPhrase() bool {
	return g == tagNoun || g == tagProper || g == tagAdj || g == tagDemonym
}
