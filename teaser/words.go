package teaser

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one word of a sentence: its byte span in the sentence text and
// its normalised form for counting.
type word struct {
	start, end int32
	norm       string // lowercased, possessive and plural folded
	upper      bool   // starts with an upper-case letter
	stop       bool   // a function word that carries no topic
}

// words splits text into words: runs of letters and digits, with inner
// apostrophes, hyphens, dots and commas kept when a letter or digit follows
// ("don't", "re-engage", "3.5", "1,000", "U.S.").
func words(text string) []word {
	out := make([]word, 0, len(text)/6+1)
	for start, end := nextWord(text, 0); start < len(text); start, end = nextWord(text, end) {
		out = append(out, newWord(text, start, end))
	}
	return out
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
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
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

func newWord(text string, start, end int) word {
	raw := text[start:end]
	r, _ := utf8.DecodeRuneInString(raw)
	norm := fold(raw)
	return word{start: int32(start), end: int32(end), norm: norm, upper: unicode.IsUpper(r), stop: stopWords[norm]}
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

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
	w = strings.ToLower(w)
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	w = strings.TrimSuffix(w, "'s")
	w = strings.TrimSuffix(w, "'")
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") {
		w = w[:len(w)-1]
		if strings.HasSuffix(w, "ie") && len(w) > 4 {
			w = w[:len(w)-2] + "y"
		}
	}
	return w
}

// isNumber reports whether w holds a digit.
func isNumber(w string) bool {
	return strings.IndexFunc(w, unicode.IsDigit) >= 0
}

var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are
	aren't as at be because been before being below between both but by can can't cannot could
	couldn't did didn't do doe does doesn't doing don't down during each few for from further had
	hadn't ha has hasn't have haven't having he he'd he'll her here here' hers herself him himself
	his how i i'd i'll i'm i've if in into is isn't it it' its itself just let me more most mustn't my
	myself no nor not now of off on once only or other ought our ours ourselves out over own same
	shan't she she'd she'll should shouldn't so some such than that the their theirs them
	themselves then there these they they'd they'll they're they've thi this those through to too
	under until up very wa was wasn't we we'd we'll we're we've were weren't what when where which
	while who whom why will with won't would wouldn't you you'd you'll you're you've your yours
	yourself yourselves said say says mr mrs ms one two also year new like get got may might must
	many much even still however well back way since last first told added another`) {
		m[w] = true
	}
	return m
}()
