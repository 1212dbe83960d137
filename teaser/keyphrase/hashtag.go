package keyphrase

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxHashtagRunes caps a hashtag's length in characters, "#" not counted:
// longer tags are hard to read and eat a post's budget.
const MaxHashtagRunes = 30

// ValidHashtag reports whether tag, as a person writes it (in config or an
// edited post), is a hashtag every network links whole: "#", then at most
// MaxHashtagRunes letters, combining marks, digits and "_", with a letter
// or a mark among them (twitter-text's rule: "#2024" and "#_1" are not
// hashtags).
func ValidHashtag(tag string) bool {
	body, ok := strings.CutPrefix(tag, "#")
	if !ok || body == "" || utf8.RuneCountInString(body) > MaxHashtagRunes {
		return false
	}
	letter := false
	for _, r := range body {
		switch {
		case unicode.IsLetter(r) || unicode.IsMark(r):
			letter = true
		case unicode.IsDigit(r) || r == '_':
		default:
			return false
		}
	}
	return letter
}

// DefaultHashtags is how many hashtags Hashtags returns when max <= 0.
const DefaultHashtags = 3

// Hashtag turns phrase into a CamelCase hashtag with its "#": "kim jong un"
// gives "#KimJongUn", "NATO summit" "#NATOSummit", "e-commerce"
// "#ECommerce", "Xi's visit" "#XiVisit". Acronyms keep their case and
// possessives and apostrophes go. The tag holds only letters, combining
// marks and digits, so X and Mastodon both link it whole. It reports false
// when no valid tag comes out: no letter, only stop words, or longer than
// MaxHashtagRunes.
func Hashtag(phrase string) (string, bool) {
	var b strings.Builder
	b.Grow(len(phrase) + 1)
	b.WriteByte('#')
	words, content, runes := 0, 0, 0
	letter := false
	for w := range hashtagWords(phrase) {
		words++
		if !isStop(strings.ToLower(w)) || (len(w) > 1 && isAllUpper(w)) {
			content++
		}
		for i, r := range w {
			if i == 0 {
				r = unicode.ToUpper(r)
			}
			if unicode.IsLetter(r) {
				letter = true
			}
			b.WriteRune(r)
			runes++
		}
	}
	if words == 0 || content == 0 || !letter || runes > MaxHashtagRunes {
		return "", false
	}
	tag := b.String()
	// Words that join into a stop word ("th e") make no tag either.
	if body := tag[1:]; !isAllUpper(body) && isStop(strings.ToLower(body)) {
		return "", false
	}
	return tag, true
}

// hashtagWords yields the words of phrase as they go into a tag: runs of
// letters, marks and digits, with possessives dropped and inner apostrophes
// and dots removed ("Xi's" → "Xi", "don't" → "dont", "U.S." → "US").
// Hyphens and everything else separate words. A word never starts with a
// mark.
func hashtagWords(phrase string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		start := -1 // byte offset where the current word began in buf
		var buf []byte
		flush := func() bool {
			if start < 0 {
				return true
			}
			w := string(buf[start:])
			buf, start = buf[:0], -1
			return yield(w)
		}
		prevTag := false
		for i := 0; i < len(phrase); {
			r, n := utf8.DecodeRuneInString(phrase[i:])
			next, nn := utf8.DecodeRuneInString(phrase[i+n:])
			switch {
			case r == utf8.RuneError && n <= 1:
				if !flush() {
					return
				}
				prevTag = false
			case isTagRune(r):
				if start < 0 {
					if unicode.Is(unicode.M, r) {
						break // a word never starts with a mark
					}
					start = len(buf)
				}
				buf = utf8.AppendRune(buf, r)
				prevTag = true
				i += n
				continue
			case (r == '\'' || r == '’') && prevTag && (next == 's' || next == 'S') && !isTagRuneAt(phrase, i+n+nn):
				i += n + nn // possessive "'s"
				continue
			case (r == '\'' || r == '’' || r == '.') && prevTag && isTagRune(next):
				i += n // inner apostrophe or dot
				continue
			default:
				if !flush() {
					return
				}
			}
			prevTag = false
			i += n
		}
		flush()
	}
}

// isTagRuneAt reports whether a tag rune starts at byte i of s.
func isTagRuneAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isTagRune(r)
}

// isTagRune reports whether r may appear in a hashtag on both X and
// Mastodon: a letter, a combining mark or a decimal digit.
func isTagRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Nd, r) || unicode.Is(unicode.M, r)
}
