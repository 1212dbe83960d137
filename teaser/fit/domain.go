package fit

import (
	"unicode"
	"unicode/utf8"
)

// domainScanner matches twitter-text's domain expressions in one string.
// Where the regular expression backtracks over the same labels again and
// again (a long run of "a.a.a…" or of CJK text before a dot), it
// remembers per label start what the rest of the chain matched, so a whole
// scan stays linear.
type domainScanner struct {
	s     string
	ascii bool // validAsciiDomain labels instead of validDomain ones

	memo     [8][2]int // label start → match end (-1 for none)
	nmemo    int
	moreMemo map[int]int

	// the last label scanned: every start in [lblFrom, lblTo) ends at lblTo
	lblFrom, lblTo, lblUnderscore int

	tldAt, tldEnd int // the last TLD looked up at tldAt
}

func newDomainScanner(s string, ascii bool) domainScanner {
	return domainScanner{s: s, ascii: ascii, lblFrom: -1, lblTo: -1, tldAt: -1}
}

// match matches at p. For validDomain, subdomain* domainName TLD: labels
// ending in ".", starting and ending with a domain character, subdomains
// may hold "_" and "-", the domain name only "-". For validAsciiDomain,
// ([-a-z0-9 latin accents]+ ".")+ TLD. As the greedy expression does, it
// takes the most labels after which a TLD follows.
func (d *domainScanner) match(p int) (end int, ok bool) {
	s := d.s
	q, underscore := d.label(p)
	if q == p || q >= len(s) || s[q] != '.' {
		return -1, false
	}
	if !d.ascii {
		first, _ := utf8.DecodeRuneInString(s[p:])
		last, _ := utf8.DecodeLastRuneInString(s[:q])
		if !isDomainChar(first) || !isDomainChar(last) {
			return -1, false
		}
	}
	end = d.chain(q + 1)
	if end < 0 && (d.ascii || underscore < p) {
		end = d.tld(q + 1)
	}
	d.lblFrom, d.lblTo, d.lblUnderscore = p, q, underscore // chain moved the cache
	return end, end >= 0
}

// chain is match at a label start after a dot, memoised.
func (d *domainScanner) chain(p int) int {
	for _, m := range d.memo[:d.nmemo] {
		if m[0] == p {
			return m[1]
		}
	}
	if e, ok := d.moreMemo[p]; ok {
		return e
	}
	end, _ := d.match(p)
	if d.nmemo < len(d.memo) {
		d.memo[d.nmemo] = [2]int{p, end}
		d.nmemo++
	} else {
		if d.moreMemo == nil {
			d.moreMemo = map[int]int{}
		}
		d.moreMemo[p] = end
	}
	return end
}

// label returns where the label starting at p ends and the offset of its
// last "_" (-1 for none).
func (d *domainScanner) label(p int) (q, underscore int) {
	if p >= d.lblFrom && p < d.lblTo {
		return d.lblTo, d.lblUnderscore
	}
	s := d.s
	q, underscore = p, -1
	for q < len(s) {
		r, size := utf8.DecodeRuneInString(s[q:])
		if d.ascii && r != '-' && !isASCIIAlnum(r) && !isLatinAccent(r) ||
			!d.ascii && r != '-' && r != '_' && !isDomainChar(r) {
			break
		}
		if r == '_' {
			underscore = q
		}
		q += size
	}
	d.lblFrom, d.lblTo, d.lblUnderscore = p, q, underscore
	return q, underscore
}

// tld is matchTLD at t, remembering the last answer.
func (d *domainScanner) tld(t int) int {
	if t != d.tldAt {
		d.tldAt, d.tldEnd = t, -1
		if e, ok := matchTLD(d.s, t); ok {
			d.tldEnd = e
		}
	}
	return d.tldEnd
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
	for q := p; q < len(s) && queryASCII[s[q]]; q++ {
		if queryEndASCII[s[q]] {
			good = q + 1
		}
	}
	return good
}

// ASCII character classes of twitter-text's URL expressions.
var (
	// invalidDomainASCII is twitter-text's punct plus ASCII spaces.
	invalidDomainASCII = asciiSet("!'#%&()*+,\\-./:;<=>?@[]^_{|}~$ \t\n\v\f\r")
	pathASCII          = asciiSet(alnum + "!*';:=+,.$/%#[]-_~@|&")
	pathEndASCII       = asciiSet(alnum + "+-=_#/")
	queryASCII         = asciiSet(alnum + "!?*'@();:&=+$/%#[]-_.,~|")
	queryEndASCII      = asciiSet(alnum + "-_&=#/")
)

const alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// asciiSet is a lookup table of ASCII bytes; bytes of 0x80 and up are
// never in it.
type asciiTable [256]bool

func asciiSet(chars string) *asciiTable {
	var t asciiTable
	for i := 0; i < len(chars); i++ {
		t[chars[i]] = true
	}
	return &t
}

// isDomainChar is twitter-text's validDomainChars: anything but
// punctuation, spaces and the invalid characters.
func isDomainChar(r rune) bool {
	if r < utf8.RuneSelf {
		return !invalidDomainASCII[r]
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
		return pathASCII[r]
	}
	return r == 0x2013 || isCyrillic(r) || isLatinAccent(r)
}

func isPathEndChar(r rune) bool {
	if r < utf8.RuneSelf {
		return pathEndASCII[r]
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
