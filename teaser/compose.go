package teaser

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence budgets, in words, for the compressed fact and stakes. XSum's
// one-sentence summaries average 21 words; the model's fact has 24.
const (
	maxFactWords   = 26
	maxStakesWords = 20
)

// draft is a teaser before it becomes fit.Sentences: empty parts are left out.
type draft struct {
	hook, fact, stakes, question string
	// about is who or what the hook asks about, when the fact named it:
	// the first hashtag candidate of its kind.
	about string
}

// compose writes the teaser of d for variant v (0-based) from the
// article's keyphrases, best first. auto (no variant asked for) prefers the
// style model's "Guess who…" reveal whenever the fact allows it.
// hookSentences is how many of d's sentences are the article's own hook.
func compose(d *document, phrases []string, v int, auto bool, hookSentences int) draft {
	if hookSentences > 0 {
		return fromHook(d.sentences[:hookSentences], d, phrases, v)
	}
	scores := d.scores(d.phraseSet(phrases))
	fi := pickFact(scores)
	if fi < 0 {
		return draft{}
	}
	var dr draft
	full := compress(d.sentences[fi].text)
	dr.fact = shorten(full, maxFactWords)
	subject := d.subject(fi)
	topics := d.topics(phrases, subject)

	// Who or what the hook asks about: the fact's subject if it is a name,
	// else the article's best name, else the fact's own opening noun
	// phrase, else its best keyphrase.
	about := subject
	if about == "" && len(topics) > 0 && startsUpper(topics[0]) {
		about = topics[0]
	}
	if about == "" {
		about = d.leadNoun(fi)
	}
	if about != "" {
		dr.about = strings.Clone(about)
	}
	if about == "" && len(topics) > 0 {
		about = topics[0]
	}
	dr.hook = hookFor(v, d.withThe(about))
	if v == 0 || auto {
		if guess, reveal, ok := d.guessWho(full); ok {
			dr.hook, dr.fact = guess, reveal
		}
	}

	if si := d.pickStakes(scores, fi, subject); si >= 0 {
		dr.stakes = shorten(compress(d.sentences[si].text), maxStakesWords)
	}
	closingTopic := ""
	for _, t := range topics {
		if !strings.Contains(dr.hook, t) && d.closable(t) {
			closingTopic = t
			break
		}
	}
	if closingTopic == "" {
		closingTopic = d.agentTopic(dr.hook)
	}
	dr.question = closingFor(v, d.withThe(closingTopic))
	return dr
}

// withThe returns a name as the article writes it in running text: with
// "the" when the article mostly puts "the" before it ("the UK", "the
// Department of Health"), else as it is. Other phrases are returned as
// they are; withArticle gives common nouns their "the".
func (d *document) withThe(name string) string {
	if name == "" || strings.IndexFunc(name, unicode.IsUpper) < 0 {
		return name
	}
	with, all := 0, 0
	for i := range d.sentences {
		text := d.sentences[i].text
		for off := 0; ; {
			j := strings.Index(text[off:], name)
			if j < 0 {
				break
			}
			j += off
			off = j + len(name)
			if j > 0 && isWordRune(lastRune(text[:j])) || !wordEndsAt(text, off) || modifierAt(text, off) {
				continue
			}
			all++
			if j >= 4 && strings.EqualFold(text[j-4:j], "the ") {
				with++
			}
		}
	}
	if all > 0 && 2*with > all {
		return "the " + name
	}
	return name
}

