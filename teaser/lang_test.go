package teaser

import (
	"slices"
	"strings"
	"testing"

	"github.com/hookline/hookline/article"
)

// TestCompose_languages checks the tables of German, French and Spanish on
// made-up articles: the plain-news form with no word the article does not
// have, hashtags from names only, and never a day or month as a tag.
func TestCompose_languages(t *testing.T) {
	tests := []struct {
		name, lang, title string
		paras             []string
		tags              []string // the hashtags expected, best first
		never             []string // hashtags that must not appear
	}{
		{name: "German", lang: "de", title: "Angela Weber eröffnet neue Brücke in Hamburg",
			paras: []string{
				"Die Bürgermeisterin Angela Weber hat am Montag in Hamburg die neue Brücke über die Elbe eröffnet, sagte eine Sprecherin der Stadt.",
				"Die Brücke kostete nach Angaben der Stadt rund 40 Millionen Euro und wurde in drei Jahren gebaut.",
				"Angela Weber sagte, die Brücke verbinde zwei Stadtteile, die lange getrennt gewesen seien.",
				"Im Dezember soll auch der Radweg auf der Brücke öffnen, teilte die Regierung in Hamburg mit.",
			},
			tags:  []string{"#AngelaWeber", "#Hamburg"},
			never: []string{"#Montag", "#Dezember", "#Brücke", "#Stadt", "#Regierung", "#Öffnet"}},
		{name: "French", lang: "fr-FR", title: "Claire Dubois inaugure un musée à Lyon",
			paras: []string{
				"La maire Claire Dubois a inauguré lundi à Lyon un nouveau musée consacré à la soie, a annoncé la ville.",
				"Le musée a coûté douze millions d'euros et ouvrira ses portes au public en Mars.",
				"Claire Dubois a déclaré que le musée attirerait des visiteurs de toute la France.",
				"Mars sera aussi le mois d'une grande exposition à Lyon, selon Claire Dubois.",
			},
			tags:  []string{"#ClaireDubois", "#Lyon"},
			never: []string{"#Lundi", "#Mars", "#Musée"}},
		{name: "Spanish", lang: "es", title: "Lucía Romero inaugura un puente en Sevilla",
			paras: []string{
				"La alcaldesa Lucía Romero inauguró el lunes en Sevilla un nuevo puente sobre el río, según informó el ayuntamiento.",
				"El puente costó treinta millones de euros y se construyó en dos años, dijo Lucía Romero.",
				"En Mayo se abrirá también un carril para bicicletas en Sevilla, anunció el gobierno local.",
				"Mayo será además el mes de las fiestas del barrio, según los vecinos de Sevilla.",
			},
			tags:  []string{"#Sevilla", "#LucíaRomero"},
			never: []string{"#Lunes", "#Mayo", "#Puente"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &article.Article{Title: tt.title, Paragraphs: tt.paras, Lang: tt.lang}
			res, err := Compose(a, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Teaser.Sentences) != 1 {
				t.Errorf("teaser %q: want the news alone, got %d sentences", res.Teaser, len(res.Teaser.Sentences))
			}
			source := strings.ToLower(tt.title + " " + strings.Join(tt.paras, " "))
			for _, w := range english.words(res.Teaser.String()) {
				raw := strings.ToLower(res.Teaser.String()[w.start:w.end])
				if !strings.Contains(source, raw) {
					t.Errorf("teaser %q adds %q, a word the article does not have", res.Teaser, raw)
				}
			}
			if !slices.Equal(res.Hashtags, tt.tags) {
				t.Errorf("hashtags = %q, want %q", res.Hashtags, tt.tags)
			}
			for _, tag := range tt.never {
				if slices.Contains(res.Hashtags, tag) {
					t.Errorf("hashtags %q hold %s", res.Hashtags, tag)
				}
			}
		})
	}
}

