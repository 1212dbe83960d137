package networks

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/teaser/fit"
	"github.com/hookline/hookline/teaser/keyphrase"
)

// Edit checks text, written by a person, as the new text of post p for
// acct and returns the post with it: its length counted by rules (the
// account's, from Rules or CachedRules) against their limit, each #hashtag valid on
// every network (letters, marks, digits and _, with a letter, at most
// keyphrase.MaxHashtagRunes), the link kept only where the text still
// holds it. Hashtags and link are taken from the text, so the facets a
// Bluesky publisher computes from them match what the person wrote. Text
// that does not fit is refused, not cut: the error says by how much.
func Edit(acct config.Account, rules fit.Rules, p publish.Post, text string) (Draft, error) {
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	if text == "" {
		return Draft{}, fmt.Errorf("%s: the text is empty", acct.Name)
	}
	if !utf8.ValidString(text) {
		return Draft{}, fmt.Errorf("%s: the text is not valid UTF-8", acct.Name)
	}
	n := rules.Count(text)
	if !rules.Fits(text) {
		if rules.MaxBytes > 0 && len(text) > rules.MaxBytes {
			return Draft{}, fmt.Errorf("%s: %d bytes, over the limit of %d; shorten it", acct.Name, len(text), rules.MaxBytes)
		}
		return Draft{}, fmt.Errorf("%s: %d/%d characters as %s counts them, %d too many; shorten it", acct.Name, n, rules.Limit,
			acct.Kind, n-rules.Limit)
	}
	tags, err := textHashtags(text)
	if err != nil {
		return Draft{}, fmt.Errorf("%s: %w", acct.Name, err)
	}
	p.Text, p.Hashtags = text, tags
	if p.Link != "" && !strings.Contains(text, p.Link) {
		p.Link = ""
	}
	return Draft{Post: p, Length: n, Limit: rules.Limit}, nil
}

// textHashtags returns the #hashtags standing as words in text, each once,
// or an error naming the first one that is not valid.
func textHashtags(text string) ([]string, error) {
	var tags []string
	seen := map[string]bool{}
	for _, w := range strings.Fields(text) {
		if !strings.HasPrefix(w, "#") || strings.Contains(w, "://") {
			continue
		}
		tag := strings.TrimRightFunc(w, func(r rune) bool { return strings.ContainsRune(".,;:!?)»\"'…", r) })
		if !keyphrase.ValidHashtag(tag) {
			return nil, fmt.Errorf("hashtag %s is not valid: use letters, digits and _ only, with a letter, at most %d characters", tag, keyphrase.MaxHashtagRunes)
		}
		if !seen[strings.ToLower(tag)] {
			seen[strings.ToLower(tag)] = true
			tags = append(tags, tag)
		}
	}
	return tags, nil
}
