package lint

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTagWords is the longest run of article words a hashtag is matched
// against.
const maxTagWords = 5

// checkTags reports junk hashtags, one class each: all digits or a number
// with a word, a time word, a demonym, an adjective, a possessive merged
// into a name, a single common word, the singular or plural of another
// tag, a tag the article does not contain.
func checkTags(p *view) []Finding {
	var out []Finding
	var seen []string // singular lower-case forms of earlier tags
	for _, tag := range p.tags {
		name := strings.TrimPrefix(tag, "#")
		if name == "" {
			continue
		}
		low := strings.ToLower(name)
		if class := p.tagClass(name, low, seen); class != "" {
			out = append(out, Finding{Tag, class + ": " + tag})
		}
		seen = append(seen, singular(low))
	}
	return out
}

// tagClass returns the junk class of one hashtag, or "".
func (p *view) tagClass(name, low string, seen []string) string {
	parts := camelParts(name)
	r, _ := utf8.DecodeRuneInString(name)
	switch {
	case unicode.IsDigit(r) && strings.IndexFunc(name, unicode.IsLetter) < 0:
		return "all digits"
	case unicode.IsDigit(r):
		return "a number and a word"
	}
	l := p.lex
	for _, s := range seen {
		if s == singular(low) {
			return "the singular or plural of an earlier tag"
		}
	}
	if l != nil {
		words := lowerParts(parts)
		switch {
		case l.allTime(words):
			return "a time word"
		case l.isDemonym(words):
			return "a demonym"
		}
		if len(parts) == 1 && !isAcronym(name) && !p.src.isName(low) {
			switch {
			case l.isAdjective(low) && (p.src.isCommon(low) || l.adjectives[low]):
				return "an adjective"
			case p.src.isCommon(low) || p.src.isCommon(singular(low)) || l.function[low]:
				return "a single common word"
			}
		}
	}
	if p.a == nil {
		return ""
	}
	g := p.src.grounding()
	switch {
	case g.plain[low]:
		return ""
	case g.possessive[low]:
		return "a possessive merged into a name"
	case p.explicitKeyword(low):
		return ""
	}
	return "not in the article"
}

// camelParts splits a CamelCase tag into words: "ObamasPlan" → Obamas,
// Plan; "ArgentineTV" → Argentine, TV; "G20" → G, 20.
func camelParts(s string) []string {
	var parts []string
	rs := []rune(s)
	start := 0
	for i := 1; i < len(rs); i++ {
		prev, cur := rs[i-1], rs[i]
		next := rune(0)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		lowerToUpper := unicode.IsLower(prev) && unicode.IsUpper(cur)
		acronymEnd := unicode.IsUpper(prev) && unicode.IsUpper(cur) && unicode.IsLower(next)
		digitEdge := unicode.IsDigit(prev) != unicode.IsDigit(cur)
		if lowerToUpper || acronymEnd || digitEdge {
			parts = append(parts, string(rs[start:i]))
			start = i
		}
	}
	return append(parts, string(rs[start:]))
}

func lowerParts(parts []string) []string {
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		if strings.IndexFunc(p, unicode.IsLetter) >= 0 {
			out = append(out, strings.ToLower(p))
		}
	}
	return out
}

// allTime reports whether every word is a time word.
func (l *lexicon) allTime(words []string) bool {
	for _, w := range words {
		if !l.isTimeWord(w) && !l.isTimeWord(singular(w)) {
			return false
		}
	}
	return len(words) > 0
}

// isAcronym reports whether s is two or more capitals ("UK", "NASA").
func isAcronym(s string) bool {
	return utf8.RuneCountInString(s) > 1 && strings.ToUpper(s) == s
}

// singular folds a regular English plural: "parties" → "party", "taxes" →
// "tax", "tags" → "tag".
func singular(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && (strings.HasSuffix(w, "ses") || strings.HasSuffix(w, "xes") ||
		strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// explicitKeyword reports whether the tag is one of the author's keywords.
func (p *view) explicitKeyword(low string) bool {
	for _, k := range p.a.Keywords {
		if squash(k) == low {
			return true
		}
	}
	return false
}

// squash keeps only the lower-case letters and digits of s.
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if isWordRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// grounding holds every run of up to maxTagWords article words squashed
// into one lower-case string, as a hashtag would write them: plain with
// possessives dropped ("kimjongun"), and possessive runs with the "s" kept
// ("obamasplan"), which no editor would tag.
type grounding struct {
	plain, possessive map[string]bool
}

func (s *source) grounding() *grounding {
	if s.ground != nil {
		return s.ground
	}
	g := &grounding{plain: map[string]bool{}, possessive: map[string]bool{}}
	for _, st := range append([]sentence{s.title}, s.sentences...) {
		for i := range st.tokens {
			plain, poss, hasPoss := "", "", false
			for j := i; j < len(st.tokens) && j < i+maxTagWords; j++ {
				t := st.tokens[j]
				plain += squash(t.bare())
				poss += squash(t.text)
				hasPoss = hasPoss || t.bare() != t.lower
				g.plain[plain] = true
				if hasPoss {
					g.possessive[poss] = true
				}
			}
		}
	}
	s.ground = g
	return g
}
