package teaser

import (
	"cmp"
	"strings"

	"github.com/hookline/hookline/article"
)

// Options tune a teaser. The zero value is the default.
type Options struct {
	// Variant picks the news angle, so an article can be shared again
	// without repeating itself: 1 (and 0, the default) is the article's
	// best sentence for the news, 2 its second best, and so on up to
	// Variants (larger values wrap around; an article with fewer angles
	// wraps sooner).
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

// variant returns the 0-based news angle to use: the best by default.
func (o Options) variant() int {
	return max(o.Variant-1, 0)
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
	dr := compose(d, phrases, o.variant(), hookSentences)
	if dr.index >= 0 && !d.lang.plain {
		if unnamed := d.introduce(dr.index, &dr.hook, &dr.fact, &dr.stakes); unnamed[2] {
			// "… hopes Tom's ferry will …": which Tom? The news
			// stands without it.
			dr.stakes, dr.question = "", ""
		}
	}
	if dr.fact != "" {
		dr.hashtags = d.hashtags(a, dr.index, dr.about, o.Hashtags)
	}
	return dr
}
