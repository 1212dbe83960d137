package teaser

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The writer puts the news first. It picks the sentence a journalist would
// lead with, cleans it without changing what it says, and adds a teasing
// question, a stakes line and a closing question only when each can be
// written with confidence from the article itself. A flat true post beats
// a lively wrong one: every optional part is left out rather than forced.

// Budgets, in words. XSum's one-sentence summaries average 21 words; the
// style model's fact has 24. A longer sentence is cut only at a clause
// boundary that loses neither an attribution nor a limiting clause.
const (
	maxFactWords   = 30
	maxStakesWords = 24
	// minStandalone is the fewest words a sentence needs to carry news on
	// its own.
	minStandalone = 7
	// maxStandalone is the most words a sentence may have to be posted
	// whole: beyond it, it must be cut safely or it is not used.
	maxStandalone = 40
	// newsWindow is how many of the first sentences may hold the news: news
	// writing puts what happened at the top.
	newsWindow = 6
	// standingLead is the weight of an article's first sentence when it
	// stands alone, beyond what every early sentence gets: it is the news
	// unless a later sentence is clearly more about the story. In the
	// blind rounds 10–12, posts that left such a lead for a sentence
	// scoring a little higher missed the news in 38 of 56 judgements (the
	// lead itself in 26) and were preferred only 29 times.
	standingLead = 1.3
	// maxPostWords is the most words the news and the stakes may have
	// together: beyond it the post reads as a paragraph.
	maxPostWords = 38
	// turnWords is how many words past maxPostWords a turn ("But the
	// case collapsed …") may take the post: the news without it misleads.
	turnWords = 8
	// maxOverlap is the most of its content words the stakes line may
	// share with the news: more, and it repeats it.
	maxOverlap = 0.5
	// stakesWindow is how far down the stakes line may come from.
	stakesWindow = 12
)

// dateline matches a wire dateline ("BERLIN -", "CIUDAD JUAREZ, Mexico -",
// "WASHINGTON (AP) —") and whatever a scrape glued before it (a headline
// run into the body, whose abbreviations may carry a dot: "… manager
// Tue., replacing …"): both go.
var dateline = regexp.MustCompile(`^(?:(?:[^.!?]|[A-Z][a-z]{0,3}\.){0,150}?\s)??(\p{Lu}[\p{Lu}.'’]+(?:[ -]\p{Lu}[\p{Lu}.'’]+)*(?:,\s[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)*)?)(?:,\s[A-Z][a-z]+\.?\s\d{1,2})?(?:\s\([A-Za-z][A-Za-z ]*\))?\s*[-–—•]+\s+`)

// bareDateline matches a dateline without its dash ("DUNMORE The Dunmore
// Rovers …", "HARBIN, Dun. (AP) Jo Vale …"): capitals opening the sentence
// before a capitalised word.
var bareDateline = regexp.MustCompile(`^((?:\p{Lu}[\p{Lu}'’.]{3,}|\p{Lu}[\p{Lu}'’.]+ \p{Lu}[\p{Lu}'’.]+)(?: \p{Lu}[\p{Lu}'’.]+)*)(, [A-Z][a-z]+\.)?( \([A-Za-z]+\))? [A-Z][a-z ]`)

// placeDateline matches a dateline written as a name ("Lima, Peru - ")
// after a headline run into the body.
var placeDateline = regexp.MustCompile(`^(?:(?:[^.!?]|[A-Z][a-z]{0,3}\.){0,150}?\s)??([A-Z][a-z]+(?: [A-Z][a-z]+)?, [A-Z][a-z]+(?: [A-Z][a-z]+)?) [-–—] `)

// colonDateline matches a dateline or a source label ended by a colon:
// "NEW DELHI: Indian authorities …", "Gazette : While …".
var colonDateline = regexp.MustCompile(`^([A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+)*|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)? ):\s+[A-Z]`)

// reportingFrom matches a correspondent's dateline: "Reporting from Salt
// Lake City — ".
var reportingFrom = regexp.MustCompile(`^Reporting from [^.—–-]{2,60}\s[—–-]+\s+`)

// copyrightLine finds a credit line's "Copyright 2011".
var copyrightLine = regexp.MustCompile(`(?i)\bcopyright \d{4}\b`)

// bulletDateline matches a place name ended by a bullet: "Washington • ".
var bulletDateline = regexp.MustCompile(`^([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}) •\s+`)

// dateOnly matches a dateline that is a date alone, with its year or an
// agency's credit: "April 1, 2011 - ", "April 1 (Reuters) - ".
var dateOnly = regexp.MustCompile(`^[A-Z][a-z]+\.? \d{1,2}(?:, \d{4}|(?:, \d{4})? \([A-Z][A-Za-z ]*\)) [-–—] `)

// stripDateline removes a leading dateline from s and returns the place
// it named, as a name ("Harbin, Dunland").
func (l *language) stripDateline(s string) (rest, place string) {
	if m := dateOnly.FindStringIndex(s); m != nil && wordCount(s[m[1]:]) >= minStandalone {
		s = s[m[1]:]
	}
	if strings.HasPrefix(s, "Reporting from ") {
		if m := reportingFrom.FindStringIndex(s); m != nil && wordCount(s[m[1]:]) >= minStandalone {
			s = s[m[1]:]
		}
	}
	if rest, place, ok := colonLabel(s); ok {
		return rest, place
	}
	if b := bulletDateline.FindStringSubmatchIndex(s); b != nil && wordCount(s[b[1]:]) >= minStandalone {
		return s[b[1]:], s[b[2]:b[3]]
	}
	var m []int
	if head := s[:min(len(s), 200)]; strings.Contains(head, " -") || strings.Contains(head, " –") ||
		strings.Contains(head, " —") || strings.Contains(head, "•") {
		// Only a dash can end these two: the regular expressions, costly
		// on every sentence, run only where one is near the start.
		m = dateline.FindStringSubmatchIndex(s)
		if m == nil {
			m = placeDateline.FindStringSubmatchIndex(s)
		}
	}
	if m == nil {
		if b := bareDateline.FindStringSubmatchIndex(s); b != nil {
			// Only a place the sentence goes on to name in its own case:
			// "DUNMORE The Dunmore Rovers", not "NATO Secretary General".
			// A state's abbreviation and an agency's credit say it is
			// one too: "HARBIN, Dun. (AP) Jo Vale …".
			// So does a sentence opening on a function word, which no name
			// runs on into: "HARBIN For the first time …".
			name := titleCase(s[b[2]:b[3]])
			if strings.Contains(s[b[3]:], name) || b[4] >= 0 && b[6] >= 0 || l.opensOnFunctionWord(s[b[1]-2:]) {
				return s[b[1]-2:], name
			}
		}
		return s, ""
	}
	rest = s[m[1]:]
	if wordCount(rest) < minStandalone || !startsUpper(rest) {
		return s, ""
	}
	return rest, titleCase(strings.TrimSpace(s[m[2]:m[3]]))
}

