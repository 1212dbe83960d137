package teaser

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one word of a sentence: its byte span in the sentence text and
// its normalised form for counting.
type word struct {
	start, end int
	norm       string // lowercased, possessive and plural folded
	// id indexes the document's word stats; -1 outside a document.
	id    int32
	upper bool // starts with an upper-case letter
	stop  bool // a function word that carries no topic
	// first marks a content word's first occurrence in its sentence.
	first bool
}

// words splits text into words, marking the language's stop words: runs of letters and digits, with inner
// apostrophes, hyphens, dots and commas kept when a letter or digit follows
// ("don't", "re-engage", "3.5", "1,000", "U.S.").
func (l *language) words(text string) []word {
	out := make([]word, 0, len(text)/6+1)
	for start, end := nextWord(text, 0); start < len(text); start, end = nextWord(text, end) {
		out = append(out, l.newWord(text, start, end))
	}
	return out
}

// spans appends to dst the byte spans of text's words as words splits
// them, at most max of them (all when max < 0), without their folded forms:
// for callers that only look at where words are.
func spans(dst []word, text string, max int) []word {
	for start, end := nextWord(text, 0); start < len(text) && max != 0; start, end = nextWord(text, end) {
		dst = append(dst, word{start: start, end: end, id: -1})
		max--
	}
	return dst
}

// wordCount counts the words of text as words splits them, without
// allocating.
func wordCount(text string) int {
	n := 0
	for start, end := nextWord(text, 0); start < len(text); start, end = nextWord(text, end) {
		n++
	}
	return n
}

// nextWord returns the span of the first word at or after byte i, or
// (len(text), len(text)) when there is none.
func nextWord(text string, i int) (start, end int) {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiWord[c] {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			break
		}
		i += n
	}
	if i >= len(text) {
		return len(text), len(text)
	}
	start = i
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf && asciiWord[c] {
			i++
			continue
		}
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if isWordRune(r) {
			i += n
			continue
		}
		if isJoiner(r) && i+n < len(text) {
			r2 := rune(text[i+n])
			if r2 >= utf8.RuneSelf {
				r2, _ = utf8.DecodeRuneInString(text[i+n:])
			}
			if isWordRune(r2) {
				i += n
				continue
			}
		}
		break
	}
	return start, i
}

func (l *language) newWord(text string, start, end int) word {
	norm := fold(text[start:end])
	r, _ := utf8.DecodeRuneInString(text[start:end])
	return word{start: start, end: end, norm: norm, upper: unicode.IsUpper(r), stop: l.stop[norm], id: -1}
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '.', ',':
		return true
	}
	return false
}

// fold lowercases w, drops a possessive and folds a regular plural, so that
// "Kim's", "kim" and "Talks"/"talk" count as one word.
func fold(w string) string {
	var buf [64]byte
	f := foldInto(buf[:0], w)
	if string(f) == w {
		return w
	}
	return string(f)
}

// foldInto appends the folded form of w to dst.
func foldInto(dst []byte, w string) []byte {
	start := len(dst)
	for i := 0; i < len(w); {
		c := w[i]
		switch {
		case c < utf8.RuneSelf:
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
		case strings.HasPrefix(w[i:], "’"):
			dst = append(dst, '\'')
			i += len("’")
		default:
			r, n := utf8.DecodeRuneInString(w[i:])
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
			i += n
		}
	}
	f := dst[start:]
	switch {
	case len(f) >= 2 && f[len(f)-2] == '\'' && f[len(f)-1] == 's':
		f = f[:len(f)-2]
	case len(f) >= 1 && f[len(f)-1] == '\'':
		f = f[:len(f)-1]
	}
	if n := len(f); n > 3 && f[n-1] == 's' && f[n-2] != 's' && f[n-2] != 'u' && f[n-2] != 'i' {
		f = f[:n-1]
		if n := len(f); n > 4 && f[n-2] == 'i' && f[n-1] == 'e' {
			f = append(f[:n-2], 'y')
		}
	}
	return dst[:start+len(f)]
}

// hasUpper reports whether s holds an upper-case letter: a name, also one
// with a lower-case particle ("al-Shabab").
func hasUpper(s string) bool {
	return strings.IndexFunc(s, unicode.IsUpper) >= 0
}

// isNumber reports whether w holds a digit.
func isNumber(w string) bool {
	return strings.IndexFunc(w, unicode.IsDigit) >= 0
}
