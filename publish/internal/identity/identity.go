// Package identity writes the parts of an account's identity that the
// network kinds share: a server's address in one form, and a digest that
// names a credential without holding it. An identity says which real
// account a config entry posts as, so that renaming the entry changes
// nothing and two entries for one account are refused (see
// publish/networks.Identity).
package identity

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"net"
	"net/url"
	"strings"
)

// Server is raw, a server's base URL, in one form: scheme and host
// lower-cased, the scheme's default port and a trailing slash dropped.
// Text that is not such a URL is only lower-cased and trimmed of trailing
// slashes.
func Server(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Scheme == "" || u.Host == "" {
		return strings.TrimRight(strings.ToLower(strings.TrimSpace(raw)), "/")
	}
	scheme, host := strings.ToLower(u.Scheme), strings.ToLower(u.Hostname())
	if port := u.Port(); port != "" && !(scheme == "https" && port == "443" || scheme == "http" && port == "80") {
		host = net.JoinHostPort(host, port)
	} else if strings.Contains(host, ":") {
		host = "[" + host + "]" // IPv6, without its port
	}
	return scheme + "://" + host + strings.TrimRight(u.EscapedPath(), "/")
}

// digestLen is how many hex digits of a SHA-256 a digest keeps: 64 bits,
// enough to tell any two credentials of one config apart.
const digestLen = 16

// Digest names credentials without holding them: "sha256:" and the first
// 16 hex digits of the SHA-256 of parts, each prefixed by its length so
// that ("ab", "c") and ("a", "bc") differ. Credentials are long random
// strings, so the digest cannot be turned back into them.
func Digest(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		_ = binary.Write(h, binary.BigEndian, uint64(len(p)))
		h.Write([]byte(p))
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))[:digestLen]
}
