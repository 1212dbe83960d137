package teaser

import "github.com/hookline/hookline/teaser/internal/lexicon"

// german is the table for German. It has no hook or question patterns: a
// German article gets the plain-news form, cleaned by the lists below. Its
// nouns are capitalised, so a lone capitalised word is no name unless the
// table knows it as a place.
var german = &language{
	plain:        true,
	capitalNouns: true,
	stop:         wordSet(lexicon.German.Stop),
	calendar:     wordSet(lexicon.German.Days, lexicon.German.Months, `ostern weihnachten silvester mez mesz uhr`),
	titles:       wordSet(lexicon.German.Titles),
	demonyms:     wordSet(lexicon.German.Demonyms),
	attribution: wordSet(`sagte sagt sagten sagen erklärte erklärt erklärten betonte betont berichtete
		berichtet meinte meint teilte teilt warnte warnt laut zufolge kündigte kündigt bestätigte`),
	references:     wordSet(`er sie es dies diese dieser dieses das dazu damit deshalb dort`),
	pronounOpeners: wordSet(`er sie es dies diese dieser dieses dort`),
	firstPerson:    wordSet(`ich wir mein meine unser unsere`),
	limits:         wordSet(`aber doch jedoch obwohl allerdings außer sondern`),
	background:     wordSet(`früher zuvor damals einst ursprünglich`),
	places: wordSet(`deutschland österreich schweiz frankreich spanien italien europa amerika china russland
		ukraine polen berlin wien zürich hamburg münchen köln paris london brüssel eu nato uno usa`),
	placeOrg: wordSet(`stadt gemeinde land bundesland kreis verein partei regierung ministerium bundestag
		landtag gericht polizei universität schule bank gruppe stiftung museum theater kirche`),
	nameJoiners: wordSet(`von van der de zu`),
}
