package article

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParse_markdown(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		want      Article
		wantParas []string
	}{
		{
			name: "front matter with every field",
			in: "---\ntitle: Bridge reopens\nurl: https://example.com/bridge\nkeywords: [bridges, cycling]\ntags: Cycling, city\n" +
				"image: https://example.com/b.jpg\nlang: en-gb\npublished: 2026-03-01T08:00:00+01:00\n---\nThe bridge reopened.\n",
			want: Article{Title: "Bridge reopens", URL: "https://example.com/bridge", Keywords: []string{"bridges", "cycling", "city"},
				Image: "https://example.com/b.jpg", Lang: "en-GB", Published: time.Date(2026, 3, 1, 7, 0, 0, 0, time.UTC)},
			wantParas: []string{"The bridge reopened."},
		},
		{
			name:      "date-only published, null and unknown keys",
			in:        "---\npublished: 2026-03-01\nimage:\nlayout: post\n---\nThe bridge reopened.\n",
			want:      Article{Published: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)},
			wantParas: []string{"The bridge reopened."},
		},
		{
			name:      "first-level heading is the title",
			in:        "# Bridge reopens\n\nThe bridge *reopened* on **Monday**.\n",
			want:      Article{Title: "Bridge reopens"},
			wantParas: []string{"The bridge reopened on Monday."},
		},
		{
			name:      "heading repeating the front matter title is dropped",
			in:        "---\ntitle: Bridge reopens\n---\n# Bridge reopens\n\nThe bridge reopened.\n",
			want:      Article{Title: "Bridge reopens"},
			wantParas: []string{"The bridge reopened."},
		},
		{
			name:      "late heading is a paragraph",
			in:        "The bridge reopened.\n\n# Reactions\n\n## Cyclists\n\nThey cheered.\n",
			wantParas: []string{"The bridge reopened.", "Reactions", "Cyclists", "They cheered."},
		},
		{
			name: "links, code and emphasis edge cases",
			in: "See [one](a) and [two][ref], [three][] or [four](b (c)) with `a [x](y) b` in [`code`](z).\n\n" +
				"Keep snake_case, 5 * 3, a_b_c and ~single~ but drop __strong__ and ~~struck~~.\n\n[ref]: https://example.com\n\n" +
				"Setext title\n===\n\nSub head\n---\n\n## Closed ##\n\n#hashtag stays\n\n<!-- a\ncomment -->\n\n<script>\nvar x;\n</script>\n\nEnd.\n",
			wantParas: []string{"See one and two, three or four with a [x](y) b in code.",
				"Keep snake_case, 5 * 3, a_b_c and ~single~ but drop strong and struck.",
				"Setext title", "Sub head", "Closed", "#hashtag stays", "End."},
		},
		{
			name: "markup stripped",
			in: "Read [the report](https://example.com/r \"Report\") and <https://example.com/x>.\n\n![alt text](img.png)\n\n" +
				"```go\nfmt.Println(1)\n```\n\n    indented code\n\n> Quoted _words_ here\n> go on.\n\n- one\n- two\n\n1. first\n\n" +
				"Inline <b>bold</b> &amp; `code` \\*stars\\*.\n\n<div class=\"note\">Block <em>html</em> text</div>\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
			wantParas: []string{"Read the report and https://example.com/x.", "Quoted words here go on.", "one", "two", "first",
				"Inline bold & code *stars*.", "Block html text"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("post.md", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.want.Title || a.URL != tt.want.URL || a.Image != tt.want.Image || a.Lang != tt.want.Lang {
				t.Errorf("got title %q url %q image %q lang %q, want %q %q %q %q", a.Title, a.URL, a.Image, a.Lang,
					tt.want.Title, tt.want.URL, tt.want.Image, tt.want.Lang)
			}
			if !a.Published.Equal(tt.want.Published) {
				t.Errorf("Published %v, want %v", a.Published, tt.want.Published)
			}
			if strings.Join(a.Keywords, "|") != strings.Join(tt.want.Keywords, "|") {
				t.Errorf("Keywords %q, want %q", a.Keywords, tt.want.Keywords)
			}
			if !reflect.DeepEqual(a.Paragraphs, tt.wantParas) {
				t.Errorf("Paragraphs\n%q, want\n%q", a.Paragraphs, tt.wantParas)
			}
			if tt.want.URL != "" && a.ID != tt.want.URL {
				t.Errorf("ID %q, want %q", a.ID, tt.want.URL)
			}
		})
	}
}

func TestParse_frontMatterErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"syntax error", "---\ntitle: ok\nurl: [unclosed\n---\nBody.\n", "post.md:3: front matter: did not find expected ',' or ']'"},
		{"title is a list", "---\nlang: en\ntitle:\n  - a\n  - b\n---\nBody.\n", "post.md:4: front matter: title: expected a single value"},
		{"bad date", "---\npublished: next tuesday\n---\nBody.\n", `post.md:2: front matter: published: cannot read "next tuesday" as a date; use 2026-03-01 or RFC 3339`},
		{"relative url", "---\n\nurl: /posts/1\n---\nBody.\n", `post.md:3: front matter: url: "/posts/1" is not an absolute http(s) URL`},
		{"tags of maps", "---\ntags:\n  - a\n  - {b: c}\n---\nBody.\n", "post.md:4: front matter: tags: expected a list of words or phrases"},
		{"not a mapping", "---\n- a\n- b\n---\nBody.\n", "post.md:2: front matter: expected key: value lines"},
		{"not closed", "---\ntitle: x\nBody.\n", `post.md:1: front matter: no closing "---" line`},
		{"unclosed list later", "---\na: 1\nb: 2\nc: [x\nd: 4\n---\nBody.\n", "post.md:4: front matter: did not find expected ',' or ']'"},
		{"mapping in value", "---\na: 1\nb: c: d\n---\nBody.\n", "post.md:3: front matter: mapping values are not allowed in this context"},
		{"tab indentation", "---\ntitle: x\n\tkeywords: a\n---\nBody.\n", "post.md:3: front matter: found a tab character that violates indentation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("post.md", []byte(tt.in))
			if !errors.Is(err, ErrFrontMatter) {
				t.Fatalf("error %v, want ErrFrontMatter", err)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n%q, want\n%q", err, tt.want)
			}
		})
	}
}
