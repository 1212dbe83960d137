package teaser

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/teaser/keyphrase"
)

// wholeNames counts the name runs of the article that are whole names:
// not a piece of a longer name cut at "and" or at a title ("Harbour Town
// Arts" of "Harbour Town Arts and Crafts Fair", "Harbour" of
// "Harbour Mayor Ann Vale" gives "Ann Vale"), not inside a
// dateline, and at least two letters long.
func (d *document) wholeNames() map[string]int {
	if d.whole != nil {
		return d.whole
	}
	counts := make(map[string]int)
	defer func() { d.whole = counts }()
	runs, _ := d.nameCounts()
	var buf []span
	for i := range d.sentences {
		s := &d.sentences[i]
		datelineEnd := 0
		if i < newsWindow {
			// Datelines open articles: only the first sentences can hold one.
			if rest, _ := d.undated(i); len(rest) < len(s.text) {
				datelineEnd = len(s.text) - len(rest)
			}
		}
		buf = d.appendNames(buf[:0], s)
		for _, sp := range buf {
			if sp.start < datelineEnd {
				continue
			}
			first := 0
			for first < len(s.words) && s.words[first].start < sp.start {
				first++
			}
			if first == 1 && s.words[0].upper && !s.words[0].stop && !d.stat(s.words[0].norm).lower &&
				!d.lang.clauseOpeners[s.words[0].norm] && s.text[s.words[0].end:sp.start] == " " {
				// A first name opening the sentence: "Dana Kole, the
				// creator …" is one name ("Although Kole …" is not).
				sp.start, first = s.words[0].start, 0
			}
			// A title or a demonym inside the run starts the name after it:
			// "Harbour Mayor Ann Vale", "Australian Tom Reed".
			titled := false
			for k := first; k < sp.next-1; k++ {
				if d.lang.titles[s.words[k].norm] || d.lang.demonym(s.text[s.words[k].start:s.words[k].end]) {
					sp.start, first, titled = s.words[k+1].start, k+1, true
				}
			}
			last := s.words[sp.next-1]
			person := sp.next-first > 1 && d.usedAlone(s.text[last.start:last.end], last.norm, runs)
			// A common word capitalised as the sentence's first is no part
			// of the name ("Cartographer Ann Vale found …"), unless the
			// article writes the two as one inside a sentence ("… after
			// Hurricane Dana").
			opener := first == 1 && d.lowerOpener(s.text[:s.words[0].end], s.words[0].norm) && !d.writesInside(s.text[:sp.end])
			if first > 0 && !titled && !opener {
				prev := s.words[first-1]
				if prev.upper && (!prev.stop || (first > 1 || d.lang.nameStops[prev.norm]) && !d.lang.titles[prev.norm] && !d.lang.pointers[prev.norm] && s.text[prev.end:sp.start] == " ") && s.text[prev.end:sp.start] != ", " {
					// Cut from a longer name: "Harbour's Council" of "North
					// Harbour's Council", "York" of "New York" ("New" is a
					// stop word, but not capitalised mid-sentence; opening
					// the sentence, it still opens names).
					continue
				}
				if gap := s.text[prev.end:sp.start]; first > 1 && (prev.norm == "and" && s.text[s.words[first-2].end:prev.start] == " " || gap == " & ") && s.words[first-2].upper && !person {
					continue // "… and Crafts Fair"; not "…, and Jo Vale said"
				}
				j := first - 1
				if prev.norm == "the" && j > 0 {
					j--
				}
				if d.lang.nameJoiners[s.words[j].norm] && j > 0 && s.words[j-1].upper && !s.words[j-1].stop {
					continue // "Almighty Word" of "Church of the Almighty Word"
				}
			}
			if sp.next+1 < len(s.words) {
				next := s.words[sp.next]
				if (next.norm == "and" && s.text[sp.end:next.start] == " " || strings.TrimSpace(s.text[sp.end:next.start]) == "&") && s.words[sp.next+1].upper && !s.words[sp.next+1].stop && !person {
					continue // "Harbour Town Science and …"
				}
			}
			name := s.text[sp.start:sp.end]
			if utf8.RuneCountInString(name) < 2 {
				continue
			}
			counts[name]++
		}
	}
	return counts
}