// undated returns sentence i without its dateline, and the place the
// dateline named; each sentence's is worked out once, as cleaning,
// hashtags and the plain fallback all ask for it.
func (d *document) undated(i int) (rest, place string) {
	s := &d.sentences[i]
	if !s.dated {
		s.undated, s.place = d.lang.stripDateline(s.text)
		s.dated = true
	}
	return s.undated, s.place
}

// opensOnFunctionWord reports whether s's first word is a stop word that
// does not open names ("For", "The", not "New").
func (l *language) opensOnFunctionWord(s string) bool {
	start, end := nextWord(s, 0)
	if start == len(s) {
		return false
	}
	w := l.newWord(s, start, end)
	return w.upper && w.stop && !l.nameStops[w.norm]
}

// unshout writes the capitals opening s as the article writes those
// words elsewhere, when s goes on in mixed case (a print opening: "THE
// Harbour Board …", "HURRICANE Dana, …", "THE FIGHT over …"): a word the
// article capitalises inside a sentence keeps its capital, a word it
// writes in lower case (or a stop word) loses it after the first. When
// one of them is written only in capitals (an acronym, or a name the
// article does not spell otherwise) s stays as it is.
func (d *document) unshout(s string) string {
	if shouting(s) {
		return s
	}
	var b strings.Builder
	last := 0
	for start, end := nextWord(s, 0); start < len(s); start, end = nextWord(s, end) {
		raw := s[start:end]
		if strings.ToUpper(raw) != raw || strings.ToLower(raw) == raw || (start > 0 && s[last:start] != " ") ||
			strings.ContainsFunc(raw, unicode.IsDigit) {
			break // "0A": a code, not a word
		}
		if utf8.RuneCountInString(raw) < 2 || start == 0 && d.writesInside(raw) {
			return s // "A" or "I": no telling; "US", "WHO": an acronym
		}
		w, title := d.lang.newWord(s, start, end), titleCase(raw)
		b.WriteString(s[last:start])
		switch {
		case d.writesInside(title):
			b.WriteString(title)
		case w.stop || d.stat(w.norm).lower:
			if start == 0 {
				b.WriteString(title)
			} else {
				b.WriteString(strings.ToLower(raw))
			}
		default:
			return s
		}
		last = end
	}
	if last == 0 || shouting(s[last:]) {
		return s
	}
	return b.String() + s[last:]
}

// writesInside reports whether some sentence holds word as a whole word,
// in its case, after another word: "Fight" of "a Fight Night bout", not
// of "Fight fans …".
func (d *document) writesInside(word string) bool {
	for text, j := range d.mentions(word) {
		before, _ := utf8.DecodeLastRuneInString(text[:j])
		after, _ := utf8.DecodeRuneInString(text[j+len(word):])
		if !isWordRune(before) && !isWordRune(after) && wordCount(text[:j]) > 0 {
			return true
		}
	}
	return false
}

// colonLabel removes a colon dateline or source label from s ("NEW DELHI:
// …", "Politico : …"), with the place it named; ok is false when s has
// none. The regular expression runs only where a colon is near the start.
func colonLabel(s string) (rest, place string, ok bool) {
	if !strings.Contains(s[:min(len(s), 60)], ":") {
		return s, "", false
	}
	c := colonDateline.FindStringSubmatchIndex(s)
	if c == nil || wordCount(s[c[1]-1:]) < minStandalone {
		return s, "", false
	}
	if strings.HasSuffix(s[c[2]:c[3]], " ") {
		// A source's label ("Gazette : …", "TIME : …"): what follows is its
		// words, and dropping the label would drop the attribution. The
		// sentence stays as it is, and clean refuses a label.
		return s, "", false
	}
	label := s[c[2]:c[3]]
	if shouting(label) {
		return s[c[1]-1:], titleCase(label), true // a place: "NEW DELHI"
	}
	return s[c[1]-1:], "", true
}

// titleCase writes a dateline's capitals as a name: "PORT HARBIN,
// Dunland" gives "Port Harbin, Dunland".
func titleCase(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		if _, n := utf8.DecodeRuneInString(w); len(w) > n && strings.ToUpper(w) == w {
			ws[i] = w[:n] + strings.ToLower(w[n:]) // "ÉCOLE" is "École"
		}
	}
	return strings.Join(ws, " ")
}

// thisPlace finds "this city", "this border town": a sentence that leans
// on its dateline for the place.
var thisPlace = regexp.MustCompile(`\b(?:[Tt]his|[Tt]he) (?:[a-z]+ )?(?:city|town|capital|country|village|state|region|island|port)\b`)

// herePlace finds the wire's "here", the dateline's place: "… beat Harbour
// Town here Saturday", "… said here on Monday", "… arrived here." Only
// before a day, "on" or a stop, where it cannot open a phrase ("here is").
var herePlace = regexp.MustCompile(`\bhere(?: on)?(?: (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tonight|yesterday)\b|[.,;])`)

// candidate is a sentence considered as the news or the stakes, cleaned.
type candidate struct {
	index int
	// text is the sentence cleaned and, when long, cut; full is it uncut.
	text, full string
	score      float64
}

