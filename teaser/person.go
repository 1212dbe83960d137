package teaser

import (
	"slices"
	"strings"
)

// isPerson reports whether a teaser's subject, a noun phrase that ends
// with a name, names a person, so that "Guess who …?" fits. The name is
// the subject's closing run of capitalised words after any title. It is a
// person's when the subject has a title ("leader", "Mr", "coach"), when
// the article follows the name with "said" or a he/she pronoun, or when
// it is two or three capitalised words that the article never writes in
// lower case. A country, a continent or a name holding a place or
// organisation word ("City", "Council", "Trust") is never a person.
func (d *document) isPerson(subject string) bool {
	sw := spans(nil, subject, -1)
	from, titled := len(sw), false
	for from > 0 && startsUpper(subject[sw[from-1].start:]) {
		from--
	}
	for k := range sw {
		if d.lang.titles[strings.ToLower(subject[sw[k].start:sw[k].end])] {
			titled = true
			from = max(from, k+1)
		}
	}
	nw := sw[from:]
	if len(nw) == 0 {
		return false
	}
	name := subject[nw[0].start:nw[len(nw)-1].end]
	if d.lang.places[strings.ToLower(name)] {
		return false
	}
	for _, w := range nw {
		raw := subject[w.start:w.end]
		if low := strings.ToLower(raw); d.lang.placeOrg[low] || d.lang.stop[low] || d.lang.demonym(raw) {
			return false // "Harbour Trust", "Some Peruvian"
		}
	}
	if titled || d.followedLikePerson(subject[nw[len(nw)-1].start:nw[len(nw)-1].end]) {
		return true
	}
	if len(nw) < 2 || len(nw) > 3 {
		return false
	}
	for _, w := range nw {
		if d.stat(fold(subject[w.start:w.end])).lower {
			return false
		}
	}
	return true
}

// followedLikePerson reports whether the article writes word (a surname or
// a single name) followed by "said"/"told"…, after "said" at the end of a
// clause ("…, said Vale."), or with a he/she pronoun within the next six
// words of its sentence or, when it opens its sentence, the first three of
// the next.
func (d *document) followedLikePerson(word string) bool {
	var buf [64]byte
	id, ok := d.index[string(foldInto(buf[:0], word))]
	if !ok {
		return false
	}
	for si := range d.sentences {
		ws, text := d.sentences[si].words, d.sentences[si].text
		for k := range ws {
			if int(ws[k].id) != id || !ws[k].upper {
				continue
			}
			// "…, said Vale." but not "officials said Kells was …".
			if k > 0 && ws[k-1].norm == "said" && (k == len(ws)-1 || strings.ContainsAny(text[ws[k].end:ws[k+1].start], ",.;")) {
				return true
			}
			for j := k + 1; j < len(ws) && j <= k+6; j++ {
				// As written: "says" (folded "say") is no "Harbin say".
				if j == k+1 && d.lang.personAfter[strings.ToLower(text[ws[j].start:ws[j].end])] || d.lang.personPronouns[ws[j].norm] {
					return true
				}
			}
			// "Jo Vale was … . Now she has …": when the name opens its
			// sentence, a pronoun opening the next one points back to it.
			if k < 4 && si+1 < len(d.sentences) {
				next := d.sentences[si+1].words
				for j := 0; j < len(next) && j < 3; j++ {
					if d.lang.personPronouns[next[j].norm] {
						return true
					}
				}
			}
		}
	}
	return false
}

// isPersonalName reports whether the folded word, alone, is likely a
// person's first name or surname: it opens a name run of several words in
// the article ("Dave" of "Dave Smith"), or closes one ("Reed" of
// "Tom Reed") and is no place or organisation word ("Scotland" of
// "Police Scotland").
func (d *document) isPersonalName(norm string) bool {
	d.nameCounts()
	if d.countOf(d.firsts, norm) > 0 {
		return true
	}
	return d.countOf(d.lasts, norm) > 0 && !d.lang.places[norm] && !d.lang.placeOrg[norm]
}

// introduce writes a person's whole name where the post names them first
// by a surname or a first name alone ("Marsh hopes …" becomes "Ann
// Marsh hopes …"): the reader has not seen the article's earlier
// sentence that introduced them. Only a name the title or a sentence
// before the news (index) writes whole counts, only for a word the article
// uses as a person's (followed by "said" or "he"), and only when one
// person has that word. parts are the post's sentences in order; a name
// the post already writes whole stays. After a title the first name goes
// in ("Dr Jane Smith"), and a mere honorific goes ("Ms Reed" becomes
// "Jo Reed"). It reports, part by part, whether one still names by a
// word alone a person the post never writes whole ("Tom's ferry"
// when the article has "Tom Reed" only further on).
func (d *document) introduce(index int, parts ...*string) (unnamed []bool) {
	var whole, people []string
	for name := range d.wholeNames() {
		f := strings.Fields(name)
		if len(f) < 2 || len(f) > 3 || strings.ContainsAny(name, "'’.") || !d.isPerson(name) {
			continue
		}
		if low := strings.ToLower(f[0]); d.lang.titles[low] || d.lang.places[low] || d.lang.placeOrg[low] || d.lang.demonym(f[0]) {
			continue
		}
		people = append(people, name)
		introduced := strings.Contains(d.titleText, name)
		for i := 0; i < index && !introduced; i++ {
			introduced = strings.Contains(d.sentences[i].text, name)
		}
		if introduced && !d.insideLongerName(name) {
			whole = append(whole, name)
		}
	}
	unnamed = make([]bool, len(parts))
	if len(people) == 0 {
		return unnamed
	}
	said := ""
	for i, p := range parts {
		if *p == "" {
			continue
		}
		*p, unnamed[i] = d.introduceIn(*p, said, whole, people)
		said += " " + *p
	}
	return unnamed
}