// usedAlone reports whether the article writes a name's last word raw
// (folded norm) as a name on its own ("Reed" beside "Jo Reed"), never in
// lower case, and not as an acronym or a place or organisation word
// ("Health", "DVD"): a surname, so that "Jo Reed and Ann Vale" are two
// people, not a piece of one name like "Harbour Town Science and
// Engineering Fair".
func (d *document) usedAlone(raw, norm string, runs map[string]int) bool {
	return runs[raw] > 0 && !d.stat(norm).lower && !acronym(raw) && !d.lang.placeOrg[norm]
}

// acronym reports whether w is written in capitals, two to six of them:
// "FDA", "NATO", "UNESCO".
func acronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// countedAcronym reports whether w is the acronym of a common noun: one
// written in the plural ("MPs"), or one the article also writes in the
// plural ("SUV" beside "SUVs"), as no name is.
func (d *document) countedAcronym(w string) bool {
	if stem, ok := strings.CutSuffix(w, "s"); ok && acronym(stem) {
		return true
	}
	return acronym(w) && d.writesInside(w+"s")
}

// maxNameTags is the most hashtags made from names: a third is rarely as
// apt as the first two, and one weak tag spoils a post.
const maxNameTags = 2

// maxTagWords is the most words a name may have to become a hashtag:
// "#UnitedStatesDepartmentOfHealth" is not one people type.
const maxTagWords = 3

