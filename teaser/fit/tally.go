package fit

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"
)

// part is one sentence, the link or one hashtag with its count under the
// rules of the Fit in progress.
type part struct {
	text  string
	count int
	role  Role
}

// tally is a layout whose parts are counted once each. A post is its parts
// joined by " ", "\n\n" and "\n", and every counter of Rules.Count adds up
// across such a join as long as nothing at the join reaches over it:
// URLs, mentions, emoji sequences and NFC compositions never hold white
// space, the separators count 1 per character everywhere, and a grapheme
// cluster only spans a space when the character before it is a Prepend
// or the one after it an Extend, ZWJ or SpacingMark. The one other case
// is a URL match where the part begins: standalone, extractURLs first
// tries the URL after the first character, in the post the URL at it.
// newTally and fit check every part for these corner cases (safe) and
// give up on inputs that have them, which then take fitText.
type tally struct {
	r         Rules
	sentences []part
	link      part
	tags      []part
}

// newTally counts the parts of l, or reports false when one of them is not
// safe to count on its own.
func newTally(r Rules, l *layout) (*tally, bool) {
	parts := make([]part, 0, len(l.sentences)+len(l.tags))
	t := &tally{r: r, sentences: parts[:0:len(l.sentences)], tags: parts[len(l.sentences):len(l.sentences)]}
	for _, s := range l.sentences {
		if !safe(s.Text) {
			return nil, false
		}
		t.sentences = append(t.sentences, part{text: s.Text, count: r.Count(s.Text), role: s.Role})
	}
	if l.link != "" {
		if !safe(l.link) {
			return nil, false
		}
		t.link = part{text: l.link, count: r.Count(l.link)}
	}
	for _, h := range l.tags {
		if !safe(h) {
			return nil, false
		}
		t.tags = append(t.tags, part{text: h, count: r.Count(h)})
	}
	return t, true
}

// total is the count and UTF-8 size of the text the parts make.
func (t *tally) total() (count, size int) {
	for i, s := range t.sentences {
		if i > 0 {
			count, size = count+1, size+1
		}
		count, size = count+s.count, size+len(s.text)
	}
	if t.link.text != "" {
		if size > 0 {
			count, size = count+2, size+2
		}
		count, size = count+t.link.count, size+len(t.link.text)
	}
	for i, h := range t.tags {
		if i > 0 || size > 0 {
			count, size = count+1, size+1
		}
		count, size = count+h.count, size+len(h.text)
	}
	return count, size
}

func (t *tally) fits() bool {
	count, size := t.total()
	return (t.r.MaxBytes <= 0 || size <= t.r.MaxBytes) && (t.r.Limit <= 0 || count <= t.r.Limit)
}

// fit runs Fit's steps on the tally. It reports false, having decided
// nothing, when shortening meets a part that is not safe.
func (t *tally) fit(post Post) (Post, bool, error) {
	r := t.r
	for _, role := range [...]Role{Question, Stakes} {
		for !t.fits() && t.dropLast(role) {
		}
	}
	for !t.fits() && len(t.tags) > 1 {
		t.tags = t.tags[:len(t.tags)-1]
	}
	for !t.fits() && t.dropLast(Hook) {
	}
	if !t.fits() && len(t.tags) > 0 {
		t.tags = nil
	}
	if !t.fits() && !t.shorten() {
		return post, false, nil
	}
	text := t.text()
	if !t.fits() || text == "" {
		if t.link.text != "" {
			return post, true, fmt.Errorf("fit %s: link alone counts %d of %d: %w", r.Network, t.link.count, r.Limit, ErrTooLong)
		}
		return post, true, fmt.Errorf("fit %s: no sentence fits %d: %w", r.Network, r.Limit, ErrTooLong)
	}
	post.Text = text
	post.Length, _ = t.total()
	post.Link = t.link.text
	if len(t.tags) > 0 {
		post.Hashtags = make([]string, len(t.tags))
		for i, h := range t.tags {
			post.Hashtags[i] = h.text
		}
	}
	post.Facets = Facets(text, t.link.text, post.Hashtags)
	return post, true, nil
}

// dropLast is layout.dropLast.
func (t *tally) dropLast(role Role) bool {
	if len(t.sentences) < 2 {
		return false
	}
	for i := len(t.sentences) - 1; i >= 0; i-- {
		if t.sentences[i].role == role {
			t.sentences = slices.Delete(t.sentences, i, i+1)
			return true
		}
	}
	return false
}

// shorten is layout.shorten, counting only the shortened sentence. It
// reports false when a shortened sentence is not safe.
func (t *tally) shorten() bool {
	for len(t.sentences) > 0 && !t.fits() {
		last := &t.sentences[len(t.sentences)-1]
		full := last.text
		ends := wordEnds(full)
		best, bestCount, lo, hi := 0, 0, 1, len(ends)
		if hi > 0 && ends[hi-1] == len(full) {
			hi--
		}
		for lo <= hi {
			mid := (lo + hi) / 2
			last.text = cutAt(full, ends[mid-1])
			if !safe(last.text) {
				return false
			}
			last.count = t.r.Count(last.text)
			if t.fits() {
				best, bestCount, lo = mid, last.count, mid+1
			} else {
				hi = mid - 1
			}
		}
		if best >= minWords || best >= 1 && len(t.sentences) == 1 {
			last.text, last.count = cutAt(full, ends[best-1]), bestCount
			return true
		}
		t.sentences = t.sentences[:len(t.sentences)-1]
	}
	return true
}

// cutAt is s up to end without trailing ",;:", and an ellipsis.
func cutAt(s string, end int) string {
	return strings.TrimRight(s[:end], ",;:") + ellipsis
}

// text renders the tally as layout.text does.
func (t *tally) text() string {
	_, size := t.total()
	var b strings.Builder
	b.Grow(size)
	for i, s := range t.sentences {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.text)
	}
	if t.link.text != "" {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(t.link.text)
	}
	for i, h := range t.tags {
		switch {
		case i > 0:
			b.WriteByte(' ')
		case b.Len() > 0:
			b.WriteByte('\n')
		}
		b.WriteString(h.text)
	}
	return b.String()
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
