// This file is the English table of the package: every word list and
// suffix rule the tagger and the scorer use, each named and written down
// once. The lists are general English and news conventions, not words of
// any evaluation set.
package keyphrase

import (
	"strings"

	"github.com/hookline/hookline/teaser/internal/lexicon"
)

// stopList holds English function words and a few reporting verbs that never
// carry an article's topic on their own. It is the classic SMART-style list,
// trimmed to words that are common in news prose.
const stopList = `
a about above according across after afterwards again against ago all almost alone along already also although always am among amongst an and another any anybody anyhow anyone anything anyway anywhere are aren't around as at
back be became because become becomes becoming been before beforehand behind being below beside besides between beyond both but by
can cannot can't could couldn't
did didn't do does doesn't doing done don't down during
each eg either else elsewhere enough etc even ever every everybody everyone everything everywhere except
few for former formerly from further furthermore
get gets getting got
had hadn't has hasn't have haven't having he he'd he'll hence her here hereafter hereby herein here's hers herself he's him himself his how however how's
i i'd ie if i'll i'm in inc indeed instead into is isn't it its it's itself i've
just
last latter latterly least less let let's like likely ltd
made make makes many may maybe me meanwhile might mine more moreover most mostly mr mrs ms much must mustn't my myself
namely neither never nevertheless next no nobody none noone nor not nothing now nowhere
of off often on once one only onto or other others otherwise ought our ours ourselves out over own
per perhaps please put
quite
rather re really
said same say saying says see seem seemed seeming seems several shall shan't she she'd she'll she's should shouldn't since so some somehow someone something sometime sometimes somewhere still such
take than that that's the their theirs them themselves then thence there thereafter thereby therefore therein there's thereupon these they they'd they'll they're they've this those though through throughout thru thus to together too toward towards
under until up upon us
very via
was wasn't we we'd well we'll went were we're weren't we've what whatever what's when whence whenever when's where whereafter whereas whereby wherein where's whereupon wherever whether which while whither who whoever whole whom who's whose why why's will with within without won't would wouldn't
yes yet you you'd you'll your you're yours yourself yourselves you've
`

// wordClass marks the words the tagger and the scorer treat specially.
type wordClass uint16

const (
	classStop      wordClass = 1 << iota // a stop word
	classHonorific                       // a title written before a name
	classDet                             // a determiner or possessive: a noun phrase follows
	classVerbCue                         // a subject pronoun or modal: a verb follows
	classAux                             // a form of "be" or "have": a participle follows
	classJoin                            // a stop word a name may hold inside ("Bank of England")
	classVerb                            // a verb that is seldom a noun, in any form
	classAdj                             // an adjective, by the list or by its ending
	classAdv                             // an adverb, by its ending
	classTime                            // a day, a month or a unit of time
	classDemonym                         // a nationality or people ("Chinese")
	classEd                              // ends like a past tense or participle: "-ed"
	classIng                             // ends like a participle or gerund: "-ing"
)

// honorificList holds titles written before a name. A phrase that starts
// with one ("President Xi Jinping") is weaker than the bare name, and does
// not stand for the name's parts.
const honorificList = `president vice prime minister chancellor premier king queen prince princess
pope sen senator rep representative gov governor mayor judge justice gen general col colonel lt
capt captain sgt officer chairman chairwoman ceo director secretary leader chief dr doctor prof
professor sir dame lord lady coach rev reverend mr mrs ms miss`

// detList holds determiners and possessives: the word after one begins a
// noun phrase, so an "-ing" or "-ed" word there is a noun or a modifier.
const detList = `a an the this that these those his her its their our my your every each
some any no another either neither`

// verbCueList holds subject pronouns and modals: the word after one is a
// verb ("they plan", "will visit", "could face").
const verbCueList = `i he she we they who will would shall should can could may might must do
does did don't doesn't didn't won't wouldn't can't cannot couldn't shouldn't`

// auxList holds the forms of "be" and "have": an "-ed" or "-ing" word after
// one is a verb ("was arrested", "is building"), a noun stays a noun ("was
// president").
const auxList = `is are was were be been being am has have had having isn't aren't wasn't
weren't hasn't haven't hadn't`

// joinList holds the stop words a noun phrase may keep inside: "Department
// of Health", "April and June", "Marks & Spencer".
const joinList = `of and &`