// hashtags picks at most n hashtags for the article: its explicit
// keywords first (front matter, feed categories, meta keywords), in the
// author's order, then the names it writes (people, organisations,
// places, events), the news's subject first, then by how much the article
// comes back to them, with a name in the title or the news counting
// more. Never a common word, a describing word or demonym ("South
// Korean", "Malaysians"), a day, month or time zone, a name opening on a
// word run in from a subhead ("Every Ferryman"), a describing compound
// ("council-led U.K."), an acronym beside its full name, a first name or
// surname alone when the article has the whole name, or a name the article
// writes once in passing. A weak second or third tag is left out, and so
// is one the article first names further down than the news's window
// (another item of a round-up) unless the title or the news names it: one
// or two good tags beat three.
func (d *document) hashtags(a *article.Article, fact int, about string, n int) []string {
	ordered := make([]string, 0, len(a.Keywords)+8)
	for _, k := range a.Keywords {
		if k = strings.TrimSpace(k); k != "" {
			ordered = append(ordered, k)
		}
	}
	_, parts := d.nameCounts()
	var buf [64]byte
	inTitle := func(name string) bool {
		return d.titleText != "" && strings.Contains(d.titleText, name)
	}
	inFact := func(name string) bool {
		if fact < 0 {
			return inTitle(name) // the headline is the news
		}
		return strings.Contains(d.sentences[fact].text, name)
	}
	counts := d.wholeNames()
	type scored struct {
		name  string
		score int
	}
	// A word that opens or closes a longer name is that name's part:
	// "Kole" when the article has "Dana Kole".
	partOf := make(map[string]bool)
	for name := range counts {
		if ws := strings.Fields(name); len(ws) > 1 {
			partOf[ws[0]], partOf[ws[len(ws)-1]] = true, true
		}
	}
	var names []scored
	for name, count := range counts {
		ws := d.lang.words(name)
		if len(ws) == 0 || len(ws) > maxTagWords || !d.taggable(name, ws) {
			continue
		}
		if len(ws) == 1 && (d.isPersonalName(ws[0].norm) || partOf[name]) {
			continue // "Reed" when the article has "Tom Reed"
		}
		if len(ws) == 1 && d.lang.capitalNouns && !d.lang.places[ws[0].norm] && !acronym(name) {
			continue // a noun, capitalised as every noun is: "Regierung"
		}
		if len(ws) == 1 && !d.lang.places[ws[0].norm] && !acronym(name) && (count < 2 || d.isPerson(name)) {
			continue // a lone first name or surname ("Thomas"), a capitalised common word ("Foods")
		}
		if len(ws) == 1 && !d.lang.places[ws[0].norm] && !acronym(name) && (d.stat(ws[0].norm).lower || d.inTitlePhrase(name)) {
			continue // a common word ("Birth rates" opening a line), a piece of a title ("Seeking a Friend")
		}
		if last := ws[len(ws)-1]; len(ws) > 1 && d.lang.streets[strings.ToLower(name[last.start:last.end])] && count < 3 &&
			!inTitle(name) && !d.isPerson(name) && !d.speaks(name) {
			continue // an address: "… of Mill Road, Harbin"; not "Downing Street said"
		}
		if d.gluedPerson(name, ws, counts) {
			continue // "Harbin Jo Vale" of "the mayor of Harbin Jo Vale": two names
		}
		score := 2 * count
		for start, end := nextWord(name, 0); start < len(name); start, end = nextWord(name, end) {
			score += d.countOf(parts, string(foldInto(buf[:0], name[start:end])))
		}
		mentions := count
		if len(ws) > 1 {
			mentions = max(mentions, d.countOf(parts, ws[len(ws)-1].norm))
		}
		switch {
		case name == about:
			score += 8
		case inFact(name):
			score += 6
		}
		if inTitle(name) {
			score += 6
		}
		if mentions < 2 && !inTitle(name) && name != about {
			continue // said once in passing
		}
		if name != about && !inTitle(name) && !inFact(name) && d.speaksFor(name) {
			continue // "defence counsel Jo Vale": someone else's voice
		}
		names = append(names, scored{name, score})
	}
	slices.SortFunc(names, func(x, y scored) int {
		if x.score != y.score {
			return y.score - x.score
		}
		return strings.Compare(x.name, y.name)
	})
	for i, s := range names {
		if i == maxNameTags || i > 0 && 3*s.score < names[0].score {
			break // far weaker than the best: not worth a tag
		}
		if i > 0 && !inTitle(s.name) && !inFact(s.name) && s.name != about && d.firstMention(s.name) >= newsWindow {
			continue // told only further down: another item of a round-up, a side story
		}
		ordered = append(ordered, s.name)
	}
	// A name sharing a word with a better one is a fragment or a run
	// across two names, and an acronym of a better one says it twice
	// ("HMS" beside "Harbour Morning Show"): skip them.
	out := ordered[:0]
	seen := make(map[string]bool)
	for _, p := range ordered {
		ws := strings.Fields(strings.ToLower(p))
		if slices.ContainsFunc(ws, func(w string) bool { return seen[w] }) {
			continue
		}
		if slices.ContainsFunc(ordered, func(o string) bool { return o != p && initialsOf(p, o) }) {
			continue
		}
		for _, w := range ws {
			seen[w] = true
		}
		out = append(out, p)
	}
	return keyphrase.Hashtags(out, n)
}

// speaksFor reports whether the article introduces name in a role that
// speaks or acts for someone else: right after the role ("defence counsel
// Jo Vale", "her lawyer, Jo Vale") or in an apposition after it ("Jo Vale,
// a spokeswoman for …", "Jo Vale, her attorney").
func (d *document) speaksFor(name string) bool {
	lang := d.lang
	var buf [32]byte
	isProxy := func(w string) bool {
		return len(w) <= len(buf) && lang.proxies[string(lowerInto(buf[:0], w))]
	}
	for text, j := range d.mentions(name) {
		if isProxy(lastWord(strings.TrimRight(text[:j], " ,"))) {
			return true
		}
		rest, ok := strings.CutPrefix(text[j+len(name):], ", ")
		if !ok {
			continue
		}
		// The apposition's first word says what it is: "a", "the", "her".
		start, end := nextWord(rest, 0)
		first := lowerInto(buf[:0], rest[start:end])
		if !lang.possessives[string(first)] && !lang.indefinites[string(first)] && string(first) != "the" {
			continue // "Jo Vale, who sacked her lawyer": not an apposition
		}
		for k := 0; k < 3 && end < len(rest); k++ {
			start, end = nextWord(rest, end)
			if isProxy(rest[start:end]) {
				return true
			}
		}
	}
	return false
}

