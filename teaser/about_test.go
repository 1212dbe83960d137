package teaser

import (
	"testing"

	"github.com/hookline/hookline/article"
)

func TestAgentLike(t *testing.T) {
	d := newDocument(&article.Article{Paragraphs: []string{
		"The recent school said the attack on the exploitation of the lanes was over. Supporters and scientists met the tenants. The payment was late. The board decided to wait. The county cup and the county final were won.",
	}})
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"school", true},        // speaks: "the school said"
		{"supporters", true},    // a listed kind of person
		{"scientists", true},    // ends like one: -ist
		{"tenants", true},       // -ant
		{"board", true},         // listed, and acts: "the board decided"
		{"attack", false},       // an event
		{"exploitation", false}, // an idea
		{"lanes", false},        // a thing
		{"county", false},       // listed, but only qualifies other nouns here
		{"payment", false},      // -ment is not a person's ending
	} {
		w := newWord(tt.word, 0, len(tt.word))
		if got := d.agentLike(w, tt.word); got != tt.want {
			t.Errorf("agentLike(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

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