// verbList holds common verbs that are seldom nouns. Their regular forms
// (-s, -ed, -ing) are derived; irregular past forms follow the base.
const verbList = `accept accuse achieve acknowledge add admit agree allow announce appear apply argue arrive ask
assume avoid believe belong blame borrow bring buy carry catch choose complain confirm consider
continue convince create decide declare deliver deny depend describe deserve destroy determine
develop die disappear discover discuss draw eat emerge enable encourage ensure enter establish
examine expect explain express fail feel find fly follow forget forgive gain give go grow
happen hear hide identify ignore imagine improve include indicate inform insist intend
introduce involve join keep kill know learn leave lend let listen live lose maintain manage
mean meet mention notice obtain occur open perform prefer prepare prevent produce promise
propose protect prove provide publish read realise realize receive recognise recognize
recommend reduce refer refuse regard reject relate remain remember remove replace represent
require resign reveal save say see seek seem sell send serve shake sing sit speak spend stand
stay steal suffer suggest suppose surprise take teach tell tend think threaten throw understand
urge want warn wash wonder write arose awoke began begun bent bitten blew blown bore borne
bought brought broke broken built burnt caught chose chosen came done drew drawn drank drove
driven ate eaten fell fallen fed felt fought found fled flew flown forbade forgot forgotten
forgave forgiven froze frozen gave given went gone grew grown hung heard hid hidden held kept
knelt knew known led leapt lent lost made meant met paid rode ridden rang rose risen ran sought
sold sent shook shaken shone shown sang sung sank sunk sat slept slid spoke spoken spent spun
stood stole stolen stuck stung struck swore sworn swept swam swum took taken taught tore torn
told thought threw thrown understood woke woken wore worn won wrote written withdrew withheld
upheld`

// adjectiveList holds common adjectives that no ending marks. Their
// comparative and superlative forms are derived.
const adjectiveList = `able absent afraid alive angry apparent available aware bad basic big bitter black blue bold
brave brief bright broad brown busy calm certain cheap clean clear close cold common complete
confident consistent convenient cool crazy cruel current dark dead dear decent deep difficult
direct dirty distant dry due dull eager early easy efficient empty entire equal evident exact
excellent extreme fair false familiar famous fast fat fierce foreign frequent fresh full glad
good grand grateful great green grey gray guilty happy hard harsh healthy heavy high holy
honest hot huge humble ideal ill immediate important independent innocent intelligent keen
large late latest lazy lean likely little lonely long loose loud low loyal lucky mad main major
mere mild minor modern narrow nearby neat necessary new nice noble normal odd old open ordinary
other pale patient permanent pleased polite poor popular pretty prime private prominent proper
proud pure quick quiet rapid rare raw ready real recent red regular relevant rich right rough
rude sad safe same senior junior sharp short sick significant silent similar simple single
slight slow small smart soft solid sorry special steady steep strange strict strong such sudden
sufficient sure sweet tall temporary thick thin tight tiny top tough true ugly unable unclear
unknown unlikely upset urgent usual vague valid various vast violent visible vital warm weak
wealthy weird wet white whole wide wild wise wrong yellow young first second third fourth fifth
sixth seventh eighth ninth tenth former latter next previous further overall annual daily
weekly monthly yearly likely unlikely western eastern northern southern dominant abundant
brilliant elegant reluctant vacant vibrant pregnant arrogant constant adjacent ancient diligent
eminent fluent imminent incompetent inherent insolvent lenient magnificent negligent obedient
persistent prevalent prudent resilient stagnant tolerant transparent turbulent vigilant`

// adjectiveEndings mark adjectives ("illegal", "impossible", "dangerous").
// A word listed in nounExceptions is a noun all the same.
var adjectiveEndings = [...]string{"able", "ible", "al", "ful", "ic", "ous", "ive", "less", "ish", "ary"}

// nounExceptions are nouns that end like adjectives, adverbs or participles.
const nounExceptions = `table cable stable vegetable constable timetable bible fable variable trial proposal arrival
approval official criminal animal capital hospital festival signal survival rival journal metal
material interval original principal withdrawal denial disposal removal renewal funeral canal
scandal crystal medal portal tribunal arsenal cardinal terminal individual manual ritual deal
meal seal appeal goal coal oval general total rental referral memorial editorial chemical
musical professional liberal radical conventional tutorial handful mouthful music public
traffic topic clinic republic logic panic critic mechanic epidemic pandemic magic fabric
graphic plastic tactic rhetoric picnic relic comic cleric mosaic garlic arithmetic executive
representative detective initiative objective motive alternative relative perspective incentive
directive explosive offensive archive collective narrative operative native captive fugitive
conservative progressive fish dish wish polish finish publish establish parish radish rubbish
relish military secretary library salary dictionary anniversary boundary summary diary
commentary documentary missionary adversary beneficiary subsidiary primary revolutionary
sanctuary emissary itinerary glossary estuary president student agent parent event percent
incident accident resident client talent patient opponent component element segment content
comment moment judgment government department management agreement statement investment
movement development treatment payment employment parliament environment equipment settlement
announcement requirement amendment argument document instrument tournament punishment
retirement commitment experiment achievement assessment enforcement engagement establishment
improvement involvement replacement shipment supplement apartment basement compartment
sentiment fragment garment monument ornament pigment torment assistant applicant consultant
participant immigrant defendant servant merchant tenant giant restaurant plant grant lieutenant
descendant infant elephant inhabitant migrant lubricant sergeant warrant accountant attendant
combatant contestant informant occupant protestant family supply assembly rally ally reply
monopoly anomaly belly jelly bully folly lily fly butterfly july italy need seed speed bed shed
breed creed deed feed greed weed hundred thing king ring spring string wing sing sting bring
swing sling morning evening meeting building wedding ceiling darling sibling betrayal dismissal
refusal rehearsal reversal upheaval burial recital serial mammal cathedral admiral corporal
marshal mineral spiral vandal carnival revival pedal petal sandal decimal`