// TestLanguageFor checks that a tag picks its table and that a language
// without one gets the plain form with no word lists.
func TestLanguageFor(t *testing.T) {
	tests := []struct {
		tag  string
		want *language
	}{
		{"", english}, {"en-GB", english}, {"de", german}, {"de-AT", german}, {"fr_CA", french},
		{"es-MX", spanish}, {"it", neutral}, {"pt-BR", neutral},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			if got := languageFor(tt.tag); got != tt.want {
				t.Errorf("languageFor(%q) is not the expected table", tt.tag)
			}
		})
	}
	if !neutral.plain || len(neutral.stop) > 0 || len(neutral.calendar) > 0 || len(neutral.attribution) > 0 {
		t.Error("neutral: want the plain form and no word lists")
	}
	for _, l := range []*language{german, french, spanish} {
		if !l.plain || l.stop["the"] || l.attribution["said"] {
			t.Error("a table other than English: want the plain form and no English word")
		}
	}
}

// TestLanguage_bothForms: sets looked up by a word as written and by its
// folded form (word.norm) hold both: "Wales" is a place as "wales" and as
// "wale".
func TestLanguage_bothForms(t *testing.T) {
	for set, words := range map[string]struct {
		m     map[string]bool
		words []string
	}{
		"places":      {english.places, []string{"Wales", "Philippines", "Brussels"}},
		"calendar":    {english.calendar, []string{"Christmas"}},
		"numberWords": {english.numberWords, []string{"thousands", "dozens"}},
	} {
		for _, w := range words.words {
			low := strings.ToLower(w)
			if !words.m[low] || !words.m[fold(low)] {
				t.Errorf("%s: %q as written %v, folded (%q) %v", set, w, words.m[low], fold(low), words.m[fold(low)])
			}
		}
	}
}

func TestLanguage_appendUnglued(t *testing.T) {
	for in, want := range map[string][]string{
		"Harbin makes ferry hulls The ferry trade is not slowing, figures show.": {
			"Harbin makes ferry hulls", "The ferry trade is not slowing, figures show."},
		"Shops restock to keep pace with demand Its design is not new, but it sells.": {
			"Shops restock to keep pace with demand", "Its design is not new, but it sells."},
		"Dum Dum Club, On tour Rather than a place, bands are united by time.": {
			"Dum Dum Club, On tour", "Rather than a place, bands are united by time."},
		"Readers of The Times wrote in.":                    {"Readers of The Times wrote in."},
		"He was caught with class A drugs in his car.":      {"He was caught with class A drugs in his car."},
		"The vote passed, The council said it was pleased.": {"The vote passed, The council said it was pleased."},
		"Sales rose 200 In all, 40 shops reported.":         {"Sales rose 200 In all, 40 shops reported."},
		"Fans of the film Up In Smoke queued.":              {"Fans of the film Up In Smoke queued."},
	} {
		if got := english.appendUnglued(nil, in); !slices.Equal(got, want) {
			t.Errorf("appendUnglued(%q) = %q; want %q", in, got, want)
		}
	}
	if got := languageFor("de").appendUnglued(nil, "Die Fähre fährt Die Stadt zahlt."); len(got) != 1 {
		t.Errorf("a language without glued openers split %q", got)
	}
}

func TestNewDocument_unglued(t *testing.T) {
	d := newDocument(&article.Article{Title: "Ferry trade booms in Harbin", Paragraphs: []string{
		"Harbin yard builds ferry hulls In the first half of 2024, Harbin Yards sold 40 ferries, owner Jo Vale said. She expects more orders."}})
	defer d.release()
	if len(d.sentences) != 3 || d.sentences[0].text != "Harbin yard builds ferry hulls" || !d.sentences[0].opens || d.sentences[1].opens {
		t.Fatalf("sentences %+v; want the standfirst, then the lead, then one more", d.sentences)
	}
	cands := d.newsCandidates(d.scores(nil), d.titleSet())
	if len(cands) == 0 || cands[0].index != 1 {
		t.Errorf("news %+v; want the lead after the standfirst", cands)
	}
}
