package fit

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The twitter-text v3 configuration (config-v3.json); TestXConfig checks
// these against the spec file.
const (
	xScale         = 100
	xDefaultWeight = 200
	xMaxWeighted   = XLimit
	xURLWeight     = XURLLength * xScale
)

// xRanges are the code point ranges with a weight other than the default.
var xRanges = [...]struct {
	start, end rune
	weight     int
}{
	{0, 4351, 100},
	{8192, 8205, 100},
	{8208, 8223, 100},
	{8242, 8247, 100},
}

// tweetStats is what twitter-text's parseTweet reports. Ranges are UTF-16
// indices into the original text, end inclusive.
type tweetStats struct {
	WeightedLength  int
	Valid           bool
	Permillage      int
	DisplayRangeEnd int
	ValidRangeEnd   int
}

// weightedLength is the X length of text.
// It weighs as parseTweet does but keeps none of the other statistics.
func weightedLength(text string) int {
	normalized := text
	if norm.NFC.QuickSpanString(text) < len(text) && !norm.NFC.IsNormalString(text) {
		normalized = norm.NFC.String(text)
	}
	var buf [8]span
	urls := extractURLs(buf[:0], normalized, true)
	weighted := 0
	for i := 0; i < len(normalized); {
		if len(urls) > 0 && urls[0].start == i {
			weighted += xURLWeight
			i = urls[0].end
			urls = urls[1:]
			continue
		}
		if c := normalized[i]; c < utf8.RuneSelf && c != '#' && c != '*' && (c < '0' || c > '9') {
			weighted += runeWeight(rune(c))
			i++
			continue
		}
		if n := emojiLen(normalized[i:]); n > 0 {
			weighted += xDefaultWeight
			i += n
		} else {
			r, size := utf8.DecodeRuneInString(normalized[i:])
			weighted += runeWeight(r)
			i += size
		}
		for len(urls) > 0 && urls[0].start < i {
			urls = urls[1:]
		}
	}
	return weighted / xScale
}

// parseTweet follows twitter-text's parseTweet with config v3: the text is
// NFC normalised, every URL weighs transformedURLLength, every emoji
// sequence the default weight once (config v2, emoji false, weighs emoji
// per code point), every other code point its range weight.
func parseTweet(text string, emoji bool) tweetStats {
	normalized := text
	if norm.NFC.QuickSpanString(text) < len(text) && !norm.NFC.IsNormalString(text) {
		normalized = norm.NFC.String(text)
	}
	var buf [8]span
	urls := extractURLs(buf[:0], normalized, true)

	weighted, valid := 0, true
	pos16, validEnd := 0, 0
	for i := 0; i < len(normalized); {
		for len(urls) > 0 && urls[0].start < i {
			urls = urls[1:]
		}
		var next int
		switch c := normalized[i]; {
		case c < utf8.RuneSelf && c != '#' && c != '*' && (c < '0' || c > '9') &&
			(len(urls) == 0 || urls[0].start != i):
			next = i + 1 // plain ASCII: never an emoji, weight 100
			weighted += runeWeight(rune(c))
		case len(urls) > 0 && urls[0].start == i:
			next = urls[0].end
			weighted += xURLWeight
			urls = urls[1:]
		default:
			if n := emojiLen(normalized[i:]); emoji && n > 0 {
				next = i + n
				weighted += xDefaultWeight
				break
			}
			r, size := utf8.DecodeRuneInString(normalized[i:])
			next = i + size
			weighted += runeWeight(r)
		}
		last := rune(normalized[i])
		if next == i+1 && last < utf8.RuneSelf {
			pos16++
		} else {
			pos16 += utf16Len(normalized[i:next])
			last, _ = utf8.DecodeLastRuneInString(normalized[i:next])
		}
		i = next
		if valid {
			valid = !invalidTweetChar(last)
		}
		if valid && weighted <= xMaxWeighted*xScale {
			validEnd = pos16 - 1
		}
	}

	length := weighted / xScale
	textLen16 := utf16Len(text)
	st := tweetStats{
		WeightedLength: length,
		Valid:          valid && length > 0 && length <= xMaxWeighted,
		Permillage:     length * 1000 / xMaxWeighted,
		ValidRangeEnd:  validEnd + textLen16 - pos16,
	}
	if textLen16 > 0 {
		st.DisplayRangeEnd = textLen16 - 1
	}
	return st
}

// runeWeight is the scaled weight of one code point outside URLs and emoji.
func runeWeight(r rune) int {
	for _, rg := range xRanges {
		if r >= rg.start && r <= rg.end {
			return rg.weight
		}
	}
	return xDefaultWeight
}

// invalidTweetChar reports twitter-text's invalid characters.
func invalidTweetChar(r rune) bool {
	return r == 0xFFFE || r == 0xFEFF || r == 0xFFFF
}

// utf16Len is the length of s in UTF-16 code units, the unit twitter-text
// reports ranges in.
func utf16Len(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}
