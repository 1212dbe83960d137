package teaser

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hookline/hookline/teaser/internal/lexicon"
)

// language is what the writer knows of one language: the words that tell it
// what a sentence does. A language without a table gets the plain-news
// form: the key fact alone, no question and no word of the writer's own,
// and hashtags only from names and explicit keywords.
type language struct {
	// plain is set for a language without hook and question patterns
	// (every one but English): the news alone.
	plain bool
	// attribution verbs and phrases report speech or opinion: a sentence
	// that has one keeps it ("police said").
	attribution map[string]bool
	// consequence words state what follows from the news: the only sign
	// that a sentence is the story's stakes.
	consequence map[string]bool
	// consequencePairs are two-word consequences: "expected to", "set to".
	consequencePairs map[[2]string]bool
	// events are verbs that carry news (died, charged, won): a sentence
	// with one is likelier the news than background.
	events map[string]bool
	// sober words mark death, violence, abuse, disaster and court cases:
	// such a story gets no teasing question.
	sober map[string]bool
	// references open a sentence that leans on an earlier one: "he",
	// "this", "such".
	references map[string]bool
	// firstPerson words mark a narrator ("I", "we"): a column's sentence,
	// not a post's.
	firstPerson map[string]bool
	// limits are words that open a clause reversing or limiting the claim
	// before it: a cut never drops what follows them.
	limits map[string]bool
	// cutUnsafe are clause openers a sentence must not end before: a
	// relative clause may come before the main verb ("X, who …, would"),
	// and "according to" or "saying" carry the attribution.
	cutUnsafe map[string]bool
	// trailing are the cutUnsafe openers that are safe to cut before when
	// their clause runs to the sentence's end.
	trailing map[string]bool
	// auxiliaries are verbs that make a clause complete: "is", "has", "will".
	auxiliaries map[string]bool
	// background words mark an older or side event: "earlier",
	// "previously", "ago".
	background map[string]bool
	// pastOpeners open a sentence set in an earlier time ("Since …",
	// "Back in …"); periods follow "last" or "in" to the same effect
	// ("Last year, …", "In May last year, …").
	pastOpeners, periods map[string]bool
	// months are the calendar's months: "In March, …" opening a story's
	// sentence without a day sets it in an earlier month.
	months map[string]bool
	// ahead are the words that set a clause in the future ("will",
	// "would", "plans").
	ahead map[string]bool
	// relativeDays date a sentence from the day it was written
	// ("yesterday"); dayParts follow "this" or "last" to the same effect
	// ("this morning", "last night").
	relativeDays, dayParts map[string]bool
	// hedges say a claim is not established: a headline that drops one is
	// not posted for the sentence that has it.
	hedges map[string]bool
	// weekdays date what happened this week: "was arrested on Sunday".
	weekdays map[string]bool
	// boilerplate starts sentences that are a page's furniture, not news.
	boilerplate []string
	// pointers are the determiners that make a description point back to
	// something said before: "the project", "this app", "such creatures".
	pointers map[string]bool
	// strongPointers point back before any noun, not only an anaphoric
	// one: "these problems", "such plans" (not "such as", "these days").
	strongPointers map[string]bool
	// comparatives join the two sides of a comparison: "than".
	comparatives map[string]bool
	// anaphoric are nouns, folded, that a pointer turns into a reference to
	// a thing the article introduced earlier ("the project", "the
	// incident"): in a post read alone, the reader cannot tell which.
	anaphoric map[string]bool
	// parties are the anaphoric nouns for people and organisations ("the
	// woman", "the club"); a name before one in the same sentence is its
	// antecedent ("Kane …, the striker said"). Nouns of one-of-a-kind
	// parties ("the government", "the police") are not among them.
	parties map[string]bool
	// naming words in an apposition say who is meant: "the man, named as …".
	naming map[string]bool
	// describing are function words that may stand inside a description:
	// "this new app", "the first study".
	describing map[string]bool
	// complements follow an anaphoric noun and say which one is meant:
	// "the study of …", "the man who …", "the plan to …".
	complements map[string]bool
	// placePrepositions, before a name, say which one is meant: "the crash
	// near Kells".
	placePrepositions map[string]bool
	// perfectAux with a participle tells what had happened before the
	// story's time ("had urged"): background.
	perfectAux map[string]bool
	// participles are irregular past participles: "had gone".
	participles map[string]bool
	// stop words are function words that carry no topic on their own;
	// they are written folded ("wa", "thi"), as word.norm holds them.
	stop map[string]bool
	// calendar words are capitalised but never what a story is about:
	// days, months, holidays, their abbreviations and time zones.
	calendar map[string]bool
	// titles are words that, before a name, say it is a person's:
	// honorifics, offices and roles ("President Xi", "coach Mark Smith").
	titles map[string]bool
	// verdicts are the words of a court's outcome ("jailed", "guilty"):
	// told after the offence, they are what happened since.
	verdicts map[string]bool
	// proxies are roles that speak or act for someone else: a person
	// introduced so ("defence counsel Jo Vale", "Jo Vale, a spokeswoman
	// for …") is rarely what the story is about.
	proxies map[string]bool
	// units are measures written as abbreviations ("Mbps", "MW"): never
	// a hashtag.
	units map[string]bool
	// streets end the names of streets ("Mill Road"): where something
	// happened, rarely what a story is about.
	streets map[string]bool
	// honorifics are the titles that only say a person is one ("Ms
	// Vale"): where a post writes the whole name, it drops them. Each
	// maps to the pronoun that goes with it ("she"), or "" for none.
	honorifics map[string]string
	// gendered maps the personal pronouns that say a person's gender to
	// the honorifics' form of it: "his" to "he".
	gendered map[string]string
	// placeOrg words in a name make it a place's or an organisation's.
	placeOrg map[string]bool
	// places are countries, continents, unions and capitals that act in the
	// news as if they were people ("Japan closed …").
	places map[string]bool
	// personAfter are words that, right after a name, make it a person's;
	// personPronouns after a name in the same sentence point back to one.
	personAfter, personPronouns map[string]bool
	// people and happenings are what a lead that leans may introduce with "a"
	// instead of "the" (see indefinite).
	people, happenings map[string]bool
	// ordinals pick one of several ("first", "next"): "the" stays.
	ordinals map[string]bool
	// fragmentOpeners open a subordinate clause; a sentence that opens on
	// one and has no comma is no sentence.
	fragmentOpeners map[string]bool
	// limiters before one of limitedOpeners ("At least until …", "Even if
	// …") open a subordinate clause too.
	limiters       []string
	limitedOpeners map[string]bool
	// verbEndings end a verb's present or past form in a headline
	// ("gets", "closed"), unless one of nounEndings ends the word ("loss").
	verbEndings, nounEndings []string
	// titleArticles are the articles a title of a film or book keeps in
	// lower case between its capitalised words: "Seeking a Friend".
	titleArticles map[string]bool
	// indefinites are the articles that make a capitalised run a
	// description, not a name: "a Harbin Liberal".
	indefinites map[string]bool
	// compass words qualify a region ("Western powers"): alone, no tag.
	compass map[string]bool
	// personDemonyms are the nouns for one person of a people ("Scot",
	// "Briton", "Englishman"): before a name they describe it ("Scot Jo
	// Vale"), and no name opens on one, as "Welsh Government" opens on an
	// adjective.
	personDemonyms map[string]bool
	// nameStops are stop words that open names even at a sentence's
	// start: "New York Times …".
	nameStops map[string]bool
	// A time told relative to one the post does not give opens with an
	// optional timePreposition (or place preposition), one of the
	// timeDeterminers, a relativeMarker unless the determiner is one of the
	// relativeDeterminers that point by themselves, and a span of time
	// (periods, dayParts, timeNouns): "In the same month", "Later that
	// week" (see relativeTime).
	timePrepositions, timeDeterminers, relativeDeterminers, relativeMarkers, timeNouns map[string]bool
	// numberWords ("two", "seven") open a sentence capitalised: "Seven
	// Liberals opposed …" is no name, though "the Six Nations" is.
	numberWords map[string]bool
	// subjectPronouns capitalised in mid-sentence after a lower-case word
	// ("… from May It could get dearer …") show a headline or subhead
	// run into the sentence without its full stop (see appendUnglued).
	// Nil where a pronoun is capitalised mid-sentence anyway (German Sie).
	subjectPronouns map[string]bool
	// pluralPronouns point back to a plural noun; one earlier in the same
	// sentence is their antecedent ("Two neighbours pushed … over their hedge").
	pluralPronouns map[string]bool
	// asides open a phrase set off by commas that adds others to the
	// sentence's subject or object and can go without changing the claim:
	// ", along with kiosks and snack bars,".
	asides []string
	// captions point at a picture the post does not carry: "(pictured)",
	// ", at right,". They go.
	captions []string
	// listJoiners join the last item of a list: a word ending in -ing
	// before one is a list's item ("negligence, speeding and forgery"),
	// not a clause a sentence can end before.
	listJoiners map[string]bool
	// demonymEndings end the adjectives of places and peoples ("Korean",
	// "British"): such a word alone is no name.
	demonymEndings []string
	// demonyms are the nationalities and peoples the shared table lists
	// (lexicon). English leaves them out: its endings decide, and the
	// list would cut "Irish" from the name "Irish Times".
	demonyms map[string]bool
	// peoples are demonyms and names of peoples that are never a hashtag
	// alone ("#Irish"), though a name may hold one ("Irish Times"). A
	// language without the list uses demonyms.
	peoples map[string]bool
	// outlets are news agencies and broadcasters: a credit or a source
	// ("(AFP)", "told the BBC"), not what the story is about, unless its
	// title names one.
	outlets map[string]bool
	// capitalNouns is set for a language that capitalises every noun
	// (German): a lone capitalised word is then no name unless the table
	// knows it as a place or it is an acronym.
	capitalNouns bool
	// nameJoiners may sit inside a name: "Bank of Harbour Town".
	nameJoiners map[string]bool
	// notNameOpeners begin no name though they may be written with a
	// capital, where a subhead runs into the text or a sentence starts.
	notNameOpeners map[string]bool
	// subjectEnders can follow a sentence's subject noun phrase:
	// prepositions that qualify it and auxiliaries that start its verb.
	subjectEnders map[string]bool
	// connectives (and connectivePhrases) open a sentence by linking it to
	// the one before, followed by a comma; leadingConjunctions do so
	// without one ("But the …"). Alone they mean nothing in a teaser.
	connectives, leadingConjunctions map[string]bool
	connectivePhrases                []string
	// comparisonOpeners open a sentence that weighs its news against the
	// one before ("Worse still, …", "Even more telling is …"): alone,
	// it compares with nothing, and cut off, it says nothing.
	comparisonOpeners []string
	// objectOpeners open a clause that is the object of a verb still to
	// come ("something the minister …", "what the council …").
	objectOpeners map[string]bool
	// proVerbs stand for an action told before ("do so", "follow suit"):
	// outside a quotation, a sentence holding one leans on another.
	proVerbs []string
	// enumerators followed by a comma open one point of a list ("Second,
	// the firm …"): whose list, and making what case, an earlier sentence
	// says.
	enumerators map[string]bool
	// referenceOpeners followed by a reference ("Since then", "Despite
	// that") tie a sentence to the one before.
	referenceOpeners map[string]bool
	// clauseOpeners start a clause that a sentence can end before.
	clauseOpeners map[string]bool
	// prepositionsInG end like a participle but do not describe the
	// subject: "…, including the decisive effort".
	prepositionsInG map[string]bool
	// gluedOpeners are the function words that, capitalised after a
	// lower-case word with nothing between ("… block copolymers The global
	// growth story …"), open a sentence a scrape ran into the one before
	// (a standfirst into the lead, a caption into the text); gradeNouns
	// are the words a capital "A" names a grade after ("class A drugs").
	gluedOpeners, gradeNouns map[string]bool
	// possessives are the pronouns that own a noun ("her death"): after a
	// lead's verb, one the article left unnamed leans like a description
	// does (see clean's lean), it does not make the news unreadable.
	possessives map[string]bool
	// pronounOpeners lower the rank of a sentence that opens on one: the
	// pronouns and demonstratives of references, and "there".
	pronounOpeners map[string]bool
	// dayAnchors make a relative day a noun that cannot go: "the Britain
	// of today", "until today".
	dayAnchors map[string]bool
	// dayModifiers go with the relative day they stand before: "earlier
	// today", "just yesterday".
	dayModifiers map[string]bool
	// present and previous are the determiners that date a period or a
	// part of the day from the day of writing: "this week", "last night".
	present, previous map[string]bool
	// yearPrepositions put an event in a year: "in 2013", "since 2009".
	yearPrepositions map[string]bool
	// complementizers open a clause that says what was said, thought or
	// asked: "… announced that …", "… asked whether …".
	complementizers map[string]bool
	// situational are the references that may point at the situation a
	// sentence itself tells ("it", "this"), not at a person before it;
	// another is the one that points within the sentence ("… another
	// pupil").
	situational, another map[string]bool
}

