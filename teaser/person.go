package teaser

import "strings"

// personTitles are words that, before a name, say it is a person's:
// honorifics, offices and roles ("President Xi", "coach Mark Smith",
// "North Korean leader Kim Jong Un").
var personTitles = setOf(`mr mrs ms miss dr sir dame lord lady president leader minister chief coach
	manager captain skipper prime secretary chancellor king queen prince princess pope senator
	governor mayor judge director chairman chairwoman chair ceo spokesman spokeswoman professor
	prof general officer inspector sergeant detective boss singer actor actress star player
	striker midfielder defender goalkeeper keeper forward winger scrum-half fly-half full-back
	chef author writer rapper presenter mp mep councillor rev reverend bishop archbishop cardinal
	sheikh emperor colonel lieutenant commander founder owner artist musician comedian driver
	rider boxer champion athlete cyclist golfer batsman bowler jockey trainer rev. dr. mr. mrs.
	husband wife son daughter father mother brother sister man woman boy girl teenager pensioner
	victim suspect paedophile murderer defendant candidate speaker lawyer doctor nurse teacher
	pilot soldier pupil student farmer businessman businesswoman footballer cricketer`)

// placeOrgWords in a name make it a place's or an organisation's.
var placeOrgWords = setOf(`city town village county borough district region province state states island
	islands street road avenue lane park square bridge river lake sea ocean mountain mount valley
	forest wood airport station port harbour harbor bay coast university college school academy
	hospital council ministry department office agency commission committee authority service
	services police army navy force forces party government parliament assembly senate congress
	court club united fc association federation league union society trust fund bank company
	group corporation corp inc ltd plc limited foundation institute museum gallery theatre
	theater church cathedral centre center hall house palace castle stadium arena news times post
	channel network media records studios airlines airways rail railway railways motors energy
	health games olympics cup championship tour rovers wanderers athletic albion rangers celtic
	city's windmill mill tower farm market street's republic kingdom empire agency board
	prison jail zoo reserve estate hotel restaurant cafe pub shop store brand festival awards
	council's government's`)

// placeNames are countries, continents and unions that act in the news as
// if they were people ("Japan closed …", "Israel has accused …").
var placeNames = setOf(`afghanistan africa albania algeria america americas antarctica argentina
	armenia asia australia austria azerbaijan bahrain bangladesh belarus belgium bolivia bosnia
	brazil britain bulgaria burma cambodia cameroon canada chile china colombia congo croatia cuba
	cyprus czechia denmark ecuador egypt england estonia ethiopia eu europe finland france gaza
	georgia germany ghana greece haiti hungary iceland india indonesia iran iraq ireland israel
	italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait latvia lebanon libya lithuania
	luxembourg malaysia mali malta mexico moldova mongolia montenegro morocco myanmar nato nepal
	netherlands nigeria norway oman pakistan palestine panama peru philippines poland portugal
	qatar romania russia rwanda scotland senegal serbia singapore slovakia slovenia somalia spain
	sudan sweden switzerland syria taiwan tanzania thailand tunisia turkey uganda uk ukraine un
	uruguay us usa venezuela vietnam wales yemen zambia zimbabwe london paris washington moscow
	beijing brussels berlin tokyo kremlin whitehall westminster`)

// personAfter are words that, right after a name, make it a person's.
var personAfter = setOf(`said says told added explained admitted insisted
	tweeted wrote recalled`)

// personPronouns after a name in the same sentence point back to a person.
var personPronouns = setOf(`he she his her him himself herself`)

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
		if personTitles[strings.ToLower(subject[sw[k].start:sw[k].end])] {
			titled = true
			from = max(from, k+1)
		}
	}
	nw := sw[from:]
	if len(nw) == 0 {
		return false
	}
	name := subject[nw[0].start:nw[len(nw)-1].end]
	if placeNames[strings.ToLower(name)] {
		return false
	}
	for _, w := range nw {
		raw := subject[w.start:w.end]
		if low := strings.ToLower(raw); placeOrgWords[low] || stopWords[low] || demonym(raw) {
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
				if j == k+1 && personAfter[ws[j].norm] || personPronouns[ws[j].norm] {
					return true
				}
			}
			// "Mo Farah was … . Now he has …": when the name opens its
			// sentence, a pronoun opening the next one points back to it.
			if k < 4 && si+1 < len(d.sentences) {
				next := d.sentences[si+1].words
				for j := 0; j < len(next) && j < 3; j++ {
					if personPronouns[next[j].norm] {
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
	return d.countOf(d.lasts, norm) > 0 && !placeNames[norm] && !placeOrgWords[norm]
}
