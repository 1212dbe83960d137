package networks

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/teaser"
	"github.com/hookline/hookline/teaser/fit"
)

type plainPub struct{}

func (plainPub) Publish(context.Context, publish.Post) (publish.Receipt, error) {
	return publish.Receipt{}, nil
}

type limitedPub struct {
	plainPub
	rules fit.Rules
	err   error
}

func (l limitedPub) Rules(context.Context) (fit.Rules, error) { return l.rules, l.err }

func TestRules(t *testing.T) {
	tests := []struct {
		name    string
		acct    config.Account
		pub     publish.Publisher
		want    fit.Rules
		wantErr string
	}{
		{name: "x", acct: config.Account{Kind: "x"}, pub: plainPub{}, want: fit.X()},
		{name: "bluesky", acct: config.Account{Kind: "bluesky"}, pub: plainPub{}, want: fit.Bluesky()},
		{name: "mastodon without limiter", acct: config.Account{Kind: "mastodon"}, pub: plainPub{}, want: fit.Mastodon(0, 0)},
		{name: "outbox has no limit", acct: config.Account{Kind: "outbox"}, pub: plainPub{}, want: fit.Rules{Network: "outbox"}},
		{name: "max_chars overrides", acct: config.Account{Kind: "x", MaxChars: 200}, pub: plainPub{}, want: fit.Rules{Network: "x", Limit: 200, URLLength: 23}},
		{name: "limiter's rules", acct: config.Account{Kind: "mastodon"}, pub: limitedPub{rules: fit.Mastodon(1000, 30)}, want: fit.Mastodon(1000, 30)},
		{name: "max_chars over a limiter's", acct: config.Account{Kind: "mastodon", MaxChars: 200}, pub: limitedPub{rules: fit.Mastodon(1000, 30)}, want: fit.Mastodon(200, 30)},
		{name: "max_chars raises mastodon's", acct: config.Account{Kind: "mastodon", MaxChars: 5000}, pub: limitedPub{rules: fit.Mastodon(1000, 30)}, want: fit.Mastodon(5000, 30)},
		{name: "max_chars raises x's", acct: config.Account{Kind: "x", MaxChars: 25000}, want: fit.Rules{Network: "x", Limit: 25000, URLLength: 23}},
		{name: "max_chars lowers bluesky's", acct: config.Account{Kind: "bluesky", MaxChars: 100}, want: fit.Rules{Network: "bluesky", Limit: 100, MaxBytes: fit.BlueskyMaxBytes}},
		{name: "max_chars never raises bluesky's", acct: config.Account{Kind: "bluesky", MaxChars: 500}, want: fit.Bluesky()},
		{name: "max_chars sets an outbox's", acct: config.Account{Kind: "outbox", MaxChars: 100}, want: fit.Rules{Network: "outbox", Limit: 100}},
		{name: "unknown kind", acct: config.Account{Name: "n", Kind: "myspace"}, wantErr: `n: unknown kind "myspace": want one of outbox, x, mastodon, bluesky`},
		{name: "limiter error", acct: config.Account{Name: "m", Kind: "mastodon"}, pub: limitedPub{err: errors.New("boom")}, wantErr: "m: length rules: boom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Rules(context.Background(), tt.acct, tt.pub)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Errorf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Rules = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

func TestPostFor(t *testing.T) {
	a := &article.Article{
		ID: "a1", URL: "https://example.com/story", Title: "Kim goes to Beijing", Lang: "en",
		Hook: "Kim Jong Un is heading to China.", Image: "https://example.com/i.jpg",
	}
	res := kimResult(a, "Kim Jong Un is heading to China.")
	acct := config.Account{Name: "m", Kind: "mastodon", Hashtags: 2, UTM: config.UTM{Source: "mastodon", Medium: "social"}}
	p, err := PostFor(context.Background(), acct, plainPub{}, res, config.Teaser{Hashtags: 3}, "hl-key")
	if err != nil {
		t.Fatal(err)
	}
	wantLink := "https://example.com/story?utm_source=mastodon&utm_medium=social"
	if p.Link != wantLink || !strings.Contains(p.Text, wantLink) {
		t.Errorf("link %q in %q, want %q", p.Link, p.Text, wantLink)
	}
	if strings.Join(p.Hashtags, " ") != "#KimJongUn #China" {
		t.Errorf("hashtags = %v, want the account's 2", p.Hashtags)
	}
	if p.Account != "m" || p.ArticleID != "a1" || p.IdempotencyKey != "hl-key" || p.Lang != "en" ||
		p.Title != a.Title || p.Image != a.Image || p.Description != a.Hook {
		t.Errorf("post = %+v", p)
	}

	t.Run("no link without a URL", func(t *testing.T) {
		b := *a
		b.URL = ""
		r := res
		r.Article = &b
		p, err := PostFor(context.Background(), acct, plainPub{}, r, config.Teaser{}, "k")
		if err != nil || p.Link != "" || strings.Contains(p.Text, "http") {
			t.Errorf("post %+v, err %v", p, err)
		}
	})
}

func TestHashtags(t *testing.T) {
	tests := []struct {
		acct, teaser, want int
	}{{0, 0, 3}, {0, 5, 5}, {1, 5, 1}}
	for _, tt := range tests {
		if got := Hashtags(config.Account{Hashtags: tt.acct}, config.Teaser{Hashtags: tt.teaser}); got != tt.want {
			t.Errorf("Hashtags(%d, %d) = %d, want %d", tt.acct, tt.teaser, got, tt.want)
		}
	}
}

func TestTeaserOptions(t *testing.T) {
	tests := []struct {
		name  string
		accts []config.Account
		t     config.Teaser
		want  teaser.Options
	}{
		{"no accounts", nil, config.Teaser{Variant: 2}, teaser.Options{Variant: 2}},
		{"defaults", []config.Account{{Name: "a"}}, config.Teaser{}, teaser.Options{Hashtags: config.DefaultHashtags}},
		{"most of any account", []config.Account{{Name: "a", Hashtags: 1}, {Name: "b", Hashtags: 5}, {Name: "c"}},
			config.Teaser{Hashtags: 2, Variant: 1}, teaser.Options{Variant: 1, Hashtags: 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Field by field: teaser.Options may gain fields that are not comparable.
			if got := TeaserOptions(tt.accts, tt.t); got.Variant != tt.want.Variant || got.Hashtags != tt.want.Hashtags {
				t.Errorf("TeaserOptions() = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestDescription(t *testing.T) {
	long := strings.Repeat("Kim Jong Un’s armoured train rolled north. ", 20)
	tests := []struct {
		name, hook string
		paras      []string
		want       string
	}{
		{name: "hook", hook: " The hook.\n", paras: []string{"First."}, want: "The hook."},
		{name: "first paragraph", paras: []string{"First  para.", "Second."}, want: "First para."},
		{name: "none"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := description(tt.hook, tt.paras); got != tt.want {
				t.Errorf("description = %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("cut at a word", func(t *testing.T) {
		got := description(long, nil)
		if len(got) > maxDescription || !utf8.ValidString(got) || !strings.HasSuffix(got, "…") ||
			!strings.HasPrefix(long, strings.TrimSuffix(got, "…")) {
			t.Errorf("description = %q (%d bytes)", got, len(got))
		}
	})
}

// TestPostFor_everyKind builds a post for an account of every kind the
// registry knows, through the publisher Open returns, and checks that the
// keys every kind shares apply to each: max_chars (Bluesky's was once
// ignored: an account with 100 got 300-grapheme posts), hashtags,
// language and utm.
func TestPostFor_everyKind(t *testing.T) {
	long := strings.Repeat("Taxes rise for most households next year. ", 3)
	a := &article.Article{ID: "a1", URL: "https://example.com/story", Title: "Budget", Lang: "en"}
	res := teaser.Result{
		Article: a,
		Teaser: teaser.Teaser{Sentences: []fit.Sentence{
			{Text: "The council approved the new budget after a long debate.", Role: fit.Fact},
			{Text: strings.TrimSpace(long), Role: fit.Stakes},
		}},
		Hashtags: []string{"#Budget", "#Council", "#Debate"},
	}
	creds := map[string]config.Account{
		"outbox":   {Path: t.TempDir() + "/out.jsonl"},
		"x":        {ConsumerKey: "ck", ConsumerSecret: "cs", AccessToken: "at", AccessSecret: "as"},
		"mastodon": {Server: "http://127.0.0.1:1", AccessToken: "t"}, // unreachable: the defaults apply
		"bluesky":  {Identifier: "alice.test", AppPassword: "p"},
	}
	for _, kind := range Kinds() {
		t.Run(kind, func(t *testing.T) {
			acct, ok := creds[kind]
			if !ok {
				t.Fatalf("no test account for kind %s: add one", kind)
			}
			acct.Name, acct.Kind = "acct-"+kind, kind
			acct.MaxChars, acct.Hashtags, acct.Language = 100, 1, "fr"
			acct.UTM = config.UTM{Source: "hookline"}
			pub, err := Open(t.Context(), acct, Deps{})
			if err != nil {
				t.Fatal(err)
			}
			d, err := PostFor(t.Context(), acct, pub, res, config.Teaser{Hashtags: 3}, "k")
			if err != nil {
				t.Fatal(err)
			}
			r, _ := Rules(t.Context(), acct, nil)
			if d.Limit != 100 || d.Length > 100 || r.Count(d.Text) != d.Length {
				t.Errorf("length %d (counted %d) of limit %d, want at most 100:\n%s", d.Length, r.Count(d.Text), d.Limit, d.Text)
			}
			acct.MaxChars = 0
			if d, err = PostFor(t.Context(), acct, pub, res, config.Teaser{Hashtags: 3}, "k"); err != nil {
				t.Fatal(err)
			}
			if len(d.Hashtags) != 1 || d.Lang != "fr" || d.Link != "https://example.com/story?utm_source=hookline" {
				t.Errorf("hashtags %v, lang %q, link %q; want 1 hashtag, fr, the link with utm_source", d.Hashtags, d.Lang, d.Link)
			}
		})
	}
}

func TestPostFor_languageDefaultsToArticle(t *testing.T) {
	res := teaser.Result{Article: &article.Article{ID: "a", Lang: "de"}, Teaser: teaser.Teaser{Sentences: []fit.Sentence{{Text: "Ein Satz.", Role: fit.Fact}}}}
	d, err := PostFor(t.Context(), config.Account{Name: "o", Kind: "outbox"}, nil, res, config.Teaser{}, "k")
	if err != nil || d.Lang != "de" {
		t.Errorf("lang %q, %v; want the article's de", d.Lang, err)
	}
}

type limitsCache map[string][2]int

func (c limitsCache) InstanceLimits(_ context.Context, server string) (int, int, string, time.Time, bool, error) {
	l, ok := c[server]
	return l[0], l[1], "", time.Unix(0, 0), ok, nil
}

func (c limitsCache) SetInstanceLimits(_ context.Context, server string, maxChars, urlLength int, _ string, _ time.Time) error {
	c[server] = [2]int{maxChars, urlLength}
	return nil
}

// TestCachedRules checks that commands that do not reach the network
// count by what the account's publisher learned (a Mastodon instance's
// 5,000 characters, however old), then max_chars; other kinds by their
// defaults.
func TestCachedRules(t *testing.T) {
	cache := limitsCache{"https://m.example": {5000, 30}}
	masto := config.Account{Name: "m", Kind: "mastodon", Server: "https://m.example/", AccessToken: "t"}
	for _, tc := range []struct {
		name  string
		acct  config.Account
		cache LimitsCache
		want  fit.Rules
	}{
		{"learned", masto, cache, fit.Mastodon(5000, 30)},
		{"nothing learned", config.Account{Name: "m", Kind: "mastodon", Server: "https://other.example", AccessToken: "t"}, cache, fit.Mastodon(0, 0)},
		{"no cache", masto, nil, fit.Mastodon(0, 0)},
		{"max_chars over the learned", func() config.Account { a := masto; a.MaxChars = 800; return a }(), cache, fit.Mastodon(800, 30)},
		{"a kind that learns nothing", config.Account{Name: "b", Kind: "bluesky"}, cache, fit.Bluesky()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := CachedRules(t.Context(), tc.acct, tc.cache)
			if err != nil || got != tc.want {
				t.Errorf("CachedRules = %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}
