package teaser

import "strings"

// language is what the writer knows of one language: the words that tell it
// what a sentence does. A language without a table gets the plain-news
// form: the key fact alone, no question and no word of the writer's own,
// and hashtags only from names and explicit keywords.
type language struct {
	// plain is set for a language without a table: the news alone.
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
	// ("Last year, …", "In October last year, …").
	pastOpeners, periods map[string]bool
	// relativeDays date a sentence from the day it was written
	// ("yesterday"); dayParts follow "this" or "last" to the same effect
	// ("this morning", "last night").
	relativeDays, dayParts map[string]bool
	// boilerplate starts sentences that are a page's furniture, not news.
	boilerplate []string
	// pointers are the determiners that make a description point back to
	// something said before: "the project", "this app", "such creatures".
	pointers map[string]bool
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
	// near Biggar".
	placePrepositions map[string]bool
	// perfectAux with a participle tells what had happened before the
	// story's time ("had urged"): background.
	perfectAux map[string]bool
	// participles are irregular past participles: "had gone".
	participles map[string]bool
}

// english is the table for English, chosen for "en", "en-GB" and for an
// article that does not say its language.
var english = &language{
	attribution: attributionVerbs,
	consequence: setOf(`could would will may might threaten threatens threatened threat risk risks
		face faces facing warn warns warned warning expected likely set means mean urged calls
		jeopardy`),
	consequencePairs: map[[2]string]bool{
		{"first", "time"}: true, {"expected", "to"}: true, {"set", "to"}: true,
	},
	events: setOf(`died dies dead killed kills charged charges signed signs won wins win banned bans
		announced announces fell falls rose rises arrested jailed sentenced convicted approved approves
		rejected rejects launched launches resigned resigns elected voted votes agreed agrees cut cuts
		raised raises closed closes opened opens found discovered released releases admitted denied denies
		ruled rules fined sued ordered confirmed confirms unveiled unveils beat beats lost loses scored
		named appointed sacked quit quits collapsed crashed crash injured hit hits struck strikes
		plans planned plan proposed proposes passed passes blocked blocks seized warned reached
		broke breaks set sets became becomes returned returns acquired bought sold sells`),
	sober: setOf(`dead death deaths died dies dying killed killing killings kill kills murder murdered
		murders murderer manslaughter shot shooting shootings stabbed stabbing gunman gunmen bomb bombing
		bombs explosion blast attack attacks attacked terror terrorist terrorism rape raped sexual abuse
		abused assault assaulted victim victims injured injuries wounded casualties fatal crash crashes
		collapse drowned funeral grief mourning suicide overdose court trial jailed jail prison sentenced
		convicted guilty charged accused arrested custody police inquest coroner hostage kidnapped
		war massacre genocide famine earthquake flood floods hurricane tsunami wildfire disaster cancer
		disease outbreak epidemic paedophile child-abuse harassment racist racially`),
	references: setOf(`he she it they we i you his her its their this these those such both another
		him them that again then thereafter`),
	firstPerson:  setOf(`i i'm i've i'd me my we we're we've our us`),
	limits:       setOf(`but although though however except unless yet whereas despite`),
	cutUnsafe:    setOf(`who whom whose which where when while whilst according saying adding that`),
	trailing:     setOf(`who whom whose which`),
	background:   setOf(`earlier previously formerly originally initially ago once`),
	pastOpeners:  setOf(`since back earlier`),
	periods:      setOf(`year month week season summer winter spring autumn decade`),
	relativeDays: setOf(`yesterday today tonight`),
	dayParts:     setOf(`morning afternoon evening night`),
	auxiliaries: setOf(`is are was were be been being has have had will would can could may might shall
		should must do does did won't can't isn't aren't wasn't weren't hasn't haven't hadn't`),
	boilerplate: []string{"media playback", "follow ", "read more", "read a full", "read the full", "click here", "all rights reserved",
		"sign up", "subscribe", "share this", "image copyright", "image caption", "getty images",
		"photo by", "photo:", "picture:", "pictured:", "caption:", "advertisement"},
	pointers: setOf(`the this these those such`),
	// The parties are anaphoric too: see anaphoric.
	anaphoric: foldedSetOf(`project study research report survey findings scheme plan proposal bill measure
		changes move decision pledge deal agreement contract case trial incident attack crash collision
		accident fire blaze explosion heist raid robbery theft event festival trip visit tour match game
		fixture film movie book album series documentary app device product service facility site building
		property bridge route area vehicle van lorry animal creature dog puppy campaign letter petition
		video footage painting idea policy ban`),
	parties: foldedSetOf(`man woman boy girl child baby teenager pair couple duo trio victim suspect driver
		rider player striker midfielder defender goalkeeper keeper forward winger boxer singer actor actress
		star artist team side squad club company firm group organisation organization charity`),
	naming:            setOf(`named identified`),
	describing:        setOf(`new first last other same own`),
	complements:       setOf(`of to who whom whose that which`),
	placePrepositions: setOf(`in at near from on outside`),
	perfectAux:        setOf(`had`),
	participles: setOf(`been gone done made taken given seen known begun won lost left held paid said told sold
		built brought bought caught fought taught thought found kept led met put read run set shut spent
		struck hit hurt cut`),
}

// languageFor returns the table for a language tag ("en", "en-US", "de"),
// neutral when there is none. An empty tag is taken as English.
func languageFor(tag string) *language {
	base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
	base, _, _ = strings.Cut(base, "_")
	switch base {
	case "", "en", "eng":
		return english
	}
	return neutral
}

// neutral serves a language without a table: no word lists, so no
// question, no stakes line and no cut inside a sentence.
var neutral = &language{plain: true}

// foldedSetOf is setOf with every word folded as the document folds words
// ("puppies" as "puppy"), for tables matched against word.norm.
func foldedSetOf(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[fold(w)] = true
	}
	return m
}