// modifierAt reports whether the word after byte end of text is one that
// a name before it qualifies ("the Volkswagen scandal", "the Olympic
// Games"), or a possessive follows the name: such uses say nothing of
// whether the name alone takes "the".
func modifierAt(text string, end int) bool {
	rest := text[end:]
	if strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’") {
		return true
	}
	if !strings.HasPrefix(rest, " ") {
		return false
	}
	s, e := nextWord(rest, 0)
	if s != 1 {
		return false
	}
	next := rest[s:e]
	return startsUpper(next) || !stopWords[fold(next)] && !attributionVerbs[strings.ToLower(next)]
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// agentTopic returns, as the article first writes it, the common noun for
// people or a group that the most sentences mention ("cyclists"), at least
// two and not already in the hook; "" when there is none. It closes a
// teaser whose keyphrases offer no one the story matters to.
func (d *document) agentTopic(hook string) string {
	best, bestDF := "", 1
	lowHook := strings.ToLower(hook)
	// Words by id, in order of first occurrence: ties go to the earlier.
	for id := range d.stats {
		st := &d.stats[id]
		if st.df <= bestDF || st.stopWord || !st.lower {
			continue
		}
		norm := d.norms[id]
		if !agentNouns[norm] && !agentEnding(norm, norm+"s") {
			continue
		}
		if text := d.agentSurface(int32(id), lowHook); text != "" {
			best, bestDF = text, st.df
		}
	}
	return best
}

// agentSurface returns the first lower-case, non-possessive occurrence of
// the word id that agentTopic can close on, or "" when there is none or
// the hook already holds it.
func (d *document) agentSurface(id int32, lowHook string) string {
	for si := range d.sentences {
		s := &d.sentences[si]
		for _, w := range s.words {
			if w.id != id || w.upper {
				continue
			}
			text := s.text[w.start:w.end]
			if strings.ContainsAny(text, "'’") || !agentNouns[w.norm] && !agentEnding(w.norm, text) {
				continue
			}
			if strings.Contains(lowHook, strings.ToLower(text)) {
				return ""
			}
			return text
		}
	}
	return ""
}

// topics returns the keyphrases that can close "What does this mean for
// …?", as the article writes them: phrases of several words first, then
// names other than a person's single name, then common nouns the article
// repeats; never the subject or a phrase that contains it or that it
// contains. At most three.
func (d *document) topics(phrases []string, subject string) []string {
	ls := strings.ToLower(subject)
	var multi, names, nouns []string
	for _, p := range phrases {
		lp := strings.ToLower(p)
		if ls != "" && sharesWord(ls, lp) {
			continue
		}
		s := d.surface(p)
		ws := words(s)
		switch {
		case len(ws) == 0 || !d.nounLike(s, ws):
		case len(ws) > 1:
			multi = append(multi, s)
		case ws[0].upper:
			// A person named by one word ("Dave", "Robinson") is not a
			// topic to close on: "What's at stake for Dave?"
			if len(s) > 1 && !d.isPersonalName(ws[0].norm) && !d.isPerson(s) {
				names = append(names, s)
			}
		default:
			nouns = append(nouns, s)
		}
	}
	out := append(append(multi, names...), nouns...)
	return out[:min(len(out), 3)]
}

// fromHook keeps the article's own hook as the teaser: its opening and
// closing questions and its statements. Patterns fill in a missing question.
func fromHook(hs []sentence, d *document, phrases []string, v int) draft {
	var dr draft
	first, last := 0, len(hs)
	if strings.HasSuffix(hs[0].text, "?") {
		dr.hook = hs[0].text
		first = 1
	}
	if last-1 >= first && strings.HasSuffix(hs[last-1].text, "?") {
		dr.question = hs[last-1].text
		last--
	}
	var statements []string
	for _, s := range hs[first:last] {
		statements = append(statements, s.text)
	}
	topics := d.topics(phrases, "")
	if dr.hook == "" {
		about := ""
		if len(topics) > 0 {
			about, topics = topics[0], topics[1:]
		}
		dr.hook = hookFor(v, about)
	}
	if dr.question == "" {
		about := ""
		for _, t := range topics {
			if d.closable(t) {
				about = t
				break
			}
		}
		dr.question = closingFor(v, about)
	}
	switch len(statements) {
	case 0:
	case 1:
		dr.fact = statements[0]
	default:
		dr.fact = statements[0]
		dr.stakes = strings.Join(statements[1:], " ")
	}
	return dr
}

// String joins the draft's parts with spaces.
func (dr draft) String() string {
	parts := make([]string, 0, 4)
	for _, p := range []string{dr.hook, dr.fact, dr.stakes, dr.question} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}

