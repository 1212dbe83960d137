package lint

import (
	"slices"
	"strings"
)

// checkRepeat reports the hook's subject repeated in the very next
// sentence, and any name written twice in the post (a surname after the
// full name counts: the post is too short to need it twice).
func checkRepeat(p *view) []Finding {
	if p.lex == nil || len(p.ss) == 0 {
		return nil
	}
	var out []Finding
	reported := map[string]bool{}
	if hook := p.ss[0]; hook.question() && len(p.ss) > 1 {
		if subj := p.hookSubject(hook); subj != "" && hasPhrase(p.ss[1].bares, subj) {
			out = append(out, Finding{Repeat, "the hook's subject " + quote(subj) + " again in the next sentence"})
			reported[subj] = true
		}
	}
	var seen []string // name keys in order
	count := map[string]int{}
	for _, s := range p.ss {
		for _, run := range names(p.lex, p.src, s) {
			k := nameKey(run)
			if p.lex.function[k] || p.lex.isTimeWord(k) || p.lex.demonyms[k] {
				continue // "Indian police … the Indian partners": a people's word, not a name
			}
			if count[k] == 0 {
				seen = append(seen, k)
			}
			count[k]++
		}
	}
	// longest first, so that "mad men" is reported rather than "men"
	slices.SortStableFunc(seen, func(a, b string) int { return len(b) - len(a) })
	for _, k := range seen {
		n := count[k]
		for _, other := range seen {
			// a surname or first name alone after the full name
			if other != k && strings.Contains(" "+other+" ", " "+k+" ") {
				n += count[other]
			}
		}
		if n < 2 || reported[k] || coveredBy(reported, k) {
			continue
		}
		out = append(out, Finding{Repeat, "the name " + quote(k) + " twice in the post"})
		reported[k] = true
	}
	return out
}

// coveredBy reports whether k is part of a name already reported.
func coveredBy(reported map[string]bool, k string) bool {
	for r := range reported {
		if strings.Contains(" "+r+" ", " "+k+" ") || strings.Contains(" "+k+" ", " "+r+" ") {
			return true
		}
	}
	return false
}

// hookSubject is the noun phrase the hook question is about (lower-case
// words), or its last name when it has no anchor ("Guess who met Kim?").
func (p *view) hookSubject(hook sentence) string {
	if words, ok := p.lex.slot(hook); ok && len(words) > 0 {
		ls := make([]string, len(words))
		for i, w := range words {
			ls[i] = w.bare()
		}
		return strings.Join(ls, " ")
	}
	if ns := names(p.lex, p.src, hook); len(ns) > 0 {
		return nameKey(ns[len(ns)-1])
	}
	return ""
}
