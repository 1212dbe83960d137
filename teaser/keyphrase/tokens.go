package keyphrase

import (
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hookline/hookline/article"
)

// token is one word of the article with what the scorer needs to know about
// where and how it was written.
type token struct {
	text  string    // as written, possessive "'s" dropped
	lower string    // lowercased text, curly apostrophes made straight
	id    int32     // the word: tokens with the same lower share it
	runes int32     // letters in the word
	brk   bool      // punctuation or a sentence start comes before it: no phrase spans it
	first bool      // first word of a sentence or part of the title: its case says nothing
	upper bool      // begins with an upper-case letter
	stop  bool      // a stop word
	honor bool      // a title written before a name ("President", "Mr")
	num   bool      // holds no letter
	title bool      // part of the title
	cls   wordClass // what the English table says of the word
	tag   posTag    // its part of speech here, set by tagTokens
}

// tokenizer splits text into tokens, keeping state across calls so that word
// positions run on through title, hook and paragraphs. A token's position in
// the article is its index in toks.
type tokenizer struct {
	toks  []token
	words wordTable   // lower → word id
	class []wordClass // word id → its classes
	// lex is the table of the article's language; nil reads English.
	lex *lexTable
}

// reset empties z for another article, keeping its memory.
func (z *tokenizer) reset(words int) {
	z.toks = slices.Grow(z.toks[:0], words)
	z.words.reset()
	z.class = z.class[:0]
}

// add appends the words of one block of text (title, hook or paragraph).
// Words are runs of letters, marks and digits; an apostrophe, hyphen or dot
// between two of them stays inside the word ("don't", "re-engage", "U.S.").
func (z *tokenizer) add(text string, title bool) {
	z.addLowered(text, asciiLower(text), title)
}

// addLowered is add with lowerBlock, text with its ASCII letters
// lowercased, given: ASCII words take their lower-case form from it
// without allocating.
func (z *tokenizer) addLowered(text, lowerBlock string, title bool) {
	brk, sentStart := true, true
	i := 0
	for i < len(text) {
		c := text[i]
		if c == ' ' {
			i++ // the most common separator, inline
			continue
		}
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			switch {
			case r == '.' && len(z.toks) > 0 && !brk && isAbbreviation(z.toks[len(z.toks)-1].lower):
				brk = true // "Mr. Karunanidhi", "M. Karunanidhi": no sentence end
			case r == '.' || r == '!' || r == '?' || r == ';' || r == '…' ||
				r == '*' || r == '•' || r == '"' || r == '“':
				// Sentence ends, list bullets and opening quotes all put a
				// capital on the next word that says nothing about it.
				if !title {
					sentStart = true
				}
				brk = true
			case r == ' ' || unicode.IsSpace(r):
			default:
				brk = true
			}
			i += n
			continue
		}
		start := i
		i += n
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if asciiWord[c] {
					i++ // the common case, inline
					continue
				}
				if c == ' ' {
					break
				}
			}
			r, n = decodeRune(text, i)
			if isWordRune(r) {
				i += n
				continue
			}
			if isJoiner(r) && i+n < len(text) {
				r2, _ := decodeRune(text, i+n)
				if isWordRune(r2) {
					i += n
					continue
				}
			}
			break
		}
		word := text[start:i]
		// An acronym's closing dot ("U.S.") belongs to it, and does not end the sentence.
		if i < len(text) && text[i] == '.' && len(word) <= 6 && strings.IndexByte(word, '.') >= 0 {
			i++
			word = text[start:i]
		}
		z.push(word, lowerBlock[start:i], brk, sentStart || title, title)
		brk, sentStart = false, false
		// A possessive ends a noun phrase: "Kim's visit" yields no "kim visit".
		if t := &z.toks[len(z.toks)-1]; t.text != word {
			brk = true
		}
	}
}

