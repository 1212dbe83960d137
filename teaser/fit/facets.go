package fit

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Facets locates link and each hashtag in text, as Bluesky's rich text
// facets need them: UTF-8 byte offsets, End exclusive, tag values without
// "#". The link is searched from the end (Fit puts it after the
// sentences); each hashtag is its last occurrence standing as a whole word.
// Parts not found are left out.
func Facets(text, link string, hashtags []string) []Facet {
	var facets []Facet
	if link != "" {
		if i := strings.LastIndex(text, link); i >= 0 {
			facets = append(facets, Facet{Start: i, End: i + len(link), Kind: FacetLink, Value: link})
		}
	}
	for _, h := range hashtags {
		if !strings.HasPrefix(h, "#") || len(h) < 2 {
			continue
		}
		if i := lastWholeWord(text, h); i >= 0 {
			facets = append(facets, Facet{Start: i, End: i + len(h), Kind: FacetTag, Value: h[1:]})
		}
	}
	return facets
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
