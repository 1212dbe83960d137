package networks

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/teaser"
	"github.com/hookline/hookline/teaser/fit"
)

func TestPostHashtags(t *testing.T) {
	chosen := []string{"#KimJongUn", "#China", "#Beijing"}
	tests := []struct {
		name  string
		fixed []string
		n     int
		want  []string
	}{
		{"no fixed", nil, 2, []string{"#KimJongUn", "#China"}},
		{"fixed first", []string{"#News"}, 2, []string{"#News", "#KimJongUn", "#China"}},
		{"a chosen one already fixed is not repeated", []string{"#china"}, 2, []string{"#china", "#KimJongUn", "#Beijing"}},
		{"fixed only", []string{"#News", "#World"}, -1, []string{"#News", "#World"}},
		{"more wanted than chosen", []string{"#News"}, 10, []string{"#News", "#KimJongUn", "#China", "#Beijing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := postHashtags(tt.fixed, chosen, tt.n); !slices.Equal(got, tt.want) {
				t.Errorf("postHashtags = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestPostFor_fixedHashtags: fixed hashtags go on every post, before the
// chosen ones, in the default layout and in a template; as the limit
// tightens the chosen ones go first, and no post is ever over its limit.
func TestPostFor_fixedHashtags(t *testing.T) {
	a := &article.Article{ID: "a1", URL: "https://example.com/story", Title: "Kim goes to Beijing"}
	res := kimResult(a, "Kim Jong Un is heading to China for a parade in Beijing next week.")
	for _, tmpl := range []string{"", "{title} {link} {hashtags}", "{teaser} {hashtags}\n{link}"} {
		t.Run("template "+tmpl, func(t *testing.T) {
			acct := config.Account{Name: "o", Kind: "outbox", Hashtags: 2, FixedHashtags: []string{"#News"}, Template: tmpl}
			p, err := PostFor(context.Background(), acct, nil, res, config.Teaser{}, "k")
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(p.Hashtags, " "); got != "#News #KimJongUn #China" {
				t.Errorf("hashtags = %q, want #News then the account's 2", got)
			}
			if !strings.Contains(p.Text, "#News #KimJongUn #China") {
				t.Errorf("text %q lacks the hashtags", p.Text)
			}
			sawFixedOnly := false
			for limit := 150; limit >= 40; limit-- {
				acct.MaxChars = limit
				p, err := PostFor(context.Background(), acct, nil, res, config.Teaser{}, "k")
				if err != nil {
					continue // nothing fits: an error, never a long post
				}
				if p.Length > limit || utf8Len(p.Text) > limit {
					t.Fatalf("limit %d: post of %d: %q", limit, p.Length, p.Text)
				}
				if len(p.Hashtags) > 0 && p.Hashtags[0] != "#News" {
					t.Fatalf("limit %d: hashtags %v: the fixed one was dropped before a chosen one", limit, p.Hashtags)
				}
				sawFixedOnly = sawFixedOnly || slices.Equal(p.Hashtags, []string{"#News"})
			}
			if !sawFixedOnly {
				t.Error("no limit kept #News alone: chosen hashtags are not dropped first")
			}
		})
	}
}

func utf8Len(s string) int { return len([]rune(s)) }

// kimResult is a teaser of a: the fact, a closing question and three hashtags.
func kimResult(a *article.Article, fact string) teaser.Result {
	return teaser.Result{
		Article: a,
		Teaser: teaser.Teaser{Sentences: []fit.Sentence{
			{Text: fact, Role: fit.Fact},
			{Text: "Why now?", Role: fit.Question},
		}},
		Hashtags: []string{"#KimJongUn", "#China", "#Beijing"},
	}
}
