package teaser

import (
	"cmp"
	"hash/fnv"
	"strings"

	"github.com/hookline/hookline/article"
)

// Options tune a teaser. The zero value is the default.
type Options struct {
	// Variant picks the hook and closing wording, so an article can be
	// shared again without repeating itself: 1 to Variants pick one (larger
	// values wrap around). 0, the default, opens with the style model's
	// "Guess who's …?" when the fact allows it, and otherwise picks the
	// wording from the article's hash (the same article always gets the
	// same one).
	Variant int
	// Hashtags is the most hashtags a Result carries. Defaults to 3.
	Hashtags int
	// Keyphrases is how many keyphrases a Result carries. Defaults to 10.
	Keyphrases int
}

func (o Options) withDefaults() Options {
	o.Hashtags = cmp.Or(o.Hashtags, 3)
	o.Keyphrases = cmp.Or(o.Keyphrases, 10)
	return o
}

// variant returns the 0-based wording to use for a.
func (o Options) variant(a *article.Article) int {
	if o.Variant > 0 {
		return (o.Variant - 1) % Variants
	}
	h := fnv.New32a()
	if a.Hash != "" {
		h.Write([]byte(a.Hash))
	} else {
		h.Write([]byte(a.Title))
		for _, p := range a.Paragraphs {
			h.Write([]byte(p))
		}
	}
	return int(h.Sum32() % Variants)
}

// draftFor composes the teaser of a from its keyphrases.
func draftFor(a *article.Article, phrases []string, o Options) draft {
	d := newDocument(a)
	defer d.release()
	hookSentences := 0
	if a.Hook != "" {
		// The document's first sentences are the hook's, as newDocument
		// read them.
		for line := range strings.SplitSeq(a.Hook, "\n") {
			for _, s := range article.Sentences(line) {
				if wordCount(s) > 0 {
					hookSentences++
				}
			}
		}
	}
	// A hook longer than maxSentences is cut with the rest.
	hookSentences = min(hookSentences, len(d.sentences))
	return compose(d, phrases, o.variant(a), o.Variant == 0, hookSentences)
}
