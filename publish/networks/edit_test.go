package networks

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/teaser/fit"
)

func TestEdit(t *testing.T) {
	stored := publish.Post{Account: "a", ArticleID: "id", Text: "old", Link: "https://e.com/a", Hashtags: []string{"#Old"}, IdempotencyKey: "k"}
	tests := []struct {
		name    string
		acct    config.Account
		text    string
		wantErr string
		check   func(t *testing.T, d Draft)
	}{
		{"fits on x, link and tags from the text", config.Account{Name: "x-main", Kind: "x"},
			"Ferries go electric. https://e.com/a #Ferry #Harbour.", "", func(t *testing.T, d Draft) {
				if d.Link != "https://e.com/a" || !reflect.DeepEqual(d.Hashtags, []string{"#Ferry", "#Harbour"}) || d.Limit != 280 || d.IdempotencyKey != "k" {
					t.Errorf("draft %+v", d)
				}
				// X counts a URL as 23.
				if want := len("Ferries go electric. ") + 23 + len(" #Ferry #Harbour."); d.Length != want {
					t.Errorf("length %d, want %d", d.Length, want)
				}
			}},
		{"link dropped from the text", config.Account{Name: "m", Kind: "mastodon"}, "No link now.", "", func(t *testing.T, d Draft) {
			if d.Link != "" || d.Hashtags != nil {
				t.Errorf("draft %+v", d)
			}
		}},
		{"bluesky over 300 graphemes", config.Account{Name: "bsky", Kind: "bluesky"}, strings.Repeat("é", 301), "bsky: 301/300 characters as bluesky counts them, 1 too many; shorten it", nil},
		{"max_chars", config.Account{Name: "box", Kind: "outbox", MaxChars: 10}, "eleven char", "box: 11/10 characters", nil},
		{"invalid hashtag", config.Account{Name: "x-main", Kind: "x"}, "Go #e-bikes", "x-main: hashtag #e-bikes is not valid", nil},
		{"digits only", config.Account{Name: "x-main", Kind: "x"}, "Go #2026", "hashtag #2026 is not valid", nil},
		{"empty", config.Account{Name: "x-main", Kind: "x"}, "  \n", "x-main: the text is empty", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules, _ := Rules(context.Background(), tt.acct, nil)
			d, err := Edit(tt.acct, rules, stored, tt.text)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v; want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, d)
		})
	}
}

// Bluesky's facets come from the edited text: the link and each tag where
// the person put them.
func TestEdit_blueskyFacets(t *testing.T) {
	p := publish.Post{Link: "https://e.com/a", IdempotencyKey: "k"}
	text := "Café ferries #Électrique go live: https://e.com/a"
	d, err := Edit(config.Account{Name: "bsky", Kind: "bluesky"}, fit.Bluesky(), p, text)
	if err != nil {
		t.Fatal(err)
	}
	facets := fit.Facets(d.Text, d.Link, d.Hashtags)
	want := []fit.Facet{
		{Start: strings.Index(text, "https://"), End: len(text), Kind: fit.FacetLink, Value: "https://e.com/a"},
		{Start: strings.Index(text, "#"), End: strings.Index(text, " go"), Kind: fit.FacetTag, Value: "Électrique"},
	}
	if !reflect.DeepEqual(facets, want) {
		t.Errorf("facets %+v, want %+v", facets, want)
	}
}

// TestHashtags_configAndEditAgree: a hashtag that config.yaml's
// fixed_hashtags refuses, an edited post refuses too, and the other way
// round — one rule (keyphrase.ValidHashtag) for what a person writes.
func TestHashtags_configAndEditAgree(t *testing.T) {
	stored := publish.Post{Account: "box", ArticleID: "id", Text: "old", IdempotencyKey: "k"}
	for tag, valid := range map[string]bool{
		"#News": true, "#Noticias_2026": true, "#Café": true, "#東京": true,
		"#_1": false, "#2026": false, "#": false, "#e-bikes": false, "News": false,
		"#" + strings.Repeat("a", 30): true, "#" + strings.Repeat("a", 31): false,
	} {
		yaml := "networks:\n  - name: box\n    kind: outbox\n    fixed_hashtags: [\"" + tag + "\"]\n"
		_, _, err := config.Parse("c.yaml", []byte(yaml), nil, CheckAccount)
		if (err == nil) != valid {
			t.Errorf("fixed_hashtags %q: err %v, want valid %v", tag, err, valid)
		}
		if !strings.HasPrefix(tag, "#") {
			continue // in running text, not a hashtag at all
		}
		acct := config.Account{Name: "box", Kind: "outbox"}
		rules, _ := Rules(context.Background(), acct, nil)
		_, err = Edit(acct, rules, stored, "Ferries go electric. "+tag)
		if (err == nil) != valid {
			t.Errorf("edit with %q: err %v, want valid %v", tag, err, valid)
		}
	}
}
