package teaser

import (
	"strings"
	"testing"

	"github.com/hookline/hookline/article"
)

func TestIsPerson(t *testing.T) {
	a := &article.Article{Paragraphs: []string{
		"North Korean leader Kim Jong Un arrived in Beijing on Tuesday.",
		"Norway shut all its coal mines after the floods.",
		"Ned Tarrant was the fastest man at the Harbour Games. Now he has a place in the national squad.",
		"Officials said Greyrock was not a state-run farm, and the trust agreed.",
		"Harbour Town lifted the county cup, and Harbour Town fans celebrated.",
		"Cal Pellow scored twice. Pellow said the team had played well.",
		"Fennick Forest is managed by the Dunmore Woodland Trust.",
		"The Dunmore Windmill had its sails replaced; the windmill reopened.",
	}}
	d := newDocument(a)
	defer d.release()
	for _, tc := range []struct {
		subject string
		want    bool
	}{
		{"North Korean leader Kim Jong Un", true}, // title
		{"Ned Tarrant", true},                     // "he" opens the next sentence
		{"Cal Pellow", true},                      // "Pellow said"
		{"Mr Smith", true},                        // honorific
		{"Norway", false},                         // a country
		{"Greyrock", false},                       // one word, no sign of a person
		{"Harbour Town", false},                   // a place word
		{"Fennick Forest", false},
		{"the Dunmore Windmill", false}, // a place word
		{"Some Chilean", false},         // a function word and a demonym
	} {
		t.Run(tc.subject, func(t *testing.T) {
			if got := d.isPerson(tc.subject); got != tc.want {
				t.Errorf("isPerson(%q) = %v, want %v", tc.subject, got, tc.want)
			}
		})
	}
}

