package teaser

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// compress shortens a sentence at clause boundaries without changing what
// it says: it drops bracketed asides, leading connectives ("However,"),
// attributions ("analysts suggest that", ", officials said"), appositives
// and non-restrictive relative clauses. It never cuts inside a phrase.
func compress(s string) string {
	s = dropBracketed(s)
	s = dropLeadingConnective(s)
	s = dropAttributionPrefix(s)
	s = dropTrailingAttribution(s)
	s = dropAppositives(s)
	s = dropDashAsides(s)
	return tidy(s)
}

// dropBracketed removes "(…)" and "[…]" asides with the space before them.
func dropBracketed(s string) string {
	for _, br := range [][2]string{{"(", ")"}, {"[", "]"}} {
		for {
			i := strings.Index(s, br[0])
			if i < 0 {
				break
			}
			j := strings.Index(s[i:], br[1])
			if j < 0 {
				break
			}
			s = joinWords(strings.TrimRight(s[:i], " "), s[i+j+1:])
		}
	}
	return s
}

// connectives open a sentence by linking it to the one before; alone they
// mean nothing in a teaser.
var connectives = setOf(`however meanwhile concurrently moreover furthermore additionally also indeed
	nevertheless nonetheless still instead overall separately similarly likewise consequently thus therefore
	hence notably importantly crucially ultimately finally now but and so yet plus besides otherwise
	accordingly regardless specifically interestingly surprisingly then`)

var connectivePhrases = []string{"as a result", "in addition", "in fact", "of course", "at the same time",
	"despite this", "on the other hand", "for example", "for instance", "in turn", "by contrast",
	"in contrast", "in particular", "in a statement", "in response", "in short", "in other words",
	"even so", "after all", "above all", "as such", "to that end", "that said", "beyond that"}

func dropLeadingConnective(s string) string {
	if c := strings.Index(s, ", "); c > 0 {
		lead := strings.ToLower(strings.TrimSpace(s[:c]))
		for _, p := range connectivePhrases {
			if lead == p {
				return s[c+2:]
			}
		}
		if !strings.Contains(lead, " ") && connectives[lead] {
			return s[c+2:]
		}
	}
	first, rest, ok := strings.Cut(s, " ")
	var buf [16]byte
	if ok && len(first) <= len(buf) && leadingConjunctions[string(lowerInto(buf[:0], first))] {
		return rest
	}
	return s
}

// leadingConjunctions open a sentence without a comma: "But the …".
var leadingConjunctions = setOf("but and so yet also plus")

