package fit

import (
	"sort"
	"unicode/utf8"
)

const (
	zwj       = 0x200D
	vs15      = 0xFE0E // text presentation selector
	vs16      = 0xFE0F // emoji presentation selector
	keycapMod = 0x20E3
)

// emojiLen returns the byte length of the emoji sequence s starts with, or
// 0. It follows the semantics of the twemoji parser twitter-text counts
// with: keycaps ([#*0-9] FE0F? 20E3), flag pairs, tag sequences, modifier
// and ZWJ sequences of pictographs count as one emoji; ©, ®, ™ and ♟ only
// with FE0F; a pictograph followed by FE0E is text, not emoji. Where
// twemoji lists specific ZWJ sequences this accepts any pictograph chain,
// so newer sequences count once as they do on current clients.
func emojiLen(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r == '#' || r == '*' || (r >= '0' && r <= '9'):
		i := n
		if r2, n2 := utf8.DecodeRuneInString(s[i:]); r2 == vs16 {
			i += n2
		}
		if r2, n2 := utf8.DecodeRuneInString(s[i:]); r2 == keycapMod {
			return i + n2
		}
		return 0
	case r == vs16:
		return n
	case isRegionalIndicator(r):
		if r2, n2 := utf8.DecodeRuneInString(s[n:]); isRegionalIndicator(r2) {
			return n + n2
		}
		return n
	case r == 0xA9 || r == 0xAE || r == 0x2122 || r == 0x265F:
		if r2, n2 := utf8.DecodeRuneInString(s[n:]); r2 == vs16 {
			return n + n2 + chainLen(s[n+n2:])
		}
		return 0
	case isSkinTone(r):
		return n
	case isPictograph(r):
		if r2, _ := utf8.DecodeRuneInString(s[n:]); r2 == vs15 {
			return 0
		}
		i := n + modifierLen(s[n:])
		i += tagLen(s[i:])
		return i + chainLen(s[i:])
	}
	return 0
}

// chainLen is the length of the "ZWJ pictograph modifier?" links that
// follow an emoji.
func chainLen(s string) int {
	i := 0
	for {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != zwj {
			return i
		}
		r2, n2 := utf8.DecodeRuneInString(s[i+n:])
		if !isPictograph(r2) {
			return i
		}
		i += n + n2
		i += modifierLen(s[i:])
	}
}

// modifierLen is the length of an optional FE0F or skin tone modifier.
func modifierLen(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	if r == vs16 || isSkinTone(r) {
		return n
	}
	return 0
}

// tagLen is the length of a tag sequence (E0020-E007E)+ E007F, as in the
// flags of England, Scotland and Wales, or 0.
func tagLen(s string) int {
	i := 0
	for {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0xE0020 && r <= 0xE007E:
			i += n
		case r == 0xE007F && i > 0:
			return i + n
		default:
			return 0
		}
	}
}

func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

func isSkinTone(r rune) bool { return r >= 0x1F3FB && r <= 0x1F3FF }

// isPictograph reports Extended_Pictographic code points.
func isPictograph(r rune) bool {
	if r < 0xA9 {
		return false
	}
	i := sort.Search(len(extPict), func(i int) bool { return extPict[i][1] >= r })
	return i < len(extPict) && extPict[i][0] <= r
}
