package lint

import "strings"

// checkDate reports a relative day written for the article's date
// ("yesterday", "that day", "last week") in the same or the next sentence
// as another day word: spliced together they make the day wrong.
func checkDate(p *view) []Finding {
	if p.lex == nil {
		return nil
	}
	var out []Finding
	for i, s := range p.ss {
		for _, stale := range p.lex.staleDays {
			at := phraseAt(s.words, stale)
			if at < 0 {
				continue
			}
			if other := p.otherDay(i, stale, at); other != "" {
				out = append(out, Finding{Date, quote(stale) + " next to " + quote(other) + ": " + quote(s.text)})
				break
			}
		}
	}
	return out
}

// otherDay returns a day word, other than the stale phrase at word at of
// sentence i, in sentence i or a neighbour, or "".
func (p *view) otherDay(i int, stale string, at int) string {
	for j := max(0, i-1); j <= i+1 && j < len(p.ss); j++ {
		for _, d := range p.lex.dayWords {
			k := phraseAt(p.ss[j].words, d)
			if k < 0 || j == i && k >= at && k < at+len(strings.Fields(stale)) {
				continue // the stale phrase itself, or a part of it ("earlier this week")
			}
			return d
		}
	}
	return ""
}
