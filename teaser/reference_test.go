package teaser

import (
	"slices"
	"strings"
	"testing"

	"github.com/hookline/hookline/article"
)

func TestLanguage_pointsBack(t *testing.T) {
	for _, tc := range []struct {
		name, s string
		want    bool
	}{
		{"thing never introduced", "Jane Doe, a professor at the college, will run the project.", true},
		{"demonstrative", "The council has approved this new parking app for residents.", true},
		{"age as a noun", "The 31-year-old scored twice on Sunday.", true},
		{"person never named", "Firefighters freed the driver from the car on Monday.", true},
		{"inside a quotation", `Jane Doe said: "We will finish the project soon."`, false},
		{"complement says which", "Jane Doe will run the project to map the coast.", false},
		{"said before in the sentence", "Officials opened a bridge on Monday and closed the bridge on Friday.", false},
		{"apposition names her", "Firefighters freed the driver, 52-year-old Ann Vale, from the car.", false},
		{"named by police", "Firefighters freed the rider, named by police as Tom Reed, from the ditch.", false},
		{"name in the description", "Work on the Delta project will start in May next year.", false},
		{"name follows the noun", "Tickets for the film Harbour Lights sold out within an hour.", false},
		{"place says which", "Traffic stopped for hours after the crash near Dunmore on Friday.", false},
		{"party after its name", "Kim Lee scored twice before the striker left the field injured.", false},
		{"one-of-a-kind party", "The government said the police would review the rules.", false},
		{"a strong pointer before any noun", "Jo Vale has spent the past year drawing up such plans.", true},
		{"these, before any noun", "The council blamed the mayor for these problems on Monday.", true},
		{"such as", "The ferry carries goods such as timber and coal to Harbin.", false},
		{"these days", "Ferries to Harbin are rarely full these days, the operator said.", false},
		{"the contrast gives them", "Jo Vale kept her plans secret, but her sister had no such doubts.", false},
		{"the comparison gives them", "Sailors sleep better than those who skip these naps, a study says.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := english.pointsBack(tc.s, english.words(tc.s), nil); got != tc.want {
				t.Errorf("pointsBack(%q) = %v, want %v", tc.s, got, tc.want)
			}
		})
	}
}

func TestLanguage_pointsBack_prior(t *testing.T) {
	s := "The pledge would cost the county about £2m a year."
	thing := &antecedents{words: map[string]bool{"county": true}}
	if !english.pointsBack(s, english.words(s), thing) {
		t.Errorf("a pledge the news never made: want a reference back")
	}
	thing.words["pledge"] = true
	if english.pointsBack(s, english.words(s), thing) {
		t.Errorf("the news made the pledge: want none")
	}
	s = "The company said it would refund every customer."
	if !english.pointsBack(s, english.words(s), &antecedents{}) {
		t.Errorf("a company after news that names no one: want a reference back")
	}
	if english.pointsBack(s, english.words(s), &antecedents{named: true}) {
		t.Errorf("a company after news that names one: want none")
	}
	if neutral.pointsBack(s, english.words(s), nil) {
		t.Errorf("a language without a table has no anaphoric nouns")
	}
}

func TestDocument_danglingPronoun(t *testing.T) {
	d := newDocument(&article.Article{Paragraphs: []string{"Tom Reed spoke to reporters."}})
	defer d.release()
	for _, tc := range []struct {
		name, s string
		want    bool
	}{
		{"after an opening phrase", "Rather than training at the club, he was a part-time painter.", true},
		{"a place is not a he", "Rather than staying in Dunmore, he moved to the coast.", true},
		{"speaker never named", "“We will win the final,” she said after training.", true},
		{"a name the pronoun can take", "After Tom Reed left the club, he became a part-time painter.", false},
		{"it after a name", "When Dunmore Bridge opened in 1990, it carried 100 cars a day.", false},
		{"inside the quotation", `"For me, it is a dream come true," Tom Reed said.`, false},
		{"no pronoun", "When the bridge opened, the town carried on as before.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := d.danglingPronoun(tc.s, english.words(tc.s)); got != tc.want {
				t.Errorf("danglingPronoun(%q) = %v, want %v", tc.s, got, tc.want)
			}
		})
	}
}

func TestLanguage_pastPerfect(t *testing.T) {
	for _, tc := range []struct {
		name, s string
		want    bool
	}{
		{"main clause", "The minister had urged calm before the vote.", true},
		{"irregular participle", "The firm had gone into administration in 2019.", true},
		{"reported speech", "The firm announced that it had reached a deal with its lenders.", false},
		{"relative clause", "Reed bought a shop which had been run by his uncle for years.", false},
		{"obligation", "The minister had to resign over the payments.", false},
		{"inside a quotation", `Tom Reed said: "We had planned it for months."`, false},
		{"simple past", "The minister urged calm before the vote.", false},
		{"after an opening clause", "Days after he sacked his deputy, the mayor had tweeted a warning.", true},
		{"in the opening clause only", "After the ferry had sunk, the mayor ordered an inquiry.", false},
		{"a comma after the main clause", "The mayor ordered an inquiry, which had been urged by Jo Vale.", false},
		{"a comma after a joined clause", "No ferry had sailed in a week and Dunmore, which is an island, ran short.", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := english.pastPerfect(tc.s, english.words(tc.s)); got != tc.want {
				t.Errorf("pastPerfect(%q) = %v, want %v", tc.s, got, tc.want)
			}
		})
	}
}

// TestNewsCandidates_background checks that a sentence telling what had
// happened before, or what someone initially said, does not lead over the
// news.
func TestNewsCandidates_background(t *testing.T) {
	for _, tc := range []struct {
		name, old, news string
	}{
		{"past perfect", "Dunmore council had approved the Harbour Road plans for the site in March.",
			"Dunmore council scrapped the Harbour Road plans for the site on Monday after a protest."},
		{"initially", "Dunmore police initially said a gas leak caused the blast at the Harbour Road site.",
			"Dunmore police said a bomb caused the blast at the Harbour Road site, and arrested two men."},
		{"pointing back", "Dunmore College professor Jane Doe will lead the project on every Harbour Road building.",
			"Dunmore College will map every building on Harbour Road from next year."},
		{"set in an earlier year", "Since December 2013 Dunmore council has sent Harbour Road tenants letters about the site.",
			"Dunmore council sent 400 Harbour Road tenants eviction notices on Monday over the site."},
		{"a year older than the article's newest", "Dunmore council was paid £1m in 2013 to repave the Harbour Road pavements.",
			"Dunmore council will repave every Harbour Road pavement from 2017, ministers said."},
		{"last year in the main clause", "Dunmore council bought the Harbour Road site for £2m last year from a developer.",
			"Dunmore council approved 300 new homes for the Harbour Road site on Monday."},
		{"an action told elsewhere", "Dunmore council leader Jo Vale refused to rule out doing so at the Harbour Road site.",
			"Dunmore council shut the Harbour Road site on Monday after a fire."},
		{"in an earlier month", "In March, Dunmore council closed 40 Harbour Road shops after a fire.",
			"All 40 Harbour Road shops reopened on Monday, Dunmore council said."},
		{"in a month of last year", "In March last year, the Dunmore council leader said Harbour Road shops were losing trade.",
			"Dunmore council will close Harbour Road to traffic from Monday, its leader said."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// An opening that does not stand alone takes the lead's bonus.
			a := &article.Article{Title: "Harbour Road", Paragraphs: []string{"Here is what we know.", tc.old, tc.news}}
			d := newDocument(a)
			defer d.release()
			scores := d.scores(nil)
			cands := d.newsCandidates(scores, d.titleSet())
			if len(cands) == 0 || d.sentences[cands[0].index].text != tc.news {
				t.Errorf("news = %+v, want %q", cands, tc.news)
			}
		})
	}
}

