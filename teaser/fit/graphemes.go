package fit

import (
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// graphemeCount counts the extended grapheme clusters of s like
// uniseg.GraphemeClusterCount, but steps over plain ASCII a byte at a
// time: an ASCII character followed by another is always a whole cluster
// (except CR LF), so uniseg only sees the text around other characters.
// It restarts uniseg at cluster boundaries, which resets no state the
// rules need.
func graphemeCount(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && (i+1 == len(s) || s[i+1] < utf8.RuneSelf && (c != '\r' || s[i+1] != '\n')) {
			n++
			i++
			continue
		}
		cluster, _, _, _ := uniseg.FirstGraphemeClusterInString(s[i:], -1)
		n++
		i += len(cluster)
	}
	return n
}
