package lint

import (
	"regexp"
	"strings"
)

// maxSlotQuestion is the longest question, in words, whose last noun
// phrase is taken for its subject: a template's length. A longer one is
// made from a sentence and has its subject elsewhere.
const maxSlotQuestion = 10

// slot returns the noun phrase a question is about: the words after its
// last anchor ("What's next for the UK?" → "the UK"), determiners
// dropped; ok is false when the question has no anchor ("What do you
// think?"), asks "Guess who …?" or is longer than a template.
func (l *lexicon) slot(s sentence) (words []token, ok bool) {
	if len(s.words) > maxSlotQuestion || len(s.words) > 0 && s.words[0] == "guess" {
		return nil, false
	}
	last := -1
	for i, w := range s.words {
		if l.slotAnchors[w] {
			last = i
		}
	}
	if last < 0 {
		return nil, false
	}
	words = s.tokens[last+1:]
	for len(words) > 0 && l.determiners[words[0].lower] {
		words = words[1:]
	}
	return words, true
}

// brokenInitials is an abbreviation of initials that lost its last period
// to the question mark: "U.S?", "D.C?".
var brokenInitials = regexp.MustCompile(`(?:^|[^\p{L}.])(?:\p{Lu}\.)+\p{Lu}\?$`)

// checkQuestions reports questions whose subject is an adjective, a
// demonym or a bare common noun, and names broken at an abbreviation.
func checkQuestions(p *view) []Finding {
	var out []Finding
	for _, s := range p.ss {
		if !s.question() || len(s.tokens) == 0 {
			continue
		}
		text := strings.TrimRight(s.text, `"'”’)]» `)
		last := s.tokens[len(s.tokens)-1]
		switch {
		case brokenInitials.MatchString(text):
			out = append(out, Finding{QOdd, "name broken at an abbreviation: " + quote(s.text)})
			continue
		case p.lex != nil && p.lex.abbreviation(last.lower) && strings.HasSuffix(text, last.text+"?") && last.upper():
			out = append(out, Finding{QOdd, "name broken at an abbreviation: " + quote(s.text)})
			continue
		case len(last.text) == 1 && last.upper() && last.text != "I" && len(s.tokens) > 1 && s.tokens[len(s.tokens)-2].upper():
			out = append(out, Finding{QOdd, "name broken at an initial: " + quote(s.text)})
			continue
		}
		if p.lex == nil {
			continue
		}
		if why := p.oddSubject(s); why != "" {
			out = append(out, Finding{QOdd, why + ": " + quote(s.text)})
		}
	}
	return out
}

// oddSubject says why a question's subject is odd, or "" when it is not.
func (p *view) oddSubject(s sentence) string {
	l := p.lex
	words, ok := l.slot(s)
	if !ok || len(words) == 0 {
		return ""
	}
	ls := lowers(words)
	if l.isDemonym(ls) && !l.peopleDemonym(s, ls) {
		return "a demonym as the subject"
	}
	if len(words) != 1 {
		return ""
	}
	w := words[0]
	switch {
	case l.isTimeWord(w.lower):
		return "a time word as the subject"
	case l.objectPronouns[w.lower], w.upper() && !p.src.isCommon(w.bare()):
		return "" // a pronoun or a name
	case l.isStakeholder(w.bare()):
		return ""
	case l.isAdjective(w.lower):
		return "an adjective as the subject"
	case strings.HasSuffix(w.lower, "s") && !strings.HasSuffix(w.lower, "ss"):
		return "" // a plural: "for schools?"
	}
	return "a bare common noun as the subject"
}

// peopleDemonym reports whether "the" and a demonym name a people: "the
// French", "the Swiss", "the Chinese" (but not "the Italian").
func (l *lexicon) peopleDemonym(s sentence, slot []string) bool {
	d := slot[len(slot)-1]
	before := len(s.words) - len(slot) - 1
	if before < 0 || s.words[before] != "the" {
		return false
	}
	for _, suffix := range []string{"sh", "ch", "ese", "ss"} {
		if strings.HasSuffix(d, suffix) {
			return true
		}
	}
	return false
}
