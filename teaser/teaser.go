// Package teaser writes hook-style teasers of articles, in the shape of the
// style model: a hook question, the key fact, the stakes and a closing
// question. Every name, number and claim comes from the article; only the
// wording of the two questions comes from patterns.
package teaser

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/teaser/fit"
	"github.com/hookline/hookline/teaser/keyphrase"
)

// ErrNoSentences means the article has no sentence to build a teaser from.
var ErrNoSentences = errors.New("no sentences to tease")

// Teaser is two to four short sentences: a hook question, the key fact,
// the stakes when the article states them, and a closing question.
type Teaser struct {
	Sentences []fit.Sentence
}

// String returns the sentences joined by spaces.
func (t Teaser) String() string {
	var b strings.Builder
	for i, s := range t.Sentences {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.Text)
	}
	return b.String()
}

// Result is an article's teaser with its keyphrases and hashtags.
type Result struct {
	Article *article.Article
	Teaser  Teaser
	// Keyphrases are the article's keyphrases, best first.
	Keyphrases []string
	// Hashtags are CamelCase hashtags with "#", best first.
	Hashtags []string
}

// Compose writes the teaser of a. The result is the same for the same
// article and options; Options.Variant changes the questions' wording.
// When the article has its own hook (a.Hook), its sentences are the teaser.
func Compose(a *article.Article, opts Options) (Result, error) {
	if a == nil {
		return Result{}, fmt.Errorf("teaser: %w", ErrNoSentences)
	}
	opts = opts.withDefaults()
	phrases := keyphrase.Extract(a, opts.Keyphrases)
	texts := make([]string, len(phrases))
	for i, p := range phrases {
		texts[i] = p.Text
	}
	dr := draftFor(a, texts, opts)
	if res, ok := authored(a, texts, dr.hashtags); ok {
		return res, nil
	}
	if dr.fact == "" {
		return Result{}, fmt.Errorf("teaser %s: %w", a.Source, ErrNoSentences)
	}
	res := Result{Article: a, Keyphrases: texts, Hashtags: chosenHashtags(a, dr.hashtags)}
	for _, s := range []fit.Sentence{
		{Text: dr.hook, Role: fit.Hook},
		{Text: dr.fact, Role: fit.Fact},
		{Text: dr.stakes, Role: fit.Stakes},
		{Text: dr.question, Role: fit.Question},
	} {
		if s.Text != "" {
			res.Teaser.Sentences = append(res.Teaser.Sentences, s)
		}
	}
	return res, nil
}

// Post fits the teaser, the link (may be empty) and at most maxHashtags of
// the result's hashtags (0 means all of them, a negative number none) to a
// network's rules.
func (r Result) Post(rules fit.Rules, link string, maxHashtags int) (fit.Post, error) {
	tags := r.Hashtags
	switch {
	case maxHashtags < 0:
		tags = nil
	case maxHashtags > 0 && maxHashtags < len(tags):
		tags = tags[:maxHashtags]
	}
	return fit.Fit(rules, fit.Input{Sentences: r.Teaser.Sentences, Link: link, Hashtags: tags})
}
