package keyphrase

import (
	"strings"
	"unicode"
)

// Hashtags turns phrases (best first) into at most max hashtags (max <= 0
// means DefaultHashtags), each as Hashtag makes it, skipping phrases that
// give no valid tag and near-duplicates of a tag already taken: the same
// letters in another case, a tag that starts another ("#NorthKorea" and
// "#NorthKorean"), or one whose words sit inside another's
// ("#NorthKorea" and "#NorthKoreaDiplomacy", "#Korea" and "#NorthKorea").
func Hashtags(phrases []string, max int) []string {
	if max <= 0 {
		max = DefaultHashtags
	}
	var tags []string
	var keys [][]string
	for _, p := range phrases {
		if len(tags) == max {
			break
		}
		tag, ok := Hashtag(p)
		if !ok {
			continue
		}
		key := tagWords(tag)
		dup := false
		for _, k := range keys {
			if nearDuplicate(k, key) {
				dup = true
				break
			}
		}
		if !dup {
			tags = append(tags, tag)
			keys = append(keys, key)
		}
	}
	return tags
}

// tagWords splits a CamelCase tag back into its lowercased, plural-folded
// words: "#NATOSummit" → [nato summit]. An acronym counts as one word.
func tagWords(tag string) []string {
	rs := []rune(strings.TrimPrefix(tag, "#"))
	// Where words start, found on the tag as written.
	var starts []int
	for i := 1; i < len(rs); i++ {
		// A capital starts a word unless it continues an acronym; the last
		// capital of an acronym followed by a lower-case letter starts one.
		if unicode.IsUpper(rs[i]) && (!unicode.IsUpper(rs[i-1]) ||
			(i+1 < len(rs) && unicode.IsLower(rs[i+1]))) {
			starts = append(starts, i)
		}
	}
	// Lowercase every rune once, as strings.ToLower would.
	for i, r := range rs {
		rs[i] = unicode.ToLower(r)
	}
	words := make([]string, 0, len(starts)+1)
	start := 0
	for _, i := range starts {
		words = append(words, foldWord(string(rs[start:i])))
		start = i
	}
	return append(words, foldWord(string(rs[start:])))
}

// foldWord drops a plural ending of w, a lower-case word, so "talks" and
// "talk" compare equal.
func foldWord(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// isInflection reports whether v is w with a short ending ("korea" and
// "korean", "talk" and "talking"). Words under four letters only match
// exactly, so "us" and "usb" or "art" and "artist" stay apart.
func isInflection(w, v string) bool {
	return len(w) >= 4 && strings.HasPrefix(v, w) && len(v)-len(w) <= 3
}

// nearDuplicate reports whether two tags' words overlap so much that one of
// them is enough: one's words sit, in order, inside the other's, the last of
// them possibly with a short ending ("korea" of "korean").
func nearDuplicate(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	for i := 0; i+len(a) <= len(b); i++ {
		match := true
		for j, w := range a {
			v := b[i+j]
			if w == v || (j == len(a)-1 && isInflection(w, v)) {
				continue
			}
			match = false
			break
		}
		if match {
			return true
		}
	}
	return sameLetters(a, b)
}

// sameLetters reports whether a and b, each joined without separators,
// are the same string.
func sameLetters(a, b []string) bool {
	var x, y string // what is left of the current word of a and of b
	for {
		for x == "" && len(a) > 0 {
			x, a = a[0], a[1:]
		}
		for y == "" && len(b) > 0 {
			y, b = b[0], b[1:]
		}
		if x == "" || y == "" {
			return x == y
		}
		n := min(len(x), len(y))
		if x[:n] != y[:n] {
			return false
		}
		x, y = x[n:], y[n:]
	}
}