// languageFor returns the table for a language tag ("en", "en-US", "de"),
// neutral when there is none. An empty tag is taken as English.
func languageFor(tag string) *language {
	switch lexicon.For(tag) {
	case lexicon.English:
		return english
	case lexicon.German:
		return german
	case lexicon.French:
		return french
	case lexicon.Spanish:
		return spanish
	}
	return neutral
}

// neutral serves a language without a table: no word lists, so no
// question, no stakes line and no cut inside a sentence.
var neutral = &language{plain: true}

// wordSet is setOf with each word also in its folded form, for tables of
// languages other than English: their words are matched both as written
// (lowercased) and as word.norm folds them.
func wordSet(lists ...string) map[string]bool {
	m := setOf(lists...)
	for w := range foldedSetOf(strings.Join(lists, " ")) {
		m[w] = true
	}
	return m
}

// foldedSetOf is setOf with every word folded as the document folds words
// ("puppies" as "puppy"), for tables matched against word.norm.
func foldedSetOf(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[fold(w)] = true
	}
	return m
}

// bothSetOf is setOf with each word's folded form too, for a set looked
// up both by a word as written ("wales") and by its folded form
// ("wale", as word.norm holds it).
func bothSetOf(lists ...string) map[string]bool {
	m := setOf(lists...)
	for _, list := range lists {
		for _, w := range strings.Fields(list) {
			m[fold(w)] = true
		}
	}
	return m
}

