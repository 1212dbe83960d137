package teaser

import (
	"slices"
	"strings"
)

// A post is read without the article around it: a sentence that points
// back to something only the article introduced ("will run the project",
// "Paramedics treated the man", "an app like this one") leaves the reader
// asking which. These rules find such pointers anywhere in a sentence, not
// only at its start, where clean already looks.

// maxModifiers is how many words may stand between a determiner and the
// noun it points with: "the new £14.8bn project".
const maxModifiers = 3

// pointsBack reports whether s, outside quotations, holds a description
// that refers to something the post has not introduced: a determiner
// ("the", "this", "such") before one of the language's anaphoric nouns
// ("project", "incident", "woman") or before an age ("the 29-year-old"),
// or a strong pointer before any noun ("these problems", "such plans").
// The description is introduced, and fine, when a name sits in it or
// follows it ("the striker Jo Vale", "the Crossrail project"), when a
// complement follows its noun ("the study of 2,000 adults", "the plan to
// …"), or when the noun was said before: earlier in s ("a new study … the
// study") or in prior, the folded words of the sentence the post has
// already given (nil for none). A party ("the company") also has its
// antecedent when prior names someone.
func (l *language) pointsBack(s string, ws []word, prior *antecedents) bool {
	if l.anaphoric == nil && l.parties == nil {
		return false
	}
	for i := 0; i < len(ws)-1; i++ {
		w := ws[i]
		if !l.pointers[w.norm] || insideQuote(s, w.start) {
			continue
		}
		head := -1
		for k := i + 1; k < len(ws) && k <= i+maxModifiers; k++ {
			v := ws[k]
			if v.upper && !nameModifier(s[v.start:v.end]) {
				break // a name in the description introduces it
			}
			if l.anaphoric[v.norm] || l.parties[v.norm] || isAge(v.norm) {
				head = k
				break
			}
			if v.stop && !l.describing[v.norm] || strings.ContainsAny(s[ws[k-1].end:v.start], ",;:.") {
				break
			}
		}
		if next := ws[i+1]; head < 0 && l.strongPointers[w.norm] && !next.stop && !next.upper && !l.timeWord(next.norm) &&
			!slices.ContainsFunc(ws[:i], func(v word) bool { return l.limits[v.norm] || l.comparatives[v.norm] }) {
			// "these problems", "such plans"; after "but" or "than" the
			// sentence gives them itself: "… but her sister has no such
			// doubts", "… than those who skip these naps".
			head = i + 1
		}
		if head < 0 {
			continue
		}
		if l.introduced(s, ws, i, head, prior) {
			continue
		}
		return true
	}
	return false
}

// introduced reports whether the description ws[det..head] of s says
// which thing it means, or points to one the reader has been given.
func (l *language) introduced(s string, ws []word, det, head int, prior *antecedents) bool {
	h := ws[head]
	if prior != nil && (prior.words[h.norm] || prior.named && l.parties[h.norm]) {
		return true
	}
	for _, w := range ws[:det] {
		// The noun said before, or, for a party, a name before it in
		// the sentence: "Kane …, the striker said".
		if w.norm == h.norm || l.parties[h.norm] && w.upper && w.start > 0 {
			return true
		}
	}
	if head+1 >= len(ws) {
		return false
	}
	next := ws[head+1]
	switch gap := s[h.end:next.start]; gap {
	case " ":
		if next.upper || l.complements[next.norm] || l.naming[next.norm] {
			return true // "the film Titanic", "the study of …", "the man named …"
		}
		if l.placePrepositions[next.norm] && head+2 < len(ws) {
			place := ws[head+2]
			if place.norm == "the" && head+3 < len(ws) {
				place = ws[head+3]
			}
			if place.upper && !l.calendar[place.norm] {
				return true // "the crash near Kells", "the fire at the Mill Street depot"; not "on Sunday"
			}
		}
	case ", ":
		// An apposition names it: "the woman, 37-year-old Ann Marsh",
		// "the man, named by police as …"; not a place: "the man, from
		// Leeds, …".
		for k := head + 1; k < min(len(ws), head+4); k++ {
			if l.placePrepositions[ws[k].norm] {
				break
			}
			if ws[k].upper || l.naming[ws[k].norm] {
				return true
			}
		}
	}
	return false
}

