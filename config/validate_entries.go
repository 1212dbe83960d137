package config

import "fmt"

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
	if a.Kind == "" {
		v.add(key+".kind", "required: the network, such as outbox")
	}
	v.nonNegative(key+".max_chars", int64(a.MaxChars))
	v.nonNegative(key+".hashtags", int64(a.Hashtags))
	v.nonNegative(key+".timeout", int64(a.Timeout))
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