// clean turns a sentence of the article into one a post can carry: the
// dateline, a leading connective and bracketed asides go; attributions and
// limiting clauses stay; a long sentence is cut where that loses neither.
// full is the sentence before the cut. ok is false when the sentence
// cannot stand alone.
// prior is what the news gives a sentence posted after it, where a
// description ("The win …") may have its antecedent; nil for the news
// itself.
//
// lean keeps a sentence that opens on a description of what came before
// it ("The 24-year-old was dropped …", "The statue vanished …") or holds
// an unnamed possessive after its verb ("… her death"): the article's
// lead may be posted so, since the news with a loose description misleads
// less than a side event told as the news. A pronoun ("He was found …")
// is never kept. leaned reports that the sentence was kept so.
func (d *document) clean(i int, prior *antecedents, lean bool) (text, full string, leaned, ok bool) {
	lang := d.lang
	s, place := d.undated(i)
	s = lang.dropLabel(d.unshout(s))
	if town, _, _ := strings.Cut(place, ","); place != "" && thisPlace.MatchString(s) && !strings.Contains(s, town) {
		// "Gunmen opened fire … in this border city" needs its place back
		// ("… in the border city of Harbin" has it).
		ws := lang.words(s)
		if st := d.stat(ws[0].norm); st.lower || ws[0].stop {
			s = strings.ToLower(s[:ws[0].end]) + s[ws[0].end:]
		}
		s = "In " + place + ", " + s
	} else if place != "" {
		if m := herePlace.FindStringIndex(s); m != nil && !insideQuote(s, m[0]) {
			in := "in " + place
			if rest := s[m[0]+len("here"):]; !strings.HasPrefix(rest, " on ") && strings.HasPrefix(rest, " ") {
				in += " on" // "here Saturday" is "in London on Saturday"
			}
			s = s[:m[0]] + in + s[m[0]+len("here"):]
		}
	}
	s = lang.compress(s)
	ws := lang.words(s)
	n := len(ws)
	if n < minStandalone || strings.HasSuffix(s, "?") || strings.ContainsAny(s, "#@") || strings.Contains(s, "://") || shouting(s) {
		return "", "", false, false
	}
	if strings.Count(s, "“") != strings.Count(s, "”") || strings.Count(s, `"`)%2 == 1 || strings.Contains(s, "***") {
		return "", "", false, false // a quotation cut across sentences, or a splice
	}
	if n > 2 && ws[0].norm == "by" && ws[1].upper {
		return "", "", false, false // a byline: "By Jane Smith of …"
	}
	low := strings.ToLower(s)
	if lang.boilerplateStart(low) {
		return "", "", false, false
	}
	follows := prior != nil && prior.next // the article's own sentence after the one posted
	if lang.references[ws[0].norm] && !(follows && lang.gendered[ws[0].norm] != "") ||
		lang.speaksAs(s[ws[0].start:ws[0].end]) ||
		lang.references[ws[1].norm] && lang.referenceOpeners[ws[0].norm] {
		return "", "", false, false
	}
	if listing(s) {
		return "", "", false, false // "Black Box, Belfast, Sat; Stereo, Glasgow, Sun; …"
	}
	if lang.enumerators[ws[0].norm] && strings.HasPrefix(s[ws[0].end:], ",") {
		return "", "", false, false // "Second, the firm …": whose point?
	}
	for _, c := range lang.comparisonOpeners {
		if rest, ok := strings.CutPrefix(low, c); ok && (strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, ",")) {
			return "", "", false, false // "Worse still, …": than what?
		}
	}
	if strings.Contains(s, "©") || (strings.Contains(s, "opyright") || strings.Contains(s, "OPYRIGHT")) && copyrightLine.MatchString(s) {
		return "", "", false, false // a credit line: "Jo Vale, Kells Copyright 2011 The Dunmore Times."
	}
	if strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…") {
		return "", "", false, false // an excerpt's cut: "… a senior executive ..."
	}
	if lang.opensSubordinate(s, ws) && !strings.Contains(s, ", ") {
		return "", "", false, false // "Because the agency is proposing …."
	}
	if k := lang.relativeTime(ws); k > 0 {
		// "The next day, police …": a day the reader was never given.
		// A quotation's opening mark goes with the words, and its closing
		// one would be left alone: "\"At the same time, fares … .\""
		if strings.HasPrefix(s[ws[k-1].end:], ", ") && len(ws) > k && wordCount(s[ws[k].start:]) >= minStandalone &&
			!strings.ContainsAny(s[:ws[k].start], "\"“") {
			s = upperFirst(s[ws[k].start:])
			ws = lang.words(s)
		} else {
			return "", "", false, false // "In the same month it was fined …"
		}
	}
	if c := strings.IndexByte(s, ':'); c > 0 && wordCount(s[:c]) <= 2 {
		return "", "", false, false // a label: "What: …"
	}
	for k, w := range ws {
		if w.upper && !w.stop {
			break
		}
		if follows && lang.gendered[w.norm] != "" {
			continue // "She was convicted …" after the sentence that named her
		}
		if k > 0 && lang.complementizers[w.norm] && k+1 < len(ws) &&
			(lang.opensClause(ws[k+1].norm) || lang.attribution[strings.ToLower(s[ws[k-1].start:ws[k-1].end])]) {
			continue // "… complained that she …", "… found that eating …": a clause, not "that day"
		}
		if lang.references[w.norm] && !lang.situational[w.norm] && !insideQuote(s, w.start) &&
			!(k > 0 && lang.another[w.norm]) && !lang.antecedentBefore(s, ws[:k], w) {
			if lean && prior == nil && k >= 3 && lang.possessives[w.norm] && lang.hasVerb(s[:w.start]) {
				leaned = true // the lead's "… to mark the anniversary of her death": whose is in the post's tags at best
				continue
			}
			return "", "", false, false // "… carried him off the pitch": who?
		}
	}
	if c := clauseComma(s); c > 0 && wordCount(s[:c]) <= 4 {
		// "Strictly speaking, it is allowed …"
		if fs, fe := nextWord(s, c+1); fs < len(s) && lang.references[strings.ToLower(s[fs:fe])] {
			return "", "", false, false
		}
	}
	if prior == nil && lean && (d.definiteReference(s, ws, i) || lang.pointsBack(s, ws, nil)) {
		// The lead, written after a first sentence the article lost:
		// "The 47-year-old woman was hurt in the collision" says "A
		// 47-year-old woman was hurt in a collision" to a reader who has
		// not seen it.
		if t := lang.indefinite(s, ws); t != s {
			s, ws = t, lang.words(t)
		}
		if t := d.nameTheBody(s, ws); t != s {
			s, ws = t, lang.words(t)
		}
	}
	if prior == nil && d.definiteReference(s, ws, i) {
		if !lean {
			return "", "", false, false
		}
		leaned = true
	}
	if d.danglingPronoun(s, ws) {
		return "", "", false, false // "Rather than …, he was …": who?
	}
	if prior != nil && (lang.pointsBack(s, ws[:min(len(ws), maxModifiers+2)], prior) || lang.proVerb(s)) {
		// A stakes line that opens on "The pledge …" the news never made;
		// further on, "the device" may well be the news's "power banks".
		return "", "", false, false
	}
	if opensQuote(s) && !hasAny(lang.attribution, s, ws) {
		return "", "", false, false // a quote without its speaker
	}
	for _, w := range ws {
		if lang.speaksAs(s[w.start:w.end]) && w.norm != "us" && !insideQuote(s, w.start) {
			return "", "", false, false // a narrator's sentence
		}
	}
	if strings.HasSuffix(s, ":.") || strings.HasSuffix(s, ",.") {
		return "", "", false, false
	}
	days := hasAny(lang.relativeDays, s, ws) || hasAny(lang.dayParts, s, ws) // before s changes
	dated := hasAny(lang.calendar, s, ws)
	s = dropAlso(s)
	if days {
		s = lang.dropRelativeDay(s)
	}
	if dated {
		s = lang.dropRepeatedDay(s)
	}
	s = lang.dropCaptions(s)
	full = s
	if n > maxFactWords {
		s = lang.dropAside(s)
		if cut := safeShorten(lang, s, maxFactWords); cut == s || wordCount(s) > maxStandalone || !d.losesNews(cut, s) {
			// A cut that takes the title's words away takes the news with
			// it: "… charged a harbour master with negligence." without the
			// collision; the sentence posted whole is better.
			s = cut
		}
		if wordCount(s) > maxStandalone || shouting(s) {
			// The cut may leave the shouted half of a sentence that was
			// quiet as a whole: "LISTEN, THEY WILL SELL IT … wrote one reader."
			return "", "", false, false
		}
	}
	return s, full, leaned, true
}