// nounLike reports whether a keyphrase can close "What does this mean
// for …?": a name the article writes as one, or words that neither start
// nor end like a function word, an adverb, a participle or an adjective;
// a single common noun must recur in the article.
func (d *document) nounLike(p string, ws []word) bool {
	first, last := ws[0], ws[len(ws)-1]
	low := strings.ToLower(p[last.start:last.end])
	if first.stop || last.stop {
		return false
	}
	if calendar[strings.ToLower(p)] {
		return false
	}
	if first.upper || last.upper {
		if !d.isRun(p) {
			return false // part of a longer name: "Jong Un China"
		}
		for _, suf := range []string{"ean", "ese", "ian", "ish", "ican"} {
			if strings.HasSuffix(low, suf) {
				return false // a demonym: "South Korean"
			}
		}
		return true
	}
	for _, suf := range []string{"ly", "ed", "ing", "al", "ic", "ive", "ous", "ful", "less", "able", "ible", "ant", "ent", "ese", "ish", "ian", "an"} {
		if strings.HasSuffix(low, suf) {
			return false
		}
	}
	return len(ws) > 1 || d.stat(first.norm).df >= 2
}

// closable reports whether a topic can close the teaser: a name or a
// phrase, or a common noun for someone the story matters to.
func (d *document) closable(topic string) bool {
	ws := words(topic)
	return len(ws) != 1 || ws[0].upper || d.agentLike(ws[0], topic)
}

// agentLike reports whether a common noun names someone a story can mean
// something for — people, a group, a place, an institution — rather than
// an event or an idea: "What's at stake for the residents?", not "… for
// the exploitation?". It is so when the noun is one of the usual ones, or
// ends like a kind of person ("supporters", "scientists"), or speaks in
// the article ("the school said").
func (d *document) agentLike(w word, raw string) bool {
	if agentNouns[w.norm] {
		return true
	}
	if agentEnding(w.norm, raw) {
		return true
	}
	id := int(w.id)
	if i, ok := d.index[w.norm]; ok {
		id = i
	}
	for si := range d.sentences {
		ws := d.sentences[si].words
		for k := 0; k+1 < len(ws); k++ {
			if int(ws[k].id) == id && speechVerbs[ws[k+1].norm] {
				return true
			}
		}
	}
	return false
}

// agentEnding reports whether a noun (folded, and raw as written) ends
// like a kind of person: "scientist", "historian", and in the plural,
// which adjectives do not take, "residents", "tenants" (not "recent").
func agentEnding(norm, raw string) bool {
	for _, suf := range []string{"ist", "ian", "ent", "ant"} {
		if len(norm) > len(suf)+2 && strings.HasSuffix(norm, suf) && !strings.HasSuffix(norm, "ment") &&
			(suf == "ist" || suf == "ian" || strings.HasSuffix(raw, "s")) {
			return true
		}
	}
	return false
}

// agentNouns are common nouns for people, groups, places and institutions.
var agentNouns = setOf(`people person public police army government council company firm club team
	family child children parent pupil staff crew community school college university hospital church
	city town village country nation region state party union industry market business bank
	court board band family couple victim patient woman man men women boy girl baby fan audience
	museum library airport station port league sport
	supporter player leader worker teacher voter owner driver officer farmer passenger customer user
	member minister investor shopper traveller visitor manager campaigner researcher consumer taxpayer
	commuter survivor prisoner soldier director doctor councillor founder employer employee buyer seller
	fighter rider runner singer writer reader viewer listener homeowner partner operator regulator
	refugee volunteer nurse official champion shareholder opposition daughter son mother father wife
	husband brother sister area park district county island coast neighbourhood economy`)

// speechVerbs follow a noun that speaks or acts in a story: "the school
// said". Their folded forms are listed.
var speechVerbs = setOf(`said say told tell announced announce added add claimed claim warned warn
	confirmed confirm admitted admit argued argue insisted insist welcomed welcome hope want plan
	believe fear decided decide agreed agree`)

// sharesWord reports whether a and b have a word in common.
func sharesWord(a, b string) bool {
	for _, w := range strings.Fields(b) {
		for _, v := range strings.Fields(a) {
			if v == w {
				return true
			}
		}
	}
	return false
}
