package lint

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// minVerbless is the fewest words a sentence needs before it counts as
// verbless: "Big day." is a style, a long sentence with no verb is broken.
const minVerbless = 5

// lowerAfterEnd is a question or exclamation mark followed by a lower-case
// word inside one sentence: what follows was cut from its start ("What
// Would Kenny Do? look set to …").
var lowerAfterEnd = regexp.MustCompile(`[?!]["”’')]*\s+\p{Ll}`)

// strayPunct is a comma or a space stuck before a sentence's end, a space
// before a comma, or a doubled comma.
var strayPunct = regexp.MustCompile(`,\s*[.!?]|\s[,.!?](?:\s|$)|,,`)

// pairs are the brackets and quotes that must balance in a post.
var pairs = [][2]string{{"(", ")"}, {"[", "]"}, {"“", "”"}}

// checkFrag reports garbled sentences: unbalanced quotes or brackets, stray
// commas, a sentence opening in lower case, a subordinate clause alone, a
// sentence with no verb, a post that ends without an end.
func checkFrag(p *view) []Finding {
	var out []Finding
	body := make([]string, len(p.ss))
	for i, s := range p.ss {
		body[i] = s.text
	}
	text := strings.Join(body, " ")
	for _, pr := range pairs {
		if strings.Count(text, pr[0]) != strings.Count(text, pr[1]) {
			out = append(out, Finding{Frag, "unbalanced " + pr[0] + pr[1]})
		}
	}
	if strings.Count(text, `"`)%2 != 0 {
		out = append(out, Finding{Frag, `unbalanced "`})
	}
	for _, s := range p.ss {
		if why := p.fragment(s); why != "" {
			out = append(out, Finding{Frag, why + ": " + quote(s.text)})
		}
	}
	if n := len(p.ss); n > 0 {
		last := strings.TrimRight(p.ss[n-1].text, " ")
		r, _ := utf8.DecodeLastRuneInString(last)
		switch {
		case r == '…' || strings.HasSuffix(last, "..."):
			out = append(out, Finding{Frag, "the last sentence is cut: " + quote(last)})
		case !strings.ContainsRune(`.!?"”’')]»`, r):
			out = append(out, Finding{Frag, "the last sentence has no end: " + quote(last)})
		}
	}
	return out
}

// cutAfterEnd reports whether text holds a question or exclamation mark
// followed by a lower-case word (see lowerAfterEnd) that the article does
// not write so itself: a title the article quotes ("What Time Is Love? in
// the late 1980s") is no cut.
func (p *view) cutAfterEnd(text string) bool {
	for _, m := range lowerAfterEnd.FindAllStringIndex(text, -1) {
		from, to := max(0, m[0]-20), min(len(text), m[1]+10)
		for from > 0 && !utf8.RuneStart(text[from]) {
			from--
		}
		for to < len(text) && !utf8.RuneStart(text[to]) {
			to++
		}
		if !p.src.writes(text[from:to]) {
			return true
		}
	}
	return false
}

// fragment says why one sentence is a fragment, or "".
func (p *view) fragment(s sentence) string {
	if strayPunct.MatchString(s.text) {
		return "stray punctuation"
	}
	if len(s.tokens) == 0 {
		return ""
	}
	first := s.tokens[0]
	if r, _ := utf8.DecodeRuneInString(first.text); unicode.IsLower(r) && first.text == first.lower ||
		p.cutAfterEnd(s.text) {
		return "opens in lower case"
	}
	l := p.lex
	if l == nil || s.question() {
		return ""
	}
	if l.subordinators[first.lower] && !strings.Contains(s.text, ",") {
		return "a subordinate clause alone"
	}
	if len(s.tokens) >= minVerbless && !p.hasVerb(s) {
		return "no verb"
	}
	return ""
}

// hasVerb reports whether a sentence has a word that may be its verb: an
// auxiliary or a frequent verb form, a word in -ed, a word in -s after
// something other than a determiner, a number or an adjective ("the
// weekends", "three goals"), or any word right after a likely subject (a
// name, a plural, a pronoun, an adverb: "Sparks and smoke rise up").
func (p *view) hasVerb(s sentence) bool {
	l := p.lex
	for i, t := range s.tokens {
		w := strings.ReplaceAll(t.lower, "’", "'")
		if t.upper() && i > 0 {
			continue // a name
		}
		if strings.HasSuffix(w, "n't") || l.verbs[w] || l.attribution[w] {
			return true
		}
		if len(w) > 3 && strings.HasSuffix(w, "ed") && !l.notVerbsEd[w] {
			return true
		}
		if i == 0 || l.function[w] || isNumber(w) {
			continue
		}
		prev := s.tokens[i-1]
		pw := prev.lower
		switch {
		case l.subjectPronouns[pw], strings.HasSuffix(pw, "ly"), l.adverbs[pw]:
			return true
		case prev.upper() && i > 1 || isPlural(pw) && !l.function[pw]:
			if !l.function[w] && !isPlural(w) {
				return true
			}
		}
		if isPlural(w) && !l.determiners[pw] && !l.function[pw] && !isNumber(pw) && !l.isAdjective(pw) {
			return true
		}
	}
	return false
}

func isPlural(w string) bool {
	return len(w) > 2 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.ContainsAny(w, "'’")
}

func isNumber(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r)
}
