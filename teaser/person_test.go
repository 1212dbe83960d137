package teaser

import (
	"strings"
	"testing"

	"github.com/hookline/hookline/article"
)

func TestIsPerson(t *testing.T) {
	a := &article.Article{Paragraphs: []string{
		"North Korean leader Kim Jong Un arrived in Beijing on Tuesday.",
		"Japan closed all its nuclear reactors after the disaster.",
		"Mo Farah was a big star of the London Games. Now he has his sights set on Rio.",
		"Officials said Auschwitz was not a Polish-run camp, and the museum agreed.",
		"Harbour Town lifted the county cup, and Harbour Town fans celebrated.",
		"Greig Laidlaw scored twice. Laidlaw said the team had played well.",
		"Moy Forest is managed by Forestry Enterprise Scotland.",
		"The Bursledon Windmill had its sails replaced; the windmill reopened.",
	}}
	d := newDocument(a)
	defer d.release()
	for _, tc := range []struct {
		subject string
		want    bool
	}{
		{"North Korean leader Kim Jong Un", true}, // title
		{"Mo Farah", true},                        // "he" opens the next sentence
		{"Greig Laidlaw", true},                   // "Laidlaw said"
		{"Mr Smith", true},                        // honorific
		{"Japan", false},                          // a country
		{"Auschwitz", false},                      // one word, no sign of a person
		{"Harbour Town", false},                   // a place word
		{"Moy Forest", false},
		{"the Bursledon Windmill", false}, // a place word
		{"Some Uruguayan", false},         // a function word and a demonym
	} {
		t.Run(tc.subject, func(t *testing.T) {
			if got := d.isPerson(tc.subject); got != tc.want {
				t.Errorf("isPerson(%q) = %v, want %v", tc.subject, got, tc.want)
			}
		})
	}
}

// TestGuessWho_personOnly checks that the "Guess who …?" reveal is kept
// for people: a country or a club gets another hook.
func TestGuessWho_personOnly(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		guess      bool
	}{
		{"person", "Coach Maria Lopez has signed a new three-year contract with the club. Lopez said she was delighted.", true},
		{"country", "Japan has closed all of its nuclear reactors after the disaster at the plant. Japan said the plants were safe.", false},
		{"club", "Harbour Town lifted the county cup for the first time in their history on Saturday. Harbour Town fans celebrated.", false},
		{"a people", "Some Uruguayan buyers were reluctant to sign up to the national registry this year. Buyers in Montevideo queued.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := &article.Article{Paragraphs: []string{tc.text}}
			a.Finish()
			res, err := Compose(a, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.HasPrefix(res.Teaser.String(), "Guess who"); got != tc.guess {
				t.Errorf("teaser %q: Guess who = %v, want %v", res.Teaser.String(), got, tc.guess)
			}
		})
	}
}

func TestWithArticle(t *testing.T) {
	for in, want := range map[string]string{
		"council":      "the council",
		"Harbor Town":  "Harbor Town",
		"al-Shabab":    "al-Shabab",
		"15-year-olds": "15-year-olds",
	} {
		if got := withArticle(in); got != want {
			t.Errorf("withArticle(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestGuessWho_revealCase checks that the reveal writes a word that was
// capitalised only because it opened the sentence in lower case, and keeps
// a first name.
func TestGuessWho_revealCase(t *testing.T) {
	for text, want := range map[string]string{
		"Fellow scrum-half Greig Laidlaw was man of the match in the opening win over Japan. Greig Laidlaw said the team had played well. Laidlaw scored twice.": "It's fellow scrum-half Greig Laidlaw",
		"Carl Tremarco scored a well-worked goal on the break to give the visitors the lead. Carl Tremarco said the team had earned it. Tremarco scored again.":  "It's Carl Tremarco",
	} {
		a := &article.Article{Paragraphs: []string{text}}
		a.Finish()
		res, err := Compose(a, Options{})
		if err != nil || !strings.Contains(res.Teaser.String(), want) {
			t.Errorf("teaser %q, %v; want it to hold %q", res.Teaser.String(), err, want)
		}
	}
}

// TestIntroduce: a post that names someone first by a surname or a first
// name alone gets the whole name the article gave before, in place of a
// mere honorific ("Mr") and after a title; never a name the article gives
// only later, one two people share, one whose pronoun the honorific
// contradicts, or a piece of a longer name.
func TestIntroduce(t *testing.T) {
	paras := []string{
		"Harbour Town have a new manager, and the club's owner Tom Reed says he is the right man.",
		"Asked about the appointment, Reed said he expected promotion within two years.",
		"Mr Reed also met Dana Kole, the new manager, and the New York Mets scout who came with her.",
		"Kole said she would name her first team on Monday, after Mets scouts leave.",
		"Her deputy Ann Vale said Vale Park would be ready.",
	}
	for _, tc := range []struct {
		name       string
		index      int
		text, want string
	}{
		{"a surname alone", 1, "Reed said he expected promotion within two years.",
			"Tom Reed said he expected promotion within two years."},
		{"written whole already", 1, "Tom Reed said Reed would stay.", "Tom Reed said Reed would stay."},
		{"after an honorific", 3, "Mr Reed met the manager.", "Tom Reed met the manager."},
		{"after a title", 3, "Chairman Reed met the manager.", "Chairman Tom Reed met the manager."},
		{"an honorific of someone else", 3, "Mrs Reed met the manager.", "Mrs Reed met the manager."},
		{"a name given only later", 1, "Kole said she would name her team.", "Kole said she would name her team."},
		{"a name given before", 3, "Kole said she would name her team.", "Dana Kole said she would name her team."},
		{"a piece of a longer name", 4, "Mets scouts leave on Monday.", "Mets scouts leave on Monday."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDocument(&article.Article{Paragraphs: paras})
			defer d.release()
			text := tc.text
			d.introduce(tc.index, &text)
			if text != tc.want {
				t.Errorf("introduce(%q) = %q, want %q", tc.text, text, tc.want)
			}
		})
	}
}
