package teaser

import "strings"

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
			return false // "Harbour Trust", "Some Uruguayan"
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
// clause ("…, said Farah."), or with a he/she pronoun within the next six
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
			// "…, said Farah." but not "officials said Auschwitz was …".
			if k > 0 && ws[k-1].norm == "said" && (k == len(ws)-1 || strings.ContainsAny(text[ws[k].end:ws[k+1].start], ",.;")) {
				return true
			}
			for j := k + 1; j < len(ws) && j <= k+6; j++ {
				if j == k+1 && d.lang.personAfter[ws[j].norm] || d.lang.personPronouns[ws[j].norm] {
					return true
				}
			}
			// "Mo Farah was … . Now he has …": when the name opens its
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
// the article ("Dave" of "Dave Smith"), or closes one ("Strachan" of
// "Gordon Strachan") and is no place or organisation word ("Scotland" of
// "Police Scotland").
func (d *document) isPersonalName(norm string) bool {
	d.nameCounts()
	if d.countOf(d.firsts, norm) > 0 {
		return true
	}
	return d.countOf(d.lasts, norm) > 0 && !d.lang.places[norm] && !d.lang.placeOrg[norm]
}
