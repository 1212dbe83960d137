package article

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// What an article says about itself in front matter: draft, embargo,
// the author's teaser and hashtags.
func TestParse_frontMatterSelfDescription(t *testing.T) {
	tests := []struct {
		name, fm string
		check    func(t *testing.T, a *Article)
		wantErr  string
	}{
		{"draft", "draft: true", func(t *testing.T, a *Article) {
			if !a.Draft {
				t.Error("not a draft")
			}
		}, ""},
		{"not a draft", "draft: false", func(t *testing.T, a *Article) {
			if a.Draft {
				t.Error("a draft")
			}
		}, ""},
		{"embargo", "embargo: 2030-01-02T08:00:00Z", func(t *testing.T, a *Article) {
			want := time.Date(2030, 1, 2, 8, 0, 0, 0, time.UTC)
			if !a.Embargo.Equal(want) || !a.NotBefore().Equal(want) {
				t.Errorf("embargo %v, not before %v", a.Embargo, a.NotBefore())
			}
		}, ""},
		{"future date", "date: 2030-05-01", func(t *testing.T, a *Article) {
			if a.NotBefore().Year() != 2030 {
				t.Errorf("not before %v", a.NotBefore())
			}
		}, ""},
		{"teaser and hashtags", "teaser: \"Ferries go electric. Will buses follow?\"\nhashtags: [electric ferry, \"#Harbour\"]", func(t *testing.T, a *Article) {
			if a.Teaser != "Ferries go electric. Will buses follow?" || !reflect.DeepEqual(a.Hashtags, []string{"electric ferry", "Harbour"}) {
				t.Errorf("teaser %q, hashtags %q", a.Teaser, a.Hashtags)
			}
		}, ""},
		{"bad draft", "draft: maybe", nil, "draft: \"maybe\" is not true or false"},
		{"bad embargo", "embargo: soon", nil, "embargo: cannot read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := "---\ntitle: Ferry goes electric\n" + tt.fm + "\n---\nThe harbour ferry runs on batteries now, the city said on Monday.\n"
			a, err := Parse("story.md", []byte(doc))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v; want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, a)
		})
	}
}