// antecedents are what a sentence posted before gives the next one to
// refer to: its folded words, and whether it names someone.
type antecedents struct {
	words map[string]bool
	named bool
	// next is set when the sentence posted before is the article's own
	// sentence before this one: a "she" opening it is the article's.
	next bool
}

// antecedentsOf returns what sentence i of d gives a later sentence.
func (d *document) antecedentsOf(i int) *antecedents {
	s := &d.sentences[i]
	a := &antecedents{words: make(map[string]bool, len(s.words)), named: len(d.names(s)) > 0}
	for _, w := range s.words {
		a.words[w.norm] = true
	}
	return a
}

// isAge reports whether a folded word is an age used as a noun:
// "29-year-old", "28-year".
func isAge(norm string) bool {
	return isNumber(norm) && strings.Contains(norm, "-year")
}

// pastOpening reports whether s opens on a time before the news: "Since
// December 2013, …", "Back in September, …", "Last year, …", "In October
// last year, …", "In 2013, …". News is told in the present of the story;
// a sentence set earlier is most often background.
func (l *language) pastOpening(s string, ws []word) bool {
	if len(ws) < 3 || l.pastOpeners == nil {
		return false
	}
	switch {
	case l.pastOpeners[ws[0].norm]:
		return true
	case l.previous[ws[0].norm]:
		return l.periods[ws[1].norm]
	case l.yearPrepositions[ws[0].norm] && year(ws[1].norm) > 0:
		return true
	case l.yearPrepositions[ws[0].norm] && l.months[ws[1].norm] && strings.HasPrefix(s[ws[1].end:], ",") &&
		!hasAny(l.ahead, s, ws[2:]):
		return true // "In March, the minister told …": a month before the story's
	case l.yearPrepositions[ws[0].norm] && l.calendar[ws[1].norm]:
		return len(ws) > 3 && l.previous[ws[2].norm] && l.periods[ws[3].norm] || year(ws[2].norm) > 0
	}
	return false
}

// earlierTime reports whether s's main clause, outside quotations, sets
// what it tells before the news: "last week", "last year", or a year ("in
// 2013", "since 2009") older than the newest year the article names.
func (l *language) earlierTime(s string, ws []word, newest int) bool {
	if l.periods == nil {
		return false
	}
	// Beyond the main clause is not the news's time: "announced …, after
	// confirming reports last week".
	for k, end := 0, l.mainClauseEnd(ws); k < end && k+1 < len(ws); k++ {
		w, next := ws[k], ws[k+1]
		if insideQuote(s, w.start) {
			continue
		}
		if l.previous[w.norm] && l.periods[next.norm] {
			return true
		}
		if l.yearPrepositions[w.norm] && newest > 0 {
			if y := year(next.norm); y > 0 && y < newest {
				return true
			}
		}
	}
	return false
}

// mainClauseEnd is the index of ws's first word that ends the main clause
// (an attribution, a limiting or subordinate clause, "that"), len(ws) when
// none does.
func (l *language) mainClauseEnd(ws []word) int {
	for k, w := range ws {
		if l.attribution[w.norm] || l.cutUnsafe[w.norm] || l.clauseOpeners[w.norm] || l.complementizers[w.norm] {
			return k
		}
	}
	return len(ws)
}

// year returns the year a folded word writes (1900 to 2099), else 0.
func year(norm string) int {
	if len(norm) != 4 || (!strings.HasPrefix(norm, "19") && !strings.HasPrefix(norm, "20")) {
		return 0
	}
	y := 0
	for _, c := range norm {
		if c < '0' || c > '9' {
			return 0
		}
		y = 10*y + int(c-'0')
	}
	return y
}

