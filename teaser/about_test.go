package teaser

import (
	"slices"
	"testing"

	"github.com/hookline/hookline/article"
)

func TestWithThe(t *testing.T) {
	d := newDocument(&article.Article{Paragraphs: []string{
		"The UK has left. Ministers in the UK said so, and the UK economy grew. " +
			"The Volkswagen scandal grew, and the Volkswagen board met. Volkswagen said sorry. " +
			"Officials at the Department of Health said the plan was sound. Harbor Town voted.",
	}})
	for in, want := range map[string]string{
		"UK":                   "the UK",                   // "the UK has", "the UK said"; "the UK economy" does not count
		"Volkswagen":           "Volkswagen",               // "the" only before a noun it qualifies
		"Department of Health": "the Department of Health", // as written
		"Harbor Town":          "Harbor Town",
		"council":              "council", // common nouns are left to withArticle
		"":                     "",
	} {
		if got := d.withThe(in); got != want {
			t.Errorf("withThe(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMentions(t *testing.T) {
	d := newDocument(&article.Article{Paragraphs: []string{"Ann Vale met Ann Vale's sister. Vale left."}})
	var got []int
	for _, j := range d.mentions("Vale") {
		got = append(got, j)
	}
	if want := []int{4, 17, 0}; !slices.Equal(got, want) {
		t.Errorf("mentions(Vale) at %v, want %v", got, want)
	}
	for range d.mentions("") {
		t.Fatal("mentions(\"\") yielded: an empty name is written nowhere")
	}
}
