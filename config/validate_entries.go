package config

import (
	"fmt"
	"strings"
)

func (v *validator) source(key string, s Source, seen map[string]bool) {
	v.name(key, s.Name, seen)
	switch s.Kind {
	case SourceFolder:
		if s.Path == "" {
			v.add(key+".path", "required for kind folder: the folder of article files")
		}
	case SourceFeed:
		if s.URL == "" {
			v.add(key+".url", "required for kind feed: the RSS, Atom or JSON feed")
		} else {
			v.httpURL(key+".url", s.URL)
		}
	case SourceURLs:
		if len(s.URLs) == 0 {
			v.add(key+".urls", "required for kind urls: a list of article pages")
		}
		for j, u := range s.URLs {
			v.httpURL(fmt.Sprintf("%s.urls[%d]", key, j), u)
		}
	case "":
		v.add(key+".kind", "required: folder, feed or urls")
	default:
		v.add(key+".kind", fmt.Sprintf("%q is not one of folder, feed, urls", s.Kind))
	}
	v.nonNegative(key+".poll", int64(s.Poll))
	v.nonNegative(key+".backfill", int64(s.Backfill))
}

func (v *validator) account(key string, a Account, seen map[string]bool) {
	v.name(key, a.Name, seen)
	if a.Server != "" {
		v.httpURL(key+".server", a.Server)
	}
	switch a.Kind {
	case KindOutbox:
	case KindX:
		v.xCredentials(key, a)
		for _, c := range []struct {
			key string
			n   int
		}{{".daily_cap", a.DailyCap}, {".monthly_cap", a.MonthlyCap}} {
			if c.n < -1 {
				v.add(key+c.key, fmt.Sprintf("must be -1 (no cap) or more, got %d", c.n))
			}
		}
	case KindMastodon:
		v.required(key, "mastodon", map[string]bool{"server": a.Server != "", "access_token": a.AccessToken != ""}, "server", "access_token")
		v.oneOf(key+".visibility", a.Visibility, "public", "unlisted", "private", "direct")
	case KindBluesky:
		v.required(key, "bluesky", map[string]bool{"identifier": a.Identifier != "", "app_password": a.AppPassword != ""}, "identifier", "app_password")
	case "":
		v.add(key+".kind", "required: outbox, x, mastodon or bluesky")
	default:
		v.add(key+".kind", fmt.Sprintf("%q is not one of outbox, x, mastodon, bluesky", a.Kind))
	}
	v.nonNegative(key+".max_chars", int64(a.MaxChars))
	v.nonNegative(key+".hashtags", int64(a.Hashtags))
	v.nonNegative(key+".timeout", int64(a.Timeout))
	if (a.UTM.Medium != "" || a.UTM.Campaign != "") && a.UTM.Source == "" {
		v.add(key+".utm.source", "required when utm.medium or utm.campaign is set")
	}
}

func (v *validator) required(key, kind string, set map[string]bool, names ...string) {
	for _, n := range names {
		if !set[n] {
			v.add(key+"."+n, "required for kind "+kind)
		}
	}
}

// xCredentials accepts OAuth 1.0a (all four values) or OAuth 2.0 (client_id;
// the refresh token comes from `hookline auth x NAME`, which needs the
// account to load before it has one, or from refresh_token).
func (v *validator) xCredentials(key string, a Account) {
	oauth1 := map[string]bool{
		"consumer_key":    a.ConsumerKey != "",
		"consumer_secret": a.ConsumerSecret != "",
		"access_token":    a.AccessToken != "",
		"access_secret":   a.AccessSecret != "",
	}
	order := []string{"consumer_key", "consumer_secret", "access_token", "access_secret"}
	switch {
	case a.ConsumerKey != "" || a.ConsumerSecret != "" || a.AccessSecret != "":
		for _, n := range order {
			if !oauth1[n] {
				v.add(key+"."+n, "required for kind x with OAuth 1.0a (consumer_key, consumer_secret, access_token, access_secret)")
			}
		}
	case a.ClientID != "":
	default:
		v.add(key, "kind x needs credentials: "+strings.Join(order, ", ")+
			" (OAuth 1.0a), or client_id and then `hookline auth x NAME` (OAuth 2.0)")
	}
}
