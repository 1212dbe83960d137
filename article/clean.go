package article

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cleanFlags choose the repairs cleanText makes beyond white space.
type cleanFlags uint8

const (
	// decodeEntities turns "&rsquo;" and "&#8230;" left in text into characters.
	decodeEntities cleanFlags = 1 << iota
	// undoubleQuotes turns CSV-style doubled quotes (`""`, `""""`) into `"`.
	undoubleQuotes
)

// cp1252 maps C1 control characters, which appear when Windows-1252 text
// was decoded as Latin-1, to the characters the author typed. Zero means drop.
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// cleanText collapses runs of white space (including no-break and other
// Unicode spaces) to one space, trims the ends, drops invisible characters
// (soft hyphens, zero-width spaces, byte order marks, bidi controls,
// private-use and control characters), composes accents (NFC) and repairs what flags ask for. Clean input is returned as is,
// without allocating.
func cleanText(s string, flags cleanFlags) string {
	if isClean(s, flags) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	emit := func(r rune) {
		switch {
		case r == utf8.RuneError, r == 0xAD, r == 0x200B, r == 0x2060, r == 0xFEFF, isBidiControl(r):
			return
		case r >= 0x80 && r < 0xA0:
			if r = cp1252[r-0x80]; r == 0 {
				return
			}
		case r < 0x20 || r == 0x7F || unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
			space = b.Len() > 0
			return
		case unicode.Is(unicode.Co, r):
			return
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c == '&' && flags&decodeEntities != 0 {
			if n, dec := entityAt(s[i:]); n > 0 {
				for _, r := range dec {
					emit(r)
				}
				i += n
				continue
			}
		}
		if c == '"' && flags&undoubleQuotes != 0 {
			for i+1 < len(s) && s[i+1] == '"' {
				i++
			}
		}
		if c > ' ' && c < 0x7F {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(c)
			i++
			continue
		}
		if c < utf8.RuneSelf {
			emit(rune(c))
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		emit(r)
		i += n
	}
	out := fixMojibake(b.String())
	if !norm.NFC.IsNormalString(out) {
		// Text saved on some systems has decomposed accents ("e" + U+0301);
		// composed forms keep keyword matching and counting consistent.
		out = norm.NFC.String(out)
	}
	return out
}

// isBidiControl reports whether r is a directional mark, embedding,
// override or isolate (U+200E–U+200F, U+202A–U+202E, U+2066–U+2069). In a
// post a right-to-left override reorders what readers see around it (the
// "Trojan Source" trick) and crosses into the link and hashtags, so no
// article text carries one.
func isBidiControl(r rune) bool {
	return r == 0x200E || r == 0x200F || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// CleanLine is the article cleaning for one line of text from elsewhere (a
// feed item's title or summary): white space collapsed and trimmed,
// invisible and bidi control characters dropped, accents composed.
func CleanLine(s string) string { return cleanText(s, 0) }

// isClean reports whether cleanText would return s unchanged: printable
// ASCII, no doubled or edge spaces, nothing that flags would repair.
func isClean(s string, flags cleanFlags) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prev := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7F {
			return false
		}
		switch {
		case c == ' ' && prev == ' ':
			return false
		case c == '&' && flags&decodeEntities != 0:
			return false
		case c == '"' && prev == '"' && flags&undoubleQuotes != 0:
			return false
		}
		prev = c
	}
	return true
}

// entityAt decodes a character reference ("&amp;", "&#8217;", "&#x2019;")
// at the start of s, terminated by a semicolon. It returns the bytes used
// and the text, or 0 when s does not start with a known reference.
func entityAt(s string) (int, string) {
	end := -1
	for j := 1; j < len(s) && j < 34; j++ {
		c := s[j]
		if c == ';' {
			end = j
			break
		}
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#' && j == 1) {
			return 0, ""
		}
	}
	if end < 2 {
		return 0, ""
	}
	ref := s[:end+1]
	dec := html.UnescapeString(ref)
	if dec == ref {
		return 0, ""
	}
	return end + 1, dec
}

// hasLetterOrDigit reports whether s holds at least one letter or digit.
func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// hasLetter reports whether s holds at least one letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