// TestGuessWho_personOnly checks that the "Guess who …?" reveal is kept
// for a person the headline names: a country, a club, a people or a person
// the headline does not name get no hook.
func TestGuessWho_personOnly(t *testing.T) {
	for _, tc := range []struct {
		name, title, text string
		guess             bool
	}{
		{"person", "Marsh stays at Harbour Town", "Coach Ann Marsh has agreed a new two-year deal with the club. Marsh said she was delighted.", true},
		{"a person the headline does not name", "Harbour Town keep their coach", "Coach Ann Marsh has agreed a new two-year deal with the club. Marsh said she was delighted.", false},
		{"a hook that points back", "Marsh ready for Harbour Town return", "Coach Ann Marsh has spent the whole winter weighing such offers at home. Marsh said she was ready.", false},
		{"a story of illness", "Marsh speaks of her depression", "Coach Ann Marsh suffers from depression at the club. Marsh said she was getting help.", false},
		{"country", "Norway shuts its mines", "Norway has shut all of its coal mines after the flooding at the pits. Officials in Norway said the pits were unsafe.", false},
		{"club", "Harbour Town win the cup", "Harbour Town lifted the county cup for the first time in their history. Harbour Town fans celebrated.", false},
		{"a people", "Chilean buyers slow to sign up", "Some Chilean buyers were slow to sign up to the new ferry pass. Buyers in Santiago queued.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := &article.Article{Title: tc.title, Paragraphs: []string{tc.text}}
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
		"Fellow full-back Cal Pellow was player of the match in the first win over Kells. Cal Pellow said the team had played well. Pellow scored twice.": "It's fellow full-back Cal Pellow",
		"Ned Tarrant scored a neat goal on the break to put the visitors ahead. Ned Tarrant said the team had earned it. Tarrant scored again.":           "It's Ned Tarrant",
	} {
		title := "Pellow and Tarrant star for Kells"
		a := &article.Article{Title: title, Paragraphs: []string{text}}
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

// TestDraft_stakesNamesNobody: a stakes line that names a person by a word
// alone, whom the post never writes whole, is left out.
func TestDraft_stakesNamesNobody(t *testing.T) {
	for stakes, kept := range map[string]bool{
		"Kole warns the closure could leave hundreds of Kells commuters without a ferry.":      false,
		"Dana Kole warns the closure could leave hundreds of Kells commuters without a ferry.": true,
	} {
		a := &article.Article{Paragraphs: []string{
			"Dunmore council will close the Mill Street ferry pier from Monday, its leader said.", stakes,
			"Dana Kole, who runs the Kells commuters' group, said she would fight the plan.",
			"Kole said the ferry pier had served Kells for a century."}}
		dr := draftFor(a, []string{"ferry", "Kells", "Dunmore"}, Options{}.withDefaults())
		if got := dr.stakes != ""; got != kept {
			t.Errorf("stakes %q after news %q: kept %v, want %v", dr.stakes, dr.fact, got, kept)
		}
	}
}

// TestIntroduce_whole: a surname two people of the article share stays
// as it is, even when only one of them is named before the news; a clause
// opener before a surname ("Although Vale …") is no first name.
func TestIntroduce_whole(t *testing.T) {
	for _, tc := range []struct {
		name  string
		paras []string
		index int
		text  string
		want  string
	}{
		{"two people share the surname", []string{
			"Her sister Ann Vale said she was proud of the books.",
			"Vale's novels sold more than a million copies in 40 countries.",
			"Jo Vale, who wrote them over 30 years, died on Monday, her publisher said.",
		}, 1, "Vale's novels sold more than a million copies in 40 countries.",
			"Vale's novels sold more than a million copies in 40 countries."},
		{"a clause opener is no first name", []string{
			"Harbour chief Ann Vale will step down on Monday.",
			"Although Vale won praise, critics said she was aloof.",
			"Vale takes over the Kells ferry board on Monday, the board said.",
		}, 2, "Vale takes over the Kells ferry board on Monday, the board said.",
			"Ann Vale takes over the Kells ferry board on Monday, the board said."},
	} {
		if got := introduced(tc.paras, tc.index, tc.text); got != tc.want {
			t.Errorf("%s: introduce = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestIntroduce_opener: a name after a common word that opens its
// sentence is whole ("Cartographer Ann Vale"), and a name the article
// only follows with "says" is a person's.
func TestIntroduce_opener(t *testing.T) {
	paras := []string{
		"Ferry fares in Harbin rose by a third last year, a study found.",
		"Cartographer Ann Vale, a fellow at Harbin University, studied the fares for a decade.",
		"Like other cartographers, she counted every ticket sold.",
		"Vale found that fares rose fastest on Sundays.",
		"\"Nobody expected it,\" Vale says.",
		"Residents in Harbin say the fares are too high.",
	}
	text := introduced(paras, 3, "Vale found that fares rose fastest on Sundays.")
	if want := "Ann Vale found that fares rose fastest on Sundays."; text != want {
		t.Errorf("introduce = %q, want %q", text, want)
	}
	d := newDocument(&article.Article{Paragraphs: paras})
	defer d.release()
	for word, want := range map[string]bool{"Vale": true, "Harbin": false} {
		if got := d.followedLikePerson(word); got != want {
			t.Errorf("followedLikePerson(%q) = %v, want %v", word, got, want)
		}
	}
	for _, paras := range [][]string{
		{"Hurricane Dana hit Harbin on Monday.", "Officials in Harbin say the damage from Hurricane Dana is vast, and the hurricane season is not over."},
		{"HURRICANE Dana hit Harbin on Monday.", "The hurricane season is long, officials said."},
	} {
		d := newDocument(&article.Article{Paragraphs: paras})
		if d.wholeNames()["Dana"] > 0 {
			t.Errorf("wholeNames split \"Hurricane Dana\" of %q: %v", paras, d.wholeNames())
		}
		d.release()
	}
}

// TestInsideLongerName: a common word opening the sentence does not make
// a name a piece of a longer one, unless the article writes the two as one
// inside a sentence too, or shouts it.
func TestInsideLongerName(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Cartographer Ann Vale studied fares. Like other cartographers, she counted tickets.", false},
		{"Junior Ann Vale sailed. Fans of Junior Ann Vale cheered, and the junior crews sang.", true},
		{"CARTOGRAPHER Ann Vale studied fares. Like other cartographers, she counted tickets.", true},
		{"Fans of New Ann Vale cheered.", true},
	} {
		d := newDocument(&article.Article{Paragraphs: []string{tc.text}})
		if got := d.insideLongerName("Ann Vale"); got != tc.want {
			t.Errorf("insideLongerName(Ann Vale) in %q = %v, want %v", tc.text, got, tc.want)
		}
		d.release()
	}
}

// introduced returns text as introduce writes it for a news sentence at
// index of an article of paras.
func introduced(paras []string, index int, text string) string {
	d := newDocument(&article.Article{Paragraphs: paras})
	defer d.release()
	d.introduce(index, &text)
	return text
}

// TestWholeNames_clauseOpener: a clause opener capitalised at the start of
// a sentence does not open the name after it ("Although Vale …"); see
// TestIntroduce_whole for what that does to the post.
func TestWholeNames_clauseOpener(t *testing.T) {
	d := newDocument(&article.Article{Paragraphs: []string{
		"Harbour chief Ann Vale will step down on Monday. Although Vale won praise, critics said she was aloof. Vale said she was proud.",
	}})
	defer d.release()
	if n := d.wholeNames()["Although Vale"]; n > 0 {
		t.Errorf("wholeNames counts \"Although Vale\": %v", d.wholeNames())
	}
}

// TestDocument_asSentence: a Title Case headline posted as a sentence
// keeps its names' capitals and lowers its common words, each part of a
// hyphenated one too.
func TestDocument_asSentence(t *testing.T) {
	d := newDocument(&article.Article{Paragraphs: []string{"Harbin Yards said on Monday that ferry passes would go on sale online."}})
	defer d.release()
	for in, want := range map[string]string{
		"Harbin Yards Sells Ferry Passes as Ports Become E-Tailers": "Harbin Yards sells ferry passes as ports become e-tailers.",
		"Harbin Yards Opens Online Shop":                            "Harbin Yards opens online shop.",
	} {
		if got := d.asSentence(in); got != want {
			t.Errorf("asSentence(%q) = %q; want %q", in, got, want)
		}
	}
}