// lowerInto appends w lowercased, as strings.ToLower does, to dst:
// without allocating when w is ASCII.
func lowerInto(dst []byte, w string) []byte {
	start := len(dst)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return append(dst[:start], strings.ToLower(w)...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// appositiveOpeners start a comma-enclosed aside that can go: "Mark
// Steward, the SFC's head of enforcement, said" or ", which …,".
var appositiveOpeners = setOf(`a an the who whom whose which aged now formerly of himself herself including such like from`)

func dropAppositives(s string) string {
	for from := 0; ; {
		i := strings.Index(s[from:], ", ")
		if i < 0 {
			return s
		}
		i += from
		from = i + 2
		fs, fe := nextWord(s, i+2)
		if fs == len(s) {
			return s
		}
		first := strings.ToLower(s[fs:fe])
		rel := first == "who" || first == "which" || first == "whose" || first == "whom"
		prep := first == "including" || first == "such" || first == "like" || first == "from"
		if !appositiveOpeners[first] && !isNumber(first) {
			continue
		}
		prev := lastWord(s[:i])
		if !rel && !prep && !startsUpper(prev) && !isNumber(first) {
			continue
		}
		j := clauseComma(s[i+2:])
		if j < 0 {
			// A trailing ", which …" clause ends the sentence.
			if (rel || prep) && wordCount(s[:i]) >= 8 {
				return s[:i] + "."
			}
			return s
		}
		j += i + 2
		if wordCount(s[i+2:j]) > 15 {
			continue
		}
		after := strings.TrimLeft(s[j+1:], " ")
		if strings.HasPrefix(after, "and ") || strings.HasPrefix(after, "or ") || s[j] == ';' {
			continue // a list, not an aside
		}
		// A word or two set off by the next comma still belongs to the
		// aside: "Mr Smith, who lived with his daughter Tilly, four, joined …".
		if k := clauseComma(after); k > 0 && s[j] == ',' && wordCount(after[:k]) <= 2 && after[k] == ',' &&
			wordCount(after[k+1:]) >= 3 && !strings.HasPrefix(after, "and ") {
			after = strings.TrimLeft(after[k+1:], " ")
		}
		s = s[:i] + " " + after
		from = i
	}
}

// dropDashAsides removes " – … –" asides, and a trailing " - …" gloss.
func dropDashAsides(s string) string {
	for _, d := range []string{" – ", " — ", " - "} {
		i := strings.Index(s, d)
		if i < 0 {
			continue
		}
		if j := strings.Index(s[i+len(d):], d); j >= 0 {
			if wordCount(s[i+len(d):i+len(d)+j]) <= 15 {
				return s[:i] + " " + s[i+len(d)+j+len(d):]
			}
			continue
		}
		if wordCount(s[:i]) >= 8 && wordCount(s[i:]) <= 15 {
			return s[:i] + "."
		}
	}
	return s
}

// clauseOpeners start a clause that a sentence can end before.
var clauseOpeners = setOf(`which who while whilst with as and but although though after before amid despite
	including where when because since so meaning leaving prompting sparking making according adding saying
	following amid amidst whereas until unless`)

// shorten ends a sentence of more than max words at the last clause
// boundary (a comma or semicolon before a clause opener or an -ing verb)
// that leaves at most max words, and at least six.
func shorten(s string, max int) string {
	// Words beyond max+1 change nothing below.
	var buf [32]word
	ws := spans(buf[:0], s, max+1)
	if len(ws) <= max {
		return s
	}
	best := -1
	for k := 6; k < len(ws) && k <= max; k++ {
		gap := s[ws[k-1].end:ws[k].start]
		if !strings.ContainsAny(gap, ",;–—") {
			continue
		}
		w := strings.ToLower(s[ws[k].start:ws[k].end])
		if clauseOpeners[w] || strings.HasSuffix(w, "ing") || strings.ContainsAny(gap, ";–—") {
			best = ws[k-1].end
		}
	}
	if best < 0 {
		return s
	}
	return s[:best] + "."
}

// tidy normalises spaces, capitalises the first letter and makes sure the
// sentence ends with a full stop, question or exclamation mark.
func tidy(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(s, " , ", ", ")
	if strings.HasSuffix(s, " .") {
		s = s[:len(s)-2] + "."
	}
	s = strings.TrimLeft(s, " ,;:–—-")
	s = strings.TrimRight(s, " ,;:–—-")
	if s == "" {
		return s
	}
	if r, n := utf8.DecodeRuneInString(s); unicode.IsLower(r) {
		s = string(unicode.ToUpper(r)) + s[n:]
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, `"'”’)`))
	if !strings.ContainsRune(".!?", last) {
		s += "."
	}
	return balanceQuotes(s)
}

// balanceQuotes closes a quotation that a sentence opens and does not
// close (the article closed it in the next paragraph, or a cut took the
// rest), or opens one it only closes, so that a teaser never leaves a
// quotation mark hanging.
func balanceQuotes(s string) string {
	if n := strings.Count(s, `"`); n%2 == 1 {
		// The first mark closes a quotation when it follows a word and
		// ends one: the quotation opened before the sentence.
		i := strings.IndexByte(s, '"')
		if i > 0 && s[i-1] != ' ' && (i+1 == len(s) || s[i+1] == ' ') {
			return `"` + s
		}
		return s + `"`
	}
	open, closing := strings.Count(s, "“"), strings.Count(s, "”")
	switch {
	case open > closing:
		return s + strings.Repeat("”", open-closing)
	case closing > open && (open == 0 || strings.Index(s, "”") < strings.Index(s, "“")):
		return strings.Repeat("“", closing-open) + s
	}
	return s
}

func lastWord(s string) string {
	s = strings.TrimRight(s, " ")
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func setOf(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// clauseComma returns the index of the first ", " or "; " in s (a comma
// inside a number such as "1,000" does not count), or -1.
func clauseComma(s string) int {
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == ',' || s[i] == ';') && s[i+1] == ' ' {
			return i
		}
	}
	return -1
}

// joinWords joins two pieces of a sentence, with a space between them
// when the join would otherwise make one word of the two sides ("word"
// and "word", "word," and "0", "word" and ".5"), so that a cut never
// glues words together.
func joinWords(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	r1, n1 := utf8.DecodeLastRuneInString(a)
	r2, n2 := utf8.DecodeRuneInString(b)
	before, _ := utf8.DecodeLastRuneInString(a[:len(a)-n1])
	after, _ := utf8.DecodeRuneInString(b[n2:])
	switch {
	case isWordRune(r1) && isWordRune(r2),
		isWordRune(r1) && isJoiner(r2) && isWordRune(after),
		isJoiner(r1) && isWordRune(before) && isWordRune(r2):
		return a + " " + b
	}
	return a + b
}
