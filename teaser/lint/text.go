package lint

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hookline/hookline/article"
)

// token is one word of a sentence: letters and digits, with inner
// apostrophes, hyphens, dots and ampersands kept ("Kim's", "U.S", "re-run").
type token struct {
	text  string
	lower string
	start int // byte offset in the sentence
}

// upper reports whether the token starts with an upper-case letter.
func (t token) upper() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

// bare is the lower-case token without a possessive ending.
func (t token) bare() string {
	for _, s := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(t.lower, s) && len(t.lower) > len(s) {
			return t.lower[:len(t.lower)-len(s)]
		}
	}
	return t.lower
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokenize splits s into tokens.
func tokenize(s string) []token {
	var out []token
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && strings.ContainsRune("'’-.&", r) {
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if isWordRune(next) {
				continue
			}
		}
		if start >= 0 {
			out = append(out, newToken(s[start:i], start))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, newToken(s[start:], start))
	}
	return out
}

func newToken(text string, start int) token {
	return token{text: text, lower: strings.ToLower(text), start: start}
}

// lowers returns the tokens' lower-case forms.
func lowers(ts []token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.lower
	}
	return out
}

// hasPhrase reports whether the lower-case words contain phrase (words
// joined by single spaces) as a run of whole words.
func hasPhrase(words []string, phrase string) bool {
	return phraseAt(words, phrase) >= 0
}

// phraseAt returns the index of the first word of phrase in words, or -1.
func phraseAt(words []string, phrase string) int {
	p := strings.Fields(phrase)
	for i := 0; i+len(p) <= len(words); i++ {
		match := true
		for j := range p {
			if words[i+j] != p[j] {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}

// sentence is one sentence of the post.
type sentence struct {
	text   string
	tokens []token
	words  []string // lower-case tokens
	bares  []string // lower-case tokens without a possessive ending
}

func newSentence(s string) sentence {
	ts := tokenize(s)
	bares := make([]string, len(ts))
	for i, t := range ts {
		bares[i] = t.bare()
	}
	return sentence{text: s, tokens: ts, words: lowers(ts), bares: bares}
}

func (s sentence) question() bool {
	return strings.HasSuffix(strings.TrimRight(s.text, `"'”’)]» `), "?")
}

// splitPost separates a post's text into its sentences and the hashtags of
// its hashtag lines. Link lines are left out.
func splitPost(post string) (ss []sentence, tags []string) {
	for line := range strings.SplitSeq(post, "\n") {
		line = strings.TrimSpace(line)
		fields := strings.Fields(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "http://") || strings.HasPrefix(line, "https://"):
		case allTags(fields):
			tags = append(tags, fields...)
		default:
			for _, s := range article.Sentences(line) {
				ss = append(ss, newSentence(s))
			}
		}
	}
	return ss, tags
}

func allTags(fields []string) bool {
	for _, f := range fields {
		if !strings.HasPrefix(f, "#") {
			return false
		}
	}
	return len(fields) > 0
}

// source is what the checks need to know about the article.
type source struct {
	title     sentence
	sentences []sentence
	// capMid and lowMid count a word's (possessive dropped) occurrences
	// inside sentences written with and without a capital: a word the
	// article capitalises mid-sentence more often than not is a name.
	capMid, lowMid map[string]int
	// lead is the title and the first sentences, lower-case words.
	lead   []string
	ground *grounding // built on first use
}

// leadSentences is how many body sentences count as the article's lead.
const leadSentences = 3

func newSource(a *article.Article) *source {
	src := &source{capMid: map[string]int{}, lowMid: map[string]int{}}
	if a == nil {
		return src
	}
	src.title = newSentence(a.Title)
	src.lead = append(src.lead, src.title.words...)
	paras := a.Paragraphs
	if a.Hook != "" {
		paras = append([]string{a.Hook}, paras...)
	}
	for _, p := range paras {
		for _, s := range article.Sentences(p) {
			st := newSentence(s)
			if len(src.sentences) < leadSentences {
				src.lead = append(src.lead, st.words...)
			}
			src.sentences = append(src.sentences, st)
			for i, t := range st.tokens {
				if i == 0 || afterOpening(s, t.start) {
					continue
				}
				if t.upper() {
					src.capMid[t.bare()]++
				} else {
					src.lowMid[t.bare()]++
				}
			}
		}
	}
	return src
}

// afterOpening reports whether the token at byte i opens a quotation or a
// clause after a colon, where a capital says nothing about the word.
func afterOpening(s string, i int) bool {
	before := strings.TrimRight(s[:i], " ")
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune(`"“‘'(:—–-`, r)
}

// writes reports whether the article's title or one of its sentences holds
// frag as written.
func (s *source) writes(frag string) bool {
	if strings.Contains(s.title.text, frag) {
		return true
	}
	for _, t := range s.sentences {
		if strings.Contains(t.text, frag) {
			return true
		}
	}
	return false
}

// isName reports whether the article writes a word as a name: capitalised
// mid-sentence more often than not.
func (s *source) isName(lower string) bool {
	return s.capMid[lower] > s.lowMid[lower]
}

// isCommon reports whether the article writes a word in lower case
// mid-sentence at least as often as with a capital.
func (s *source) isCommon(lower string) bool {
	return s.lowMid[lower] > 0 && s.lowMid[lower] >= s.capMid[lower]
}

// names returns the post sentence's names: maximal runs of capitalised
// tokens, with "of" inside. A sentence's first word counts only when the article writes it
// as a name.
func names(lex *lexicon, src *source, s sentence) [][]token {
	var out [][]token
	var run []token
	flush := func() {
		if len(run) > 0 {
			out = append(out, run)
			run = nil
		}
	}
	for i, t := range s.tokens {
		opening := i == 0 || afterOpening(s.text, t.start)
		name := t.upper() && t.lower != "i" && !opening ||
			t.upper() && !lex.function[t.lower] && (src.isName(t.bare()) ||
				// "Kim Jong Un is …": a name goes on after the opening word
				i+1 < len(s.tokens) && s.tokens[i+1].upper() && !afterOpening(s.text, s.tokens[i+1].start))
		// "Bank of England": "of" between capitalised words stays inside.
		inner := t.lower == "of" && len(run) > 0 && i+1 < len(s.tokens) && s.tokens[i+1].upper()
		if name || inner {
			run = append(run, t)
			continue
		}
		flush()
	}
	flush()
	return out
}

// nameKey is a name's lower-case words without a possessive ending.
func nameKey(run []token) string {
	parts := make([]string, len(run))
	for i, t := range run {
		parts[i] = t.bare()
	}
	return strings.Join(parts, " ")
}
