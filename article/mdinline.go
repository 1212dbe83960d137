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
				if _, end := linkAt(s, i+1); end > 0 {
					i = end
					continue
				}
			}
		case '[':
			if close, end := linkAt(s, i); end > 0 && skipAt < 0 {
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
			left := !atEnd && !unicode.IsSpace(after)   // can open
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
// end 0 when there is no link there.
func linkAt(s string, i int) (close, end int) {
	close = indexWithin(s, i+1, "]", mdSpanReach)
	if close < 0 || close+1 >= len(s) {
		return 0, 0
	}
	switch s[close+1] {
	case '(':
		depth := 0
		limit := min(len(s), close+2+mdDestReach)
		for j := close + 2; j < limit; j++ {
			switch s[j] {
			case '(':
				depth++
			case ')':
				if depth == 0 {
					return close, j + 1
				}
				depth--
			}
		}
	case '[':
		if e := indexWithin(s, close+2, "]", mdSpanReach); e >= 0 {
			return close, e + 1
		}
	}
	return 0, 0
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
