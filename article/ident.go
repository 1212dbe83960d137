package article

import (
	"net"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
)

// An article's ID says which story it is, so that an edit is the same
// article (its Hash changes, its ID does not). In order of preference:
//
//   - its canonical URL, normalised by CanonicalURL;
//   - a feed item without a link: its GUID, namespaced by the feed source
//     (FeedItemID), so two feeds cannot collide;
//   - a file read by a folder source: its path below the folder, namespaced
//     by the source (FolderFileID);
//   - a file posted by hand (`hookline post FILE`) that lies outside every
//     folder source: its absolute path as a file:// URL (localFileID);
//   - standard input, which has no name: its content hash (stdinID), the one
//     case where an edit makes a new article.
//
// The content hash only decides whether the article changed.

// trackingParams are query parameters that say how a reader came to a page,
// not which page it is. Parameters starting with "utm_" are dropped too.
var trackingParams = []string{
	"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
	"mc_cid", "mc_eid", "igshid", "igsh", "ref_src", "ref_url", "_hsenc", "_hsmi", "mkt_tok",
	"oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "s_cid", "cmpid",
}

// isTracking reports whether the query parameter named key is a tracking
// parameter (compared case-insensitively).
func isTracking(key string) bool {
	key = strings.ToLower(key)
	return strings.HasPrefix(key, "utm_") || slices.Contains(trackingParams, key)
}

// CanonicalURL returns the form of raw that identifies a story, or "" when
// raw is not an absolute http(s) URL. It is the one place the rule lives:
//
//   - the scheme is https (http is taken as the same page);
//   - the host is lower-case, without a leading "www." or a trailing dot,
//     and without the default port (80, 443);
//   - user name and password are dropped;
//   - a trailing slash is dropped, so "/" and "" are the same root;
//   - the fragment is dropped;
//   - tracking parameters are dropped (utm_*, fbclid, gclid, mc_cid, mc_eid,
//     igshid, ref_src and the others in trackingParams); the parameters that
//     remain are sorted, so their order does not matter.
//
// The path and the remaining parameters keep their case and escaping: on
// most servers they are part of what names the page.
func CanonicalURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	default:
		return ""
	}
	host, port := strings.ToLower(u.Hostname()), u.Port()
	host = strings.TrimSuffix(host, ".")
	host = strings.TrimPrefix(host, "www.")
	if host == "" {
		return ""
	}
	if port == "80" || port == "443" {
		port = ""
	}
	if port != "" {
		host = net.JoinHostPort(host, port)
	} else if strings.Contains(host, ":") {
		host = "[" + host + "]" // IPv6 literal
	}
	var kept []string
	for _, kv := range strings.Split(u.RawQuery, "&") {
		k, _, _ := strings.Cut(kv, "=")
		if kv == "" {
			continue
		}
		if key, err := url.QueryUnescape(k); err == nil && isTracking(key) {
			continue
		}
		kept = append(kept, kv)
	}
	slices.Sort(kept)
	out := "https://" + host + strings.TrimRight(u.EscapedPath(), "/")
	if len(kept) > 0 {
		out += "?" + strings.Join(kept, "&")
	}
	return out
}

// FeedItemID is the ID of a feed item without a usable link: its GUID,
// namespaced by the configured source name.
func FeedItemID(source, guid string) string { return "feed:" + source + ":" + strings.TrimSpace(guid) }

// FolderFileID is the ID of a file without a URL read by the folder source
// named source: its path relative to the folder, with forward slashes.
func FolderFileID(source, rel string) string { return "folder:" + source + ":" + filepath.ToSlash(rel) }

// localFileID is the ID of a file without a URL that no folder source
// holds: its absolute path as a file:// URL.
func localFileID(abs string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// stdinID is the ID of an article without a URL read from standard input:
// nothing but its content names it, so it is the content hash.
func stdinID(hash string) string { return "stdin:sha256:" + hash }
