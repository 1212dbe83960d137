package teaser

import (
	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/teaser/fit"
	"github.com/hookline/hookline/teaser/keyphrase"
)

// authored returns the result of an article whose author wrote its teaser
// (front matter teaser:): that text, as the one sentence that carries the
// news, replaces the written teaser in every variant; false when there is
// none.
func authored(a *article.Article, phrases, found []string) (Result, bool) {
	if a.Teaser == "" {
		return Result{}, false
	}
	return Result{
		Article:    a,
		Teaser:     Teaser{Sentences: []fit.Sentence{{Text: a.Teaser, Role: fit.Fact}}},
		Keyphrases: phrases,
		Hashtags:   chosenHashtags(a, found),
	}, true
}

// chosenHashtags are the author's hashtags (front matter hashtags:), each
// made a valid CamelCase tag, when given; else the ones found.
func chosenHashtags(a *article.Article, found []string) []string {
	if len(a.Hashtags) == 0 {
		return found
	}
	var tags []string
	for _, h := range a.Hashtags {
		if tag, ok := keyphrase.Hashtag(h); ok {
			tags = append(tags, tag)
		}
	}
	return tags
}
