package teaser

import (
	"strings"
	"unicode/utf8"
)

// span is a byte range of a sentence's text; next indexes the sentence's
// word after it.
type span struct{ start, end, next int }

// names returns the runs of name words in s.
func (d *document) names(s *sentence) []span {
	return d.appendNames(nil, s)
}

// appendNames appends the runs of name words in s to out.
func (d *document) appendNames(out []span, s *sentence) []span {
	for i := 0; i < len(s.words); i++ {
		if !d.isName(s, i) {
			continue
		}
		j := i + 1
		for j < len(s.words) {
			if gap := s.text[s.words[j-1].end:s.words[j].start]; d.isName(s, j) && (gap == " " || gap == "' " || gap == "’ ") {
				j++
				continue
			}
			if j+1 < len(s.words) && d.lang.nameJoiners[s.words[j].norm] && !s.words[j].upper && d.isName(s, j+1) {
				j += 2
				continue
			}
			break
		}
		end := s.words[j-1].end
		for _, pos := range []string{"'s", "’s", "'", "’"} {
			if t := strings.TrimSuffix(s.text[s.words[i].start:end], pos); len(t) < end-s.words[i].start {
				end = s.words[i].start + len(t)
				break
			}
		}
		out = append(out, span{s.words[i].start, end, j})
		i = j - 1
	}
	return out
}

// nameCounts counts every name run of the article and, by word id, every
// word of them, so that "Kim" adds weight to "Kim Jong Un".
func (d *document) nameCounts() (runs map[string]int, parts []int32) {
	if d.runs != nil {
		return d.runs, d.parts
	}
	// The maps and the counts array come back from the document pool
	// cleared (see release); they are made only on first use.
	runs, d.mods = d.runMap, d.modMap
	if runs == nil {
		runs = make(map[string]int, min(len(d.sentences), 1<<12)+8)
		d.mods = map[string]int{}
		d.runMap, d.modMap = runs, d.mods
	}
	// One array holds the three counts by word id.
	if cap(d.counts) < 3*len(d.stats) {
		d.counts = make([]int32, 3*len(d.stats))
	}
	counts := d.counts[:3*len(d.stats)]
	clear(counts)
	parts, d.firsts, d.lasts = counts[:len(d.stats)], counts[len(d.stats):2*len(d.stats)], counts[2*len(d.stats):]
	defer func() { d.runs, d.parts = runs, parts }()
	var buf []span
	for i := range d.sentences {
		s := &d.sentences[i]
		buf = d.appendNames(buf[:0], s)
		for _, sp := range buf {
			runs[s.text[sp.start:sp.end]]++
			if modifies(s, sp) {
				d.mods[s.text[sp.start:sp.end]]++
			}
			first := -1
			for k, w := range s.words {
				if w.start >= sp.start && w.end <= sp.end {
					parts[w.id]++
					if first < 0 {
						first = k
					}
				}
			}
			if w := s.words[sp.next-1]; w.start > sp.start && first >= 0 {
				// A run of several words: count its first and last words.
				d.firsts[s.words[first].id]++
				d.lasts[w.id]++
			}
		}
	}
	return runs, parts
}

// countOf returns the count of a folded word in counts, by word id.
func (d *document) countOf(counts []int32, norm string) int {
	if i, ok := d.index[norm]; ok && i < len(counts) {
		return int(counts[i])
	}
	return 0
}

// subject is who or what the teaser is about: the most mentioned name in
// the fact sentence; empty when the fact names nobody the article comes
// back to (the caller then uses the best keyphrase).
func (d *document) subject(fact int) string {
	runs, parts := d.nameCounts()
	var buf [64]byte
	score := func(name string) int {
		n := 2 * runs[name]
		for start, end := nextWord(name, 0); start < len(name); start, end = nextWord(name, end) {
			n += d.countOf(parts, string(foldInto(buf[:0], name[start:end])))
		}
		return n
	}
	// A name the fact mentions wins if the article comes back to it; the
	// first one that heads a noun phrase (not "North Korean" in "North
	// Korean leader") counts double, as the likely grammatical subject.
	best, bestScore := "", 2
	s := &d.sentences[fact]
	first := true
	for _, sp := range d.names(s) {
		name := s.text[sp.start:sp.end]
		if d.lang.calendar[strings.ToLower(name)] || modifies(s, sp) {
			continue
		}
		sc := score(name)
		if first {
			sc *= 2
			first = false
		}
		if sc > bestScore && runs[name]+d.countOf(parts, fold(lastWord(name))) > 2 {
			best, bestScore = name, sc
		}
	}
	return best
}

// modifies reports whether the name at sp is followed by a lower-case
// word other than a function word or a likely verb, so it qualifies that
// word ("North Korean leader") rather than naming the subject.
func modifies(s *sentence, sp span) bool {
	if sp.next >= len(s.words) {
		return false
	}
	w := s.words[sp.next]
	if strings.TrimSpace(s.text[sp.end:w.start]) != "" || w.upper || w.stop || isNumber(w.norm) {
		return false
	}
	raw := s.text[w.start:w.end]
	return !strings.HasSuffix(raw, "s") && !strings.HasSuffix(raw, "ed")
}

// surface returns phrase as the article writes it (its first occurrence,
// matched without regard to case and on word boundaries), or "" when the
// article lacks it.
func (d *document) surface(phrase string) string {
	if phrase == "" {
		return ""
	}
	// Look only where the phrase's first word occurs, then compare the
	// whole phrase there.
	fs, fe := nextWord(phrase, 0)
	if fs != 0 {
		return ""
	}
	var buf [64]byte
	id, ok := d.index[string(foldInto(buf[:0], phrase[:fe]))]
	if !ok {
		return ""
	}
	for i := range d.sentences {
		text := d.sentences[i].text
		for _, w := range d.sentences[i].words {
			end := w.start + len(phrase)
			if int(w.id) != id || end > len(text) || !strings.EqualFold(text[w.start:end], phrase) {
				continue
			}
			if wordEndsAt(text, end) {
				return text[w.start:end]
			}
		}
	}
	return ""
}

// wordEndsAt reports whether a word of text ends at byte end: what follows
// is neither part of the word ("Championship-winning") nor more than a
// possessive ("Sunday's").
func wordEndsAt(text string, end int) bool {
	if end >= len(text) {
		return true
	}
	for _, pos := range []string{"'s", "’s"} {
		if strings.HasPrefix(text[end:], pos) {
			end += len(pos)
			break
		}
	}
	r, n := utf8.DecodeRuneInString(text[end:])
	if isWordRune(r) {
		return false
	}
	if isJoiner(r) && end+n < len(text) {
		r2, _ := utf8.DecodeRuneInString(text[end+n:])
		return !isWordRune(r2)
	}
	return true
}
