package bluesky

import (
	"crypto/sha256"
	"encoding/binary"
	"time"
)

// tidAlphabet is atproto's base32-sortable alphabet.
const tidAlphabet = "234567abcdefghijklmnopqrstuvwxyz"

// tidEpoch and tidSpan place derived TIDs' timestamps between 2023-01-01
// and 2025-03: plausible times in the past, so that record keys sort
// among those of other clients and are never taken for future TIDs,
// which atproto syncers are advised to distrust (for commit revs).
var tidEpoch = time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).UnixMicro()

const tidSpan = 1 << 46 // microseconds, about 2.2 years

// TID returns the atproto TID (timestamp identifier) of a microsecond Unix
// timestamp and a 10-bit clock id: 13 base32-sortable characters encoding
// a 64-bit integer whose top bit is 0, then 53 bits of timestamp, then 10
// bits of clock id.
func TID(micros int64, clockID uint16) string {
	v := uint64(micros)&(1<<53-1)<<10 | uint64(clockID&0x3ff)
	var b [13]byte
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = tidAlphabet[v&31]
		v >>= 5
	}
	return string(b[:])
}

// RecordKey returns the record key of the post with idempotency key key: a
// TID whose timestamp and clock id come from the key's SHA-256, so that
// sending the same post again creates the same record, which the PDS
// refuses as a duplicate instead of posting twice.
func RecordKey(key string) string {
	sum := sha256.Sum256([]byte("hookline bluesky rkey\x00" + key))
	h := binary.BigEndian.Uint64(sum[:8])
	micros := tidEpoch + int64(h%tidSpan)
	clockID := uint16(binary.BigEndian.Uint16(sum[8:10]) & 0x3ff)
	return TID(micros, clockID)
}

// validTID reports whether s has the syntax of a TID.
func validTID(s string) bool {
	if len(s) != 13 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('2' <= c && c <= '7' || 'a' <= c && c <= 'z') {
			return false
		}
	}
	// The top bit is 0: the first character is one of the first 16.
	return s[0] >= '2' && s[0] <= '7' || s[0] >= 'a' && s[0] <= 'j'
}