// relativeTime returns how many words open ws with a time told relative
// to one the post does not give ("The next day", "In the same month",
// "Later that week"): an optional preposition, a determiner, a relative
// word ("same", "next") unless the determiner points by itself ("that"),
// and a span of time. 0 when it does not.
func (l *language) relativeTime(ws []word) int {
	k := 0
	if len(ws) > 0 && (l.placePrepositions[ws[0].norm] || l.timePrepositions[ws[0].norm]) {
		k++
	}
	if k+2 >= len(ws) || !l.timeDeterminers[ws[k].norm] {
		return 0
	}
	alone := l.relativeDeterminers[ws[k].norm]
	k++
	if l.relativeMarkers[ws[k].norm] {
		k++
	} else if !alone {
		return 0
	}
	if k == len(ws) || !l.timeWord(ws[k].norm) {
		return 0
	}
	return k + 1
}

// timeWord reports whether a folded word names a span of time: "day",
// "week", "month", "morning".
func (l *language) timeWord(norm string) bool {
	return l.periods[norm] || l.dayParts[norm] || l.timeNouns[norm]
}

// indefinite rewrites, outside quotations, the descriptions of s that
// point back to a person or an event the reader has not been given into
// first mentions: "The 47-year-old woman" opening s becomes "A
// 47-year-old woman", "hurt in the collision" "hurt in a collision". Only
// anonymous people and events are rewritten ("the club" means one club,
// and "a club" would not say which), and only a description that says
// nothing more of which one it is (see introduced).
func (l *language) indefinite(s string, ws []word) string {
	if l.people == nil {
		return s
	}
	for i := len(ws) - 2; i >= 0; i-- {
		w := ws[i]
		if w.norm != "the" || insideQuote(s, w.start) {
			continue
		}
		head := -1
		for k := i + 1; k < len(ws) && k <= i+maxModifiers; k++ {
			v := ws[k]
			if v.upper || strings.ContainsAny(s[ws[k-1].end:v.start], ",;:.") {
				break
			}
			if raw := strings.ToLower(s[v.start:v.end]); raw != v.norm && strings.HasSuffix(raw, "s") {
				break // "the crashes": no "a" before a plural
			}
			if l.people[v.norm] && (i == 0 || l.reportedSubject(s, ws, i)) || l.happenings[v.norm] {
				head = k
				break
			}
			if v.stop && !l.describing[v.norm] || l.ordinal(v.norm) {
				break // "the latest attack", "the first crash": one the reader should know
			}
		}
		if head < 0 || l.introduced(s, ws, i, head, nil) {
			continue
		}
		a := "a"
		if anBefore(s[ws[i+1].start:]) {
			a = "an"
		}
		if i == 0 {
			a = "A" + a[1:]
		}
		s = s[:w.start] + a + s[w.end:]
	}
	return s
}

// nameTheBody writes the name of the one body the article names for a
// lead's opening "The council", "The commission" ("Harbour City Council
// has launched …"): the article's lost first sentence named it, and the
// reader has only the post. The body is the name run that ends in the
// noun capitalised ("… Council"); s is returned as it is when there is
// none, when two differ ("Kells Council" and "Dunmore Council"), or when
// the noun does not end the subject ("The council tax …").
func (d *document) nameTheBody(s string, ws []word) string {
	if len(ws) < 3 || ws[0].norm != "the" || ws[1].upper || s[ws[0].end:ws[1].start] != " " {
		return s
	}
	if next := ws[2]; !(next.stop || d.lang.subjectEnders[next.norm] || d.lang.auxiliaries[next.norm] ||
		d.lang.events[strings.ToLower(s[next.start:next.end])] || strings.HasSuffix(next.norm, "ed")) {
		return s
	}
	noun := s[ws[1].start:ws[1].end]
	body, two := "", false
	consider := func(name string) {
		last := lastWord(name)
		if !strings.EqualFold(last, noun) || !startsUpper(last) {
			return
		}
		switch {
		case name == body:
		case last == name:
			two = true // "Kells Council …" opening a sentence, or "the Council": which?
		case body == "" || strings.HasSuffix(name, " "+body):
			body = name // "Harbour City Council" over "City Council"
		case !strings.HasSuffix(body, " "+name):
			two = true // two bodies: which?
		}
	}
	// The whole names have the one that opens its sentence ("Harbour City
	// Council said …"), the runs the one after a demonym ("European
	// Commission").
	for name := range d.wholeNames() {
		consider(name)
	}
	runs, _ := d.nameCounts()
	for name := range runs {
		consider(name)
	}
	if body == "" || two || d.insideLongerName(body) {
		return s
	}
	for text, j := range d.mentions(body) {
		if strings.EqualFold(lastWord(text[:j]), "the") {
			body = "The " + body // "The European Commission is …"
			break
		}
	}
	return body + s[ws[1].end:]
}

// reportedSubject reports whether ws[i] opens the subject of a reported
// clause: after "said", "that" or another attribution ("Police said that
// the woman …"), where a person may be introduced as at a sentence's
// start, not where they are the object ("rescued the woman").
func (l *language) reportedSubject(s string, ws []word, i int) bool {
	if i == 0 || s[ws[i-1].end:ws[i].start] != " " {
		return false
	}
	prev := strings.ToLower(s[ws[i-1].start:ws[i-1].end])
	return prev == "that" && i > 1 && l.attribution[strings.ToLower(s[ws[i-2].start:ws[i-2].end])] || l.attribution[prev]
}

// ordinal reports whether a folded word picks one of several: "first",
// "last", "latest", "biggest".
func (l *language) ordinal(norm string) bool {
	return l.ordinals[norm] || len(norm) > 4 && strings.HasSuffix(norm, "est") && !l.stop[norm]
}

// anBefore reports whether "an" goes before word, by its sound: "an
// 18-year-old", "an 80-year-old", "an incident", but "a 47-year-old", "a
// united".
func anBefore(word string) bool {
	low := strings.ToLower(word)
	switch {
	case low == "":
		return false
	case strings.HasPrefix(low, "8"), strings.HasPrefix(low, "11-"), strings.HasPrefix(low, "18-"), strings.HasPrefix(low, "11 "), strings.HasPrefix(low, "18 "):
		return true
	case strings.HasPrefix(low, "uni"), strings.HasPrefix(low, "use"), strings.HasPrefix(low, "eu"), strings.HasPrefix(low, "one"):
		return false
	case strings.HasPrefix(low, "hour"), strings.HasPrefix(low, "honest"), strings.HasPrefix(low, "heir"):
		return true
	}
	return strings.ContainsRune("aeiou", rune(low[0]))
}