// introduceIn is introduce for one sentence, after said. whole are the
// names it may write; people every person the article names whole,
// before the news or after it, so that a word two of them share ("Vale"
// of "Jo Vale" and "Ann Vale") is left as it is. unnamed reports a word
// left for the one person who has it, whose whole name neither said nor
// text writes.
func (d *document) introduceIn(text, said string, whole, people []string) (_ string, unnamed bool) {
	ws := d.lang.words(text)
	for k := len(ws) - 1; k >= 0; k-- {
		w := ws[k]
		if !w.upper || w.stop || d.lang.calendar[w.norm] || d.lang.places[w.norm] {
			continue
		}
		titled := k > 0 && d.lang.titles[ws[k-1].norm] && text[ws[k-1].end:w.start] == " "
		if k > 0 && !titled && (ws[k-1].upper && !ws[k-1].stop || d.lang.titles[ws[k-1].norm]) ||
			k+1 < len(ws) && ws[k+1].upper && !ws[k+1].stop && text[w.end:ws[k+1].start] == " " {
			continue // inside a longer name
		}
		base := text[w.start:w.end]
		for _, s := range []string{"'s", "’s"} {
			base = strings.TrimSuffix(base, s)
		}
		full, only, shared := "", "", 0
		for _, name := range people {
			if f := strings.Fields(name); f[0] == base || f[len(f)-1] == base {
				shared++
				only = name
				if slices.Contains(whole, name) {
					full = name
				}
			}
		}
		if shared > 1 {
			full = "" // two people share the word: say nothing
		}
		if shared == 1 && full == "" && !strings.Contains(said, only) && !strings.Contains(text, only) {
			unnamed = true
		}
		if full == "" || strings.Contains(said, full) || strings.Contains(text, full) ||
			strings.Contains(text[:w.start], base) || !d.followedLikePerson(base) {
			continue // said whole already, not the first mention, or not a person's word
		}
		start := w.start
		if titled {
			if he, ok := d.lang.honorifics[ws[k-1].norm]; ok {
				if said := d.pronounAfter(full); he != "" && said != "" && said != he {
					continue // "John Smith … his wife": "Mrs Smith" is someone else
				}
				start = ws[k-1].start // "Ms Vale" is "Ann Vale"; "Dr Vale" "Dr Ann Vale"
			}
		}
		text = text[:start] + full + text[w.start+len(base):]
	}
	return text, unnamed
}

// pronounAfter returns the gender ("he", "she") of the first gendered
// pronoun after a mention of name in the same sentence; "" for none.
func (d *document) pronounAfter(name string) string {
	for text, j := range d.mentions(name) {
		for _, w := range d.lang.words(text[j+len(name):]) {
			if g, ok := d.lang.gendered[w.norm]; ok {
				return g
			}
		}
	}
	return ""
}

// insideLongerName reports whether the article writes name after another
// capitalised word: "York Mets" of "New York Mets".
// A common word capitalised only because it opens the sentence
// ("Cartographer Ann Vale found …") is no part of the name; written so
// inside a sentence too, the two are one name.
func (d *document) insideLongerName(name string) bool {
	var buf [64]byte
	for text, j := range d.mentions(name) {
		if !afterCapital(text, j) {
			continue
		}
		if prev := lastWord(text[:j]); strings.TrimSpace(text[:j]) == prev && d.lowerOpener(prev, string(foldInto(buf[:0], prev))) {
			continue
		}
		return true
	}
	return false
}

// afterCapital reports whether the word before byte j of text is
// capitalised and not cut off by punctuation: "York Mets" in "New York
// Mets", not in "Harbin, York Mets".
func afterCapital(text string, j int) bool {
	prev := lastWord(text[:j])
	return prev != "" && startsUpper(prev) && !strings.ContainsAny(prev, ",.;:")
}

// lowerOpener reports whether raw, folded norm, opening a sentence is a
// common word the article also writes in lower case ("Cartographer" of
// "cartographers"), not shouted: its capital says nothing of a name.
func (d *document) lowerOpener(raw, norm string) bool {
	return d.stat(norm).lower && !shouting(raw)
}