// TestNewsCandidates_leaningLead checks that the article's lead, when it
// opens on a description of what the article left out ("The three-storey
// building …"), is still the news over a weaker side sentence, and that a
// lead opening on a pronoun never is.
func TestNewsCandidates_leaningLead(t *testing.T) {
	for _, tc := range []struct {
		name, lead, side string
		leads            bool
	}{
		{"a description leans: the lead stays the news",
			"The three-storey building burned down overnight, Dunmore fire crews said.",
			"There was previously a ferry from Dunmore to Kells.", true},
		{"a description leans: it still beats a side fact with more names",
			"The 31-year-old has signed a two-year contract with the Rovers, the club said.",
			"Dunmore Rovers won the Harbour League Cup five times between 2003 and 2010 under Tom Reed. " +
				"His two-year contract with the Rovers is his first since he signed for Kells.", true},
		{"a possessive after the verb leans: the lead stays the news",
			"The first 40 of 90 paper boats have been set afloat across the harbour to mark the 75th anniversary of her death.",
			"Jo Vale sailed a paper boat across the harbour from Dunmore to Kells in 1930.", true},
		{"a pronoun: never the news",
			"He was spotted on a ferry from Dunmore to Kells at 18:20 on Monday, police said.",
			"Dunmore police thanked the public for 40 calls about the missing boy.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDocument(&article.Article{Paragraphs: []string{tc.lead, tc.side}})
			defer d.release()
			cands := d.newsCandidates(d.scores(nil), d.titleSet())
			got := len(cands) > 0 && d.sentences[cands[0].index].text == tc.lead
			if got != tc.leads {
				t.Errorf("news %+v; want the lead as the news: %v", cands, tc.leads)
			}
		})
	}
}

