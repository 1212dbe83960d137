package fit

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/publicsuffix"
)

// isTLD reports whether label (any case, Unicode or ASCII) is a top-level
// domain delegated by ICANN, per the Public Suffix List bundled with
// golang.org/x/net. twitter-text keeps its own copy of the IANA list; the
// two differ only in TLDs added or retired since.
func isTLD(label string) bool {
	if label == "" || len(label) > 64 {
		return false
	}
	key := label
	if !isLowerASCII(label) {
		if isASCII(label) {
			key = strings.ToLower(label)
		} else {
			var buf [80]byte
			enc, ok := appendPunycode(append(buf[:0], "xn--"...), strings.Map(unicode.ToLower, label))
			if !ok {
				return false
			}
			key = string(enc)
		}
	}
	tldCache.RLock()
	is, ok := tldCache.m[key]
	tldCache.RUnlock()
	if ok {
		return is
	}
	ps, icann := publicsuffix.PublicSuffix(key)
	is = icann && ps == key
	tldCache.Lock()
	if len(tldCache.m) < maxTLDCache {
		tldCache.m[strings.Clone(key)] = is
	}
	tldCache.Unlock()
	return is
}

// maxTLDCache bounds tldCache: labels come from any text.
const maxTLDCache = 4096

// tldCache remembers isTLD's answers by lowercase ASCII label: the Public
// Suffix lookup parses each label as an IP address first, which allocates.
var tldCache = struct {
	sync.RWMutex
	m map[string]bool
}{m: map[string]bool{}}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// punycodeLen is the length of label as punycode's toASCII gives it: ASCII
// labels unchanged, others "xn--" and their RFC 3492 encoding.
func punycodeLen(label string) int {
	if isASCII(label) {
		return len(label)
	}
	var buf [128]byte
	enc, ok := appendPunycode(append(buf[:0], "xn--"...), label)
	if !ok {
		return maxLabelLength + 1
	}
	return len(enc)
}

// RFC 3492 parameters.
const (
	pcBase        = 36
	pcTMin        = 1
	pcTMax        = 26
	pcSkew        = 38
	pcDamp        = 700
	pcInitialBias = 72
	pcInitialN    = 128
)

// appendPunycode appends the RFC 3492 encoding of s to dst.
func appendPunycode(dst []byte, s string) ([]byte, bool) {
	var runes [256]rune
	rs := runes[:0]
	for _, r := range s {
		if len(rs) == cap(rs) {
			return dst, false
		}
		rs = append(rs, r)
	}
	basic := 0
	for _, r := range rs {
		if r < 0x80 {
			dst = append(dst, byte(r))
			basic++
		}
	}
	h := basic
	if basic > 0 {
		dst = append(dst, '-')
	}
	n, delta, bias := rune(pcInitialN), 0, pcInitialBias
	for h < len(rs) {
		m := rune(0x10FFFF + 1)
		for _, r := range rs {
			if r >= n && r < m {
				m = r
			}
		}
		delta += int(m-n) * (h + 1)
		n = m
		for _, r := range rs {
			if r < n {
				delta++
			}
			if r != n {
				continue
			}
			q := delta
			for k := pcBase; ; k += pcBase {
				t := k - bias
				t = max(pcTMin, min(t, pcTMax))
				if q < t {
					break
				}
				dst = append(dst, punyDigit(t+(q-t)%(pcBase-t)))
				q = (q - t) / (pcBase - t)
			}
			dst = append(dst, punyDigit(q))
			bias = punyAdapt(delta, h+1, h == basic)
			delta = 0
			h++
		}
		delta++
		n++
	}
	return dst, true
}

func punyDigit(d int) byte {
	if d < 26 {
		return byte('a' + d)
	}
	return byte('0' + d - 26)
}

func punyAdapt(delta, numPoints int, first bool) int {
	if first {
		delta /= pcDamp
	} else {
		delta /= 2
	}
	delta += delta / numPoints
	k := 0
	for delta > ((pcBase-pcTMin)*pcTMax)/2 {
		delta /= pcBase - pcTMin
		k += pcBase
	}
	return k + (pcBase-pcTMin+1)*delta/(delta+pcSkew)
}