// newestYear is the latest year any sentence of d names, 0 when none does.
func (d *document) newestYear() int {
	newest := 0
	for i := range d.sentences {
		for _, w := range d.sentences[i].words {
			newest = max(newest, year(w.norm))
		}
	}
	return newest
}

// danglingPronoun reports whether the subject of s's main clause is a
// pronoun whose antecedent the opening phrase does not give: "Rather than
// having links to Islamism, he was …", "When it opened in 1990, it …". A
// he or she needs a person named before it; another pronoun any name.
func (d *document) danglingPronoun(s string, ws []word) bool {
	lang := d.lang
	c := introComma(s)
	if c < 0 {
		return false
	}
	k := 0
	for k < len(ws) && ws[k].start < c {
		k++
	}
	if k == 0 || k >= len(ws) || !lang.references[ws[k].norm] || ws[k].upper || insideQuote(s, ws[k].start) {
		return false // a speaker's own words may say "it" and "we"
	}
	intro := sentence{text: s[:c], words: ws[:k]}
	for _, sp := range d.names(&intro) {
		if !d.lang.personPronouns[ws[k].norm] || d.isPerson(s[sp.start:sp.end]) {
			return false
		}
	}
	return true
}

// introComma returns the index of the comma that ends s's opening phrase,
// also one a quotation closes ("…,” she said"), or -1.
func introComma(s string) int {
	for i := 0; i+1 < len(s); i++ {
		if s[i] != ',' {
			continue
		}
		rest := s[i+1:]
		if rest[0] == ' ' || strings.HasPrefix(rest, `" `) || strings.HasPrefix(rest, "” ") {
			return i
		}
	}
	return -1
}

// pastPerfect reports whether the main clause of s tells, outside
// quotations, what had happened before the story's time ("X had urged"):
// background, not the news. A past perfect in reported speech ("announced
// that they had reached") or a subordinate clause ("a seat which had been
// held") is the news's own.
func (l *language) pastPerfect(s string, ws []word) bool {
	from := 0
	if c := introComma(s); c > 0 && l.mainClauseEnd(ws) <= 1 && len(ws) > 1 && ws[1].start < c {
		// "Days after he quit, the mayor had tweeted …": the main clause
		// comes after the opening subordinate one.
		for from < len(ws) && ws[from].start < c {
			from++
		}
	}
	for k, end := from, from+l.mainClauseEnd(ws[from:]); k < end && k+1 < len(ws); k++ {
		w := ws[k]
		if !l.perfectAux[w.norm] || insideQuote(s, w.start) {
			continue
		}
		next := strings.ToLower(s[ws[k+1].start:ws[k+1].end])
		if l.participle(next) {
			return true
		}
	}
	return false
}

// participle reports whether a lower-case word looks like a past
// participle: "urged", "been", "taken", or one of the language's
// irregular forms.
func (l *language) participle(w string) bool {
	return len(w) > 3 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en")) || l.participles[w]
}