// dropRepeatedDay removes, outside quotations, a day or month the
// sentence already gave, with its "on" or "in": "… was aborted Wednesday
// after a hitch at liftoff on Wednesday." ends "… at liftoff."
func (l *language) dropRepeatedDay(s string) string {
	ws := l.words(s)
	for k := 2; k < len(ws); k++ {
		w, prep := ws[k], ws[k-1]
		if !l.calendar[w.norm] || prep.norm != "on" && prep.norm != "in" || s[prep.end:w.start] != " " ||
			prep.start == 0 || s[prep.start-1] != ' ' || insideQuote(s, w.start) {
			continue
		}
		if k+1 < len(ws) && s[w.end:ws[k+1].start] == " " {
			continue // "on Wednesday night", "in March 2019": more than the day
		}
		for _, v := range ws[:k-1] {
			if v.norm == w.norm {
				return s[:prep.start-1] + s[w.end:]
			}
		}
	}
	return s
}

// antecedentBefore reports whether a pronoun w has, among the words
// before it in the same sentence, a noun it can point back to: a plural
// noun for "their", a person ("the man", "a father") for "his".
func (l *language) antecedentBefore(s string, before []word, w word) bool {
	pron := strings.ToLower(s[w.start:w.end])
	plural, person := l.pluralPronouns[pron], l.personPronouns[pron]
	if !plural && !person {
		return false
	}
	for _, b := range before {
		if b.stop || b.upper || insideQuote(s, b.start) || l.references[b.norm] {
			continue
		}
		raw := strings.ToLower(s[b.start:b.end])
		if plural && raw != b.norm && strings.HasSuffix(raw, "s") && !strings.ContainsAny(raw, "'’") {
			return true // "neighbours", folded as "neighbour"
		}
		if person && l.titles[raw] {
			return true
		}
	}
	return false
}

// losesNews reports whether cutting whole down to cut drops more of the
// title's content words than it keeps: the cut kept a side of the story
// and dropped what the title says it is about.
func (d *document) losesNews(cut, whole string) bool {
	lang := d.lang
	inTitle := func(norm string) bool {
		for _, t := range d.title {
			if !t.stop && t.norm == norm {
				return true
			}
		}
		return false
	}
	kept := lang.words(cut)
	seen := make(map[string]bool, len(kept))
	keptN, lostN := 0, 0
	for _, w := range kept {
		if !w.stop && !seen[w.norm] && inTitle(w.norm) {
			keptN++
		}
		seen[w.norm] = true
	}
	for _, w := range lang.words(whole)[len(kept):] {
		if !w.stop && !seen[w.norm] && inTitle(w.norm) {
			lostN++
		}
		seen[w.norm] = true
	}
	return lostN > 0 && lostN >= keptN
}

// dropCaptions removes what points at a picture (lang.captions):
// "…, then, at right, shook hands …" is "…, then shook hands …".
func (l *language) dropCaptions(s string) string {
	for _, c := range l.captions {
		for i := strings.Index(s, c); i >= 0; i = strings.Index(s, c) {
			if strings.HasSuffix(c, ",") {
				s = s[:i] + " " + strings.TrimLeft(s[i+len(c):], " ")
			} else {
				s = s[:i] + s[i+len(c):]
			}
		}
	}
	return s
}

// dropAside removes a phrase that lang.asides open and commas close:
// "… cafes, along with bakeries, kiosks and snack bars, to show …"
// loses the list of others, not the claim. A list
// inside the aside ends at the comma after its joined last item. s is
// kept when the aside does not close, or what is left has no verb.
func (l *language) dropAside(s string) string {
	for _, a := range l.asides {
		i := strings.Index(s, ", "+a+" ")
		if i < 0 || insideQuote(s, i) {
			continue
		}
		rest := s[i+2:]
		end, joined := -1, false
		for off := 0; ; {
			c := clauseComma(rest[off:])
			if c < 0 {
				break
			}
			seg := rest[off : off+c]
			if joined = hasJoiner(l, seg); joined || off == 0 && !strings.Contains(rest[off+c+2:min(len(rest), off+c+40)], ",") {
				end = off + c
				break
			}
			off += c + 2
		}
		if end < 0 {
			continue
		}
		after := rest[end+2:]
		if !startsLower(after) {
			continue // the comma ends a clause, not the aside
		}
		out := s[:i] + " " + after
		if wordCount(out) >= minStandalone && l.hasVerb(out) {
			return out
		}
	}
	return s
}

