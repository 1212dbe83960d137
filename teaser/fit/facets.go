package fit

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Facets locates link and each hashtag in text, as Bluesky's rich text
// facets need them: UTF-8 byte offsets, End exclusive, tag values without
// "#". The link is its last occurrence before the hashtag line (Fit puts
// it after the sentences and before the hashtags, so a link's text inside a
// hashtag, such as "0" in "#0", does not count); each hashtag is its last
// occurrence standing as a whole word. Parts not found are left out.
func Facets(text, link string, hashtags []string) []Facet {
	var facets []Facet // nil when nothing is found
	add := func(f Facet) {
		if facets == nil {
			facets = make([]Facet, 0, 1+len(hashtags))
		}
		facets = append(facets, f)
	}
	if link != "" {
		if i := strings.LastIndex(withoutTagLine(text, hashtags), link); i >= 0 {
			add(Facet{Start: i, End: i + len(link), Kind: FacetLink, Value: link})
		}
	}
	for _, h := range hashtags {
		if !strings.HasPrefix(h, "#") || len(h) < 2 {
			continue
		}
		if i := lastWholeWord(text, h); i >= 0 {
			add(Facet{Start: i, End: i + len(h), Kind: FacetTag, Value: h[1:]})
		}
	}
	return facets
}

// withoutTagLine returns text without its trailing hashtag line, as Fit
// lays it out ("\n" and the hashtags joined by spaces), when it has one.
func withoutTagLine(text string, hashtags []string) string {
	if len(hashtags) == 0 {
		return text
	}
	if t, ok := strings.CutSuffix(text, "\n"+strings.Join(hashtags, " ")); ok {
		return t
	}
	return text
}

// lastWholeWord returns the offset of the last occurrence of w in text that
// is not part of a longer word, or -1.
func lastWholeWord(text, w string) int {
	for end := len(text); end > 0; {
		i := strings.LastIndex(text[:end], w)
		if i < 0 {
			return -1
		}
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(w):])
		if (i == 0 || !isTagChar(before)) && (i+len(w) == len(text) || !isTagChar(after)) {
			return i
		}
		end = i + len(w) - 1
	}
	return -1
}

func isTagChar(r rune) bool {
	return r == '_' || r == '#' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
