package fit

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// ellipsis ends a sentence Fit had to shorten.
const ellipsis = "…"

// minWords is the fewest words a shortened sentence keeps; shorter
// fragments are dropped instead while another sentence remains.
const minWords = 3

// Fit lays in out as a post for r: the sentences joined by " ", then
// "\n\n" and the link, then "\n" and the hashtags joined by " ". While the
// text is over r.Limit (counted with r.Count) or r.MaxBytes it drops, one
// at a time and last first, Question sentences, Stakes sentences, hashtags
// beyond the first, Hook sentences and the last hashtag (never the only
// sentence left); then it shortens the last sentence at a word boundary
// with "…", dropping it instead when fewer than three words would remain
// and another sentence is left. Words, links, hashtags and grapheme
// clusters are never cut. The link is always kept; Fit fails with
// ErrTooLong only when even the link alone does not fit.
//
// When the stakes had to go as well as the closing question, Fit tries the
// post with the question but without the stakes: a post that still ends on
// its question, with as many hashtags and nothing shortened, is the better
// post and is returned instead.
func Fit(r Rules, in Input) (Post, error) {
	return fitWith(r, in, newTally, newRecount)
}

// fitWith is Fit counting with the first of counters that can count the
// input: Fit passes the tally, exact only for some inputs, then the
// recount, exact for all; tests pass one to check each on its own.
func fitWith(r Rules, in Input, counters ...func(Rules) counter) (Post, error) {
	post, err := fitInput(r, in, counters)
	if err != nil || !hasRole(in, Stakes) || !hasRole(in, Question) {
		return post, err
	}
	q := lastOfRole(in, Question)
	if strings.Contains(post.Text, q) || strings.Contains(post.Text, lastOfRole(in, Stakes)) {
		return post, nil
	}
	alt := in
	alt.Sentences = slices.DeleteFunc(slices.Clone(in.Sentences), func(s Sentence) bool { return s.Role == Stakes })
	p2, err := fitInput(r, alt, counters)
	if err != nil || len(p2.Hashtags) < len(post.Hashtags) || !strings.Contains(p2.Text, q) || strings.Contains(p2.Text, ellipsis) && !strings.Contains(post.Text, ellipsis) {
		return post, nil
	}
	return p2, nil
}

func hasRole(in Input, r Role) bool {
	return slices.ContainsFunc(in.Sentences, func(s Sentence) bool { return s.Role == r && clean(s.Text) != "" })
}

// lastOfRole is the cleaned text of the last sentence with role r.
func lastOfRole(in Input, r Role) string {
	for i := len(in.Sentences) - 1; i >= 0; i-- {
		if in.Sentences[i].Role == r {
			if t := clean(in.Sentences[i].Text); t != "" {
				return t
			}
		}
	}
	return ""
}

// errUncounted is fitInput's answer when none of the counters it was
// given can count the input. Fit always ends with the recount, which
// counts every input, so only tests that force the tally see it.
var errUncounted = errors.New("no counter counts the input")

// fitInput is Fit without the second try: fitLayout with the first of
// counters that counts the input to the end.
func fitInput(r Rules, in Input, counters []func(Rules) counter) (Post, error) {
	post := Post{Network: r.Network, Limit: r.Limit}
	for _, newCounter := range counters {
		l := newLayout(in)
		if len(l.sentences) == 0 && l.link.text == "" && len(l.tags) == 0 {
			return post, fmt.Errorf("fit %s: %w", r.Network, ErrEmpty)
		}
		if p, ok, err := fitLayout(r, l, newCounter(r), post); ok {
			return p, err
		}
	}
	return post, fmt.Errorf("fit %s: %w", r.Network, errUncounted)
}

// fitLayout is Fit's one algorithm, whichever way c counts: while l does
// not fit it drops, last first, Question sentences, then Stakes
// sentences, then hashtags beyond the first, then Hook sentences, then the
// last hashtag, and then shortens the last sentence. It reports false,
// having decided nothing, when c cannot count a part; l is then spent.
func fitLayout(r Rules, l *layout, c counter, post Post) (Post, bool, error) {
	if !l.countParts(c) {
		return post, false, nil
	}
	for _, role := range [...]Role{Question, Stakes} {
		for !l.fits(c) && l.dropLast(role) {
		}
	}
	for !l.fits(c) && len(l.tags) > 1 {
		l.tags = l.tags[:len(l.tags)-1]
	}
	for !l.fits(c) && l.dropLast(Hook) {
	}
	if !l.fits(c) && len(l.tags) > 0 {
		l.tags = nil
	}
	if !l.fits(c) && !l.shorten(c) {
		return post, false, nil
	}
	n, ok := c.measure(l)
	text := l.text()
	if !ok || text == "" {
		if l.link.text != "" {
			return post, true, fmt.Errorf("fit %s: link alone counts %d of %d: %w", r.Network, r.Count(l.link.text), r.Limit, ErrTooLong)
		}
		return post, true, fmt.Errorf("fit %s: no sentence fits %d: %w", r.Network, r.Limit, ErrTooLong)
	}
	post.Text = text
	post.Length = n
	post.Link = l.link.text
	if len(l.tags) > 0 {
		post.Hashtags = make([]string, len(l.tags))
		for i, h := range l.tags {
			post.Hashtags[i] = h.text
		}
	}
	post.Facets = Facets(text, post.Link, post.Hashtags)
	return post, true, nil
}

