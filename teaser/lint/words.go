package lint

import (
	"strings"

	"github.com/hookline/hookline/article"
)

// lexicon is everything the checks know about one language: general word
// classes and news conventions, never a word picked from an evaluation
// article. Words are lower case; a phrase is its words joined by one space.
//
// The lint keeps its own lists rather than the writer's (package teaser):
// a check that shared the writer's lists would share its blind spots.
type lexicon struct {
	// function words: determiners, pronouns, prepositions, conjunctions,
	// auxiliaries. They are never a name, a subject or a content word.
	function map[string]bool
	// determiners open a noun phrase ("the responsibility"); a question's
	// subject is judged without them.
	determiners map[string]bool
	// slotAnchors introduce the noun phrase a templated question is about:
	// "What's next for X?", "Where does this leave X?".
	slotAnchors map[string]bool
	// pronouns that stand alone as a question's subject ("for you?").
	objectPronouns map[string]bool
	// stakeholders are common nouns that make a natural subject for a
	// question ("What does this mean for the tenants?"): people, groups,
	// places and institutions. Nouns for people made with -er, -or, -ist,
	// -ian, -ent, -ant count as well (see isStakeholder).
	stakeholders map[string]bool
	// adjectiveSuffixes mark a lower-case word as an adjective.
	adjectiveSuffixes []string
	// adjectives are frequent adjectives without such a suffix.
	adjectives map[string]bool
	// demonyms are nationality and regional adjectives, singular. Their
	// plural ("Canadians") names people and is a fine subject.
	demonyms map[string]bool
	// compass words combine with a demonym ("South Korean").
	compass map[string]bool
	// abbreviation reports whether a word is written with a final period
	// (article.Abbreviation); a question mark right after one without it
	// ("Dr?") breaks a name.
	abbreviation func(string) bool
	// referring openers need an antecedent earlier in the post.
	personalPronouns map[string]bool // he, she, they …
	thingPronouns    map[string]bool // it, this, that …
	// anaphoricNouns follow "The" at the start of a sentence to refer back:
	// "The club said …".
	anaphoricNouns map[string]bool
	// connectives open a sentence by linking it to the one before; those
	// that also open other phrases ("Instead of …") count with their comma.
	connectives []string
	// answerOpeners answer a question the post does not ask.
	answerOpeners []string
	// attribution marks who says something: "said", "according to" …
	attribution map[string]bool
	// clauseStarts begin a new clause after the sentence's main one: an
	// attribution behind them belongs to that clause ("…, and his lawyer
	// said …").
	clauseStarts map[string]bool
	// subordinators open a subordinate clause; a sentence made of one
	// alone is a fragment.
	subordinators map[string]bool
	// verbs are auxiliaries, modals and frequent irregular verb forms: a
	// sentence with none of them, no -ed word and no likely -s verb is
	// verbless.
	verbs map[string]bool
	// subjectPronouns and adverbs stand before a verb: the word after
	// them may be one.
	subjectPronouns, adverbs map[string]bool
	// notVerbsEd end in -ed without being verbs.
	notVerbsEd map[string]bool
	// weekdays, months and relative day words.
	weekdays, months map[string]bool
	timeWords        map[string]bool
	// staleDays are relative day phrases written for the article's date:
	// next to another day word they make the date wrong.
	staleDays []string
	// dayWords are the other day references a stale one must not meet.
	dayWords []string
	// toneTopics are words of stories that need a sober register (death,
	// killing, violence, abuse, disasters with casualties, court cases),
	// with a weight: 2 alone is enough, 1 needs a second word.
	toneTopics map[string]int
	// playful are hook and question templates, and other hype, that do not
	// belong on such a story.
	playful []string
}

