package fit

import (
	"strings"
	"unicode/utf8"
)

// span is a byte range [start, end) of a string.
type span struct{ start, end int }

const (
	maxURLLength     = 4096 // twitter-text MAX_URL_LENGTH, in UTF-16 units
	maxTcoSlugLength = 40
	maxLabelLength   = 63
)

// urlMatch is one match of twitter-text's extractUrl expression.
type urlMatch struct {
	before           rune // the preceding character, 0 at the start
	start, end       int
	protoLen         int
	domStart, domEnd int
	hasPath          bool
}

// extractURLs appends the URLs twitter-text's extractUrlsWithIndices finds
// in s, in order. withoutProtocol also finds bare domains ("example.com"),
// as X does; Mastodon only links URLs with a scheme.
//
// It reproduces the regular expression's leftmost, greedy-with-backtracking
// semantics by hand: scanning resumes after every match, valid or not.
func extractURLs(dst []span, s string, withoutProtocol bool) []span {
	if !withoutProtocol && !strings.Contains(s, ":") || !hasDomainDot(s) {
		return dst
	}
	ds := newDomainScanner(s, false)
	for pos := 0; pos < len(s); {
		if c := s[pos]; pos > 0 && c < utf8.RuneSelf && !urlPrecedingASCII[c] {
			pos++ // no URL starts after a letter or digit
			continue
		}
		m, ok := matchURLAt(&ds, pos)
		if !ok {
			_, size := utf8.DecodeRuneInString(s[pos:])
			pos += size
			continue
		}
		pos = m.end
		dst = m.emit(dst, s, withoutProtocol)
	}
	return dst
}

// hasDomainDot reports whether a "." in s is followed by a character a
// domain label or TLD may begin with: every URL, with or without a
// protocol, needs one, and most sentences have only a final ".".
func hasDomainDot(s string) bool {
	for i := strings.IndexByte(s, '.'); i >= 0; {
		if i+1 < len(s) {
			c := s[i+1]
			if c >= utf8.RuneSelf || c == '-' || c == '_' || !invalidDomainASCII[c] {
				return true
			}
		}
		j := strings.IndexByte(s[i+1:], '.')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// matchURLAt tries extractUrl at pos: a valid preceding character at pos
// and the URL after it, or, at the very start, the URL at pos itself.
func matchURLAt(ds *domainScanner, pos int) (urlMatch, bool) {
	r, size := utf8.DecodeRuneInString(ds.s[pos:])
	if urlPrecedingOK(r) {
		if m, ok := matchURLBody(ds, pos+size); ok {
			m.before = r
			return m, true
		}
	}
	if pos == 0 {
		return matchURLBody(ds, 0)
	}
	return urlMatch{}, false
}

// urlPrecedingASCII are the ASCII characters a URL may follow.
var urlPrecedingASCII = func() *asciiTable {
	var t asciiTable
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = !isASCIIAlnum(rune(c)) && c != '@' && c != '$' && c != '#'
	}
	return &t
}()

func urlPrecedingOK(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return urlPrecedingASCII[r]
	case r == '＠' || r == '＃' || invalidTweetChar(r):
		return false
	}
	return r != utf8.RuneError
}

// matchURLBody matches protocol, domain, port, path and query at st.
func matchURLBody(ds *domainScanner, st int) (urlMatch, bool) {
	s := ds.s
	m := urlMatch{start: st}
	d := st
	for _, p := range [...]string{"https://", "http://"} {
		if hasPrefixFold(s[st:], p) {
			m.protoLen = len(p)
			break
		}
	}
	end, ok := ds.match(st + m.protoLen)
	if !ok && m.protoLen > 0 {
		m.protoLen = 0
		end, ok = ds.match(st)
	}
	if !ok {
		return m, false
	}
	d = st + m.protoLen
	m.domStart, m.domEnd = d, end
	if end < len(s) && s[end] == ':' {
		j := end + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j > end+1 {
			end = j
		}
	}
	if end < len(s) && s[end] == '/' {
		m.hasPath = true
		end = matchPath(s, end+1)
	}
	if end < len(s) && s[end] == '?' {
		if q := matchQuery(s, end+1); q > 0 {
			end = q
		}
	}
	m.end = end
	return m, true
}

// emit applies extractUrlsWithIndices' checks to a match and appends what
// survives.
func (m urlMatch) emit(dst []span, s string, withoutProtocol bool) []span {
	url, domain := s[m.start:m.end], s[m.domStart:m.domEnd]
	proto := m.protoLen
	if proto == 0 {
		proto = len("https://")
	}
	if !validHost(domain) || proto+utf16Len(url) > maxURLLength {
		return dst
	}
	if m.protoLen > 0 {
		end := m.end
		if n, slug, ok := tcoURL(url); ok {
			if slug > maxTcoSlugLength {
				return dst
			}
			end = m.start + n
		}
		return append(dst, span{m.start, end})
	}
	if !withoutProtocol || m.before == '-' || m.before == '_' || m.before == '.' || m.before == '/' {
		return dst
	}
	last := -1
	ascii := newDomainScanner(domain, true)
	for i := 0; i < len(domain); {
		e, ok := ascii.match(i)
		if !ok {
			_, size := utf8.DecodeRuneInString(domain[i:])
			i += size
			continue
		}
		if m.hasPath || !isShortDomain(domain[i:e]) {
			dst = append(dst, span{m.domStart + i, m.domStart + e})
			last = len(dst) - 1
		}
		i = e
	}
	if last >= 0 && m.hasPath {
		dst[last].end = m.end
	}
	return dst
}

// tcoURL matches http(s)://t.co/slug at the start of url and returns the
// length of that match and of its slug; t.co links take no further path.
func tcoURL(url string) (n, slug int, ok bool) {
	rest, ok := cutPrefixFold(url, "https://t.co/")
	if !ok {
		if rest, ok = cutPrefixFold(url, "http://t.co/"); !ok {
			return 0, 0, false
		}
	}
	for slug < len(rest) && isASCIIAlnum(rune(rest[slug])) {
		slug++
	}
	return len(url) - len(rest) + slug, slug, slug > 0
}

// validHost is twitter-text's idna.toAscii check: every label is 1-63
// characters once punycode encoded, and an "xn--" host holds an ASCII
// domain.
func validHost(domain string) bool {
	if strings.HasPrefix(domain, "xn--") && !containsASCIIDomain(domain) {
		return false
	}
	for label := range strings.SplitSeq(domain, ".") {
		n := punycodeLen(label)
		if n < 1 || n > maxLabelLength {
			return false
		}
	}
	return true
}

func containsASCIIDomain(s string) bool {
	ascii := newDomainScanner(s, true)
	for i := range s {
		if _, ok := ascii.match(i); ok {
			return true
		}
	}
	return false
}

// isShortDomain reports a bare "name.cc" domain with a country code TLD
// other than co and tv, which twitter-text does not link without a path
// (so "bit.ly" alone stays text but "t.co" and "foo.co.jp" are links).
func isShortDomain(d string) bool {
	name, tld, ok := strings.Cut(d, ".")
	if !ok || strings.Contains(tld, ".") || len(tld) != 2 || !isASCIILetter(rune(tld[0])) || !isASCIILetter(rune(tld[1])) {
		return false
	}
	if name == "" || name[0] == '-' || name[len(name)-1] == '-' {
		return false
	}
	return !strings.EqualFold(tld, "co") && !strings.EqualFold(tld, "tv")
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if hasPrefixFold(s, prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

func isASCIIAlnum(r rune) bool { return isASCIILetter(r) || r >= '0' && r <= '9' }
