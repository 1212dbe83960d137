// Package lint finds the mechanical defects of a teaser post without a
// judge: odd questions, repeated names, dangling references, dropped
// attributions, fragments, spliced dates, a playful register on a grave
// story and junk hashtags. Each finding carries the defect code of the
// editorial rubric (../shared/eval/editorial/README.md) it stands for.
//
// The checks are heuristics over words and punctuation: a finding is a
// place to look, and a clean post can still be wrong, flat or misleading
// in ways only a reader sees (see the README's "Teaser lint").
package lint

import (
	"strings"

	"github.com/hookline/hookline/article"
)

// Defect codes. All but DATE are the rubric's own.
const (
	// QOdd is an odd question: its subject is an adjective, a demonym or a
	// bare common noun, or a name broken at an abbreviation.
	QOdd = "Q-ODD"
	// Repeat is the hook's subject repeated in the next sentence, or the
	// same name twice in the post.
	Repeat = "REPEAT"
	// Ref is a sentence opening on a pronoun, a definite description or a
	// connective with nothing before it in the post to refer to.
	Ref = "REF"
	// Mislead is an attribution of the source sentence missing from the
	// post's sentence, so that a claim reads as fact.
	Mislead = "MISLEAD"
	// Frag is a fragment: unbalanced quotes or brackets, a stray comma, a
	// verbless or subordinate-only sentence, a sentence with no end.
	Frag = "FRAG"
	// Date is a relative day ("yesterday", "that day") next to another day
	// word. The rubric has no code of its own for it: it scores a stale
	// day as a slip of faith and a wrong one as WRONGFACT.
	Date = "DATE"
	// Tone is a playful template or an exclamation on a story of death,
	// violence, abuse, disaster or a court case.
	Tone = "TONE"
	// Tag is a junk hashtag; the detail names its class.
	Tag = "TAG"
)

// Codes returns the defect codes the lint reports, in a fixed order.
func Codes() []string {
	return []string{QOdd, Repeat, Ref, Mislead, Frag, Date, Tone, Tag}
}

// Finding is one defect found in a post.
type Finding struct {
	// Code is one of the defect codes above.
	Code string
	// Detail says what was found, quoting the post.
	Detail string
}

// String returns the finding as "CODE: detail".
func (f Finding) String() string { return f.Code + ": " + f.Detail }

// view is one post as the checks see it.
type view struct {
	lex  *lexicon
	src  *source
	a    *article.Article
	ss   []sentence
	tags []string
}

// Check lints a post made from article a: post is its text as published
// (sentences, then optionally a link line and a hashtag line); hashtags
// are its hashtags with "#", or nil to take them from post's hashtag line.
// a may be nil, which leaves out the checks against the source. Only the
// language-independent checks run when a.Lang names a language the lint
// has no words for.
func Check(a *article.Article, post string, hashtags []string) []Finding {
	p := newView(a, post, hashtags)
	var out []Finding
	for _, check := range []func(*view) []Finding{
		checkQuestions, checkRepeat, checkRef, checkAttribution, checkFrag, checkDate, checkTone, checkTags,
	} {
		out = append(out, check(p)...)
	}
	return out
}

func newView(a *article.Article, text string, hashtags []string) *view {
	ss, tags := splitPost(text)
	if hashtags != nil {
		tags = hashtags
	}
	lang := ""
	if a != nil {
		lang = a.Lang
	}
	return &view{lex: lexiconFor(lang), src: newSource(a), a: a, ss: ss, tags: tags}
}

// quote shortens s for a finding's detail.
func quote(s string) string {
	const most = 60 // characters of a sentence a detail quotes
	if r := []rune(s); len(r) > most {
		s = string(r[:most]) + "…"
	}
	return `"` + s + `"`
}

// lowerText is s lower-cased with its curly apostrophes made straight, for
// matching phrases of the lexicon.
func lowerText(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), "’", "'")
}
