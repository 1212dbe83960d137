package teaser

import (
	"strings"
	"unicode/utf8"
)

// This file holds what the hook and the closing question ask about
// besides keyphrases: a name with the article's own "the", and the people,
// groups and places a story matters to.

// withThe returns a name as the article writes it in running text: with
// "the" when the article mostly puts "the" before it ("the UK", "the
// Department of Health"), else as it is. Other phrases are returned as
// they are; withArticle gives common nouns their "the".
func (d *document) withThe(name string) string {
	if !hasUpper(name) {
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
			if before, _ := utf8.DecodeLastRuneInString(text[:j]); j > 0 && isWordRune(before) || !wordEndsAt(text, off) || modifierAt(text, off) {
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

// agentLike reports whether a common noun names someone a story can mean
// something for — people, a group, a place, an institution — rather than
// an event or an idea: "What's at stake for the residents?", not "… for
// the exploitation?". It is so when the noun is one of the usual ones, or
// ends like a kind of person ("supporters", "scientists"), and the article
// does not only use it to qualify another noun; or when it speaks in the
// article ("the school said").
func (d *document) agentLike(w word, raw string) bool {
	id := int32(-2)
	if i, ok := d.index[w.norm]; ok {
		id = int32(i)
	}
	if notAgents[w.norm] || isNumber(w.norm) {
		return false // "the spokesman said", "a 42-year-old said": voices, not stakeholders
	}
	listed := agentNouns[w.norm] || agentEnding(w.norm, strings.HasSuffix(raw, "s"))
	// A listed noun the article only uses to qualify another ("the county
	// cup") is not who the story matters to.
	onlyModifier, seen := true, false
	for si := range d.sentences {
		s := &d.sentences[si]
		for k, x := range s.words {
			if x.id != id {
				continue
			}
			seen = true
			if k+1 < len(s.words) && speechVerbs[s.words[k+1].norm] {
				return true
			}
			// Only a singular noun is taken for a modifier: after a plural
			// one, a lower-case word is mostly its verb ("scientists met").
			if strings.HasSuffix(s.text[x.start:x.end], "s") || !modifies(s, span{x.start, x.end, k + 1}) {
				onlyModifier = false
			}
		}
	}
	return listed && !(seen && onlyModifier)
}

// agentEnding reports whether a folded noun ends like a kind of person:
// "scientist", "historian", and when written in the plural, which
// adjectives do not take, "residents", "tenants" (not "recent").
func agentEnding(norm string, plural bool) bool {
	for _, suf := range []string{"ist", "ian", "ent", "ant"} {
		if len(norm) > len(suf)+2 && strings.HasSuffix(norm, suf) && !strings.HasSuffix(norm, "ment") &&
			(suf == "ist" || suf == "ian" || plural) {
			return true
		}
	}
	return false
}

// agentNouns are common nouns for people, groups, places and institutions.
var agentNouns = setOf(`people person public police army government council company firm club team
	family child children parent pupil staff crew community school college university hospital church
	city town village country nation region state party union industry market business
	court board band family couple victim patient woman man men women boy girl baby fan audience
	museum library airport station port league sport
	supporter player leader worker teacher voter owner driver officer farmer passenger customer user
	member minister investor shopper traveller visitor manager campaigner researcher consumer taxpayer
	commuter survivor prisoner soldier director doctor councillor founder employer employee buyer seller
	fighter rider runner singer writer reader viewer listener homeowner partner operator regulator
	refugee volunteer nurse official champion shareholder opposition daughter son mother father wife
	husband brother sister area park district county island coast neighbourhood economy`)

// notAgents speak in stories without being who they matter to.
var notAgents = setOf(`spokesperson spokesman spokeswoman source statement report study survey figure
	data document letter website post tweet arrangement`)

// speechVerbs follow a noun that speaks or acts in a story: "the school
// said". Their folded forms are listed.
var speechVerbs = setOf(`said say told tell announced announce added add claimed claim warned warn
	confirmed confirm admitted admit argued argue insisted insist welcomed welcome hope want plan
	believe fear decided decide agreed agree`)