// hasJoiner reports whether seg holds one of lang's list joiners.
func hasJoiner(l *language, seg string) bool {
	for _, w := range strings.Fields(seg) {
		if l.listJoiners[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// definiteReference reports whether s opens on a description that points
// back to something the post has not named: "The club said …", "The
// 26-year-old joined …". Only a capitalised word among the opening noun
// phrase's first words (a name) makes it stand alone. The article's first
// sentence may open that way when the article has a title, which
// introduces the subject.
func (d *document) definiteReference(s string, ws []word, i int) bool {
	if len(ws) < 2 || ws[0].norm != "the" {
		return false
	}
	if i == 0 && d.titleText != "" {
		return false
	}
	possessor := false // "The crew's stand at …": a name after says where, not whose
	for k := 1; k < min(len(ws), 6); k++ {
		raw := s[ws[k].start:ws[k].end]
		if k >= 4 && !(i == 0 && (ws[k].norm == "of" || d.lang.placePrepositions[ws[k].norm])) {
			if ws[k].stop || d.lang.subjectEnders[ws[k].norm] || d.lang.auxiliaries[ws[k].norm] {
				break
			}
			continue // a longer description: "The next public vote in …"
		}
		if ws[k].upper && !d.lang.demonym(raw) && !nameModifier(raw) {
			return false
		}
		if i == 0 && (ws[k].norm == "of" || d.lang.placePrepositions[ws[k].norm]) {
			// The article's opening "The origin of the sign at Mill
			// Roundabout is …": what follows the noun, up to the verb, may
			// name what is meant.
			return possessor || !d.namedBeforeVerb(s, ws[k+1:])
		}
		possessor = possessor || strings.HasSuffix(raw, "'s") || strings.HasSuffix(raw, "’s")
		if ws[k].stop || d.lang.subjectEnders[ws[k].norm] || k > 1 && (strings.HasSuffix(raw, "s") || strings.HasSuffix(raw, "ed")) {
			break // the verb: the subject ended without a name
		}
	}
	return true
}

// listing reports whether s is a listing's entries run together: three or
// more parts between semicolons, each but the last of at most five words
// ("Kells Hall, Dunmore, Sat; Mill Rooms, Harbin, Sun; …"), or a label
// and a colon before five or more names between commas ("Dunmore Rovers:
// Jo Vale, Tom Reed, …", a team sheet).
func listing(s string) bool {
	if _, names, ok := strings.Cut(s, ": "); ok && strings.Count(names, ",") >= 4 {
		for item := range strings.SplitSeq(strings.ReplaceAll(strings.TrimRight(names, "."), " and ", ","), ",") {
			item = strings.TrimSpace(item)
			if wordCount(item) > 3 || !startsUpper(item) {
				return false
			}
		}
		return true
	}
	if strings.Count(s, ";") < 2 {
		return false
	}
	for p, rest, more := strings.Cut(s, ";"); more; p, rest, more = strings.Cut(rest, ";") {
		if wordCount(p) > 5 {
			return false
		}
	}
	return true
}

// nameModifier reports whether a capitalised word is a compound that
// describes rather than names: "Award-winning", "Harbin-born", "council-run"
// (its last part lower-case). "Rolls-Royce" and "Al-Shabab" are names.
func nameModifier(raw string) bool {
	h := strings.LastIndexByte(raw, '-')
	return h > 0 && h+1 < len(raw) && startsLower(raw[h+1:])
}

// namedBeforeVerb reports whether ws, the rest of a subject, holds a name
// before its verb (an auxiliary or an event verb).
func (d *document) namedBeforeVerb(s string, ws []word) bool {
	for _, w := range ws {
		if d.lang.auxiliaries[w.norm] || d.lang.events[strings.ToLower(s[w.start:w.end])] {
			return false
		}
		if w.upper && !w.stop && !d.lang.demonym(s[w.start:w.end]) && !d.lang.calendar[w.norm] {
			return true
		}
	}
	return false
}

// safeShorten ends s at the last clause boundary within limit words that
// drops no attribution and no limiting clause; s itself when there is none.
func safeShorten(lang *language, s string, limit int) string {
	ws := lang.words(s)
	if len(ws) <= limit {
		return s
	}
	best := -1
	for k := minStandalone; k < len(ws) && k <= limit; k++ {
		gap := s[ws[k-1].end:ws[k].start]
		if !strings.ContainsAny(gap, ",;–—") {
			continue
		}
		w := strings.ToLower(s[ws[k].start:ws[k].end])
		if strings.HasSuffix(w, "ly") && k+1 < len(ws) && s[ws[k].end:ws[k+1].start] == " " && lang.clauseOpeners[ws[k+1].norm] {
			w = ws[k+1].norm // ", possibly because …": the clause the adverb hedges
		}
		if !(lang.clauseOpeners[w] || strings.HasSuffix(w, "ing") || strings.ContainsAny(gap, ";–—")) {
			continue
		}
		if lang.limits[w] {
			continue
		}
		if lang.listJoiners[w] && strings.Contains(s[ws[max(0, k-6)].start:ws[k-1].end], ",") {
			continue // a list's last item: "the US, South Korea, and Japan"
		}
		if strings.HasSuffix(w, "ing") && !lang.clauseOpeners[w] && k+1 < len(ws) &&
			(lang.listJoiners[ws[k+1].norm] || strings.HasPrefix(s[ws[k].end:], ",")) {
			continue // a list's item: "with negligence, speeding and forgery"
		}
		if lang.cutUnsafe[w] && !(lang.trailing[w] && clauseComma(s[ws[k].start:]) < 0) {
			continue // unless a relative clause runs to the end: ", which is on loan …"
		}
		if hasAny(lang.attribution, s, ws[k:]) || strings.Count(s[:ws[k-1].end], `"`)%2 == 1 {
			continue
		}
		if !lang.hasVerb(s[:ws[k-1].end]) || lang.verblessObject(s[:ws[k-1].end]) {
			continue
		}
		best = ws[k-1].end
	}
	if best < 0 {
		return s
	}
	return tidy(s[:best] + ".")
}

// verblessObject reports whether the last clause of kept, after its last
// comma, opens an object clause whose verb was cut off: "… continued to
// loom, something President Obama" (of "… something President Obama …
// implored lawmakers to avoid").
func (l *language) verblessObject(kept string) bool {
	c := strings.LastIndexByte(kept, ',')
	if c < 0 {
		return false
	}
	tail := kept[c+1:]
	ws := l.words(tail)
	return len(ws) >= 2 && (l.objectOpeners[ws[0].norm] || l.complementizers[ws[0].norm]) && !l.hasVerb(tail)
}

// hasVerb reports whether a clause reads as complete: it has a verb, and
// so does what follows its last "that" ("it was announced that the actor"
// is not). A verb is an auxiliary, an event verb, a lower-case word
// ending in -ed after the first word, or an infinitive after "whether to".
func (l *language) hasVerb(clause string) bool {
	ws := l.words(clause)
	verb := false
	for k, w := range ws {
		raw := strings.ToLower(clause[w.start:w.end])
		if l.complementizers[raw] {
			verb = false
			continue
		}
		if l.auxiliaries[raw] || l.events[raw] || l.attribution[raw] || k > 0 && !w.upper && strings.HasSuffix(raw, "ed") ||
			k > 1 && ws[k-1].norm == "to" && l.complementizers[ws[k-2].norm] {
			verb = true // … "whether to buy"
		}
	}
	return verb
}

// shouting reports whether most of s's letters are capitals.
func shouting(s string) bool {
	up, low := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			up++
		case unicode.IsLower(r):
			low++
		}
	}
	return up > low
}

// dropAlso removes "also" outside quotations: in a post it points back to
// a sentence the reader has not seen ("has also warned").
func dropAlso(s string) string {
	for _, form := range []string{" also ", " also, "} {
		for i := strings.Index(s, form); i >= 0; i = strings.Index(s, form) {
			if insideQuote(s, i) {
				break
			}
			s = s[:i] + s[i+len(" also"):]
		}
	}
	return s
}

// opensQuote reports whether s starts with a quotation mark.
func opensQuote(s string) bool {
	return strings.HasPrefix(s, `"`) || strings.HasPrefix(s, "“") || strings.HasPrefix(s, "'") || strings.HasPrefix(s, "‘")
}

// insideQuote reports whether byte off of s is inside a quotation.
func insideQuote(s string, off int) bool {
	return (strings.Count(s[:off], `"`)+strings.Count(s[:off], "“")+strings.Count(s[:off], "”"))%2 == 1
}

// hasAny reports whether one of ws, words of text, is in set, by its
// folded form ("say") or as written in lower case ("says").
func hasAny(set map[string]bool, text string, ws []word) bool {
	var buf [32]byte
	for _, w := range ws {
		if set[w.norm] || w.end-w.start <= len(buf) && set[string(lowerInto(buf[:0], text[w.start:w.end]))] {
			return true
		}
	}
	return false
}

// newsCandidates returns the sentences that can carry the news, best
// first: the article's central sentences near the top that stand alone,
// with a bonus for event verbs and for the title's words.
func (d *document) newsCandidates(scores []float64, inTitle []bool) []candidate {
	lang := d.lang
	var out []candidate
	seen := 0
	newest := d.newestYear()
	untitled := d.untitled()
	for i := range d.sentences {
		if seen == newsWindow {
			break
		}
		if scores[i] == 0 {
			continue
		}
		text, full, leans, ok := d.clean(i, nil, i == 0)
		if !ok {
			continue
		}
		if !leans {
			seen++ // a leaning lead does not take the next sentence's place
		}
		// A lead that leans on what the article left out ("The 31-year-old
		// has signed …") otherwise competes at its full score: in the blind
		// rounds 23–28, untitled posts that left such a lead for a later
		// sentence were preferred 14 times against the lead sentence's 34.
		sc := scores[i] * (1 + 0.8/float64(max(seen, 1))) // the first sentences that stand alone lead
		if i == 0 && !leans {
			sc *= standingLead
		}
		s := &d.sentences[i]
		if hasAny(lang.events, s.text, s.words) {
			sc *= 1.25
		}
		concrete := false
		for k, w := range s.words {
			if isNumber(w.norm) || w.upper && k > 0 && d.isName(s, k) {
				concrete = true
			}
		}
		sc *= 1 + 0.1*float64(min(titleWords(s, inTitle), 4))
		if !concrete {
			sc *= 0.5 // no name and no number: rarely the news
		}
		if s.words[0].norm == "there" {
			sc *= 0.5 // "There was a festive mood …": scene-setting
		}
		if hasAny(lang.background, s.text, s.words) || lang.pastPerfect(s.text, s.words) || lang.pastOpening(s.text, s.words) ||
			lang.earlierTime(s.text, s.words, newest) {
			sc *= 0.6 // "an earlier case", "previously", "had urged": not the news
		}
		if lang.pointsBack(s.text, s.words, nil) || lang.proVerb(s.text) {
			sc *= 0.4 // "will run the project": which project? "refused to do so": do what?
		}
		if len(s.words) < 10 {
			sc *= 0.6 // "Nobody was hurt but 40 people were moved out."
		}
		if d.reversedNext(i) {
			sc *= setupPenalty // "X was assumed to … . But a study found …": a set-up
		}
		if untitled {
			r := d.reach(s)
			sc *= r * r // without a headline, how much of the article the sentence carries
		}
		out = append(out, candidate{index: i, text: text, full: full, score: sc})
	}
	slices.SortStableFunc(out, func(a, b candidate) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return 0
	})
	return out
}

