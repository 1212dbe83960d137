package fit

import (
	"net/url"
	"strings"
)

// AddUTM returns link with utm_source, utm_medium and utm_campaign query
// parameters added (empty ones left out), keeping its existing query,
// parameters the link already has and its fragment. It returns link
// unchanged when source is empty or link is not an absolute URL.
func AddUTM(link, source, medium, campaign string) string {
	if source == "" {
		return link
	}
	u, err := url.Parse(link)
	if err != nil || u.Scheme == "" || u.Host == "" || u.Opaque != "" {
		return link
	}
	have, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		have = url.Values{}
	}
	var add []string
	for _, p := range [...]struct{ key, value string }{
		{"utm_source", source}, {"utm_medium", medium}, {"utm_campaign", campaign},
	} {
		if p.value != "" && !have.Has(p.key) {
			add = append(add, p.key+"="+url.QueryEscape(p.value))
		}
	}
	if len(add) == 0 {
		return link
	}
	extra := strings.Join(add, "&")
	if u.RawQuery == "" {
		u.RawQuery = extra
	} else {
		u.RawQuery = strings.TrimSuffix(u.RawQuery, "&") + "&" + extra
	}
	u.ForceQuery = false
	return u.String()
}