// firstMention returns the index of the first sentence that writes name,
// len(d.sentences) for none.
func (d *document) firstMention(name string) int {
	for i := range d.sentences {
		if strings.Contains(d.sentences[i].text, name) {
			return i
		}
	}
	return len(d.sentences)
}

// speaks reports whether the article has name say something: "Downing
// Street said …", an institution named by its address.
func (d *document) speaks(name string) bool {
	for text, j := range d.mentions(name) {
		if start, end := nextWord(text, j+len(name)); d.lang.personAfter[strings.ToLower(text[start:end])] {
			return true
		}
	}
	return false
}

// hyphenLower matches a hyphen before a lower-case letter: "council-led".
var hyphenLower = regexp.MustCompile(`-\p{Ll}`)

// initialsOf reports whether acr is an acronym of the initials of name:
// "HMS" of "Harbour Morning Show", "TBF" of "Blue Ferry" (the article's
// "The" left out of the name).
func initialsOf(acr, name string) bool {
	if !acronym(acr) {
		return false
	}
	ws := strings.Fields(name)
	if acronym(acr) && len(acr) == len(ws)+1 && acr[0] == 'T' {
		acr = acr[1:]
	}
	if !acronym(acr) || len(ws) != len(acr) || len(ws) < 2 {
		return false
	}
	for i, w := range ws {
		if !strings.EqualFold(w[:1], acr[i:i+1]) {
			return false
		}
	}
	return true
}

// taggable reports whether a name run can be a hashtag: written as a
// whole name more often than as a describing word, no demonym, no day or
// month, no lone word for an institution ("Police", "Council").
func (d *document) taggable(name string, ws []word) bool {
	if runs, _ := d.nameCounts(); 2*d.mods[name] > runs[name] {
		return false // mostly a describing word: "the Greek government"
	}
	for k, w := range ws {
		if d.lang.calendar[w.norm] {
			return false
		}
		if raw := name[w.start:w.end]; strings.Contains(raw, "-") && hyphenLower.MatchString(raw) {
			return false // a describing compound: "council-led U.K."
		}
		if len(ws) > 1 && k == 0 && (w.stop || d.lang.notNameOpeners[w.norm]) {
			return false // a subhead run into the text: "… crossings Every Ferryman sailed"
		}
		if d.lang.nameJoiners[w.norm] && (k == 0 || !d.lang.placeOrg[ws[k-1].norm]) {
			return false // "Vale of Kells"; "University of Harbour Town" stays
		}
	}
	if strings.ContainsAny(name, "'’") {
		return false // a possessive inside: "Harbour's Council"
	}
	if len(ws) > 1 && d.lang.numberWords[ws[0].norm] && !d.midSentence(name) {
		return false // "Seven Liberals opposed …"; "the Six Nations" stays
	}
	if len(ws) > 1 && initial(name[ws[0].start:ws[0].end]) && !initial(name[ws[1].start:ws[1].end]) {
		return false // an initial for a first name: "J Smith"
	}
	if d.lang.outlets[strings.ToLower(name[ws[0].start:ws[0].end])] && !strings.Contains(d.titleText, name) {
		return false // a credit or a source: "(AFP)", "told the BBC", "(AP Sport)", "BBC Radio Kells"
	}
	if len(ws) == 1 {
		if d.lang.demonym(name) || d.lang.peoples[ws[0].norm] || d.lang.peoples[strings.ToLower(name)] {
			return false
		}
		if d.lang.placeOrg[ws[0].norm] || d.lang.titles[ws[0].norm] || d.lang.compass[ws[0].norm] || d.lang.units[strings.ToLower(name)] {
			return false
		}
	}
	if last := ws[len(ws)-1]; len(ws) > 1 && (d.lang.peoples[last.norm] || d.lang.demonyms[last.norm]) {
		return false // an adjective: "West African"
	}
	if last := ws[len(ws)-1]; d.countedAcronym(name[last.start:last.end]) {
		return false // a common noun's letters: "Labour MPs", "SUV" beside "SUVs"
	}
	if len(ws) == 1 && d.numbered(name) {
		return false // a name cut at its number: "Class" of "Class 5 ferries"
	}
	for _, w := range ws {
		if raw := name[w.start:w.end]; len(raw) > 6 && !acronym(raw) && strings.ToUpper(raw) == raw && !strings.ContainsAny(raw, "0123456789") {
			return false // shouted, not a name: "PLEASELISTEN"
		}
	}
	if d.cutBeforeJoiner(name) {
		return false // a piece of a longer name: "State University" of "State University of Harbin"
	}
	if d.onlyAside(name) {
		return false // furniture: "(Quote, Profile, Ferry Buzz)", "Watch Ferry Report."
	}
	if d.described(name) {
		return false // "a Harbin Liberal": what someone is, not who
	}
	return true
}

