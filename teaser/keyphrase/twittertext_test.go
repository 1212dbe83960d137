package keyphrase

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"gopkg.in/yaml.v3"
)

// This file holds a small re-implementation of twitter-text's hashtag
// extraction (extract.yml is its conformance suite), used to prove that every
// tag Hashtag makes is linked whole on X, and Mastodon's hashtag pattern.

// xSpecials are the non-letter characters twitter-text allows in a hashtag
// (hashtagSpecialChars in twitter-text's regexp source).
const xSpecials = "_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\u00b7"

func xAlpha(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.M, r) }

func xAlnum(r rune) bool {
	return xAlpha(r) || unicode.Is(unicode.Nd, r) || strings.ContainsRune(xSpecials, r)
}

// xHashtag is one extracted hashtag with its code-point offsets.
type xHashtag struct {
	Tag        string
	Start, End int
}

// extractXHashtags follows twitter-text's validHashtag regexp: a "#" or "＃"
// not preceded by an alphanumeric or "&" (FE0E/FE0F variation selectors are
// allowed before it), not followed by FE0F or 20E3, then a run of
// alphanumerics holding at least one letter, not followed by another hash or
// "://". Tags inside a URL are dropped, as extractHashtags does; URLs are
// recognised simply here (a word with "://" or "domain.tld/" before the hash).
func extractXHashtags(text string) []xHashtag {
	rs := []rune(text)
	var out []xHashtag
	for i := 0; i < len(rs); i++ {
		if rs[i] != '#' && rs[i] != '＃' {
			continue
		}
		if i > 0 {
			p := rs[i-1]
			if (xAlnum(p) || p == '&') && p != '\ufe0e' && p != '\ufe0f' {
				continue
			}
		}
		if i+1 < len(rs) && (rs[i+1] == '\ufe0f' || rs[i+1] == '\u20e3') {
			continue
		}
		j, alpha := i+1, false
		for j < len(rs) && xAlnum(rs[j]) {
			alpha = alpha || xAlpha(rs[j])
			j++
		}
		if !alpha {
			continue
		}
		if rest := string(rs[j:]); strings.HasPrefix(rest, "#") || strings.HasPrefix(rest, "＃") || strings.HasPrefix(rest, "://") {
			i = j - 1
			continue
		}
		if !inURL(rs, i) {
			out = append(out, xHashtag{Tag: string(rs[i+1 : j]), Start: i, End: j})
		}
		i = j - 1
	}
	return out
}

var urlPrefix = regexp.MustCompile(`(?i)(://|[a-z0-9-]+\.[a-z]{2,}/)`)

// inURL reports whether the hash at rs[i] sits inside a URL-like word.
func inURL(rs []rune, i int) bool {
	s := i
	for s > 0 && !unicode.IsSpace(rs[s-1]) {
		s--
	}
	return urlPrefix.MatchString(string(rs[s:i]))
}

// mastodonTag matches a hashtag body Mastodon links: word characters and
// underscores with at least one letter (the last alternative of its
// HASHTAG_NAME_PAT, the one that tags without "·" separators take).
var mastodonTag = regexp.MustCompile(`^[\p{L}\p{M}\p{Nd}_]*\p{L}[\p{L}\p{M}\p{Nd}_]*$`)

// checkTag fails t unless tag ("#" + body) is extracted whole by X and
// matches Mastodon's pattern, in the middle of a sentence and at its end.
func checkTag(t testing.TB, tag string) {
	t.Helper()
	body, ok := strings.CutPrefix(tag, "#")
	if !ok {
		t.Fatalf("%q does not start with #", tag)
	}
	for _, text := range []string{"Read more " + tag + " now", "Read more\n" + tag, tag + ", then"} {
		got := extractXHashtags(text)
		if len(got) != 1 || got[0].Tag != body {
			t.Errorf("X extracts %+v from %q, want exactly %q", got, text, body)
		}
	}
	if !mastodonTag.MatchString(body) {
		t.Errorf("%q is not a Mastodon hashtag", tag)
	}
}

type extractSpec struct {
	Tests struct {
		Hashtags            []extractCase `yaml:"hashtags"`
		HashtagsFromAstral  []extractCase `yaml:"hashtags_from_astral"`
		HashtagsWithIndices []struct {
			Description string `yaml:"description"`
			Text        string `yaml:"text"`
			Expected    []struct {
				Hashtag string `yaml:"hashtag"`
				Indices []int  `yaml:"indices"`
			} `yaml:"expected"`
		} `yaml:"hashtags_with_indices"`
	} `yaml:"tests"`
}

type extractCase struct {
	Description string   `yaml:"description"`
	Text        string   `yaml:"text"`
	Expected    []string `yaml:"expected"`
}

// TestExtractXHashtags_Conformance runs twitter-text's hashtag cases from
// extract.yml against the checker, so that checkTag means what X does.
func TestExtractXHashtags_Conformance(t *testing.T) {
	b, err := os.ReadFile("../../../shared/specs/twitter-text/extract.yml")
	if err != nil {
		t.Fatalf("read twitter-text extract.yml: %v", err)
	}
	var spec extractSpec
	if err := yaml.Unmarshal(b, &spec); err != nil {
		t.Fatalf("parse extract.yml: %v", err)
	}
	cases := append(spec.Tests.Hashtags, spec.Tests.HashtagsFromAstral...)
	if len(cases) < 50 || len(spec.Tests.HashtagsWithIndices) < 5 {
		t.Fatalf("extract.yml has only %d hashtag cases: wrong file?", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Description, func(t *testing.T) {
			var got []string
			for _, h := range extractXHashtags(c.Text) {
				got = append(got, h.Tag)
			}
			if strings.Join(got, "\x00") != strings.Join(c.Expected, "\x00") {
				t.Errorf("text %q: got %q, want %q", c.Text, got, c.Expected)
			}
		})
	}
	for _, c := range spec.Tests.HashtagsWithIndices {
		t.Run(c.Description, func(t *testing.T) {
			got := extractXHashtags(c.Text)
			if len(got) != len(c.Expected) {
				t.Fatalf("text %q: got %+v, want %+v", c.Text, got, c.Expected)
			}
			for i, want := range c.Expected {
				if got[i].Tag != want.Hashtag || got[i].Start != want.Indices[0] || got[i].End != want.Indices[1] {
					t.Errorf("text %q: hashtag %d = %+v, want %+v", c.Text, i, got[i], want)
				}
			}
		})
	}
}