// appendUnglued appends to out the sentences of s, split where a scrape
// ran one into another without a full stop (a headline, a standfirst or a
// caption into the text): a lower-case word, then a capitalised glued
// opener (see gluedOpeners) before a lower-case word ("Kraton makes
// copolymers The global story …"), or a capitalised subject pronoun
// after any word that ends in lower case, outside quotations ("Ferry
// fares to rise from May It could …"). "Readers of The Times", "class A
// drugs" and a quotation's words are one sentence.
func (l *language) appendUnglued(out []string, s string) []string {
	if l.gluedOpeners == nil && l.subjectPronouns == nil {
		return append(out, s)
	}
	var buf [16]byte
	from, ps, pe := 0, -1, -1
	for ws, we := nextWord(s, 0); ws < len(s); {
		ns, ne := nextWord(s, we)
		if ps >= 0 && ns < len(s) && we-ws <= len(buf) && startsUpper(s[ws:]) && s[pe:ws] == " " && s[we:ns] == " " {
			w := lowerInto(buf[:0], s[ws:we]) // looked up as string(w): no copy
			last, _ := utf8.DecodeLastRuneInString(s[:pe])
			opener := l.gluedOpeners[string(w)] && startsLower(s[ps:]) && startsLower(s[ns:]) &&
				!(string(w) == "a" && l.gradeNouns[fold(s[ps:pe])])
			if (opener || l.subjectPronouns[string(w)] && unicode.IsLower(last)) && !insideQuote(s, ws) {
				out = append(out, s[from:pe])
				from = ws
			}
		}
		ps, pe, ws, we = ws, we, ns, ne
	}
	return append(out, s[from:])
}