// untitled reports whether the article has no headline to go by: none,
// or a page's furniture in its place ("Media playback is unsupported …").
func (d *document) untitled() bool {
	t := strings.TrimSpace(d.titleText)
	return t == "" || d.lang.boilerplateStart(strings.ToLower(t))
}

// reach is how much of the article a sentence's words carry: over its
// distinct content words, the sum of log(1 + the sentences that hold each),
// divided by the square root of their number. Unlike centrality (rank.go),
// a mean, it grows with what the sentence tells: an article without a
// headline gives no other sign of which sentence tells its story. In a
// paired blind test on 320 xsum articles (seed 4417, the 58 whose posts
// changed), weighting the news by its square was preferred 34 times to 24
// by one judge and 33 to 25 by the other (post as-is 7 against 5 for
// each, misleading 5 against 11 in all).
func (d *document) reach(s *sentence) float64 {
	sum, n := 0.0, 0
	for _, w := range s.words {
		if w.stop || !w.first {
			continue // a function word, or one counted already
		}
		sum += math.Log1p(float64(d.stats[w.id].df))
		n++
	}
	if n == 0 {
		return 0
	}
	return sum / math.Sqrt(float64(n))
}

// isSober reports whether the story is about death, violence, abuse,
// disaster or a court case: its title, its news or its opening sentences
// say so.
func (d *document) isSober(fact int) bool {
	lang := d.lang
	if hasAny(lang.sober, d.titleText, d.title) || hasAny(lang.sober, d.sentences[fact].text, d.sentences[fact].words) {
		return true
	}
	for i := 0; i < min(2, len(d.sentences)); i++ {
		if hasAny(lang.sober, d.sentences[i].text, d.sentences[i].words) {
			return true
		}
	}
	return false
}

// pickStakesLine returns the sentence that states what follows from the
// news, cleaned: it has a consequence word, stands alone, speaks of the
// same story (shares a name or a content word with the news or the title)
// without repeating it. "" when the article gives none.
func (d *document) pickStakesLine(scores []float64, inTitle []bool, fact, budget int) (string, int) {
	lang := d.lang
	factWords := make(map[int32]bool)
	for _, w := range d.sentences[fact].words {
		if !w.stop {
			factWords[w.id] = true
		}
	}
	best, bestScore, bestText := -1, 0.0, ""
	prior := d.antecedentsOf(fact)
	// The stakes follow the news, as the story tells them.
	for i := fact + 1; i < min(len(d.sentences), stakesWindow); i++ {
		s := &d.sentences[i]
		cue := false
		n, shared, related := 0, 0, 0
		for k, w := range s.words {
			if lang.consequence[w.norm] || k > 0 && lang.consequencePairs[[2]string{s.words[k-1].norm, w.norm}] {
				cue = true
			}
			if w.stop {
				continue
			}
			n++
			if factWords[w.id] {
				shared++
			}
			if factWords[w.id] || inTitle[w.id] {
				related++
			}
		}
		if !cue || n == 0 || related == 0 || float64(shared)/float64(n) > maxOverlap {
			continue
		}
		if lang.pastPerfect(s.text, s.words) || hasAny(lang.background, s.text, s.words) {
			continue // "had warned", "previously": what came before, not what follows
		}
		text, _, _, ok := d.clean(i, prior, false)
		if !ok || d.repeatsSubject(s, fact) {
			continue
		}
		if wordCount(text) > maxStakesWords {
			// Cut again from the news's budget: a relative clause that now
			// runs to the end may go.
			text = safeShorten(lang, text, maxStakesWords)
			if wordCount(text) > maxStakesWords+6 {
				continue
			}
		}
		if wordCount(text) > budget {
			continue
		}
		sc := scores[i] * (1 + float64(related)/float64(n))
		if best < 0 || sc > bestScore {
			best, bestScore, bestText = i, sc, text
		}
	}
	return bestText, best
}

// affected returns a name in the stakes line (the stakes-th sentence,
// posted as posted: a cut may have dropped part of it) other than the
// news's subject, that the story matters to: a place, an organisation or
// a group named after "for" or as the object of the consequence. "" when
// there is none to ask about with confidence.
func (d *document) affected(stakes int, posted, subject, hook, fact string) string {
	s := &d.sentences[stakes]
	for _, sp := range d.names(s) {
		name := s.text[sp.start:sp.end]
		if !strings.Contains(posted, name) {
			continue // in the part the cut dropped
		}
		if d.lang.calendar[strings.ToLower(name)] || modifies(s, sp) || len(name) < 3 || strings.HasPrefix(s.text[sp.end:], ".") {
			continue // a name the article cuts at a full stop ("Google Inc.") is not asked about
		}
		if subject != "" && sharesWord(strings.ToLower(subject), strings.ToLower(name)) {
			continue
		}
		if strings.Contains(hook, name) || strings.Contains(fact, name) {
			continue // asked or said already
		}
		if sp.start == 0 {
			continue // the stakes' own subject
		}
		if d.isPerson(name) {
			continue
		}
		head := strings.TrimRight(s.text[:sp.start], " ")
		before := strings.ToLower(lastWord(head))
		if before == "for" || before == "on" || before == "to" || before == "in" || before == "across" {
			if afterCapital(head, len(head)-len(before)) {
				continue // "Department for Education": the tail of a longer name
			}
			return name
		}
	}
	return ""
}

