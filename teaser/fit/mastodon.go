package fit

import (
	"unicode"
	"unicode/utf8"
)

// mastodonLength counts text as Mastodon's StatusLengthValidator does:
// grapheme clusters, with every URL that has a scheme counted as urlLength
// and every mention "@user@domain" as "@user".
func mastodonLength(text string, urlLength int) int {
	return entityLength(text, urlLength, true)
}

// linkedLength counts grapheme clusters with every URL that has a scheme
// counted as urlLength.
func linkedLength(text string, urlLength int) int {
	return entityLength(text, urlLength, false)
}

func entityLength(text string, urlLength int, mentions bool) int {
	var buf [8]span
	urls := extractURLs(buf[:0], text, false)
	n, prev := 0, 0
	for _, u := range urls {
		n += textLength(text[prev:u.start], mentions) + urlLength
		prev = u.end
	}
	return n + textLength(text[prev:], mentions)
}

// textLength counts the grapheme clusters of s, remote mentions counted by
// their local part only.
func textLength(s string, mentions bool) int {
	if !mentions {
		return graphemeCount(s)
	}
	n, prev := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] != '@' {
			continue
		}
		user, domain := matchMention(s, i)
		if domain == 0 {
			continue
		}
		n += graphemeCount(s[prev : i+1+user])
		prev = i + 1 + user + domain
		i = prev - 1
	}
	return n + graphemeCount(s[prev:])
}

// matchMention matches Mastodon's MENTION_RE at the "@" at i and returns
// the byte lengths of the username and of the "@domain" part (0 when the
// mention is local or there is none):
// (?<![=/[:word:]])@([a-z0-9_]+([.-]+[a-z0-9_]+)*)(@[[:word:]]+([.-]+[[:word:]]+)*)?
func matchMention(s string, i int) (user, domain int) {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if r == '=' || r == '/' || isWordChar(r) {
			return 0, 0
		}
	}
	user = matchDotted(s[i+1:], func(r rune) bool { return r == '_' || isASCIIAlnum(r) })
	if user == 0 || i+1+user >= len(s) || s[i+1+user] != '@' {
		return user, 0
	}
	d := matchDotted(s[i+2+user:], isWordChar)
	if d == 0 {
		return user, 0
	}
	return user, d + 1
}

// matchDotted matches word ([.-]+ word)* where word is a run of runes
// accepted by ok, and returns its byte length.
func matchDotted(s string, ok func(rune) bool) int {
	end := 0
	for i := 0; i < len(s); {
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !ok(r) {
				break
			}
			j += size
		}
		if j == i {
			break
		}
		end = j
		for j < len(s) && (s[j] == '.' || s[j] == '-') {
			j++
		}
		if j == end {
			break
		}
		i = j
	}
	return end
}

// isWordChar is Ruby's [[:word:]]: letters, marks, numbers and connector
// punctuation.
func isWordChar(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) ||
		unicode.In(r, unicode.Nd, unicode.Pc)
}