// cutBeforeJoiner reports whether name is the front of a longer name: at
// least one mention runs on into a joiner and another capitalised word
// ("State University of Harbin"), and every other one stands after a
// capitalised word ("Kells State University"); a title before a name
// ("Mayor Jo Vale") alone makes no piece.
func (d *document) cutBeforeJoiner(name string) bool {
	joined := false
	for text, j := range d.mentions(name) {
		if strings.HasSuffix(text[:j], " ") && afterCapital(text, j) {
			continue // inside a longer name
		}
		end := j + len(name)
		js, je := nextWord(text, end)
		ns, ne := nextWord(text, je)
		if js != end+1 || ns == len(text) || !d.lang.nameJoiners[d.lang.newWord(text, js, je).norm] {
			return false
		}
		if next := d.lang.newWord(text, ns, ne); !next.upper || next.stop && !d.lang.nameStops[next.norm] {
			return false
		}
		joined = true
	}
	return joined
}

// onlyAside reports whether every mention of name stands in a bracketed
// list ("(HRB.N: Quote, Profile, Ferry Buzz)"; "(Jo Vale)" after a role is
// a mention) or makes a sentence by itself with no lower-case word ("Watch
// Video Report."): a page's or a wire's furniture, not something the story
// tells of.
func (d *document) onlyAside(name string) bool {
	return d.everyMention(name, func(text string, j int) bool {
		open := strings.LastIndexByte(text[:j], '(')
		inList := open >= 0 && !strings.Contains(text[open:j], ")")
		if inList {
			inner := text[open:]
			if end := strings.IndexByte(inner, ')'); end >= 0 {
				inner = inner[:end]
			}
			inList = strings.ContainsAny(inner, ",:")
		}
		return inList || !hasLowerWord(text)
	})
}

// everyMention reports whether the article writes name at least once and
// each mention (its sentence's text and byte offset) satisfies ok.
func (d *document) everyMention(name string, ok func(text string, j int) bool) bool {
	seen := false
	for text, j := range d.mentions(name) {
		if !ok(text, j) {
			return false
		}
		seen = true
	}
	return seen
}

// hasLowerWord reports whether a word of text opens in lower case.
func hasLowerWord(text string) bool {
	for start, end := nextWord(text, 0); start < len(text); start, end = nextWord(text, end) {
		if startsLower(text[start:]) {
			return true
		}
	}
	return false
}

// described reports whether the article writes name only as a
// description: after an indefinite article and ending its phrase ("…, a
// Harbin Liberal, said"), not as the modifier of a noun ("a Harbin Bank
// robbery").
func (d *document) described(name string) bool {
	if d.lang.indefinites == nil {
		return false
	}
	return d.everyMention(name, func(text string, j int) bool {
		before, after := text[:j], text[j+len(name):]
		k := strings.LastIndexByte(strings.TrimSuffix(before, " "), ' ')
		if !strings.HasSuffix(before, " ") || !d.lang.indefinites[strings.ToLower(before[k+1:len(before)-1])] {
			return false
		}
		r, _ := utf8.DecodeRuneInString(after)
		return after == "" || strings.ContainsRune(",.;:)", r)
	})
}

