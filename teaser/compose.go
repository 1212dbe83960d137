package teaser

import (
	"strings"
)

// draft is a teaser before it becomes fit.Sentences: empty parts are left out.
type draft struct {
	hook, fact, stakes, question string
	// about is who the news is about, when the fact names someone the
	// article comes back to: its hashtag leads.
	about string
	// index is the news sentence's index in the document; -1 for the
	// article's own hook.
	index int
	// hashtags are the chosen hashtags, with "#".
	hashtags []string
}

// compose writes the teaser of d for variant v (0-based) from the
// article's keyphrases, best first. Variant v takes the v-th best
// sentence as the news, so that sharing again says something new.
// hookSentences is how many of d's sentences are the article's own hook.
func compose(d *document, lang *language, phrases []string, v int, hookSentences int) draft {
	if hookSentences > 0 {
		if dr := fromHook(d.sentences[:hookSentences]); dr.fact != "" {
			dr.index = -1
			return dr
		}
	}
	scores := d.scores(d.phraseSet(phrases))
	cands := d.newsCandidates(lang, scores)
	if len(cands) == 0 {
		// Nothing stands alone: the best sentence, plainly.
		fi := pickFact(scores)
		if fi < 0 {
			return draft{}
		}
		fact, _ := stripDateline(d.sentences[fi].text)
		return draft{fact: tidy(fact), index: fi}
	}
	// Another angle must be nearly as good as the best: a side event is not
	// the news, however often the article is shared.
	n := 1
	for n < len(cands) && 2*cands[n].score >= cands[0].score {
		n++
	}
	c := cands[v%n]
	dr := draft{fact: c.text, index: c.index}
	if subject := d.subject(c.index); subject != "" {
		dr.about = strings.Clone(subject)
	}
	if lang.plain {
		return dr
	}
	sober := d.isSober(lang, c.index)
	if !sober {
		if guess, reveal, ok := d.guessWho(c.full); ok {
			dr.hook, dr.fact = guess, reveal
		}
	}
	stakes, si := d.pickStakesLine(lang, scores, c.index)
	if wordCount(dr.fact)+wordCount(stakes) > maxPostWords {
		stakes, si = "", -1 // one sentence said well beats two said at length
	}
	dr.stakes = stakes
	if si >= 0 && !sober {
		if x := d.affected(si, dr.about, dr.hook, dr.fact); x != "" {
			dr.question = closingFor(v, d.withThe(x))
		}
	}
	return dr
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
		if s != "" && p != "" && s != p && s[1:] == p[1:] && p == strings.ToLower(p) && !isNumber(p) && !d.stat(fold(s)).midUpper {
			s = p // capitalised only where it opens a sentence: "Astronomers say …"
		}
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
// closing questions and its statements. A question the author did not
// write is left out.
func fromHook(hs []sentence) draft {
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
// a single common noun must recur in the article, or name someone (agentLike).
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
	return len(ws) > 1 || d.stat(first.norm).df >= 2 || d.agentLike(first, p)
}

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