// speaksAs reports whether the word raw, as written, is the writer's or a
// narrator's ("I", "we", "our"); "US", the country, is not.
func (l *language) speaksAs(raw string) bool {
	return l.firstPerson[strings.ToLower(raw)] && !acronym(raw)
}

// proVerb reports whether s holds, outside quotations, a phrase that
// stands for an action told before ("… refused to do so", "others could
// follow suit"), as whole words.
func (l *language) proVerb(s string) bool {
	wordByte := func(c byte) bool { return c >= utf8.RuneSelf || asciiWord[c] }
	for i := 0; i < len(s); i++ {
		if i > 0 && wordByte(s[i-1]) {
			continue // inside a word: phrases are matched at a word's start only
		}
		for _, p := range l.proVerbs { // ASCII phrases: compared byte for byte
			end := i + len(p)
			if end <= len(s) && strings.EqualFold(s[i:end], p) && (end == len(s) || !wordByte(s[end])) && !insideQuote(s, i) {
				return true
			}
		}
	}
	return false
}

// opensSubordinate reports whether s opens on a subordinate clause:
// "Because …", or a limiter and a subordinator ("At least until …", "Even
// if …").
func (l *language) opensSubordinate(s string, ws []word) bool {
	if len(ws) == 0 {
		return false
	}
	if l.fragmentOpeners[ws[0].norm] && (len(ws) < 2 || ws[1].norm != "of") {
		return true // "because of the storm, …" is a phrase
	}
	if ws[0].start != 0 {
		return false
	}
	for _, lim := range l.limiters {
		k := 0 // the limiter's words open s, a space apart, then the subordinator
		for f := range strings.FieldsSeq(lim) {
			if k == len(ws) || ws[k].norm != f || k > 0 && s[ws[k-1].end:ws[k].start] != " " {
				k = -1
				break
			}
			k++
		}
		if k > 0 {
			return k < len(ws) && s[ws[k-1].end:ws[k].start] == " " && l.limitedOpeners[ws[k].norm]
		}
	}
	return false
}
