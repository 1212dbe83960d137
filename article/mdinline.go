package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bounds on how far mdInline looks for a closing delimiter, so that text
// full of unclosed brackets or backticks stays linear.
const (
	mdSpanReach = 256  // code spans, tags, link text
	mdDestReach = 2048 // link destinations
)

// mdInline returns the text of one paragraph's inline Markdown: links keep
// their text, images and HTML tags go, code spans keep their content,
// emphasis markers and backslash escapes are removed.
func mdInline(s string) string {
	if !strings.ContainsAny(s, "\\`*_~[]!<") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	skipAt, skipTo := -1, -1 // the "](url)" of an open link
	var m mdScan
	for i := 0; i < len(s); {
		if skipAt >= 0 && i >= skipAt {
			i = max(i, skipTo)
			skipAt, skipTo = -1, -1
			continue
		}
		c := s[i]
		switch c {
		case '\\':
			if i+1 < len(s) && isASCIIPunct(s[i+1]) {
				b.WriteByte(s[i+1])
				i += 2
				continue
			}
		case '`':
			n := runLen(s, i, '`')
			if end := indexWithin(s, i+n, strings.Repeat("`", n), mdSpanReach); end >= 0 {
				b.WriteString(strings.TrimSpace(s[i+n : end]))
				i = end + n
				continue
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		case '!':
			if i+1 < len(s) && s[i+1] == '[' {
				if _, end := m.linkAt(s, i+1); end > 0 {
					i = end
					continue
				}
			}
		case '[':
			if close, end := m.linkAt(s, i); end > 0 && skipAt < 0 {
				skipAt, skipTo = close, end
				i++
				continue
			}
		case '<':
			if end := indexWithin(s, i+1, ">", mdSpanReach); end > i+1 {
				inner := s[i+1 : end]
				if strings.Contains(inner, "://") || strings.HasPrefix(inner, "mailto:") {
					if !strings.ContainsAny(inner, " <") {
						b.WriteString(inner)
						i = end + 1
						continue
					}
				}
				if r := inner[0]; r == '/' || r == '!' || r == '?' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
					i = end + 1
					continue
				}
			}
		case '*', '_', '~':
			n := runLen(s, i, c)
			if c == '~' && n < 2 {
				break
			}
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			after, _ := utf8.DecodeRuneInString(s[i+n:])
			atStart, atEnd := i == 0, i+n == len(s)
			left := !atEnd && !unicode.IsSpace(after)     // can open
			right := !atStart && !unicode.IsSpace(before) // can close
			if c == '_' {
				// Intraword underscores (snake_case) stay.
				left = left && (atStart || !isWordRune(before))
				right = right && (atEnd || !isWordRune(after))
			}
			if left || right {
				i += n
				continue
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// linkAt reads "[text](dest)", "[text][ref]" or "[text][]" at s[i] == '['
// and returns the index of the "]" and the index just past the link, or
// end 0 when there is no link there. Destinations may hold one level of
// parentheses.
func (m *mdScan) linkAt(s string, i int) (close, end int) {
	close = m.next(s, i+1, ']', &m.bracket)
	if close < 0 || close-i > mdSpanReach || close+1 >= len(s) {
		return 0, 0
	}
	switch s[close+1] {
	case '(':
		from := close + 2
		j := m.next(s, from, ')', &m.paren)
		if j < 0 || j-from > mdDestReach {
			return 0, 0
		}
		if strings.IndexByte(s[from:j], '(') >= 0 {
			if k := strings.IndexByte(s[j+1:min(len(s), from+mdDestReach)], ')'); k >= 0 {
				j += k + 1
			}
		}
		return close, j + 1
	case '[':
		if e := indexWithin(s, close+2, "]", mdSpanReach); e >= 0 {
			return close, e + 1
		}
	}
	return 0, 0
}

// mdScan remembers where the next "]" and ")" are, so that text full of
// unclosed links is scanned once rather than once per "[".
type mdScan struct {
	bracket, paren int // index of the next such byte; -1 none; 0 unknown
}

// next returns the index of the first c in s at or after from, or -1,
// reusing the last answer while it still lies ahead.
func (m *mdScan) next(s string, from int, c byte, cache *int) int {
	if *cache == -1 || *cache >= from && *cache > 0 {
		return *cache
	}
	k := strings.IndexByte(s[from:], c)
	if k < 0 {
		*cache = -1
		return -1
	}
	*cache = from + k
	return *cache
}

// indexWithin finds sub in s after from, looking at most reach bytes ahead.
func indexWithin(s string, from int, sub string, reach int) int {
	if from > len(s) {
		return -1
	}
	window := s[from:min(len(s), from+reach)]
	if k := strings.Index(window, sub); k >= 0 {
		return from + k
	}
	return -1
}

// runLen counts the repeats of c from s[i].
func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