func TestLanguage_dropRelativeDay(t *testing.T) {
	for in, want := range map[string]string{
		"A Kells Bay florist told the Gazette yesterday she met him.": "A Kells Bay florist told the Gazette she met him.",
		"The plumber pleaded guilty yesterday to four burglaries.":    "The plumber pleaded guilty to four burglaries.",
		"Yesterday, the council voted to close the pool.":             "The council voted to close the pool.",
		"The council voted earlier today to close the pool.":          "The council voted to close the pool.",
		"Police said the road reopened this morning after the crash.": "Police said the road reopened after the crash.",
		"Fans queued last night outside the stadium.":                 "Fans queued outside the stadium.",
		"She was seen leaving the shop yesterday afternoon.":          "She was seen leaving the shop.",
		`He said: "We will vote today on the plan."`:                  `He said: "We will vote today on the plan."`,
		"Today is the last day of the sale.":                          "Today is the last day of the sale.",
		"The Britain of today is a different place.":                  "The Britain of today is a different place.",
		"Yesterday's vote closed the pool.":                           "Yesterday's vote closed the pool.",
		"The pool stays open until today, the council said.":          "The pool stays open until today, the council said.",
		"Voting ends this Morning Star poll.":                         "Voting ends this Morning Star poll.",
		"Just yesterday Jo Vale was jailed for fraud.":                "Jo Vale was jailed for fraud.",
		"Only yesterday the council voted to close the pool.":         "The council voted to close the pool.",
		"The pool closed just yesterday, the council said.":           "The pool closed, the council said.",
		"Yesterday Jo Vale was jailed for fraud.":                     "Yesterday Jo Vale was jailed for fraud.",
		"This morning is the last of the sale.":                       "This morning is the last of the sale.",
	} {
		if got := english.dropRelativeDay(in); got != want {
			t.Errorf("dropRelativeDay(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStripDateline_colon(t *testing.T) {
	checkStripDateline(t, map[string][2]string{
		"HARBOUR TOWN: Ferry services to the islands resumed on Saturday after a week of storms.": {"Ferry services to the islands resumed on Saturday after a week of storms.", "Harbour Town"},
		"Gazette : While most Harbour shops stay shut on Sundays, Dr. Ann Marsh is opening hers.": {"Gazette : While most Harbour shops stay shut on Sundays, Dr. Ann Marsh is opening hers.", ""},
		"Note: the pool will close on Monday for repairs to the roof.":                            {"Note: the pool will close on Monday for repairs to the roof.", ""},
	})
}

// TestCompose_boilerplateLead checks that a site's standing line ("Read a
// full report of …") is never taken for the news.
func TestCompose_boilerplateLead(t *testing.T) {
	a := &article.Article{Paragraphs: []string{
		"Read a full report of the County League game between Dunmore Town and Kells United at Harbour Park on Saturday.",
		"Dunmore Town fought back from 2-0 down to beat Kells United 3-2, with Sam Reid scoring twice.",
	}}
	a.Finish()
	res, err := Compose(a, Options{})
	if err != nil || strings.HasPrefix(res.Teaser.String(), "Read a full") {
		t.Errorf("teaser %q, %v; want the result, not the site's line", res.Teaser.String(), err)
	}
}

func TestLanguage_dropLabel_echo(t *testing.T) {
	for in, want := range map[string]string{
		"300-year-old wreck found: Divers have found a 300-year-old wreck near the harbour wall.": "Divers have found a 300-year-old wreck near the harbour wall.",
		"Warning: the bridge will close on Monday for repairs to its deck, the council said.":     "Warning: the bridge will close on Monday for repairs to its deck, the council said.",
		"Bridge closed: Dunmore council shut the bridge on Monday after cracks were found in it.": "Bridge closed: Dunmore council shut the bridge on Monday after cracks were found in it.",
	} {
		if got := english.dropLabel(in); got != want {
			t.Errorf("dropLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestStripDateline_wire: datelines without a dash before a function
// word, with a two-word place, with a place's accented capitals, and a
// date with an agency's credit go; capitals that open a name stay.
func TestStripDateline_wire(t *testing.T) {
	checkStripDateline(t, map[string][2]string{
		"HARBIN For the first time in years, the ferries to Kells ran on time all week.":     {"For the first time in years, the ferries to Kells ran on time all week.", "Harbin"},
		"EL PASO A storm closed the harbour on Monday, stranding two ferries at sea.":        {"A storm closed the harbour on Monday, stranding two ferries at sea.", "El Paso"},
		"SÃO JOÃO, Dunland — Police said a ferry ran aground near the harbour on Monday.":    {"Police said a ferry ran aground near the harbour on Monday.", "São João, Dunland"},
		"Port Skerry, Dunland - Police said a ferry ran aground near the harbour on Monday.": {"Police said a ferry ran aground near the harbour on Monday.", "Port Skerry, Dunland"},
		"April 1 (Reuters) - Dunmore Ferries said it will buy six electric boats this year.": {"Dunmore Ferries said it will buy six electric boats this year.", ""},
		"US President Jo Vale met ferry workers at Harbin on Monday to hear their case.":     {"US President Jo Vale met ferry workers at Harbin on Monday to hear their case.", ""},
	})
}

// TestUnshout: a print opening's capitals are written as the article
// writes the words elsewhere; an acronym, or a word written only in
// capitals, stays.
func TestUnshout(t *testing.T) {
	for _, tc := range []struct{ in, elsewhere, want string }{
		{"THE Harbour Board will close the pier on Monday.", "The pier is old.", "The Harbour Board will close the pier on Monday."},
		{"THE FIGHT over the pier went on for a year.", "The fight was long.", "The fight over the pier went on for a year."},
		{"HARBOUR BOARD, the port's owner, will close the pier.", "The Harbour Board met.", "Harbour Board, the port's owner, will close the pier."},
		{"PRESIDENT Jo Vale will open the pier on Monday.", "Voters like President Vale.", "President Jo Vale will open the pier on Monday."},
		{"NASA Administrator Jo Vale will open the pier.", "Vale worked at NASA.", "NASA Administrator Jo Vale will open the pier."},
		{"US FERRIES expect to carry 7m people to Harbin.", "The ferries told us they sail from the US.", "US FERRIES expect to carry 7m people to Harbin."},
		{"DANELLA Vale will open the pier on Monday.", "Vale is a singer.", "DANELLA Vale will open the pier on Monday."},
		{"ÉCOLE Dunmore will close on Monday.", "Pupils of the École Dunmore left.", "École Dunmore will close on Monday."},
		{"THE PIER WILL CLOSE ON MONDAY.", "The pier is old.", "THE PIER WILL CLOSE ON MONDAY."},
		{"0A 00A a 0 00 a 0", "", "0A 00A a 0 00 a 0"},
		{"THE FIGHT over the pier went on for a year.", "Fight fans met.", "THE FIGHT over the pier went on for a year."},
		{"HARBIN A storm closed the port on Monday.", "The port of Harbin is shut.", "HARBIN A storm closed the port on Monday."},
	} {
		d := newDocument(&article.Article{Paragraphs: []string{tc.in + " " + tc.elsewhere}})
		if got := d.unshout(tc.in); got != tc.want {
			t.Errorf("unshout(%q) = %q, want %q", tc.in, got, tc.want)
		}
		d.release()
	}
	if got, _ := cleanLead("", "THE Harbour Board will close the pier on Monday, the mayor said."); got != "The Harbour Board will close the pier on Monday, the mayor said." {
		t.Errorf("clean kept a print opening's capitals: %q", got)
	}
}

func TestStripDateline_reportingFrom(t *testing.T) {
	rest, _ := english.stripDateline("Reporting from Port Skerry — Tom Reed rang from the team bus, sounding calm about the delay.")
	if rest != "Tom Reed rang from the team bus, sounding calm about the delay." {
		t.Errorf("stripDateline kept the correspondent's dateline: %q", rest)
	}
}

// TestPickStakesLine_repeatsSubject checks that a stakes line opening on
// the name the news already gave is not added: the post would say it twice.
func TestPickStakesLine_repeatsSubject(t *testing.T) {
	a := &article.Article{Paragraphs: []string{
		"Keeper Ana Lind said zoo staff were sure the missing parrot would be found within days.",
		"Ms Lind warned people could be bitten if they tried to catch the parrot, which could panic.",
	}}
	a.Finish()
	res, err := Compose(a, Options{})
	if err != nil || strings.Count(res.Teaser.String(), "Lind") > 1 {
		t.Errorf("teaser %q, %v; want Lind named once", res.Teaser.String(), err)
	}
}

// TestDropRelativeDay_otherLanguages checks that German, French and
// Spanish sentences keep their day words: the guards that keep "until
// today" ("bis heute") are written for English only.
func TestDropRelativeDay_otherLanguages(t *testing.T) {
	for tag, s := range map[string]string{
		"de": "Die Brücke bleibt bis heute gesperrt, sagte die Stadt.",
		"fr": "Le pont est fermé depuis hier, a dit la mairie.",
		"es": "El puente sigue cerrado hasta hoy, dijo el ayuntamiento.",
	} {
		if got := languageFor(tag).dropRelativeDay(s); got != s {
			t.Errorf("%s: dropRelativeDay(%q) = %q; want it unchanged", tag, s, got)
		}
	}
}

// TestClean_antecedentInSentence: a pronoun whose noun comes before it in
// the same sentence does not dangle; one that opens the sentence, or finds
// no noun of its number, does.
func TestClean_antecedentInSentence(t *testing.T) {
	for _, tc := range []struct {
		name, s string
		ok      bool
	}{
		{"their after a plural", "Two neighbours pushed a 70-year-old postman who tried to stop a quarrel over their hedge, police said.", true},
		{"his after a person", "A farmer drove a tractor through the flooded lane to rescue his sheep on Monday.", true},
		{"another inside the sentence", "Two pupils were sent home after a fight with another pupil at the bus stop on Monday.", true},
		{"they open the clause", "The next day they drove to the harbour and blocked the road for three hours.", false},
		{"their without a plural", "The next day the driver closed their shop for three hours on Monday.", false},
		{"him as an object", "The crowd lifted him off the fence after the final whistle on Saturday.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDocument(&article.Article{Paragraphs: []string{"Harbour Town is quiet.", tc.s}})
			defer d.release()
			if _, _, _, ok := d.clean(1, nil, false); ok != tc.ok {
				t.Errorf("clean(%q) ok = %v, want %v", tc.s, ok, tc.ok)
			}
		})
	}
}

// TestClean_cutKeepsTitle: a long sentence is not cut where the cut drops
// what the title says the story is about.
func TestClean_cutKeepsTitle(t *testing.T) {
	s := "Prosecutors in the capital on Friday charged a former harbour master with negligence over a ferry collision, which cost the port authority up to $3 million in repairs and lost fees."
	for _, tc := range []struct {
		title string
		whole bool
	}{
		{"Port authority counts the cost of a ferry collision", true},
		{"Former harbour master charged by prosecutors in the capital", false},
	} {
		text, ok := cleanLead(tc.title, s)
		if !ok || (text == s) != tc.whole {
			t.Errorf("title %q: clean = %q, %v; want whole %v", tc.title, text, ok, tc.whole)
		}
	}
}

// TestDefiniteReference_namedAfterNoun: an article's opening description
// whose complement names what it means stands alone; one that names
// nothing before its verb, or only what a possessor ("The crew's") owns,
// leans on what the article left out.
func TestDefiniteReference_namedAfterNoun(t *testing.T) {
	for _, tc := range []struct {
		name, s string
		want    bool
	}{
		{"named after of", "The owner of the giant sign at Mill Roundabout is not yet known.", false},
		{"named after a longer noun phrase", "The next open meeting at the Kells Harbour Forum was set for May.", false},
		{"nothing named", "The owner of the sign has not come forward yet.", true},
		{"a name after the verb does not say which", "The drill has cut through the north wall of Mill Street station.", true},
		{"a possessor a name after it does not say", "The crew's stand at Mill Roundabout will be their last of the year.", true},
		{"a capitalised compound describes, it does not name", "The Award-winning actor unveiled his star on Friday.", true},
		{"a hyphenated name names", "The Rolls-Royce engine failed twice on Friday.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDocument(&article.Article{Paragraphs: []string{tc.s, "Harbour Town is quiet."}})
			defer d.release()
			if got := d.definiteReference(tc.s, english.words(tc.s), 0); got != tc.want {
				t.Errorf("definiteReference(%q) = %v, want %v", tc.s, got, tc.want)
			}
		})
	}
}

// TestStripDateline_gluedHeadline: a headline glued before the dateline
// goes with it, even when an abbreviation in it carries a dot.
func TestStripDateline_gluedHeadline(t *testing.T) {
	checkStripDateline(t, map[string][2]string{
		"Dana Kole takes over as manager Mon., replacing Tom Reed (AP) HARBOUR TOWN - Dana Kole is known for her patience and her temper.": {"Dana Kole is known for her patience and her temper.", "Harbour Town"},
		"Ferries go electric BERLIN - The city's ferries will run on batteries from next year.":                                            {"The city's ferries will run on batteries from next year.", "Berlin"},
		"PORT HARBIN, Dun. (AP) Dana Kole has been voted into the Dunmore Hall of Fame.":                                                   {"Dana Kole has been voted into the Dunmore Hall of Fame.", "Port Harbin"},
		"NATO Secretary General Dana Kole met ministers on Monday.":                                                                        {"NATO Secretary General Dana Kole met ministers on Monday.", ""},
	})
}

// TestClean_herePlace: the wire's "here" means the dateline's place, which
// the post no longer has; it takes the place's name.
func TestClean_herePlace(t *testing.T) {
	for in, want := range map[string]string{
		"LONDON: Dana Kole scored twice as Harbour Town beat Dunmore 4-2 here Saturday to go top.":      "Dana Kole scored twice as Harbour Town beat Dunmore 4-2 in London on Saturday to go top.",
		"HARBIN - Ferries will run on batteries from next year, its operator said here on Monday.":      "Ferries will run on batteries from next year, its operator said in Harbin on Monday.",
		"HARBIN - Ferries will run on batteries from next year, and here is how the operator plans it.": "Ferries will run on batteries from next year, and here is how the operator plans it.",
		"HARBIN: The country's largest ferry firm will buy six electric boats, it said on Monday.":      "In Harbin, the country's largest ferry firm will buy six electric boats, it said on Monday.",
		"HARBIN - Two gunmen opened fire on a ferry queue in this port, police said on Monday.":         "In Harbin, two gunmen opened fire on a ferry queue in this port, police said on Monday.",
		"HARBIN - Gunmen opened fire on a ferry queue in the port city of Harbin, police said.":         "Gunmen opened fire on a ferry queue in the port city of Harbin, police said.",
	} {
		text, ok := cleanLead("", in)
		if !ok || text != want {
			t.Errorf("clean(%q) = %q, %v; want %q", in, text, ok, want)
		}
	}
}

// TestNewsCandidates_standingLead checks that a titled article's lead
// which stands alone stays the news over a later sentence that only shares
// a little more of the article's words: in the blind rounds, posts that
// left such a lead for a later sentence missed the news far more often
// than the lead did. (Without a headline, reach weighs in: see
// TestNewsCandidates_reach.)
func TestNewsCandidates_standingLead(t *testing.T) {
	lead := "A Dunmore court lifted a ban on 2 ferries on Monday."
	later := "Dunmore closed all 12 Dunmore ferries and all Harbour Road ferries after the Dunmore storm, Dunmore officials said."
	d := newDocument(&article.Article{Title: "Court lifts ferry ban", Paragraphs: []string{
		lead,
		"The ban was imposed after Dunmore residents argued the Harbour Road ferries were unsafe.",
		later,
		"Dunmore ferries carry 2,000 people a day across the harbour.",
	}})
	defer d.release()
	scores := d.scores(d.phraseSet([]string{"Harbour Road", "Dunmore", "ferries", "storm", "officials"}))
	cands := d.newsCandidates(scores, d.titleSet())
	if len(cands) == 0 || cands[0].index != 0 {
		t.Errorf("news = %+v, want the lead %q", cands, lead)
	}
}

// TestNewDocument_gluedPronoun: a subhead run into the first sentence
// without its full stop ("… from May It could …") is split off, and the
// half that opens on the pronoun is not posted; a pronoun in a quote is
// no glue.
func TestNewDocument_gluedPronoun(t *testing.T) {
	for s, want := range map[string][]string{
		"Ferry fares to rise in Dunmore from May It could get dearer to cross the harbour this summer.": {
			"Ferry fares to rise in Dunmore from May", "It could get dearer to cross the harbour this summer."},
		"Ferry fares in Dunmore will rise in May, and they could rise again in the autumn, it said.": {
			"Ferry fares in Dunmore will rise in May, and they could rise again in the autumn, it said."},
		"Dunmore council said \"It could get dearer to cross the harbour\" in its report on Monday.": {
			"Dunmore council said \"It could get dearer to cross the harbour\" in its report on Monday."},
		"Dunmore council said \"fares will rise in May and It could get dearer\" on Monday.": {
			"Dunmore council said \"fares will rise in May and It could get dearer\" on Monday."},
	} {
		d := newDocument(&article.Article{Paragraphs: []string{s}})
		var got []string
		for _, sn := range d.sentences {
			got = append(got, sn.text)
		}
		if !slices.Equal(got, want) {
			t.Errorf("sentences of %q = %q; want %q", s, got, want)
		}
		if _, _, _, ok := d.clean(len(d.sentences)-1, nil, false); len(want) == 2 && ok {
			t.Errorf("the glued pronoun's half of %q is posted", s)
		}
		d.release()
	}
}

// TestIndefinite: the lead of an article that lost its first sentence
// introduces its person and its event afresh; a description that says
// which one, an organisation, a name and a quotation stay.
func TestIndefinite(t *testing.T) {
	for in, want := range map[string]string{
		"The 47-year-old woman, from Dunmore, was hurt in the collision on Sunday.": "A 47-year-old woman, from Dunmore, was hurt in a collision on Sunday.",
		"The 18-year-old man was arrested after the attack on a shop in Kells.":     "An 18-year-old man was arrested after an attack on a shop in Kells.",
		"The 27-year-old has had no boat of his own since the crash.":               "The 27-year-old has had no boat of his own since a crash.",
		"The pupil was hurt in the latest attack on Mill Street.":                   "A pupil was hurt in the latest attack on Mill Street.",
		"The pilot was taken to hospital after the incident.":                       "A pilot was taken to hospital after an incident.",
		"The club said the crash of the bus was under investigation.":               "The club said the crash of the bus was under investigation.",
		"The man named by police as Tom Reed died in the blaze at Mill Street.":     "The man named by police as Tom Reed died in the blaze at Mill Street.",
		"Police said \"the attack was cowardly\" and closed Mill Street.":           "Police said \"the attack was cowardly\" and closed Mill Street.",
		"Dunmore police said the fire at the Mill Street depot started at 02:00.":   "Dunmore police said the fire at the Mill Street depot started at 02:00.",
		"Two pupils were hurt in the attacks.":                                      "Two pupils were hurt in the attacks.",
		"Police said that the woman had been hurt on Mill Street.":                  "Police said that a woman had been hurt on Mill Street.",
		"Police said the man was arrested at Mill Street.":                          "Police said a man was arrested at Mill Street.",
		"Crews rescued the woman from the cliff at Kells.":                          "Crews rescued the woman from the cliff at Kells.",
		"Police said that the club had paid the fine.":                              "Police said that the club had paid the fine.",
	} {
		if got := english.indefinite(in, english.words(in)); got != want {
			t.Errorf("indefinite(%q)\n = %q\nwant %q", in, got, want)
		}
	}
}

// TestClean_tidies: the cleaning rules of a sentence posted as the news.
func TestClean_tidies(t *testing.T) {
	for in, want := range map[string]string{
		"Harbin • Like it or not, ferry fares in Harbin will rise from May under plans set out on Friday.":            "Like it or not, ferry fares in Harbin will rise from May under plans set out on Friday.",
		"A Dunmore ferry was halted Wednesday after a fault at the Mill Street pier on Wednesday.":                    "A Dunmore ferry was halted Wednesday after a fault at the Mill Street pier.",
		"A Dunmore ferry was halted on Wednesday after a fault at the pier on Wednesday night.":                       "A Dunmore ferry was halted on Wednesday after a fault at the pier on Wednesday night.",
		"Because the Dunmore council is now proposing that every ferry carries a nurse.":                              "",
		"Because of the storm, every Dunmore ferry stayed in port on Monday.":                                         "Because of the storm, every Dunmore ferry stayed in port on Monday.",
		"Dunmore council has approved four more ferries from Harbin Yards, a senior executive ...":                    "",
		"Check out the video in the sidebar to see how the Dunmore ferry works.":                                      "",
		"Despite that, Dunmore ferry sales rose by a third in the year to March.":                                     "",
		"Worse still, the Dunmore ferry will call at Kells only twice a week from May.":                               "",
		"At least until Dunmore Rovers came along and beat Kells in the cup final.":                                   "",
		"Even if the Dunmore pier reopens in May the ferries will not sail to Kells.":                                 "",
		"Until recently there were two ferries a day from Dunmore to Kells.":                                          "Until recently there were two ferries a day from Dunmore to Kells.",
		"Kells Hall, Dunmore, Sat; Mill Rooms, Harbin, Sun; Pier Bar, Kells, Tue Jo Vale, On tour Jo Vale.":           "",
		"Harbour and Kells Rovers: Jo Vale, Tom Reed, Ann Marsh, Dana Kole, Kim Lee, Sam Ash and Lee Ward.":           "",
		"The ferry calls at Kells on Monday; at Dunmore, where the pier is new, on Tuesday; and at Harbin on Friday.": "The ferry calls at Kells on Monday; at Dunmore, where the pier is new, on Tuesday; and at Harbin on Friday.",
		"It's official: Ferry passengers no longer need a ticket to sail in Dunmore waters.":                          "Ferry passengers no longer need a ticket to sail in Dunmore waters.",
		"Second, in 2024 Harbin Yards blocked Dunmore's new ferries from using the Kells pier.":                       "",
		"First Minister Jo Vale opened the new Dunmore ferry terminal on Monday.":                                     "First Minister Jo Vale opened the new Dunmore ferry terminal on Monday.",
		"Even more telling is the Dunmore council's claim that every ferry loses money.":                              "",
		"In the same week it paid £2m to the Dunmore ferry regulator.":                                                "",
		"The next day, Dunmore police arrested two men at the Mill Street depot.":                                     "Dunmore police arrested two men at the Mill Street depot.",
		"Later that week the Dunmore ferry sailed again with 200 passengers.":                                         "",
		"That day was the busiest in the history of the Dunmore ferry.":                                               "",
		"The same ferry crossed to Kells four times on Monday, its crew said.":                                        "The same ferry crossed to Kells four times on Monday, its crew said.",
		"LISTEN DUNMORE, THE COUNCIL WILL SELL THE LAST FERRY AND NOBODY IN KELLS WILL STOP THEM wrote Jo Vale, commenting on the plan to close the Mill Street pier and saying the council ignored every letter from Kells.": "",
		"GAZETTE : Dana Kole may struggle to build a campaign team before the spring vote.": "",
	} {
		text, ok := cleanLead("Ferries", in)
		if !ok {
			text = ""
		}
		if text != want {
			t.Errorf("clean(%q)\n = %q\nwant %q", in, text, want)
		}
	}
}

// TestCompose_titleWhenNothingStands: when no sentence stands alone, the
// headline, which is written to, is the news, as a sentence, without its
// page labels.
func TestCompose_titleWhenNothingStands(t *testing.T) {
	for title, want := range map[string]string{
		"Video: Robots to help Dunmore ferry crews after the storm": "Robots to help Dunmore ferry crews after the storm.",
		"Dunmore Brings Back Its Old Ferries (PHOTOS)":              "Dunmore brings back its old ferries.",
		"WRAPUP 3-Harbin says Dunmore needs new ferries":            "Harbin says Dunmore needs new ferries.",
		"UPDATE 2-Harbin Yards sells two ferries to Dunmore":        "Harbin Yards sells two ferries to Dunmore.",
		"Jo Vale Opens Harbin's First BBC Studio?":                  "Jo Vale opens Harbin's first BBC studio?",
		"The Insider | Dana Kole":                                   "",
		"Dunmore Ferry Gets New F1 Engines":                         "Dunmore ferry gets new F1 engines.",
		"Dunmore Opens Énorme Ferry Terminal":                       "Dunmore opens énorme ferry terminal.",
		"Jo Vale Talks Ferries , Harbin's Pier":                     "Jo Vale talks ferries, Harbin's pier.",
	} {
		d := newDocument(&article.Article{Title: title, Paragraphs: []string{
			"My colleague wrote here yesterday about them.", "We will see how it goes for them.",
			"They said Jo Vale and Harbin would decide."}})
		dr := compose(d, nil, 0, 0)
		d.release()
		if want != "" && dr.fact != want {
			t.Errorf("title %q: news %q, want %q", title, dr.fact, want)
		}
		if want == "" && dr.fact == strings.TrimSpace(title) {
			t.Errorf("title %q: posted the label as the news", title)
		}
	}
}

// TestPickStakesLine: the stakes line is the best that fits what the news
// left of the post's words, and never one telling what had come before.
func TestPickStakesLine(t *testing.T) {
	news := "Dunmore council will close the Mill Street ferry pier from Monday."
	long := "The Dunmore ferry closure could leave hundreds of Kells commuters facing journeys of more than an hour each way to reach their offices in the town."
	short := "Ferry commuters from Kells could face hour-long journeys."
	past := "Ferry commuters in Kells had warned that a closure could cost them their jobs."
	for _, tc := range []struct {
		name   string
		lines  []string
		budget int
		want   string
	}{
		{"the best fits", []string{long, short}, 40, long},
		{"the best is too long: the next", []string{long, short}, 12, short},
		{"nothing fits", []string{long}, 12, ""},
		{"what had come before is no stakes", []string{past}, 40, ""},
		{"a set-up is no consequence", []string{"Kells commuters set up a ferry campaign group at the Mill Street pier."}, 40, ""},
		{"an action told elsewhere", []string{"Other Kells ferry firms could follow suit as Dunmore commuters face longer journeys."}, 40, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDocument(&article.Article{Paragraphs: append([]string{news}, tc.lines...)})
			defer d.release()
			scores := d.scores(d.phraseSet([]string{"Dunmore", "Kells", "ferry"}))
			if got, _ := d.pickStakesLine(scores, d.titleSet(), 0, tc.budget); got != tc.want {
				t.Errorf("stakes %q, want %q", got, tc.want)
			}
		})
	}
}

// cleanLead cleans s as the lead of an article of that title and one
// paragraph, as newsCandidates does (a lead may lean).
func cleanLead(title, s string) (text string, ok bool) {
	d := newDocument(&article.Article{Title: title, Paragraphs: []string{s}})
	defer d.release()
	text, _, _, ok = d.clean(0, nil, true)
	return text, ok
}

// TestFollowOn: the sentence after the news joins it when it tells what
// happened since (dated this week where the news is not) or turns it
// ("But …"), and its "she" can only be the person the news names or
// calls so.
func TestFollowOn(t *testing.T) {
	for _, tc := range []struct {
		name, news, next, want string
	}{
		{"what happened since",
			"Jo Vale, 39, sold fake ferry tickets to passengers at Dunmore pier in April 2013.",
			"She was arrested at Kells on Sunday after a ferry crew called police.",
			"She was arrested at Kells on Sunday after a ferry crew called police."},
		{"the news is dated this week itself",
			"Jo Vale, 39, was charged at Dunmore on Monday with selling fake ferry tickets.",
			"She was arrested at Kells on Sunday after a ferry crew called police.", ""},
		{"no newer time",
			"Jo Vale, 39, sold fake ferry tickets to passengers at Dunmore pier in April 2013.",
			"She was later arrested at Kells after a ferry crew called police.", ""},
		{"the news names and describes no one: who is she?",
			"Fake ferry tickets were sold at Dunmore pier in April 2013.",
			"She was arrested at Kells on Sunday after a ferry crew called police.", ""},
		{"the news describes her",
			"A 39-year-old sold fake ferry tickets at Dunmore pier in April 2013.",
			"She was arrested at Kells on Sunday after a ferry crew called police.",
			"She was arrested at Kells on Sunday after a ferry crew called police."},
		{"the news's person is a he: she is someone else",
			"Tom Reed, 39, sold fake ferry tickets, which he printed at home, at Dunmore pier in April 2013.",
			"She was arrested at Kells on Sunday after a ferry crew called police.", ""},
		{"two people in the news: which she?",
			"Jo Vale, 39, and Ann Marsh, 41, sold fake ferry tickets at Dunmore pier in April 2013.",
			"She was arrested at Kells on Sunday after a ferry crew called police.", ""},
		{"a turn, which keeps its But",
			"Jo Vale, 39, was charged with selling fake ferry tickets at Dunmore pier.",
			"But the charges were dropped after a ferry clerk admitted printing them.",
			"But the charges were dropped after a ferry clerk admitted printing them."},
		{"a turn keeps its name's capital",
			"Jo Vale, 39, was charged with selling fake ferry tickets at Dunmore pier.",
			"However, Kells magistrates threw out the case after a ferry clerk admitted printing them.",
			"However, Kells magistrates threw out the case after a ferry clerk admitted printing them."},
		{"a turn's he is the one the news calls he",
			"Leading by ten lengths, the skipper ran aground as he rounded the Dunmore light.",
			"However, he refloated his boat and finished two minutes ahead of the Kells crew.",
			"However, he refloated his boat and finished two minutes ahead of the Kells crew."},
		{"a turn's she, after a news that calls someone he",
			"Leading by ten lengths, the skipper ran aground as he rounded the Dunmore light.",
			"However, she refloated her boat and finished two minutes ahead of the Kells crew.", ""},
		{"a turn that does not fit, even with its extra words",
			"Jo Vale, 39, was charged with selling fake ferry tickets to hundreds of passengers at Dunmore pier in April and May 2013.",
			"But the charges were dropped on appeal after a ferry clerk at Kells admitted in court that he had printed and sold every one of the tickets himself.", ""},
		{"the court's outcome after the offence, its name said again",
			"Jo Vale, 39, sold fake ferry tickets to passengers at Dunmore pier in 2013.",
			"Vale was jailed for 19 months at Kells Crown Court.",
			"Vale was jailed for 19 months at Kells Crown Court."},
		{"two people, and no pronoun to confuse",
			"Jo Vale and Ann Marsh sold fake ferry tickets to passengers at Dunmore pier in 2013.",
			"Vale was jailed for 19 months and Marsh was fined £400.",
			"Vale was jailed for 19 months and Marsh was fined £400."},
		{"no outcome after news that gives one",
			"Jo Vale, 39, was jailed for selling fake ferry tickets at Dunmore pier in 2013.",
			"Ann Marsh was fined £400 for printing them at Kells.", ""},
		{"not a turn: a connective that does not limit",
			"Jo Vale, 39, was charged with selling fake ferry tickets at Dunmore pier.",
			"Meanwhile, the charges against a ferry clerk who printed them were dropped.", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDocument(&article.Article{Paragraphs: []string{tc.news, tc.next,
				"Jo Vale said she had done nothing wrong, and Ann Marsh said the same."}})
			defer d.release()
			if got := d.followOn(0, maxPostWords-wordCount(tc.news)); got != tc.want {
				t.Errorf("followOn = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFollowOn_outcomeFurtherOn: the court's outcome may follow the news
// from two sentences on, when it names whom it tells of.
func TestFollowOn_outcomeFurtherOn(t *testing.T) {
	news := "Jo Vale used her post at the Dunmore ferry office to sell fake tickets to passengers."
	between := "A court heard she sold tickets to more than 400 passengers."
	for _, tc := range []struct{ name, outcome, want string }{
		{"named", "Vale was jailed for 19 months at Kells Crown Court.", "Vale was jailed for 19 months at Kells Crown Court."},
		{"her, after a sentence that is not posted", "She was jailed for 19 months at Kells Crown Court.", ""},
		{"no outcome", "Vale left Kells for Harbin after the ferry office closed in May.", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDocument(&article.Article{Paragraphs: []string{news, between, tc.outcome}})
			defer d.release()
			if got := d.followOn(0, maxPostWords-wordCount(news)); got != tc.want {
				t.Errorf("followOn = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestCompose_titleOverScene: a headline that tells the news the chosen
// sentence leaves out is the news, unless it is a question, a label, or
// drops the article's "allegedly".
func TestCompose_titleOverScene(t *testing.T) {
	scene := "Under grey skies at Dunmore's old harbour wall, Kells commuters queued for the Mill Street boat on Monday."
	for _, tc := range []struct {
		title, lead, want string
	}{
		{"Dunmore council votes to close Mill Street ferry pier", scene,
			"Dunmore council votes to close Mill Street ferry pier."},
		{"Will Dunmore council close Mill Street ferry pier?", scene, scene},
		{"Dunmore council: votes to close Mill Street ferry pier", scene, scene},
		{"Dunmore council, Mill Street ferry pier and the vote", scene, scene},
		{"Dunmore council sacks Mill Street ferry pier captain", scene +
			" The captain allegedly sacked by Dunmore council ran the Mill Street ferry pier for years.", scene},
	} {
		d := newDocument(&article.Article{Title: tc.title, Paragraphs: []string{tc.lead,
			"Kells commuters said the boat was always late, and Dana Kole of the ferry union said she would complain to Dunmore.",
			"He said the council votes to close the ferry pier were final."}})
		dr := compose(d, nil, 0, 0)
		d.release()
		if dr.fact != tc.want {
			t.Errorf("title %q: news %q, want %q", tc.title, dr.fact, tc.want)
		}
	}
}

// TestCompose_titleWithSpaces: a headline with spaces around it, as a
// caller of Compose may give one, is read at its own offsets (the check
// for the writer's voice sliced the trimmed headline and panicked).
func TestCompose_titleWithSpaces(t *testing.T) {
	a := &article.Article{Title: "   Dunmore council votes to close Mill Street ferry pier  ", Paragraphs: []string{
		"Under grey skies at Dunmore's old harbour wall, Kells commuters queued for the Mill Street boat on Monday.",
		"He said the council votes to close the ferry pier were final."}}
	res, err := Compose(a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := res.Teaser.String(), "Dunmore council votes to close Mill Street ferry pier."; got != want {
		t.Errorf("teaser %q, want %q", got, want)
	}
}

// TestHeadlineVerb: a headline reads as a clause when a lower-case word
// after its first is a verb's form; names, quotes and pronouns are not.
func TestHeadlineVerb(t *testing.T) {
	for h, want := range map[string]bool{
		"Jo Vale gets a Dunmore ferry named after her.":    true,
		"Harbin council votes to close the ferry pier.":    true,
		"Dunmore ferry closed after a storm.":              true,
		"Harbin bid to buy Dunmore ferries.":               true,
		"Tom Reed \"Sailing the Harbour\" with Jo Vale.":   false,
		"Jo Vale's ferry with his crew in this harbour.":   false,
		"Dunmore ferry pier in Harbin harbour, new style.": false,
	} {
		if got := english.headlineVerb(h); got != want {
			t.Errorf("headlineVerb(%q) = %v, want %v", h, got, want)
		}
	}
}

// TestCompose_titleEvent: a headline that tells an event ("… beats …")
// is the news over a lead that tells none, when the lead has only half of
// the headline's words; a headline whose event word is a noun ("Pier plan
// would …") is not.
func TestCompose_titleEvent(t *testing.T) {
	lead := "Joking between points, Jo Vale and Tom Reed made every rally at the pier sound like a party."
	for title, want := range map[string]string{
		"Vale beats Reed for Harbin title":    "Vale beats Reed for Harbin title.",
		"Vale and Reed tour for Harbin title": lead,
		"Vale plan would keep Reed":           lead,
	} {
		d := newDocument(&article.Article{Title: title, Paragraphs: []string{lead,
			"Later Vale took the Harbin final and the title 6-1, 6-4, ending a run of three defeats.",
			"Reed said the plan would keep him at the pier next year."}})
		dr := compose(d, nil, 0, 0)
		d.release()
		if dr.fact != want {
			t.Errorf("title %q: news %q, want %q", title, dr.fact, want)
		}
	}
}

// checkStripDateline checks what stripDateline leaves of each sentence,
// and the place it names.
func checkStripDateline(t *testing.T, cases map[string][2]string) {
	t.Helper()
	for in, want := range cases {
		rest, place := english.stripDateline(in)
		if rest != want[0] || place != want[1] {
			t.Errorf("stripDateline(%q) = %q, %q; want %q, %q", in, rest, place, want[0], want[1])
		}
	}
}

// TestOwnQuestion: a short question opening the news's line is the
// article's own hook; one that leans on a pronoun, runs long, runs on from
// a credit or sits in another line is not.
func TestOwnQuestion(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{"HARBIN - Snow in May? Harbour Town still beat Kells 3-1 on Saturday, in a blizzard at the pier.", "Snow in May?"},
		{"Ferries for Harbin? The council said on Monday it will buy six electric ferries.", "Ferries for Harbin?"},
		{"Did he know? The council said on Monday it will buy six electric ferries.", ""},
		{"Will the council of Harbin ever buy the six ferries promised in May? The council said on Monday it will buy six electric ferries.", ""},
		{"Jo Vale / Agency Hate ferries? The council said on Monday it will buy six electric ferries.", ""},
		{"The pier is shut. Ferries for Harbin? The council said on Monday it will buy six electric ferries.", ""},
		{"Ferries for Harbin?\nThe council said on Monday it will buy six electric ferries.", ""},
	} {
		d := newDocument(&article.Article{Paragraphs: []string{tc.line}})
		if got := d.ownQuestion(len(d.sentences) - 1); got != tc.want {
			t.Errorf("ownQuestion(%q) = %q, want %q", tc.line, got, tc.want)
		}
		d.release()
	}
	a := &article.Article{Title: "Harbour Town beat Kells", Paragraphs: []string{
		"HARBIN - Snow in May? Harbour Town still beat Kells 3-1 on Saturday, in a blizzard at the pier.",
		"Tom Reed scored twice for Harbour Town.",
	}}
	a.Finish()
	res, err := Compose(a, Options{})
	if err != nil || !strings.HasPrefix(res.Teaser.String(), "Snow in May? Harbour Town still beat Kells") {
		t.Errorf("teaser %q, %v; want it to open on the article's own question", res.Teaser.String(), err)
	}
}

// TestClean_thatClause: "that" opening a clause ("complained that she …")
// points back at nothing; "that" before a noun ("that day") does.
func TestClean_thatClause(t *testing.T) {
	for s, want := range map[string]bool{
		"A ferry captain was sacked after passengers complained that she sold them fake tickets at the pier.": true,
		"A ferry ran aground after the crew said that the tide was too low to sail.":                          true,
		"A study found that sailing at night doubles the risk of running aground.":                            true,
		"A team has discovered that sailing at night doubles the risk of running aground.":                    true,
		"A ferry ran aground after the crew sailed that day against the advice of the harbour master.":        false,
	} {
		if _, ok := cleanLead("", s); ok != want {
			t.Errorf("clean(%q) ok = %v, want %v", s, ok, want)
		}
	}
	for _, s := range []string{
		"Here is a guide to the new Harbin ferry timetable, which starts on Monday 4 May.",
		"Here are six Harbin ferries to take on a sunny Sunday in the summer.",
	} {
		if _, ok := cleanLead("", s); ok {
			t.Errorf("clean kept a page's furniture: %q", s)
		}
	}
}

// TestNewsCandidates_setUp: a sentence the next one reverses ("… was
// assumed to … . But a study found …") is the set-up, not the news.
func TestNewsCandidates_setUp(t *testing.T) {
	d := newDocument(&article.Article{Paragraphs: []string{
		"Electric ferries were long thought to cut harbour pollution in Harbin. " +
			"But a study at Harbin University found that electric ferries shed more dust than the old diesel boats.",
		"The study will be presented at a meeting in Kells.",
	}})
	defer d.release()
	scores := d.scores(d.phraseSet([]string{"electric ferries", "Harbin", "pollution", "dust"}))
	cands := d.newsCandidates(scores, d.titleSet())
	if len(cands) == 0 || cands[0].index != 1 {
		t.Errorf("news = %+v, want the finding that reverses the set-up", cands)
	}
}

// TestTitleQuestion: a headline that asks what the news answers opens the
// post, as a sentence; one leaning on a pronoun, in the writer's voice or
// asking in the news's own first words does not.
func TestTitleQuestion(t *testing.T) {
	body := "A Harbin firm said on Monday its solar ferry crossed the bay. The next ferry will have a 3D map, a solar roof and a sunlight sensor, and fares will stay low."
	news := "A Harbin firm said on Monday its solar ferry crossed the bay."
	for title, want := range map[string]string{
		"Can Ferries Run on Sunlight?":                     "Can ferries run on sunlight?",
		"Harbin Ferries: Worth the Fare?":                  "Worth the fare?",
		"Will the Next Ferry Have a Solar Roof?":           "Will the next ferry have a solar roof?",
		"Will the Next iFerry Have a 3D Map and a Sensor?": "Will the next iFerry have a 3D map and a sensor?",
		"Was It Worth It?":                                 "",
		"Is Our Ferry Safe at Sea?":                        "",
		"Did a Harbin Firm Sail a Solar Ferry?":            "",
		"Harbin ferry crosses the bay on sunlight":         "",
	} {
		d := newDocument(&article.Article{Title: title, Paragraphs: []string{body}})
		if got := d.titleQuestion(news); got != want {
			t.Errorf("titleQuestion(%q) = %q, want %q", title, got, want)
		}
		d.release()
	}
	a := &article.Article{Title: "Can Ferries Run on Sunlight?", Paragraphs: []string{body}}
	a.Finish()
	res, err := Compose(a, Options{})
	if err != nil || !strings.HasPrefix(res.Teaser.String(), "Can ferries run on sunlight? ") {
		t.Errorf("teaser %q, %v; want it to open on the headline's question", res.Teaser.String(), err)
	}
}

// TestClean_relativeTimeInQuote: a relative time cut from the start of a
// quotation would leave its closing mark alone; the sentence is refused.
func TestClean_relativeTimeInQuote(t *testing.T) {
	if text, ok := cleanLead("", "\"At the same time, theft from ferry crews is rising in Harbin."); ok {
		t.Errorf("clean = %q, want it refused", text)
	}
	if text, ok := cleanLead("", "At the same time, theft from ferry crews is rising in Harbin."); !ok || text != "Theft from ferry crews is rising in Harbin." {
		t.Errorf("clean = %q, %v; want the sentence without its relative time", text, ok)
	}
}

func TestDocument_nameTheBody(t *testing.T) {
	for _, tc := range []struct {
		name, lead, rest, want string
	}{
		{"the one council", "The council has launched an appeal for a statue.",
			"Harbour City Council said the statue would stand on Mill Road. City Council staff will run the appeal.",
			"Harbour City Council has launched an appeal for a statue."},
		{"the article writes the", "The commission is investigating ferry fares.",
			"A spokesman for the Harbour Fares Commission said it had written to six firms.",
			"The Harbour Fares Commission is investigating ferry fares."},
		{"two councils: which?", "The council has launched an appeal for a statue.",
			"Kells Council and Dunmore Council both own the land.",
			"The council has launched an appeal for a statue."},
		{"not the subject's noun", "The council tax rose by 4% in April.",
			"Harbour City Council said the rise was needed.",
			"The council tax rose by 4% in April."},
		{"no body named", "The council has launched an appeal for a statue.",
			"The statue would stand on Mill Road.",
			"The council has launched an appeal for a statue."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDocument(&article.Article{Paragraphs: []string{tc.lead, tc.rest}})
			defer d.release()
			if got := d.nameTheBody(tc.lead, d.lang.words(tc.lead)); got != tc.want {
				t.Errorf("nameTheBody(%q) = %q; want %q", tc.lead, got, tc.want)
			}
		})
	}
}

func TestLanguage_dropLabel_kicker(t *testing.T) {
	for in, want := range map[string]string{
		"It's official: Ferry passengers no longer need a ticket to sail in Dunmore waters.": "Ferry passengers no longer need a ticket to sail in Dunmore waters.",
		"This just in: The Dunmore pier will reopen on Monday after a year of repairs.":      "The Dunmore pier will reopen on Monday after a year of repairs.",
		"Ann Vale: The Dunmore pier will reopen on Monday after a year of repairs.":          "Ann Vale: The Dunmore pier will reopen on Monday after a year of repairs.",
		"Spotlight: A Woman Alone With The Ferry told the story of the Dunmore pier.":        "Spotlight: A Woman Alone With The Ferry told the story of the Dunmore pier.",
		`It's official: "The Dunmore pier will reopen on Monday after repairs."`:             `It's official: "The Dunmore pier will reopen on Monday after repairs."`,
		"It's true: I will reopen the Dunmore pier on Monday after a year of repairs.":       "It's true: I will reopen the Dunmore pier on Monday after a year of repairs.",
		"It's back: After a year of repairs, these boats will sail from Dunmore again.":      "It's back: After a year of repairs, these boats will sail from Dunmore again.",
		"Warning: the bridge will close on Monday for repairs to its deck.":                  "Warning: the bridge will close on Monday for repairs to its deck.",
		"It's official: Pier shut.": "It's official: Pier shut.",
	} {
		if got := english.dropLabel(in); got != want {
			t.Errorf("dropLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDocument_affected: the closing question asks about a place or an
// organisation the stakes line names after "for", "in" …, never about the
// tail of a longer name ("Department for Education").
func TestDocument_affected(t *testing.T) {
	for stakes, want := range map[string]string{
		"The cuts could cost 40 jobs in Harbin, the union warned.":                                 "Harbin",
		"A Department for Education (DfE) spokesman said the cuts would hit 40 schools next year.": "",
	} {
		d := newDocument(&article.Article{Paragraphs: []string{"Jo Vale said the Dunmore ferry trust was at crisis point.", stakes}})
		if got := d.affected(1, stakes, "", "", d.sentences[0].text); got != want {
			t.Errorf("affected(%q) = %q; want %q", stakes, got, want)
		}
		d.release()
	}
}

// TestCompose_headlineOverLaterSentence: when a later sentence outscores
// the lead, the headline is the news; when the lead is the news, it stays.
func TestCompose_headlineOverLaterSentence(t *testing.T) {
	title := "Dunmore council shuts Harbour Road ferry pier"
	for _, tc := range []struct {
		name  string
		paras []string
		want  string
	}{
		{"a later sentence outscores the lead", []string{
			"Councillors in Dunmore met for four hours on Monday night.",
			"Dunmore council shut the Harbour Road ferry pier after Harbin Yards said the pier was unsafe, Jo Vale said.",
			"The Harbour Road ferry pier opened in 1921."},
			"Dunmore council shuts Harbour Road ferry pier."},
		{"the lead is the news", []string{
			"Dunmore council shut the Harbour Road ferry pier after Harbin Yards said the pier was unsafe, Jo Vale said.",
			"Councillors in Dunmore met for four hours on Monday night.",
			"The Harbour Road ferry pier opened in 1921."},
			"Dunmore council shut the Harbour Road ferry pier after Harbin Yards said the pier was unsafe, Jo Vale said."},
		{"the lead is too long to post", []string{
			"Dunmore council on Friday shut the Harbour Road ferry pier that carried 400 passengers a day to Kells, two years after " +
				"Harbin Yards first warned that its timbers were rotten and five days before the summer timetable was due to start.",
			"Jo Vale, the council's leader, said the Harbour Road pier would stay shut until the autumn.",
			"The Harbour Road ferry pier opened in 1921."},
			"Dunmore council shuts Harbour Road ferry pier."},
		{"a hedge far down does not bar the headline", []string{
			"Councillors in Dunmore met for four hours on Monday night.",
			"Dunmore council shut the Harbour Road ferry pier after Harbin Yards said the pier was unsafe, Jo Vale said.",
			"The Harbour Road ferry pier opened in 1921.", "It carried 400 passengers a day.", "Fares were £2.",
			"Kells had its own pier until 1990.", "Harbin Yards built both.",
			"A campaigner said the Dunmore council had allegedly planned to shut the Harbour Road ferry pier for years."},
			"Dunmore council shuts Harbour Road ferry pier."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDocument(&article.Article{Title: title, Paragraphs: tc.paras})
			defer d.release()
			if dr := compose(d, nil, 0, 0); dr.fact != tc.want {
				t.Errorf("news %q; want %q", dr.fact, tc.want)
			}
		})
	}
}

func TestLanguage_speaksAs(t *testing.T) {
	for raw, want := range map[string]bool{"I": true, "we": true, "Our": true, "us": true, "US": false, "Dunmore": false} {
		if got := english.speaksAs(raw); got != want {
			t.Errorf("speaksAs(%q) = %v; want %v", raw, got, want)
		}
	}
}

func TestLanguage_proVerb(t *testing.T) {
	for s, want := range map[string]bool{
		"Other ferry firms could follow suit as fares rise.":          true,
		"The council refused to rule out doing so next year.":         true,
		"Jo Vale said: \"We will do so when the pier reopens.\"":      false,
		"The council will do something about the pier, Jo Vale said.": false,
		"Harbin Yards sold 40 ferries to Dunmore.":                    false,
		"İstanbul ferries could follow suit.":                         true,
		"Ferries could follow suité.":                                 false,
	} {
		if got := english.proVerb(s); got != want {
			t.Errorf("proVerb(%q) = %v; want %v", s, got, want)
		}
	}
}

// TestDocument_affected_cut: a name in the part of the stakes line that a
// cut dropped is not asked about.
func TestDocument_affected_cut(t *testing.T) {
	stakes := "The cuts could cost 40 jobs at the ferry trust, union leaders warned on a visit to Harbin on Monday."
	d := newDocument(&article.Article{Paragraphs: []string{"Jo Vale said the Dunmore ferry trust was at crisis point.", stakes}})
	defer d.release()
	if got := d.affected(1, stakes, "", "", d.sentences[0].text); got != "Harbin" {
		t.Errorf("affected(whole) = %q; want Harbin", got)
	}
	if got := d.affected(1, "The cuts could cost 40 jobs at the ferry trust.", "", "", d.sentences[0].text); got != "" {
		t.Errorf("affected(cut) = %q; want none", got)
	}
}

// TestNewsCandidates_reach: without a headline, the sentence that carries
// more of the article's words is the news over a shorter lead that
// carries little of it. A page's furniture in the headline's place is no
// headline.
func TestNewsCandidates_reach(t *testing.T) {
	lead := "Jo Vale, 41, was at the pier in Dunmore on Monday with 30 friends."
	news := "Dunmore council closed the Harbour Road ferry pier after Harbin Yards found its timbers rotten, council leader Jo Vale said."
	for _, title := range []string{"", "Media playback is unsupported on your device"} {
		d := newDocument(&article.Article{Title: title, Paragraphs: []string{lead, news,
			"The Harbour Road ferry pier carried 400 passengers a day to Kells.",
			"Harbin Yards will repair the rotten timbers of the pier from June, the council said.",
			"The ferry will run from the Mill Street pier until then."}})
		cands := d.newsCandidates(d.scores(nil), d.titleSet())
		if len(cands) == 0 || cands[0].index != 1 {
			t.Errorf("headline %q: news = %+v, want %q", title, cands, news)
		}
		d.release()
	}
}
