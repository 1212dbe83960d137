package networks

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/teaser"
	"github.com/hookline/hookline/teaser/fit"
)

func TestCheckTemplate(t *testing.T) {
	for tmpl, want := range map[string]string{
		"":                               "",
		"{title}: {teaser} {link}":       "",
		"{title}\n\n{link}\n{hashtags}":  "",
		"{teaser}":                       "",
		"{link} {hashtags}":              "holds neither {teaser} nor {title}",
		"{title} {url}":                  "{url} is not a placeholder; use {teaser}, {title}, {link}, {hashtags}",
		"{Teaser}":                       "{Teaser} is not a placeholder",
		"Read: {teaser} (via {source}) ": "{source} is not a placeholder",
	} {
		err := CheckTemplate(tmpl)
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("CheckTemplate(%q) = %v, want %q", tmpl, err, want)
		}
	}
	warns, _, err := CheckAccount(config.Account{Name: "o", Kind: "outbox", Template: "{body}"}, []string{"template"})
	var fe *config.FieldError
	if len(warns) != 0 || !errors.As(err, &fe) || fe.Key != "template" {
		t.Errorf("CheckAccount with a bad template: %v, %v; want a template problem", warns, err)
	}
}

func templateResult() teaser.Result {
	return teaser.Result{
		Article: &article.Article{ID: "a1", URL: "https://example.com/story", Title: "Council passes  budget", Lang: "en"},
		Teaser: teaser.Teaser{Sentences: []fit.Sentence{
			{Text: "The council approved the new budget after a long debate.", Role: fit.Fact},
			{Text: "Taxes rise for most households next year.", Role: fit.Stakes},
			{Text: "Will you pay more?", Role: fit.Question},
		}},
		Hashtags: []string{"#Budget", "#Council", "#Taxes"},
	}
}

// TestPostFor_template lays a post out by a template on every kind: the
// title, link and hashtags where the template puts them, the teaser fitted
// to what they leave, parts dropped (question, stakes, hashtags) before
// anything is cut, and never over the limit.
func TestPostFor_template(t *testing.T) {
	res := templateResult()
	link := "https://example.com/story"
	tests := []struct {
		name     string
		tmpl     string
		maxChars int
		want     map[string]string // kind → text; "" for every kind's
	}{
		{name: "title, teaser, link", tmpl: "{title}: {teaser}\n{link}", want: map[string]string{"": "Council passes budget: The council approved the new budget after a long debate. Taxes rise for most households next year. Will you pay more?\n" + link}},
		{name: "feed2toot style", tmpl: "{title} {link}", want: map[string]string{"": "Council passes budget " + link}},
		{name: "no hashtags leaves no trailing space", tmpl: "{teaser} {hashtags}", maxChars: 70,
			want: map[string]string{"": "The council approved the new budget after a long debate. #Budget"}},
		{name: "stakes and question go first", tmpl: "{title}: {teaser} {link} {hashtags}", maxChars: 120,
			want: map[string]string{"": "Council passes budget: The council approved the new budget after a long debate. " + link + " #Budget"}},
		{name: "hashtags go before the teaser is cut", tmpl: "{title}: {teaser} {link} {hashtags}", maxChars: 104,
			want: map[string]string{
				// X and Mastodon count the link as 23 (112 in all with the
				// hashtag, 104 without); Bluesky and the outbox count it as
				// written, 25 (106 without the hashtag): the teaser is cut.
				"x":        "Council passes budget: The council approved the new budget after a long debate. " + link,
				"mastodon": "Council passes budget: The council approved the new budget after a long debate. " + link,
				"bluesky":  "Council passes budget: The council approved the new budget after a long… " + link,
				"outbox":   "Council passes budget: The council approved the new budget after a long… " + link,
			}},
	}
	for _, tt := range tests {
		for _, kind := range Kinds() {
			t.Run(tt.name+"/"+kind, func(t *testing.T) {
				acct := config.Account{Name: "a", Kind: kind, Template: tt.tmpl, MaxChars: tt.maxChars, Hashtags: 1}
				d, err := PostFor(t.Context(), acct, nil, res, config.Teaser{}, "k")
				if err != nil {
					t.Fatal(err)
				}
				want, ok := tt.want[kind]
				if !ok {
					want = tt.want[""]
				}
				if d.Text != want {
					t.Errorf("text\n%q\nwant\n%q", d.Text, want)
				}
				if d.Limit > 0 && d.Length > d.Limit {
					t.Errorf("length %d over %d", d.Length, d.Limit)
				}
			})
		}
	}
	t.Run("nothing fits", func(t *testing.T) {
		acct := config.Account{Name: "a", Kind: "bluesky", Template: "{title} " + strings.Repeat("padding ", 40) + "{teaser}"}
		if _, err := PostFor(t.Context(), acct, nil, res, config.Teaser{}, "k"); !errors.Is(err, fit.ErrTooLong) {
			t.Errorf("err = %v, want ErrTooLong", err)
		}
	})
}

// FuzzTemplated checks that a templated post is never over the limit, never
// cuts a word of the template's text, and fails only with ErrTooLong.
func FuzzTemplated(f *testing.F) {
	f.Add("{title}: {teaser} {link} {hashtags}", "A title", "One sentence here. Another one.", 100, "x")
	f.Add("{teaser}\n\n{link}", "", "Short.", 40, "bluesky")
	f.Add("🇰🇷 {title} {teaser}", "東京 news", "Kim walked out. Why?", 30, "mastodon")
	f.Fuzz(func(t *testing.T, tmpl, title, body string, limit int, kind string) {
		if CheckTemplate(tmpl) != nil || !utf8.ValidString(tmpl+title+body) || limit < 0 || limit > 1000 {
			return
		}
		if !slices.Contains(Kinds(), kind) {
			return
		}
		res := teaser.Result{
			Article:  &article.Article{ID: "a", URL: "https://example.com/a", Title: title},
			Teaser:   teaser.Teaser{Sentences: []fit.Sentence{{Text: body, Role: fit.Fact}}},
			Hashtags: []string{"#One", "#Two"},
		}
		acct := config.Account{Name: "a", Kind: kind, Template: tmpl, MaxChars: limit}
		d, err := PostFor(t.Context(), acct, nil, res, config.Teaser{}, "k")
		if err != nil {
			if !errors.Is(err, fit.ErrTooLong) && !errors.Is(err, fit.ErrEmpty) {
				t.Fatalf("error %v, want ErrTooLong or ErrEmpty", err)
			}
			return
		}
		r, _ := Rules(t.Context(), acct, nil)
		if !r.Fits(d.Text) {
			t.Fatalf("%q does not fit %+v (length %d)", d.Text, r, r.Count(d.Text))
		}
	})
}
