package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Abbreviation reports whether word (without its period, in any case) is
// a common abbreviation that ends with a period without ending a sentence:
// "Mr", "Sen", "Calif". The sentence splitter, the keyphrase tokenizer
// and the lint share this one list.
func Abbreviation(word string) bool { return abbreviations[strings.ToLower(word)] }

// abbreviations end with a period without ending a sentence (compared
// lowercased, without the period).
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"sen": true, "rep": true, "gov": true, "gen": true, "col": true, "lt": true,
	"sgt": true, "capt": true, "jr": true, "sr": true, "inc": true, "co": true,
	"corp": true, "ltd": true, "vs": true, "no": true, "mt": true, "ft": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sept": true,
	"sep": true, "oct": true, "nov": true, "dec": true, "e.g": true, "i.e": true,
	"etc": true, "u.s": true, "u.k": true, "calif": true, "d.c": true,
	"sens": true, "reps": true, "rev": true, "ariz": true, "fla": true, "mich": true,
	"minn": true, "tenn": true, "okla": true, "conn": true, "colo": true, "nev": true,
	"ala": true, "ark": true, "ga": true, "kan": true, "ky": true, "md": true, "mont": true,
	"neb": true, "tex": true, "vt": true, "wis": true, "wyo": true,
	"brig": true, "maj": true, "adm": true, "cmdr": true, "supt": true, "insp": true, "cpl": true,
}

// Sentences splits a paragraph into sentences at ".", "!", "?" and "…"
// (with any closing quotes or brackets) followed by white space and a
// capital letter, digit or opening quote. Common abbreviations ("Mr.",
// "U.S.") and initials do not end a sentence. The sentences are substrings
// of p, trimmed; nothing is allocated but the slice.
func Sentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		i += n
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		end := i
		for end < len(p) {
			r2, n2 := utf8.DecodeRuneInString(p[end:])
			if !strings.ContainsRune(".!?…\"'”’)]»", r2) {
				break
			}
			end += n2
		}
		if end >= len(p) || p[end] != ' ' {
			i = end
			continue
		}
		next, _ := utf8.DecodeRuneInString(p[end+1:])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune("\"“‘'(¿¡", next) {
			i = end
			continue
		}
		if r == '.' && isAbbreviation(p[start:i-1]) {
			i = end
			continue
		}
		if s := strings.TrimSpace(p[start:end]); s != "" {
			out = append(out, s)
		}
		start = end + 1
		i = end
	}
	if s := strings.TrimSpace(p[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// isAbbreviation reports whether the last word of s (which preceded a
// period) is an abbreviation or an initial.
func isAbbreviation(s string) bool {
	w := s[strings.LastIndexAny(s, " (\"“")+1:]
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return abbreviations[strings.ToLower(w)] || initials(w)
}

// initials reports whether w, before its last full stop, is capitals
// each followed by a dot: "S.D", "N.Y", "U.N" (of "S.D.", "N.Y.").
func initials(w string) bool {
	if len(w) < 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if i%2 == 0 && (c < 'A' || c > 'Z') || i%2 == 1 && c != '.' {
			return false
		}
	}
	return len(w)%2 == 1
}

// isQuestion reports whether a sentence ends with "?" (before closing quotes).
func isQuestion(s string) bool {
	s = strings.TrimRight(s, "\"'”’)]» ")
	return strings.HasSuffix(s, "?")
}

// isHook reports whether a paragraph reads as a hook-style teaser, like the
// style model's first paragraph: two to six short sentences (at most 30
// words each, 20 on average, 600 characters in all) that open or close with
// a question.
func isHook(p string) bool {
	if len(p) > 600*3 || utf8.RuneCountInString(p) > 600 {
		return false
	}
	ss := Sentences(p)
	if len(ss) < 2 || len(ss) > 6 {
		return false
	}
	if !isQuestion(ss[0]) && !isQuestion(ss[len(ss)-1]) {
		return false
	}
	words := 0
	for _, s := range ss {
		w := countWords(s)
		if w > 30 {
			return false
		}
		words += w
	}
	return words <= 20*len(ss)
}

// countWords counts runs of non-space characters.
func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\t' || s[i] == '\n'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}