// push appends word; lowerWord is word with its ASCII letters lowercased.
func (z *tokenizer) push(word, lowerWord string, brk, first, title bool) {
	text := stripPossessive(word)
	if text == "" {
		text = word
	}
	// One pass over the word for case, letters and length; lowercasing
	// allocates only for words that need it.
	var upperAt0, letter bool
	var runes int32
	lower := text
	if kinds, ok := asciiKinds(text); ok {
		upperAt0 = asciiKind[text[0]]&kindUpper != 0
		letter = kinds&(kindUpper|kindLower) != 0
		runes = int32(len(text))
		lower = lowerWord[:len(text)]
	} else {
		curly := false
		for k, r := range text {
			runes++
			switch {
			case r < utf8.RuneSelf:
				if 'A' <= r && r <= 'Z' {
					upperAt0 = upperAt0 || k == 0
					letter = true
				} else if 'a' <= r && r <= 'z' {
					letter = true
				}
			default:
				curly = curly || r == '’'
				if unicode.IsUpper(r) {
					upperAt0 = upperAt0 || k == 0
				}
				letter = letter || unicode.IsLetter(r)
			}
		}
		lower = strings.ToLower(text)
		if curly {
			lower = strings.ReplaceAll(lower, "’", "'")
		}
	}
	// Each distinct word is looked up in the word lists once.
	h := hashWord(lower)
	id, ok := z.words.lookup(lower, h)
	if !ok {
		id = z.words.add(lower, h)
		lex := z.lex
		if lex == nil {
			lex = englishLex
		}
		z.class = append(z.class, lex.lexClass(lower, h))
	}
	class := z.class[id]
	// Fill the token in place: cheaper than appending a copy while the
	// garbage collector runs.
	z.toks = append(z.toks, token{})
	t := &z.toks[len(z.toks)-1]
	t.text, t.lower = text, lower
	t.id, t.runes = id, runes
	t.brk, t.first, t.upper, t.title, t.num = brk, first, upperAt0, title, !letter
	// "US" and "UN" are names, "us" and "un" are not.
	t.stop = class&classStop != 0 && !(upperAt0 && runes > 1 && isAllUpper(text) && !title)
	if class&classStop != 0 && !t.stop {
		class = 0 // "US", "IT": a name, no function word
	}
	t.cls = class
	t.honor = class&classHonorific != 0
}

// Kinds of ASCII bytes, as bits.
const (
	kindUpper = 1 << iota
	kindLower
)

// asciiKind gives the kind bits of each ASCII byte.
var asciiKind = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] = kindUpper
		case 'a' <= c && c <= 'z':
			t[c] = kindLower
		}
	}
	return t
}()

// asciiKinds returns the union of the kinds of the bytes of s, and false
// if s is not all ASCII.
func asciiKinds(s string) (uint8, bool) {
	var kinds uint8
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return 0, false
		}
		kinds |= asciiKind[c]
	}
	return kinds, true
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) with the ASCII case inline.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '.', '&':
		return true
	}
	return false
}

// stripPossessive drops a trailing "'s" or "’s" (and a bare trailing
// apostrophe, as in "Adams'").
func stripPossessive(w string) string {
	if len(w) < 2 || (w[len(w)-1] != 's' && w[len(w)-1] != 'S') {
		return w
	}
	switch {
	case w[len(w)-2] == '\'':
		return w[:len(w)-2]
	case strings.HasSuffix(w[:len(w)-1], "’"):
		return w[:len(w)-1-len("’")]
	}
	return w
}

// hasLetter reports whether s holds a letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func isAllUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// isAbbreviation reports whether lower, followed by a dot, is an
// abbreviation or an initial rather than a sentence's last word.
func isAbbreviation(lower string) bool {
	if utf8.RuneCountInString(lower) == 1 {
		return true
	}
	return article.Abbreviation(lower)
}

// asciiLower returns s with ASCII capitals lowercased and every other byte
// kept, so that byte offsets into s hold in the result.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	return string(appendASCIILower(nil, s))
}

// appendASCIILower appends s to dst with ASCII capitals lowercased and
// every other byte kept.
func appendASCIILower(dst []byte, s string) []byte {
	i := len(dst)
	dst = append(dst, s...)
	// Eight bytes at a time: a byte is a capital when it is ASCII, at
	// least 'A' and not above 'Z'; its 0x20 bit then makes it lower case.
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(dst); i += 8 {
		x := binary.LittleEndian.Uint64(dst[i:])
		low := x &^ highs
		geA := low + ones*(0x80-'A')
		gtZ := low + ones*(0x7f-'Z')
		upper := (geA &^ gtZ) &^ x & highs
		binary.LittleEndian.PutUint64(dst[i:], x|upper>>2)
	}
	for ; i < len(dst); i++ {
		if 'A' <= dst[i] && dst[i] <= 'Z' {
			dst[i] += 'a' - 'A'
		}
	}
	return dst
}
