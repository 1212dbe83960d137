package mastodon

import (
	"strconv"
	"strings"
)

// KeySupport tells from an instance's reported version whether it honours
// the Idempotency-Key header of POST /api/v1/statuses: known is false when
// the version says nothing (empty, or not a version). Mastodon has honoured
// the key since 2.x (it reports a plain "4.3.2", forks "4.2.0+glitch");
// Pleroma and Akkoma honour it too and report "2.7.2 (compatible; Pleroma
// 2.6.0)"; other servers that speak the API report themselves as
// compatible, or with a version of their own below 2 (GoToSocial's 0.x),
// and are taken not to.
func KeySupport(version string) (known, honoured bool) {
	version = strings.TrimSpace(version)
	if _, software, ok := strings.Cut(version, "(compatible;"); ok {
		software = strings.ToLower(software)
		return true, strings.Contains(software, "pleroma") || strings.Contains(software, "akkoma")
	}
	major, _, ok := strings.Cut(version, ".")
	if !ok {
		return false, false
	}
	n, err := strconv.Atoi(major)
	if err != nil || n < 0 {
		return false, false
	}
	return true, n >= 2
}