// dropRelativeDay removes, outside quotations, the words that date s from
// the day it was written: "yesterday", "today", "tonight", "earlier
// today", "this morning", "last night". A post is read on another day, and
// the sentence's other words still say what happened.
func (l *language) dropRelativeDay(s string) string {
	if l.relativeDays == nil {
		return s
	}
	for {
		ws := l.words(s)
		from, to := -1, -1
		for k, w := range ws {
			if insideQuote(s, w.start) || strings.ContainsAny(s[w.start:w.end], "'’") {
				continue
			}
			switch {
			case l.relativeDays[w.norm] && (k == 0 || !l.dayAnchors[ws[k-1].norm]):
				from, to = k, k
				if k > 0 && l.dayModifiers[ws[k-1].norm] && s[ws[k-1].end:w.start] == " " {
					from = k - 1 // "earlier today", "just yesterday"
				}
				if k+1 < len(ws) && l.dayParts[ws[k+1].norm] && s[w.end:ws[k+1].start] == " " {
					to = k + 1 // "yesterday afternoon" goes whole
				}
			case (l.present[w.norm] || l.previous[w.norm]) && k+1 < len(ws) && l.dayParts[ws[k+1].norm] &&
				s[w.end:ws[k+1].start] == " " && (k+2 == len(ws) || !startsUpper(s[ws[k+2].start:])):
				from, to = k, k+1
			}
			if from >= 0 {
				break
			}
		}
		if from < 0 {
			return s
		}
		start, end := ws[from].start, ws[to].end
		switch {
		case from == 0:
			// "Yesterday, the council …" and "Just yesterday Jo Vale …":
			// the next word opens the sentence; "Today is …" keeps its
			// subject.
			rest, comma := strings.CutPrefix(s[end:], ", ")
			if !comma && (from == to || !strings.HasPrefix(rest, " ") || to+1 < len(ws) && l.auxiliaries[ws[to+1].norm]) {
				return s // "Yesterday Jo Vale …" may be a name's; "This morning is …" a subject
			}
			rest = strings.TrimPrefix(rest, " ")
			if rest == "" {
				return s
			}
			s = upperFirst(rest)
		case start > 0 && s[start-1] == ' ':
			s = s[:start-1] + s[end:]
		default:
			return s
		}
	}
}

// repeatsSubject reports whether sentence s opens on the name the news
// sentence fact already gave: "Ms Vale warned …" after "Ms Vale said
// …". Posted after the news it says the name twice in a short post.
func (d *document) repeatsSubject(s *sentence, fact int) bool {
	names := d.names(s)
	if len(names) == 0 {
		return false
	}
	if pre := strings.TrimSpace(s.text[:names[0].start]); pre != "" && !d.lang.titles[strings.ToLower(pre)] {
		return false // a name further on, not the opening one ("Ms Vale")
	}
	last := fold(lastWord(s.text[names[0].start:names[0].end]))
	for _, w := range d.sentences[fact].words {
		if w.upper && w.norm == last {
			return true
		}
	}
	return false
}

// dropLabel removes a label that opens s before a colon and a sentence of
// its own (at least minStandalone words, capitalised): a headline run into
// the text that the sentence goes on to say again ("2,000-year-old coral
// found: Scientists have found 2,000-year-old coral …": three to six
// words, every content word back after the colon), or a kicker that opens on a
// pronoun ("It's official: Anglers no longer need …", "This just in: The
// pier …": up to three words), which alone in a post points to nothing.
// A kicker stays when the sentence speaks ("… : I will …"), is a
// quotation, or points back to what the kicker named.
func (l *language) dropLabel(s string) string {
	c := strings.Index(s, ": ")
	if c <= 0 || c > 80 || strings.ContainsAny(s[:c], `"“”.`) {
		return s
	}
	label, rest := l.words(s[:c]), s[c+2:]
	if len(label) == 0 || len(label) > 6 || wordCount(rest) < minStandalone || !startsUpper(rest) {
		return s
	}
	r := l.words(rest)
	if len(label) <= 3 && l.references[label[0].norm] && !strings.Contains(s[:c], ",") && !opensQuote(rest) &&
		!l.speaksAs(rest[r[0].start:r[0].end]) && !l.pointsBack(rest, r, nil) {
		return rest // the kicker
	}
	if len(label) <= 2 {
		return s // "What: …", "Final: …": a label clean refuses, not an echo
	}
	have := make(map[string]bool)
	for _, w := range r {
		have[w.norm] = true
	}
	for _, w := range label {
		if !w.stop && !have[w.norm] {
			return s
		}
	}
	return rest // the echo
}