// followOn returns the sentence after the news when it is the news's own
// second half: it tells what happened since, and the news did not (it is
// dated this week, "was arrested on Sunday", "Earlier this week she
// sailed home", where the news is not, or it gives the court's outcome,
// "She was jailed …", after the offence), or it turns the news ("But the
// case collapsed …", "However, he recovered …"), which posted alone
// would mislead. A court's outcome may also be the sentence after that
// one, when it names whom it tells of. Its "he" or "she" can only be the
// one person the news names or the one the news calls so. The article
// wrote the two in this order, so the post reads as it does, the turn's
// "But" kept. "" when there is none, or it does not fit budget words.
func (d *document) followOn(fact, budget int) string {
	lang := d.lang
	if lang.weekdays == nil || fact+1 >= len(d.sentences) {
		return ""
	}
	if next := d.follows(fact, fact+1, budget); next != "" {
		return next
	}
	if fact+2 < len(d.sentences) && hasAny(lang.verdicts, d.sentences[fact+2].text, d.sentences[fact+2].words) {
		return d.follows(fact, fact+2, budget)
	}
	return ""
}

// follows returns sentence k, cleaned, when it can follow the news (the
// fact-th sentence) as followOn says; "" otherwise.
func (d *document) follows(fact, k, budget int) string {
	lang := d.lang
	news, next := &d.sentences[fact], &d.sentences[k]
	adjacent := k == fact+1
	turn := adjacent && lang.turns(next)
	outcome := !turn && hasAny(lang.verdicts, next.text, next.words) && !hasAny(lang.verdicts, news.text, news.words)
	if !turn && !outcome && (!adjacent || lang.recent(news.text, news.words) || !lang.recent(next.text, next.words)) {
		return ""
	}
	people, person := 0, ""
	for _, sp := range d.names(news) {
		if name := news.text[sp.start:sp.end]; d.isPerson(name) {
			people, person = people+1, name
		}
	}
	if g := lang.genderOf(next.text, next.words); g != "" {
		if people > 1 {
			return "" // "she" could be either
		}
		said := d.pronounAfter(person) // what the article calls the one person the news names
		if people == 0 {
			said = lang.genderOf(news.text, news.words) // what the news calls the one it describes
			if said == "" && !lang.describesPerson(news.words) {
				return "" // "She …" after news that names and describes no one
			}
		}
		if said != "" && said != g {
			return "" // "She …" after the news's "he": someone else
		}
	}
	prior := d.antecedentsOf(fact)
	prior.next = adjacent // a "she" two sentences on may be someone in between
	text, _, _, ok := d.clean(k, prior, false)
	if turn {
		budget += turnWords
	}
	if !ok || !outcome && d.repeatsSubject(next, fact) || wordCount(text) > min(budget, maxStakesWords) {
		return ""
	}
	if turn {
		// clean dropped the connective; the turn needs it, and the word
		// after it its own case: "But Jo Vale …", "But the case …".
		ws, kept := next.words, lang.words(text)
		if len(ws) < 2 || len(kept) == 0 || kept[0].norm != ws[1].norm {
			return "" // cleaning changed how the sentence opens
		}
		return next.text[:ws[1].end] + text[kept[0].end:]
	}
	return text
}

// turns reports whether s opens on a connective that limits or reverses
// what came before it: "But …", "However, …", "Yet …". (reversedNext
// weighs a sentence that any limiting word opening the next one in its
// line reverses, "Although …" too.)
func (l *language) turns(s *sentence) bool {
	return len(s.words) > 1 && l.limits[s.words[0].norm] && l.connectives[s.words[0].norm]
}

// opensClause reports whether a folded word can open the subject of a
// clause: a pronoun or an article ("that she …", "that the …").
func (l *language) opensClause(norm string) bool {
	return l.pronounOpeners[norm] || l.pointers[norm] || l.indefinites[norm]
}

// setupPenalty weighs a sentence that the next one reverses: what it
// says is the set-up, not the news, and posted alone it misleads.
const setupPenalty = 0.3

// reversedNext reports whether the sentence after i, in the same line,
// opens on a word that limits or reverses it: "But …", "However, …",
// "Yet …".
func (d *document) reversedNext(i int) bool {
	if i+1 >= len(d.sentences) || d.sentences[i+1].opens {
		return false
	}
	ws := d.sentences[i+1].words
	return len(ws) > 0 && d.lang.limits[ws[0].norm]
}

// describesPerson reports whether ws hold a word for a person without
// naming one: a role ("the driver", "a woman") or an age ("the
// 27-year-old"), which a following "she" may stand for.
func (l *language) describesPerson(ws []word) bool {
	for _, w := range ws {
		if l.titles[w.norm] || l.people[w.norm] || isAge(w.norm) {
			return true
		}
	}
	return false
}

// genderOf returns the gender ("he", "she") of s's first gendered
// pronoun outside quotations, "" for none.
func (l *language) genderOf(s string, ws []word) string {
	for _, w := range ws {
		if g, ok := l.gendered[w.norm]; ok && !insideQuote(s, w.start) {
			return g
		}
	}
	return ""
}

// recent reports whether s's main clause, outside quotations, dates what
// it tells in the days of the story: a weekday, "today", "this week".
func (l *language) recent(s string, ws []word) bool {
	for k, end := 0, l.mainClauseEnd(ws); k < end; k++ {
		w := ws[k]
		if insideQuote(s, w.start) {
			continue
		}
		if l.weekdays[w.norm] || l.relativeDays[w.norm] ||
			l.present[w.norm] && k+1 < len(ws) && (l.periods[ws[k+1].norm] || l.dayParts[ws[k+1].norm]) {
			return true
		}
	}
	return false
}

// titleWords counts the headline's content words that s writes, each
// once.
func titleWords(s *sentence, inTitle []bool) int {
	n := 0
	for _, w := range s.words {
		if w.first && inTitle[w.id] {
			n++
		}
	}
	return n
}

// boilerplateStart reports whether low, a lower-cased sentence, opens as
// a page's furniture does ("media playback …", "read more …").
func (l *language) boilerplateStart(low string) bool {
	for _, b := range l.boilerplate {
		if strings.HasPrefix(low, b) {
			return true
		}
	}
	return false
}