// set makes a word set from a space-separated list.
func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// english is the English lexicon.
var english = &lexicon{
	function: set(`a an the this that these those some any each every no all both either neither
		i me my mine we us our you your he him his she her it its they them their there here
		who whom whose which what where when why how whether if
		and or but nor so yet as than because although though while unless until since
		of to in on at by for from with about into onto over under after before between against
		through during without within among across along around behind beyond near off out up down upon via per
		is are was were be been being am has have had do does did will would shall should can could may might must
		not no yes just also only very more most much many few less least such too even still again ever
		one's own same other another`),
	determiners: set(`the a an this that these those his her their its our your my some any every each`),
	slotAnchors: set(`for about on of following leave to with from into at in over behind against after watching`),
	objectPronouns: set(`you us them him her it this that everyone everybody anyone anybody someone somebody
		me yourself yourselves themselves people fans readers here there now home`),
	stakeholders: set(`people public family families community communities city cities town towns village country
		countries nation nations state states region world club clubs team teams side squad league party parties
		government governments council councils country's economy market markets industry industries business
		businesses company companies firm firms school schools university universities hospital hospitals
		police army military church sport game show band city's children child kids parents students pupils
		patients voters fans residents workers staff members users customers consumers women men girls boys
		victims families' couple pair crew cast president minister mayor chief leader leaders players player
		coach manager star stars owner owners man woman boy girl baby mother father son daughter wife
		husband brother sister bride groom widow friend friends committee county court opposition station
		agency charity authority authorities union unions army navy government's parliament congress
		senate cabinet ministry department service board panel jury`),
	adjectiveSuffixes: []string{"al", "ive", "ous", "ful", "less", "able", "ible", "ic", "ish", "est", "ary"},
	adjectives: set(`new old big small large long short high low good bad great best worst latest first last next
		young major minor key main top free full open clear hard soft hot cold real true false sure likely
		unlikely possible impossible illegal legal poor rich strong weak early late recent former current
		senior junior local global public private dead alive safe huge tiny whole`),
	demonyms: set(`african american asian european australian austrian belgian brazilian british
		bulgarian canadian chilean chinese colombian croatian cuban czech danish dutch egyptian english
		estonian ethiopian finnish french georgian german ghanaian greek hungarian icelandic indian
		indonesian iranian iraqi irish israeli italian jamaican japanese jordanian kenyan korean kurdish
		latvian lebanese libyan lithuanian malaysian mexican moroccan nigerian norwegian pakistani
		palestinian peruvian philippine polish portuguese romanian russian saudi scottish serbian
		singaporean slovak slovenian somali spanish sudanese swedish swiss syrian taiwanese thai tunisian
		turkish ukrainian venezuelan vietnamese welsh yemeni zimbabwean arab arabic latin western eastern
		northern southern asian-american african-american`),
	compass:          set(`north south east west northern southern eastern western central`),
	abbreviation:     article.Abbreviation,
	personalPronouns: set(`he she they his her their him them hers theirs`),
	thingPronouns:    set(`it its this that these those such`),
	anaphoricNouns: set(`club company firm team side group band government council ministry minister player
		star actor actress singer pair couple duo man woman boy girl victim suspect driver officer agency
		organisation organization charity party board country city state court judge move decision deal plan
		report study incident attack project scheme show film series album book club's company's latter former
		spokesman spokeswoman spokesperson president leader chairman manager coach striker midfielder
		defender keeper goalkeeper athlete singer-songwriter`),
	connectives: []string{"however", "but", "meanwhile", "moreover", "furthermore", "nevertheless",
		"instead,", "also,", "again,", "still,", "even so", "in addition,", "as a result,", "because of this",
		"despite this", "after that", "since then", "by then", "in response,", "at that time", "in that case",
		"the same day", "that day", "that night"},
	answerOpeners: []string{"to answer that", "to answer this", "the answer is", "the answer:", "that question"},
	attribution: set(`said says say saying told tell tells telling according claims claimed claim claiming
		suggested suggests suggest suggesting believes believed reportedly reported alleged alleges
		allegedly insisted insists argued argues warned warns added adds stated denied denies admitted
		admits estimated estimates predicted predicts revealed reveals confirmed confirms announced
		acknowledged explained explains wrote writes tweeted thinks noted notes stressed stresses
		accused accuses maintains maintained contends contended`),
	clauseStarts: set(`and but while which who whom whose when where after before because although though
		as so whereas until since if unless`),
	subordinators: set(`while although though because whereas unless`),
	verbs: set(`is are was were be been being am has have had having do does did done will would shall should
		can could may might must isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't
		won't wouldn't can't couldn't shouldn't it's he's she's that's there's what's who's here's
		i'm you're we're they're i've you've we've they've i'll you'll he'll she'll we'll they'll
		said made went came took gave got won lost left met saw told found began became held led ran fell
		hit set put cut built brought bought thought kept paid sent spent struck wrote broke chose drew
		drove flew grew knew rose shot sold stood wore sat lay laid meant heard felt caught fought taught
		beat bit hid hung shut spread quit let let's read swept slept dealt sang swam threw understood woke won't become come
		go get make take give say see know find think tell feel keep leave put mean seem show try call
		ask need want look use work play run move live believe hold bring happen write stand lose pay
		meet include continue learn change lead understand watch follow stop create speak allow add
		spend grow open walk win offer remember love consider appear buy wait serve die send expect build
		stay fall reach kill remain suggest raise pass sell require report decide pull join face plan`),
	subjectPronouns: set(`i you we they he she it who people`),
	adverbs:         set(`also now still just then often never always already soon again even`),
	notVerbsEd: set(`bed red shed seed speed need hundred bleed breed feed greed weed sled bred fled naked
		wicked sacred ragged rugged crooked wretched kindred shred creed deed steed`),
	weekdays: set(`monday tuesday wednesday thursday friday saturday sunday`),
	months:   set(`january february march april may june july august september october november december`),
	timeWords: set(`today tonight tomorrow yesterday weekend weekday morning afternoon evening night
		week month year day days weeks months years spring summer autumn fall winter season
		mondays tuesdays wednesdays thursdays fridays saturdays sundays daily weekly monthly annual yearly
		now then recently`),
	staleDays: []string{"yesterday", "that day", "last week", "last night", "the day before",
		"the previous day", "the next day", "the following day", "earlier this week"},
	dayWords: []string{"today", "tonight", "tomorrow", "yesterday", "this week", "this morning",
		"this evening", "next week", "monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday"},
	toneTopics: map[string]int{
		// death and killing
		"died": 2, "dies": 2, "dead": 2, "death": 2, "deaths": 2, "killed": 2, "killing": 2,
		"killings": 2, "kill": 1, "kills": 1, "murder": 2, "murdered": 2, "murders": 2, "murderer": 2,
		"manslaughter": 2, "homicide": 2, "stabbed": 2, "stabbing": 2, "massacre": 2, "suicide": 2,
		"funeral": 2, "body": 1, "bodies": 1, "fatal": 2, "fatally": 2, "casualties": 2, "genocide": 2,
		// violence
		"shot": 1, "shooting": 1, "gunman": 2, "gunmen": 2, "bomb": 1, "bombing": 2, "explosion": 1,
		"terrorist": 2, "terrorism": 2, "violence": 1, "violent": 1, "assault": 1, "assaulted": 2,
		"attack": 1, "attacked": 1, "injured": 1, "wounded": 1, "hostage": 2, "kidnapped": 2, "war": 1,
		// abuse
		"abuse": 2, "abused": 2, "abuser": 2, "rape": 2, "raped": 2, "paedophile": 2, "pedophile": 2,
		"molested": 2, "trafficking": 2, "harassment": 1,
		// disasters
		"earthquake": 1, "tsunami": 1, "hurricane": 1, "flood": 1, "floods": 1, "wildfire": 1,
		"crash": 1, "collapse": 1, "victim": 1, "victims": 1,
		// court cases
		"court": 1, "trial": 1, "jury": 1, "verdict": 1, "jailed": 2, "sentenced": 2, "convicted": 2,
		"guilty": 1, "charged": 1, "accused": 1, "prosecutor": 1, "prosecutors": 1, "defendant": 1,
		"prison": 1, "arrested": 1,
	},
	playful: []string{"guess who", "guess what", "heard the latest", "why is everyone talking",
		"what's next for", "what is next for", "what's at stake", "what is at stake", "have you been following",
		"you won't believe", "ever wondered", "can you guess", "big news", "who's ready", "get ready",
		"what happens next for", "where does this leave", "!"},
}

