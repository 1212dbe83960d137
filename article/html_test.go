package article

import (
	"errors"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"
)

const storyBody = `<article><h1>Bridge reopens</h1>
<p>The old bridge reopened on Monday after a year of repairs, the city said in a statement, and the first cyclists crossed it just after dawn.</p>
<p>Engineers replaced the deck and <a href="/rails">the rails</a>, and painted the arches <em>green</em> again.<br>Drivers must wait until June.</p>
<figure><img src="/b.jpg"><figcaption>The bridge at dawn.</figcaption></figure>
<ul><li>Cost: 12 million.</li><li>Length: 180 metres.</li></ul>
<script>track()</script>
</article>`

func TestParseHTML(t *testing.T) {
	page, _ := url.Parse("https://news.example.com/city/bridge?utm_source=x")
	tests := []struct {
		name      string
		html      string
		pageURL   *url.URL
		want      Article
		wantParas []string
	}{
		{
			name: "og tags and canonical",
			html: `<!doctype html><html lang="en_gb"><head><title>Bridge reopens | City News</title>
<link rel="Canonical" href="/city/bridge"><meta property="og:url" content="https://other.example.com/x">
<meta property="og:image" content="../img/bridge.jpg"><meta name="keywords" content="bridge, cycling, Bridge">
<meta property="article:tag" content="City"><meta property="article:tag" content="repairs">
<meta property="article:published_time" content="2026-04-01T06:30:00Z"></head><body>` + storyBody + `</body></html>`,
			pageURL: page,
			want: Article{Title: "Bridge reopens", URL: "https://news.example.com/city/bridge", Image: "https://news.example.com/img/bridge.jpg",
				Keywords: []string{"bridge", "cycling", "City", "repairs"}, Lang: "en-GB", Published: time.Date(2026, 4, 1, 6, 30, 0, 0, time.UTC)},
			wantParas: []string{
				"The old bridge reopened on Monday after a year of repairs, the city said in a statement, and the first cyclists crossed it just after dawn.",
				"Engineers replaced the deck and the rails, and painted the arches green again. Drivers must wait until June.",
				"Cost: 12 million.", "Length: 180 metres.",
			},
		},
		{
			name: "og:url without page URL resolves the image",
			html: `<html><head><meta property="og:url" content="https://news.example.com/city/bridge"><meta property="og:locale" content="de_DE">
<meta property="og:image" content="/img/b.jpg"></head><body>` + storyBody + `</body></html>`,
			want: Article{Title: "Bridge reopens", URL: "https://news.example.com/city/bridge", Image: "https://news.example.com/img/b.jpg", Lang: "de-DE"},
		},
		{
			name:    "page URL is the URL when nothing else is given",
			html:    `<html><head><title>Bridge reopens</title><meta property="og:image" content="javascript:alert(1)"></head><body>` + storyBody + `</body></html>`,
			pageURL: page,
			want:    Article{Title: "Bridge reopens", URL: page.String()},
		},
		{
			name: "windows-1252 declared in meta",
			html: "<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 reopens</title></head><body><article><p>The caf\xe9 \x96 closed since May \x96 reopened on Monday, its owner said, with a new menu and longer opening hours.</p></article></body></html>",
			want: Article{Title: "Café reopens"},
			wantParas: []string{
				"The café – closed since May – reopened on Monday, its owner said, with a new menu and longer opening hours.",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseHTML(strings.NewReader(tt.html), tt.pageURL)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.want.Title || a.URL != tt.want.URL || a.Image != tt.want.Image || a.Lang != tt.want.Lang {
				t.Errorf("got title %q url %q image %q lang %q\nwant      %q %q %q %q", a.Title, a.URL, a.Image, a.Lang,
					tt.want.Title, tt.want.URL, tt.want.Image, tt.want.Lang)
			}
			if !a.Published.Equal(tt.want.Published) {
				t.Errorf("Published %v, want %v", a.Published, tt.want.Published)
			}
			if strings.Join(a.Keywords, "|") != strings.Join(tt.want.Keywords, "|") {
				t.Errorf("Keywords %q, want %q", a.Keywords, tt.want.Keywords)
			}
			if tt.wantParas != nil && !reflect.DeepEqual(a.Paragraphs, tt.wantParas) {
				t.Errorf("Paragraphs\n%q, want\n%q", a.Paragraphs, tt.wantParas)
			}
			if len(a.Paragraphs) == 0 {
				t.Error("no paragraphs")
			}
			if tt.want.URL != "" && a.ID != CanonicalURL(tt.want.URL) {
				t.Errorf("ID %q, want %q", a.ID, CanonicalURL(tt.want.URL))
			}
		})
	}
}

func TestParseHTML_errors(t *testing.T) {
	page, _ := url.Parse("https://news.example.com/empty")
	_, err := ParseHTML(strings.NewReader(`<html><body><nav><a href="/">Home</a></nav></body></html>`), page)
	if !errors.Is(err, ErrNoText) || !strings.HasPrefix(err.Error(), "https://news.example.com/empty: ") {
		t.Errorf("error %v, want ErrNoText naming the page", err)
	}
	_, err = ParseHTML(strings.NewReader(""), nil)
	if !errors.Is(err, ErrEmpty) || err.Error() != "html: empty input" {
		t.Errorf("error %v, want ErrEmpty", err)
	}
}
