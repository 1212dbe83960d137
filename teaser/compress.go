package teaser

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// compress tidies a sentence without changing what it says: it drops
// bracketed asides and a leading connective ("However,"), and closes a
// quotation the sentence leaves open. Attributions, appositives and
// limiting clauses stay: dropping them changes a claim's meaning.
func (l *language) compress(s string) string {
	return tidy(l.dropLeadingConnective(dropBracketed(s)))
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

func (l *language) dropLeadingConnective(s string) string {
	if c := strings.Index(s, ", "); c > 0 {
		lead := strings.ToLower(strings.TrimSpace(s[:c]))
		for _, p := range l.connectivePhrases {
			if lead == p {
				return s[c+2:]
			}
		}
		if !strings.Contains(lead, " ") && l.connectives[lead] {
			return s[c+2:]
		}
	}
	first, rest, ok := strings.Cut(s, " ")
	var buf [16]byte
	if ok && len(first) <= len(buf) && l.leadingConjunctions[string(lowerInto(buf[:0], first))] {
		return rest
	}
	return s
}

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

// tidy normalises spaces, capitalises the first letter and makes sure the
// sentence ends with a full stop, question or exclamation mark.
func tidy(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(s, " _ ", " — ") // the wire's dash: "in port _ at least for now"
	s = noSpaceBeforeComma(s)
	if strings.HasSuffix(s, " .") {
		s = s[:len(s)-2] + "."
	}
	s = strings.TrimLeft(s, " ,;:–—-_") // "_" is the wire's bullet
	s = strings.TrimRight(s, " ,;:–—-")
	if s == "" {
		return s
	}
	return balanceQuotes(endSentence(upperFirst(s), ".!?"))
}

// noSpaceBeforeComma closes the space a scrape leaves before a comma:
// "Harbin , Dunmore" is "Harbin, Dunmore". A comma glued to the next word
// ("5 ,y") is left alone: closing that space would make one word of two.
func noSpaceBeforeComma(s string) string {
	if !strings.Contains(s, " ,") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && i+1 < len(s) && s[i+1] == ',' && (i+2 == len(s) || s[i+2] == ' ') {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// upperFirst returns s with its first letter capitalised, whatever its
// encoded length: "état …" is "État …".
func upperFirst(s string) string {
	if r, n := utf8.DecodeRuneInString(s); unicode.IsLower(r) {
		return string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}

// lowerFirst returns s with its first letter in lower case, whatever its
// encoded length: "Énorme …" is "énorme …".
func lowerFirst(s string) string {
	if r, n := utf8.DecodeRuneInString(s); unicode.IsUpper(r) {
		return string(unicode.ToLower(r)) + s[n:]
	}
	return s
}

// endSentence adds a full stop to s unless its last mark, before closing
// quotes and brackets, is one of marks.
func endSentence(s, marks string) string {
	if last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, `"'”’)`)); !strings.ContainsRune(marks, last) {
		return s + "."
	}
	return s
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

// setOf returns the set of the words of lists.
func setOf(lists ...string) map[string]bool {
	m := map[string]bool{}
	for _, list := range lists {
		for _, w := range strings.Fields(list) {
			m[w] = true
		}
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
