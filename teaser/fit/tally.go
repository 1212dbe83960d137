package fit

import (
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"
)

// counter is how fitLayout measures a layout. The tally counts every part
// once and adds the counts up, the recount counts the whole text again at
// every step; fitLayout decides the same with either, which FuzzTally
// checks, and the tally is the faster.
type counter interface {
	// count is told of every part before it is measured, and again when
	// shortening changes it. It reports false when it cannot count p, and
	// fitLayout then gives up.
	count(p *part) bool
	// measure returns the length of the text l renders, as the rules count
	// it, and whether that text is within the rules' limits.
	measure(l *layout) (n int, fits bool)
}

// tally counts each part on its own. A post is its parts joined by " ",
// "\n\n" and "\n", and every counter of Rules.Count adds up across such a
// join as long as nothing at the join reaches over it: URLs, mentions,
// emoji sequences and NFC compositions never hold white space, the
// separators count 1 per character everywhere, and a grapheme cluster
// only spans a space when the character before it is a Prepend or the one
// after it an Extend, ZWJ or SpacingMark. The one other case is a URL
// match where the part begins: standalone, extractURLs first tries the URL
// after the first character, in the post the URL at it. count checks
// every part for these corner cases (safe) and declines the ones that
// have them, whose inputs Fit then lays out with the recount.
type tally struct {
	r Rules
}

func newTally(r Rules) counter { return &tally{r: r} }

func (t *tally) count(p *part) bool {
	if !safe(p.text) {
		return false
	}
	p.count = t.r.Count(p.text)
	return true
}

func (t *tally) measure(l *layout) (int, bool) {
	count, size := 0, 0
	for i, s := range l.sentences {
		if i > 0 {
			count, size = count+1, size+1
		}
		count, size = count+s.count, size+len(s.text)
	}
	if l.link.text != "" {
		if size > 0 {
			count, size = count+2, size+2
		}
		count, size = count+l.link.count, size+len(l.link.text)
	}
	for i, h := range l.tags {
		if i > 0 || size > 0 {
			count, size = count+1, size+1
		}
		count, size = count+h.count, size+len(h.text)
	}
	return count, (t.r.MaxBytes <= 0 || size <= t.r.MaxBytes) && (t.r.Limit <= 0 || count <= t.r.Limit)
}

// recount counts the text a layout renders, whole, at every step: exact
// for every input. It remembers the last text, as fitLayout's steps ask
// again about a layout that has not changed.
type recount struct {
	r    Rules
	text string
	n    int
	ok   bool
	done bool
}

func newRecount(r Rules) counter { return &recount{r: r} }

func (m *recount) count(*part) bool { return true }

func (m *recount) measure(l *layout) (int, bool) {
	text := l.text()
	if m.done && text == m.text {
		return m.n, m.ok
	}
	m.text, m.done = text, true
	m.n, m.ok = 0, utf8.ValidString(text) && (m.r.MaxBytes <= 0 || len(text) <= m.r.MaxBytes)
	if m.ok {
		m.n = m.r.Count(text)
		m.ok = m.r.Limit <= 0 || m.n <= m.r.Limit
	}
	return m.n, m.ok
}

// safe reports whether s, non-empty, valid UTF-8 and without white space
// at either end, counts on its own as it does between separators: no
// grapheme cluster spans a space before or after it, and no URL match
// begins at its first character when extractURLs, scanning s alone, would
// first try the one after that character.
func safe(s string) bool {
	// Counting looks at the text in NFC, where "A" and a combining acute
	// are one "Á" that can start a URL; so must the check.
	if norm.NFC.QuickSpanString(s) < len(s) {
		s = norm.NFC.String(s)
	}
	first, size := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if first >= utf8.RuneSelf && !clusterBreak(' ', first) || last >= utf8.RuneSelf && !clusterBreak(last, ' ') {
		return false
	}
	if !urlPrecedingOK(first) || size == len(s) {
		return true
	}
	ds := newDomainScanner(s, false)
	_, ok := matchURLBody(&ds, 0)
	return !ok
}

// clusterBreak reports whether a grapheme cluster boundary falls between
// a and b.
func clusterBreak(a, b rune) bool {
	var buf [2 * utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], a)
	m := utf8.EncodeRune(buf[n:], b)
	cluster, _, _, _ := uniseg.FirstGraphemeCluster(buf[:n+m], -1)
	return len(cluster) == n
}
