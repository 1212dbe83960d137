package teaser

import (
	"slices"
	"strings"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/teaser/keyphrase"
)

// Hashtags picks at most n hashtags for a from its keyphrases (best
// first). Keyphrases are
// ranked for what an article is about, where a describing word such as
// "diplomatic" may lead; a hashtag is a topic people follow, so the
// article's explicit keywords come first, then multi-word phrases (mostly
// names: Kim Jong Un, Xi Jinping), then single words, and adjective-like
// words last.
func Hashtags(a *article.Article, phrases []string, n int) []string {
	explicit := make(map[string]bool, len(a.Keywords))
	for _, k := range a.Keywords {
		explicit[strings.ToLower(strings.TrimSpace(k))] = true
	}
	var groups [5][]string
	for _, p := range phrases {
		rank := hashtagRank(p, explicit)
		// A common word the article says once ("four university towns")
		// is a detail, not a topic people follow.
		if rank == 2 && !hasUpper(p) && !saysTwice(a, p) {
			rank = 3 // after the other single words, before adjectives
		}
		groups[rank] = append(groups[rank], p)
	}
	// A phrase sharing a word with a better one is a fragment or a run
	// across two names ("Jong Un China" after "Kim Jong Un"): skip it.
	ordered := make([]string, 0, len(phrases))
	seen := make(map[string]bool)
	for _, g := range groups {
		for _, p := range g {
			words := strings.Fields(strings.ToLower(p))
			if slices.ContainsFunc(words, func(w string) bool { return seen[w] }) {
				continue
			}
			for _, w := range words {
				seen[w] = true
			}
			ordered = append(ordered, p)
		}
	}
	return keyphrase.Hashtags(ordered, n)
}

// hashtagRank is 0 for explicit keywords, 1 for multi-word phrases, 2 for
// single words, 4 for adjective-like single lower-case words. (Hashtags
// ranks 3 a lower-case word the article says only once.)
func hashtagRank(p string, explicit map[string]bool) int {
	switch {
	case explicit[strings.ToLower(p)]:
		return 0
	case strings.ContainsRune(p, ' '):
		return 1
	case !hasUpper(p) && adjectiveLike(p):
		return 4
	default:
		return 2
	}
}

// adjectiveSuffixes end most English adjectives and few topic nouns.
var adjectiveSuffixes = []string{"al", "ic", "ive", "ous", "ful", "less", "able", "ible", "ant", "ent", "ary", "ly"}

// adjectiveLike reports whether a lower-case word looks like an adjective
// (or an adverb) by its ending.
func adjectiveLike(w string) bool {
	if len(w) < 6 {
		return false
	}
	for _, s := range adjectiveSuffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// aboutFirst returns phrases with about, the hook's subject, moved or added
// to the front: the hashtag for what the post asks about leads its kind
// (a name among names, a phrase among phrases). The article's own keywords
// keep the author's order.
func aboutFirst(a *article.Article, phrases []string, about string) []string {
	if about == "" || slices.ContainsFunc(a.Keywords, func(k string) bool {
		return strings.EqualFold(strings.TrimSpace(k), about)
	}) {
		return phrases
	}
	out := make([]string, 0, len(phrases)+1)
	out = append(out, about)
	for _, p := range phrases {
		if !strings.EqualFold(p, about) {
			out = append(out, p)
		}
	}
	return out
}

// saysTwice reports whether the article's title and paragraphs hold word
// (compared without regard to case, also inside longer words such as its
// plural) at least twice.
func saysTwice(a *article.Article, word string) bool {
	if word == "" {
		return false
	}
	first := word[0] | 0x20 // ASCII lower case; other bytes unchanged enough to filter
	n := 0
	count := func(text string) bool {
		for i := 0; i+len(word) <= len(text); i++ {
			if text[i]|0x20 != first || !strings.EqualFold(text[i:i+len(word)], word) {
				continue
			}
			if n++; n == 2 {
				return true
			}
			i += len(word) - 1
		}
		return false
	}
	if count(a.Title) {
		return true
	}
	for _, p := range a.Paragraphs {
		if count(p) {
			return true
		}
	}
	return false
}
