// Package keyphrase finds the words and phrases an article is about, without
// training data and deterministically, and turns them into hashtags.
//
// A small rule-based tagger (tag.go) tells nouns and names from verbs,
// adjectives, adverbs, time words and demonyms, by the English table
// (english.go: function words, common verbs and adjectives, word endings,
// days and months, nationalities) and by each word's neighbours. Candidates
// are noun phrases: single words used as nouns somewhere in the article, and
// runs of two or three words within one phrase that open on a noun, name or
// modifier, end on a noun or name, and hold no stop word but "of", "and" or
// "&" (a run counts only when its words recur or are capitalised). Each is
// scored from what a reader notices: how often it and its words recur,
// whether the title holds it, how early it first comes, whether it is
// written as a name, how long its words are, and, for a single word, how
// often it is used as a noun and heads its phrase rather than qualifying
// another word. A name of several words stands for the parts that occur
// only inside it ("Santa Harbin", not "Santa"), and the top is chosen so
// that no two phrases say the same thing twice.
package keyphrase

import (
	"strings"

	"github.com/hookline/hookline/article"
)

// Phrase is one keyphrase with its score; a higher score is more central.
// Explicit keywords score above every extracted phrase.
type Phrase struct {
	Text  string
	Score float64
}

// MaxPhrases is the most keyphrases Extract returns: more than any
// article has, and a bound on what it allocates for n.
const MaxPhrases = 1000

// Extract returns up to n keyphrases of a, best first: first the article's
// explicit Keywords (trimmed, deduplicated without regard to case), then
// extracted phrases that are not already there. n <= 0 means 10; n above
// MaxPhrases means MaxPhrases. The result is the same for the same article.
func Extract(a *article.Article, n int) []Phrase {
	if n <= 0 {
		n = 10
	}
	n = min(n, MaxPhrases)
	out := make([]Phrase, 0, n)
	seen := make(map[string]struct{}, n)
	for i, k := range a.Keywords {
		if len(out) == n {
			return out
		}
		k = strings.Join(strings.Fields(k), " ")
		key := strings.ToLower(k)
		if k == "" {
			continue
		}
		if _, dup := seen[key]; dup {
			continue
		}
		seen[key] = struct{}{}
		out = append(out, Phrase{Text: k, Score: explicitScore - float64(i)})
	}
	for _, c := range rank(a, n+len(out)) {
		if len(out) == n {
			break
		}
		if _, dup := seen[c.lower]; dup {
			continue
		}
		seen[c.lower] = struct{}{}
		out = append(out, Phrase{Text: c.text, Score: c.score})
	}
	return out
}

// explicitScore places explicit keywords above any extracted phrase.
const explicitScore = 1000
