package fit

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// matchDomain matches twitter-text's validDomain at d:
// subdomain* domainName TLD, where each label ends in "." and starts and
// ends with a domain character, subdomains may hold "_" and "-", the
// domain name only "-". As the greedy regular expression does, it takes
// the most labels after which a TLD follows.
func matchDomain(s string, d int) (end int, ok bool) {
	end = -1
	for p := d; ; {
		q, first, last, underscore := p, rune(-1), rune(-1), false
		for q < len(s) {
			r, size := utf8.DecodeRuneInString(s[q:])
			if r != '-' && r != '_' && !isDomainChar(r) {
				break
			}
			if first < 0 {
				first = r
			}
			last, underscore = r, underscore || r == '_'
			q += size
		}
		if q == p || q >= len(s) || s[q] != '.' || !isDomainChar(first) || !isDomainChar(last) {
			break
		}
		if !underscore {
			if e, ok := matchTLD(s, q+1); ok {
				end = e
			}
		}
		p = q + 1
	}
	return end, end >= 0
}

// matchASCIIDomain matches twitter-text's validAsciiDomain at i:
// ([-a-z0-9 latin accents]+ ".")+ TLD.
func matchASCIIDomain(s string, i int) (end int, ok bool) {
	end = -1
	for p := i; ; {
		q := p
		for q < len(s) {
			r, size := utf8.DecodeRuneInString(s[q:])
			if r != '-' && !isASCIIAlnum(r) && !isLatinAccent(r) {
				break
			}
			q += size
		}
		if q == p || q >= len(s) || s[q] != '.' {
			break
		}
		if e, ok := matchTLD(s, q+1); ok {
			end = e
		}
		p = q + 1
	}
	return end, end >= 0
}

// matchTLD matches a known top-level domain at t, not followed by an
// ASCII letter, digit or "@"; failing that, a punycode label "xn--…".
func matchTLD(s string, t int) (end int, ok bool) {
	var ends [32]int
	n := 0
	for q := t; q < len(s) && n < len(ends); {
		r, size := utf8.DecodeRuneInString(s[q:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r) {
			break
		}
		q += size
		ends[n] = q
		n++
	}
	for n--; n >= 0; n-- {
		e := ends[n]
		if e < len(s) {
			if r := rune(s[e]); isASCIIAlnum(r) || r == '@' {
				continue
			}
		}
		if isTLD(s[t:e]) {
			return e, true
		}
	}
	if hasPrefixFold(s[t:], "xn--") {
		e := t + 4
		for e < len(s) && (isASCIIAlnum(rune(s[e])) || s[e] == '-') {
			e++
		}
		if e > t+4 {
			return e, true
		}
	}
	return 0, false
}

// matchPath returns where twitter-text's URL path, begun by the "/" before
// p, ends: the longest run of path characters and balanced parentheses
// that ends in a path-ending character (so "/foo." stops before ".").
func matchPath(s string, p int) int {
	good := p
	for q := p; q < len(s); {
		r, size := utf8.DecodeRuneInString(s[q:])
		switch {
		case isPathChar(r):
			q += size
			if isPathEndChar(r) {
				good = q
			}
		case r == '(':
			e, ok := balancedParens(s, q)
			if !ok {
				return good
			}
			q, good = e, e
		default:
			return good
		}
	}
	return good
}

// balancedParens matches "(" path+ ")" or "(" path* "(" path+ ")" path* ")".
func balancedParens(s string, p int) (int, bool) {
	q := skipPathChars(s, p+1)
	switch {
	case q < len(s) && s[q] == ')' && q > p+1:
		return q + 1, true
	case q < len(s) && s[q] == '(':
		q2 := skipPathChars(s, q+1)
		if q2 == q+1 || q2 >= len(s) || s[q2] != ')' {
			return 0, false
		}
		q3 := skipPathChars(s, q2+1)
		if q3 < len(s) && s[q3] == ')' {
			return q3 + 1, true
		}
	}
	return 0, false
}

func skipPathChars(s string, q int) int {
	for q < len(s) {
		r, size := utf8.DecodeRuneInString(s[q:])
		if !isPathChar(r) {
			break
		}
		q += size
	}
	return q
}

// matchQuery returns the end of a query begun by the "?" before p, or 0
// when no query-ending character follows.
func matchQuery(s string, p int) int {
	good := 0
	for q := p; q < len(s) && strings.IndexByte(queryChars, s[q]) >= 0; q++ {
		if strings.IndexByte(queryEndChars, s[q]) >= 0 {
			good = q + 1
		}
	}
	return good
}

const (
	// invalidDomainASCII is twitter-text's punct plus ASCII spaces.
	invalidDomainASCII = "!'#%&()*+,\\-./:;<=>?@[]^_{|}~$ \t\n\v\f\r"
	pathPunct          = "!*';:=+,.$/%#[]-_~@|&"
	pathEndPunct       = "+-=_#/"
	queryChars         = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!?*'@();:&=+$/%#[]-_.,~|"
	queryEndChars      = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_&=#/"
)

// isDomainChar is twitter-text's validDomainChars: anything but
// punctuation, spaces and the invalid characters.
func isDomainChar(r rune) bool {
	if r < utf8.RuneSelf {
		return strings.IndexByte(invalidDomainASCII, byte(r)) < 0
	}
	switch {
	case r == 0x85 || r == 0xA0 || r == 0x1680 || r == 0x180E,
		r >= 0x2000 && r <= 0x200A,
		r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F || r == 0x3000,
		invalidTweetChar(r), r == utf8.RuneError:
		return false
	}
	return true
}

func isPathChar(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(r) || strings.IndexByte(pathPunct, byte(r)) >= 0
	}
	return r == 0x2013 || isCyrillic(r) || isLatinAccent(r)
}

func isPathEndChar(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(r) || strings.IndexByte(pathEndPunct, byte(r)) >= 0
	}
	return isCyrillic(r) || isLatinAccent(r)
}

func isCyrillic(r rune) bool { return r >= 0x0400 && r <= 0x04FF }

// isLatinAccent is twitter-text's latinAccentChars.
func isLatinAccent(r rune) bool {
	switch {
	case r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x24F,
		r == 0x253 || r == 0x254 || r == 0x256 || r == 0x257 || r == 0x259 || r == 0x25B,
		r == 0x263 || r == 0x268 || r == 0x26F || r == 0x272 || r == 0x289 || r == 0x28B || r == 0x2BB,
		r >= 0x300 && r <= 0x36F, r >= 0x1E00 && r <= 0x1EFF:
		return true
	}
	return false
}
