package config

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"
	"unicode"

	"github.com/hookline/hookline/teaser/keyphrase"
)

// MinMaxChars is the least max_chars an account may set: below it no
// teaser, link and hashtag fit, and the number is more likely a typo.
const MinMaxChars = 50

// MaxHashtags is the most hashtags a post may carry (an account's hashtags
// and fixed_hashtags together, teaser.hashtags): more is spam on every
// network.
const MaxHashtags = 10

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
	switch s.FetchArticle {
	case "", FetchAuto, FetchAlways, FetchNever:
	default:
		v.add(key+".fetch_article", fmt.Sprintf("%q is not one of auto, always, never", s.FetchArticle))
	}
}

func (v *validator) account(key string, a Account, seen map[string]bool) {
	v.name(key, a.Name, seen)
	if a.Server != "" {
		v.httpURL(key+".server", a.Server)
	}
	v.nonNegative(key+".max_chars", int64(a.MaxChars))
	if a.MaxChars > 0 && a.MaxChars < MinMaxChars {
		v.add(key+".max_chars", fmt.Sprintf("%d is below %d, too short for a post; raise it, or remove it for the network's limit", a.MaxChars, MinMaxChars))
	}
	v.nonNegative(key+".hashtags", int64(a.Hashtags))
	if n := a.Hashtags + len(a.FixedHashtags); n > MaxHashtags {
		v.add(key+".hashtags", fmt.Sprintf("%d hashtags (with fixed_hashtags) is above %d; lower it", n, MaxHashtags))
	}
	v.nonNegative(key+".timeout", int64(a.Timeout))
	for j, tag := range a.FixedHashtags {
		if !keyphrase.ValidHashtag(tag) {
			v.add(fmt.Sprintf("%s.fixed_hashtags[%d]", key, j), fmt.Sprintf("%q is not a hashtag; write # then up to %d letters, digits or _ with a letter among them, such as #News", tag, keyphrase.MaxHashtagRunes))
		}
	}
	if (a.UTM.Medium != "" || a.UTM.Campaign != "") && a.UTM.Source == "" {
		v.add(key+".utm.source", "required when utm.medium or utm.campaign is set")
	}
}

// writtenKeys are the keys the i-th entry of raw's networks sets.
func writtenKeys(raw map[string]any, i int) []string {
	list, _ := raw["networks"].([]any)
	if i >= len(list) {
		return nil
	}
	m, _ := list[i].(map[string]any)
	return sortedKeys(m)
}

// cleartextServers warns about accounts whose server is http:// on an
// address other than loopback: their token would travel in clear.
func (c *Config) cleartextServers() []Warning {
	var warns []Warning
	for i, a := range c.Networks {
		u, err := url.Parse(a.Server)
		if err != nil || u.Scheme != "http" || isLoopback(u.Hostname()) {
			continue
		}
		warns = append(warns, Warning{Key: fmt.Sprintf("networks[%d].server", i),
			Msg: fmt.Sprintf("%s is http://: the account's credentials would travel in clear; use https://", RedactURL(a.Server))})
	}
	return warns
}

// keywords checks a schedule's include or exclude list: each entry a word
// or phrase with at least one letter or digit.
func (v *validator) keywords(key string, list []string) {
	for j, k := range list {
		if !strings.ContainsFunc(k, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			v.add(fmt.Sprintf("%s[%d]", key, j), fmt.Sprintf("%q has no word to match; write a word or phrase, such as rail strike", k))
		}
	}
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// CheckFolders reports each folder source whose path does not exist or is
// not a folder, naming the key. Load does not check it: a folder may come
// later (a mount) and the daemon retries at each poll; `config check` does.
func (c *Config) CheckFolders() []error {
	var errs []error
	for i, s := range c.Sources {
		if s.Kind != SourceFolder || s.Path == "" {
			continue
		}
		key := fmt.Sprintf("sources[%d].path", i)
		fi, err := os.Stat(s.Path)
		switch {
		case err != nil && os.IsNotExist(err):
			errs = append(errs, &FieldError{Key: key, Msg: fmt.Sprintf("folder %s does not exist; create it or fix the path (relative to the working directory)", s.Path)})
		case err != nil:
			errs = append(errs, &FieldError{Key: key, Msg: fmt.Sprintf("folder %s: %v", s.Path, err)})
		case !fi.IsDir():
			errs = append(errs, &FieldError{Key: key, Msg: fmt.Sprintf("%s is not a folder; name the folder that holds the articles", s.Path)})
		}
	}
	return errs
}
