package fit

import (
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
	post, err := fitInput(r, in)
	if err != nil || !hasRole(in, Stakes) || !hasRole(in, Question) {
		return post, err
	}
	q := lastOfRole(in, Question)
	if strings.Contains(post.Text, q) || strings.Contains(post.Text, lastOfRole(in, Stakes)) {
		return post, nil
	}
	alt := in
	alt.Sentences = slices.DeleteFunc(slices.Clone(in.Sentences), func(s Sentence) bool { return s.Role == Stakes })
	p2, err := fitInput(r, alt)
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

// fitInput is Fit without the second try.
func fitInput(r Rules, in Input) (Post, error) {
	l := newLayout(in)
	post := Post{Network: r.Network, Limit: r.Limit}
	if len(l.sentences) == 0 && l.link == "" && len(l.tags) == 0 {
		return post, fmt.Errorf("fit %s: %w", r.Network, ErrEmpty)
	}
	if t, ok := newTally(r, l); ok {
		if post, ok, err := t.fit(post); ok {
			return post, err
		}
	}
	return fitText(r, l, post)
}

// fitText is Fit recounting the whole text at every step: the way for
// inputs whose parts do not count on their own as they do in the post
// (see tally).
func fitText(r Rules, l *layout, post Post) (Post, error) {
	m := measurer{r: r}
	fits := func() bool { return m.fits(l.text()) }
	for _, role := range [...]Role{Question, Stakes} {
		for !fits() && l.dropLast(role) {
		}
	}
	for !fits() && len(l.tags) > 1 {
		l.tags = l.tags[:len(l.tags)-1]
	}
	for !fits() && l.dropLast(Hook) {
	}
	if !fits() && len(l.tags) > 0 {
		l.tags = nil
	}
	if !fits() {
		l.shorten(fits)
	}
	text := l.text()
	if !m.fits(text) || text == "" {
		if l.link != "" {
			return post, fmt.Errorf("fit %s: link alone counts %d of %d: %w", r.Network, r.Count(l.link), r.Limit, ErrTooLong)
		}
		return post, fmt.Errorf("fit %s: no sentence fits %d: %w", r.Network, r.Limit, ErrTooLong)
	}
	post.Text = text
	post.Length = m.count
	post.Link = l.link
	if len(l.tags) > 0 {
		post.Hashtags = slices.Clone(l.tags)
	}
	post.Facets = Facets(text, l.link, l.tags)
	return post, nil
}

// measurer counts candidate texts, remembering the last one: Fit's steps
// ask again about a text that has not changed.
type measurer struct {
	r     Rules
	text  string
	count int
	ok    bool
	done  bool
}

func (m *measurer) fits(text string) bool {
	if m.done && text == m.text {
		return m.ok
	}
	m.text, m.done = text, true
	m.count, m.ok = 0, utf8.ValidString(text) && (m.r.MaxBytes <= 0 || len(text) <= m.r.MaxBytes)
	if m.ok {
		m.count = m.r.Count(text)
		m.ok = m.r.Limit <= 0 || m.count <= m.r.Limit
	}
	return m.ok
}

// layout is the parts of a post still in it.
type layout struct {
	sentences []Sentence
	link      string
	tags      []string
}

func newLayout(in Input) *layout {
	l := &layout{link: clean(in.Link), sentences: make([]Sentence, 0, len(in.Sentences)), tags: make([]string, 0, len(in.Hashtags))}
	for _, s := range in.Sentences {
		if t := clean(s.Text); t != "" {
			l.sentences = append(l.sentences, Sentence{Text: t, Role: s.Role})
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
		l.tags = append(l.tags, h)
	}
	return l
}

func clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.TrimSpace(s)
}

// text renders the layout.
func (l *layout) text() string {
	var b strings.Builder
	n := len(l.link) + 2
	for _, s := range l.sentences {
		n += len(s.Text) + 1
	}
	for _, t := range l.tags {
		n += len(t) + 1
	}
	b.Grow(n)
	for i, s := range l.sentences {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.Text)
	}
	if l.link != "" {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(l.link)
	}
	for i, t := range l.tags {
		switch {
		case i > 0:
			b.WriteByte(' ')
		case b.Len() > 0:
			b.WriteByte('\n')
		}
		b.WriteString(t)
	}
	return b.String()
}

// dropLast removes the last sentence with role, unless it is the only
// sentence left.
func (l *layout) dropLast(role Role) bool {
	if len(l.sentences) < 2 {
		return false
	}
	for i := len(l.sentences) - 1; i >= 0; i-- {
		if l.sentences[i].Role == role {
			l.sentences = slices.Delete(l.sentences, i, i+1)
			return true
		}
	}
	return false
}

// shorten cuts the last sentence to the most words that fit, or drops it
// when that leaves a dangling fragment and another sentence remains, until
// the layout fits or no sentence is left.
func (l *layout) shorten(fits func() bool) {
	for len(l.sentences) > 0 && !fits() {
		last := &l.sentences[len(l.sentences)-1]
		full := last.Text
		ends := wordEnds(full)
		cut := func(k int) string {
			return strings.TrimRight(full[:ends[k-1]], ",;:") + ellipsis
		}
		best, lo, hi := 0, 1, len(ends)
		if hi > 0 && ends[hi-1] == len(full) {
			hi-- // all the words: that is the full sentence, which does not fit
		}
		for lo <= hi {
			mid := (lo + hi) / 2
			last.Text = cut(mid)
			if fits() {
				best, lo = mid, mid+1
			} else {
				hi = mid - 1
			}
		}
		if best >= minWords || best >= 1 && len(l.sentences) == 1 {
			last.Text = cut(best)
			return
		}
		l.sentences = l.sentences[:len(l.sentences)-1]
	}
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
