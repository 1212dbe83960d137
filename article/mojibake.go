package article

import (
	"strings"
	"unicode/utf8"
)

// cp1252Byte maps the characters Windows-1252 puts at 0x80–0x9F back to
// their byte; see cp1252.
var cp1252Byte = func() map[rune]byte {
	m := make(map[rune]byte, len(cp1252))
	for i, r := range cp1252 {
		if r != 0 {
			m[r] = byte(0x80 + i)
		}
	}
	return m
}()

// latin1Byte returns the byte r stands for when UTF-8 text was read as
// Latin-1 or Windows-1252, or false.
func latin1Byte(r rune) (byte, bool) {
	if r >= 0xA0 && r < 0x100 {
		return byte(r), true
	}
	b, ok := cp1252Byte[r]
	return b, ok
}

// fixMojibake repairs UTF-8 text that was once read as Latin-1 or
// Windows-1252: "Â£3.5m" is "£3.5m", "didnâ€™t" is "didn’t", "CafÃ©"
// is "Café". Only a run whose bytes form one valid multi-byte UTF-8
// character is replaced, so text in any language that merely uses these
// letters ("Â" alone, "Ã" before a space) stays as it is.
func fixMojibake(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r >= 0xC2 && r <= 0xF4 }) < 0 {
		return s // no letter that can lead a repaired run
	}
	var b strings.Builder
	changed := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if lead, ok := latin1Byte(r); ok && lead >= 0xC2 && lead <= 0xF4 {
			want := 2
			switch {
			case lead >= 0xF0:
				want = 4
			case lead >= 0xE0:
				want = 3
			}
			buf := []byte{lead}
			j := i + n
			for len(buf) < want && j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				c, ok := latin1Byte(r2)
				if !ok || c < 0x80 || c > 0xBF {
					break
				}
				buf = append(buf, c)
				j += n2
			}
			if len(buf) == want {
				if dec, size := utf8.DecodeRune(buf); dec != utf8.RuneError && size == want {
					if !changed {
						b.Grow(len(s))
						b.WriteString(s[:i])
						changed = true
					}
					b.WriteRune(dec)
					i = j
					continue
				}
			}
		}
		if changed {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	if !changed {
		return s
	}
	return b.String()
}