// timeList holds the relative days and units of time; the days and
// months come from the shared table (lexicon.English), but for "may",
// far more often a modal than the month. A date is not a topic.
const timeList = `today yesterday tomorrow tonight morning afternoon evening night weekend
day days week weeks month months year years decade decades hour hours minute minutes
second seconds`

// wordClasses maps lowercased words to their classes by the lists above,
// built once at package init so that one lookup per word tells all.
var wordClasses = func() map[string]wordClass {
	m := make(map[string]wordClass, 4000)
	add := func(list string, c wordClass) {
		for _, w := range strings.Fields(list) {
			m[w] |= c
		}
	}
	add(stopList, classStop)
	add(honorificList, classHonorific)
	add(detList, classDet)
	add(verbCueList, classVerbCue)
	add(auxList, classAux)
	add(joinList, classJoin)
	add(timeList, classTime)
	add(lexicon.English.Days, classTime)
	for _, w := range strings.Fields(lexicon.English.Months) {
		if w != "may" {
			m[w] |= classTime
		}
	}
	add(lexicon.English.Demonyms, classDemonym)
	for _, v := range strings.Fields(verbList) {
		for _, f := range verbForms(v) {
			if m[f]&(classStop|classTime) == 0 {
				m[f] |= classVerb
			}
		}
	}
	for _, a := range strings.Fields(adjectiveList) {
		for _, f := range adjectiveForms(a) {
			if _, ok := m[f]; !ok || f == a {
				m[f] |= classAdj
			}
		}
	}
	for _, n := range strings.Fields(nounExceptions) {
		m[n] &^= classVerb | classAdj
		if m[n] == 0 {
			delete(m, n)
		}
	}
	return m
}()

// nounException reports whether lower is a noun that ends like another
// part of speech.
var nounException = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(nounExceptions) {
		m[n] = true
	}
	return m
}()

// verbForms returns v with its regular inflections: "plan" gives "plans",
// "planned", "planning"; "agree" gives "agrees", "agreed", "agreeing".
func verbForms(v string) []string {
	forms := []string{v}
	last := v[len(v)-1]
	switch {
	case strings.HasSuffix(v, "e"):
		forms = append(forms, v+"s", v+"d", v[:len(v)-1]+"ing", v+"ing")
	case last == 'y' && len(v) > 2 && !isVowel(v[len(v)-2]):
		forms = append(forms, v[:len(v)-1]+"ies", v[:len(v)-1]+"ied", v+"ing")
	case last == 's' || last == 'h' || last == 'x' || last == 'z':
		forms = append(forms, v+"es", v+"ed", v+"ing")
	default:
		forms = append(forms, v+"s", v+"ed", v+"ing")
		if doublesLast(v) {
			forms = append(forms, v+string(last)+"ed", v+string(last)+"ing")
		}
	}
	return forms
}

// adjectiveForms returns a with its comparative and superlative.
func adjectiveForms(a string) []string {
	last := a[len(a)-1]
	switch {
	case len(a) > 7 || strings.Contains(a, "-"):
		return []string{a}
	case last == 'e':
		return []string{a, a + "r", a + "st"}
	case last == 'y' && len(a) > 2 && !isVowel(a[len(a)-2]):
		return []string{a, a[:len(a)-1] + "ier", a[:len(a)-1] + "iest"}
	case doublesLast(a):
		d := a + string(last)
		return []string{a, a + "er", a + "est", d + "er", d + "est"}
	}
	return []string{a, a + "er", a + "est"}
}

// doublesLast reports whether a short word ending consonant-vowel-consonant
// doubles its last letter before an ending ("plan" → "planned").
func doublesLast(w string) bool {
	n := len(w)
	if n < 3 || n > 4 {
		return false
	}
	c := w[n-1]
	return !isVowel(c) && c != 'w' && c != 'x' && c != 'y' && isVowel(w[n-2]) && !isVowel(w[n-3])
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// suffixClass classes a word that no list names by its ending: adjectives
// ("-ous", "-ible"), adverbs ("-ly") and participles ("-ed", "-ing").
// Words shorter than minSuffixWord are left alone.
func suffixClass(lower string) wordClass {
	if len(lower) < minSuffixWord || nounException[lower] {
		return 0
	}
	switch {
	case strings.HasSuffix(lower, "ly"):
		return classAdv
	case strings.HasSuffix(lower, "ed") && !strings.HasSuffix(lower, "eed"):
		return classEd
	case strings.HasSuffix(lower, "ing"):
		return classIng
	}
	for _, e := range adjectiveEndings {
		if strings.HasSuffix(lower, e) {
			return classAdj
		}
	}
	return 0
}

// minSuffixWord is the shortest word whose ending says anything.
const minSuffixWord = 5

// isStop reports whether lower (a lowercased word, ASCII apostrophes) is a
// stop word.
func isStop(lower string) bool { return wordClasses[lower]&classStop != 0 }