// numbered reports whether the article writes name followed by a number
// every time: "Class 5", "Route 9". (A team's name is followed by its
// score: only a word alone is cut.)
func (d *document) numbered(name string) bool {
	return d.everyMention(name, func(text string, j int) bool {
		rest := text[j+len(name):]
		return len(rest) >= 2 && rest[0] == ' ' && '0' <= rest[1] && rest[1] <= '9'
	})
}

// midSentence reports whether the article writes name somewhere other than
// at the start of a sentence, where every word is capitalised.
func (d *document) midSentence(name string) bool {
	for text, j := range d.mentions(name) {
		if !startsClause(text, j) {
			return true
		}
	}
	return false
}

// initial reports whether w is one letter, with or without its full stop.
func initial(w string) bool {
	return utf8.RuneCountInString(strings.TrimSuffix(w, ".")) == 1
}

// demonym reports whether a capitalised word (or the first part of a
// hyphenated one: "British-born") reads as the adjective of a place or a
// people, or its plural as the people: "Americans", "Malaysians".
func (l *language) demonym(w string) bool {
	low, _, _ := strings.Cut(strings.ToLower(w), "-")
	if l.demonyms[low] || l.personDemonyms[low] {
		return true
	}
	if one, ok := strings.CutSuffix(low, "s"); ok && (l.demonyms[one] || l.personDemonyms[one] || l.peoples[one]) {
		return true // the people: "Britons", "Greeks"
	}
	if one, ok := strings.CutSuffix(low, "men"); ok && l.personDemonyms[one+"man"] {
		return true // "Englishmen"
	}
	if strings.HasSuffix(low, "ans") {
		low = strings.TrimSuffix(low, "s")
	}
	for _, suf := range l.demonymEndings {
		if strings.HasSuffix(low, suf) && len(low) > len(suf)+2 && !l.places[low] {
			return true
		}
	}
	return false
}

// Hashtags picks at most n hashtags for a as Compose does, for an article
// that has no sentence to tease: its explicit keywords, then its names.
func Hashtags(a *article.Article, n int) []string {
	d := newDocument(a)
	defer d.release()
	return d.hashtags(a, -1, "", n)
}

// inTitlePhrase reports whether the article writes a word only inside a
// capitalised phrase broken by an article, as titles of films and books
// are ("Seeking a Friend", "Gone with the Tide"): each mention has a
// capitalised word beside it across a lower-case "a" or "the" ("from
// Harbin to Kells" is no title).
func (d *document) inTitlePhrase(name string) bool {
	return d.everyMention(name, func(text string, j int) bool {
		before := d.lang.words(text[:j])
		after := d.lang.words(text[j+len(name):])
		return len(after) >= 2 && after[0].start == 1 && !after[0].upper && d.lang.titleArticles[after[0].norm] && after[1].upper ||
			len(before) >= 2 && !before[len(before)-1].upper && d.lang.titleArticles[before[len(before)-1].norm] &&
				before[len(before)-2].upper && before[len(before)-1].end == j-1 && !startsClause(text, before[len(before)-2].start)
	})
}

// gluedPerson reports whether a name run is two names written together:
// a name the article also writes alone, then a person's whole name it
// also writes alone ("Harbin Jo Vale" beside "Harbin" and "Jo Vale").
func (d *document) gluedPerson(name string, ws []word, counts map[string]int) bool {
	for k := 1; k+2 <= len(ws); k++ {
		head, tail := name[:ws[k-1].end], name[ws[k].start:]
		if counts[head] > 0 && counts[tail] > 0 && d.isPerson(tail) {
			return true
		}
	}
	return false
}
