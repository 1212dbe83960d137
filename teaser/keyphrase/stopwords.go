package keyphrase

import "strings"

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

// wordClass marks the words the scorer treats specially.
type wordClass uint8

const (
	classStop      wordClass = 1 << iota // a stop word
	classHonorific                       // a title written before a name
)

// honorificList holds titles written before a name. A phrase that starts
// with one ("President Xi Jinping") is weaker than the bare name, and does
// not stand for the name's parts.
const honorificList = `president vice prime minister chancellor premier king queen prince princess
pope sen senator rep representative gov governor mayor judge justice gen general col colonel lt
capt captain sgt officer chairman chairwoman ceo director secretary leader chief dr doctor prof
professor sir dame lord lady coach rev reverend mr mrs ms miss`

// wordClasses maps lowercased words to their classes, built once at
// package init so that one lookup per word tells both.
var wordClasses = func() map[string]wordClass {
	m := make(map[string]wordClass, 400)
	for _, w := range strings.Fields(stopList) {
		m[w] |= classStop
	}
	for _, w := range strings.Fields(honorificList) {
		m[w] |= classHonorific
	}
	return m
}()

// classWords holds the words of wordClasses, with their classes in
// classByID, for lookups by a hash already computed.
var classWords, classByID = func() (t wordTable, c []wordClass) {
	for w, class := range wordClasses {
		t.add(w, hashWord(w))
		c = append(c, class)
	}
	return t, c
}()

// classOf returns the classes of lower, whose hashWord is h.
func classOf(lower string, h uint64) wordClass {
	if id, ok := classWords.lookup(lower, h); ok {
		return classByID[id]
	}
	return 0
}

// isStop reports whether lower (a lowercased word, ASCII apostrophes) is a
// stop word.
func isStop(lower string) bool { return wordClasses[lower]&classStop != 0 }