// lexiconFor returns the lexicon of a BCP 47 language tag, or nil when
// there is none: the checks that need words are then skipped.
func lexiconFor(lang string) *lexicon {
	if lang == "" || lang == "en" || strings.HasPrefix(lang, "en-") {
		return english
	}
	return nil
}

// isAdjective reports whether a lower-case word reads as an adjective.
func (l *lexicon) isAdjective(w string) bool {
	if l.adjectives[w] {
		return true
	}
	for _, s := range l.adjectiveSuffixes {
		if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// isDemonym reports whether the lower-case words name a nationality as an
// adjective: "european", "south korean".
func (l *lexicon) isDemonym(words []string) bool {
	switch len(words) {
	case 1:
		return l.demonyms[words[0]]
	case 2:
		return l.compass[words[0]] && l.demonyms[words[1]]
	}
	return false
}

// isStakeholder reports whether a lower-case noun names people, a group,
// a place or an institution.
func (l *lexicon) isStakeholder(w string) bool {
	if l.stakeholders[w] {
		return true
	}
	for _, s := range []string{"er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ents", "ants"} {
		if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// isTimeWord reports whether a lower-case word names a day, a month or a
// span of time.
func (l *lexicon) isTimeWord(w string) bool {
	return l.weekdays[w] || l.months[w] || l.timeWords[w]
}