// part is one sentence, the link or one hashtag, with its count when the
// counter counts parts on their own.
type part struct {
	text  string
	count int
	role  Role
}

// layout is the parts of a post still in it.
type layout struct {
	sentences []part
	link      part
	tags      []part
}

func newLayout(in Input) *layout {
	// One array holds the sentences and then the hashtags: both only
	// shrink, so neither grows into the other.
	parts := make([]part, 0, len(in.Sentences)+len(in.Hashtags))
	l := &layout{link: part{text: clean(in.Link)}, sentences: parts[:0:len(in.Sentences)], tags: parts[len(in.Sentences):len(in.Sentences)]}
	for _, s := range in.Sentences {
		if t := clean(s.Text); t != "" {
			l.sentences = append(l.sentences, part{text: t, role: s.Role})
		}
	}
	for _, h := range in.Hashtags {
		h = clean(h)
		if h == "" || h == "#" {
			continue
		}
		if !strings.HasPrefix(h, "#") {
			h = "#" + h
		}
		l.tags = append(l.tags, part{text: h})
	}
	return l
}

func clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.TrimSpace(s)
}

// countParts has c count every part, reporting false when c cannot.
func (l *layout) countParts(c counter) bool {
	for i := range l.sentences {
		if !c.count(&l.sentences[i]) {
			return false
		}
	}
	if l.link.text != "" && !c.count(&l.link) {
		return false
	}
	for i := range l.tags {
		if !c.count(&l.tags[i]) {
			return false
		}
	}
	return true
}

// text renders the layout.
func (l *layout) text() string {
	var b strings.Builder
	n := len(l.link.text) + 2
	for _, s := range l.sentences {
		n += len(s.text) + 1
	}
	for _, t := range l.tags {
		n += len(t.text) + 1
	}
	b.Grow(n)
	for i, s := range l.sentences {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.text)
	}
	if l.link.text != "" {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(l.link.text)
	}
	for i, t := range l.tags {
		switch {
		case i > 0:
			b.WriteByte(' ')
		case b.Len() > 0:
			b.WriteByte('\n')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// fits reports whether l fits as c counts it.
func (l *layout) fits(c counter) bool {
	_, ok := c.measure(l)
	return ok
}

// dropLast removes the last sentence with role, unless it is the only
// sentence left.
func (l *layout) dropLast(role Role) bool {
	if len(l.sentences) < 2 {
		return false
	}
	for i := len(l.sentences) - 1; i >= 0; i-- {
		if l.sentences[i].role == role {
			l.sentences = slices.Delete(l.sentences, i, i+1)
			return true
		}
	}
	return false
}

// shorten cuts the last sentence to the most words that fit, or drops it
// when that leaves a dangling fragment and another sentence remains, until
// the layout fits or no sentence is left. It reports false when c cannot
// count a shortened sentence.
func (l *layout) shorten(c counter) bool {
	for len(l.sentences) > 0 && !l.fits(c) {
		last := &l.sentences[len(l.sentences)-1]
		full := last.text
		ends := wordEnds(full)
		var kept part
		best, lo, hi := 0, 1, len(ends)
		if hi > 0 && ends[hi-1] == len(full) {
			hi-- // all the words: that is the full sentence, which does not fit
		}
		for lo <= hi {
			mid := (lo + hi) / 2
			last.text = strings.TrimRight(full[:ends[mid-1]], ",;:") + ellipsis
			if !c.count(last) {
				return false
			}
			if l.fits(c) {
				best, kept, lo = mid, *last, mid+1
			} else {
				hi = mid - 1
			}
		}
		if best >= minWords || best >= 1 && len(l.sentences) == 1 {
			*last = kept
			return true
		}
		l.sentences = l.sentences[:len(l.sentences)-1]
	}
	return true
}

// wordEnds returns the byte offsets where the words of s end, cutting only
// between grapheme clusters at white space. Words made only of
// punctuation (a lone dash) are not places to stop, so they are left out.
func wordEnds(s string) []int {
	var ends []int
	state, pos, wordStart, inWord := -1, 0, 0, false
	flush := func() {
		if inWord && !onlyPunct(s[wordStart:pos]) {
			ends = append(ends, pos)
		}
		inWord = false
	}
	for rest := s; rest != ""; {
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		r, _ := utf8.DecodeRuneInString(cluster)
		if unicode.IsSpace(r) {
			flush()
		} else if !inWord {
			inWord, wordStart = true, pos
		}
		pos += len(cluster)
	}
	flush()
	return ends
}

func onlyPunct(w string) bool {
	for _, r := range w {
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			return false
		}
	}
	return true
}
