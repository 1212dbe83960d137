package teaser

import (
	"slices"
	"testing"

	"github.com/hookline/hookline/article"
)

func TestHashtags(t *testing.T) {
	tests := []struct {
		name     string
		keywords []string
		phrases  []string
		n        int
		want     []string
	}{
		{"names before describing words",
			nil, []string{"diplomatic", "China", "Kim Jong Un", "Kim", "geopolitical", "anniversary", "Xi Jinping"}, 3,
			[]string{"#KimJongUn", "#XiJinping", "#China"}},
		{"explicit keywords first",
			[]string{"ferries"}, []string{"ferries", "public transport", "batteries"}, 2,
			[]string{"#Ferries", "#PublicTransport"}},
		{"fragment sharing a word with a better phrase is skipped",
			nil, []string{"Kim Jong Un", "South Korean", "Jong Un China", "China"}, 3,
			[]string{"#KimJongUn", "#SouthKorean", "#China"}},
		{"adjectives only when nothing else is left",
			nil, []string{"significant", "museum", "international"}, 3,
			[]string{"#Museum", "#Significant", "#International"}},
		{"at most n", nil, []string{"a b", "c d", "e f"}, 1, []string{"#AB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Hashtags(&article.Article{Keywords: tt.keywords}, tt.phrases, tt.n)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("Hashtags = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAboutFirst(t *testing.T) {
	tests := []struct {
		name     string
		keywords []string
		phrases  []string
		about    string
		want     []string
	}{
		{"added in front", nil, []string{"operator", "university"}, "night train", []string{"night train", "operator", "university"}},
		{"moved to the front", nil, []string{"diplomatic", "Kim Jong Un"}, "kim jong un", []string{"kim jong un", "diplomatic"}},
		{"nothing to add", nil, []string{"operator"}, "", []string{"operator"}},
		{"author's keyword keeps its place", []string{"library", " Riverside "}, []string{"library", "Riverside"}, "Riverside", []string{"library", "Riverside"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := aboutFirst(&article.Article{Keywords: tt.keywords}, tt.phrases, tt.about)
			if !slices.Equal(got, tt.want) {
				t.Errorf("aboutFirst(%q, %q) = %q, want %q", tt.phrases, tt.about, got, tt.want)
			}
		})
	}
}

func TestHashtags_onceSaidWordsLast(t *testing.T) {
	a := &article.Article{Paragraphs: []string{
		"A night train will return. The operator bought carriages, and the carriages are new. The operator runs to four university towns.",
	}}
	got := Hashtags(a, []string{"university", "operator", "carriages"}, 3)
	want := []string{"#Operator", "#Carriages", "#University"}
	if !slices.Equal(got, want) {
		t.Errorf("Hashtags = %q, want %q: a word said once goes after those said again", got, want)
	}
}
