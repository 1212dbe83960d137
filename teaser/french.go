package teaser

import "github.com/hookline/hookline/teaser/internal/lexicon"

// french is the table for French. It has no hook or question patterns: a
// French article gets the plain-news form, cleaned by the lists below.
var french = &language{
	plain:    true,
	stop:     wordSet(lexicon.French.Stop),
	calendar: wordSet(lexicon.French.Days, lexicon.French.Months, `noël pâques`),
	titles:   wordSet(lexicon.French.Titles),
	demonyms: wordSet(lexicon.French.Demonyms),
	attribution: wordSet(`dit déclaré affirmé expliqué indiqué annoncé précisé souligné ajouté estimé
		estime explique affirme déclare selon confié assuré`),
	references:     wordSet(`il elle ils elles ce cela ceci cette ces celui celle ceux`),
	pronounOpeners: wordSet(`il elle ils elles ce cela ceci`),
	firstPerson:    wordSet(`je nous mon ma mes notre nos`),
	limits:         wordSet(`mais pourtant cependant toutefois sauf bien`),
	background:     wordSet(`auparavant précédemment autrefois jadis initialement`),
	places: wordSet(`france allemagne espagne italie belgique suisse europe amérique chine russie ukraine
		paris lyon marseille bruxelles genève berlin madrid londres ue otan onu`),
	placeOrg: wordSet(`ville commune région département parti gouvernement ministère assemblée sénat
		tribunal police université école banque groupe fondation musée théâtre église`),
	nameJoiners: wordSet(`de du des la le`),
}
