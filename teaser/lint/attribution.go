package lint

// Bounds of the attribution check.
const (
	// minContent is the fewest content words a post sentence needs to be
	// matched to a source sentence; shorter ones are templates.
	minContent = 4
	// minOverlap is the share of the post sentence's content words its
	// source sentence must hold.
	minOverlap = 0.6
	// attributionReach is how many words before or after the kept part of
	// the source sentence an attribution may stand and still govern it
	// ("Police said …", "…, officials said").
	attributionReach = 8
)

// checkAttribution reports post sentences whose source sentence attributes
// them ("said", "according to", "claims" …) when the post sentence does
// not: a claim or opinion then reads as fact.
func checkAttribution(p *view) []Finding {
	if p.lex == nil || len(p.src.sentences) == 0 {
		return nil
	}
	var out []Finding
	for _, s := range p.ss {
		if s.question() || p.attributed(s.words) {
			continue
		}
		src, ok := p.sourceOf(s)
		if !ok {
			continue
		}
		if cue := p.droppedCue(s, src); cue != "" {
			out = append(out, Finding{Mislead, "attribution " + quote(cue) + " of the source sentence dropped: " + quote(s.text)})
		}
	}
	return out
}

func (p *view) attributed(words []string) bool {
	for _, w := range words {
		if p.lex.attribution[w] {
			return true
		}
	}
	return false
}

// content returns a sentence's content words (possessives dropped).
func (p *view) content(s sentence) []string {
	var out []string
	for _, w := range s.bares {
		if !p.lex.function[w] {
			out = append(out, w)
		}
	}
	return out
}

// sourceOf returns the article sentence the post sentence was made from:
// the one holding the largest share of its content words, at least
// minOverlap of them. The headline is one of them: a post that is the
// headline drops nothing of a body sentence's.
func (p *view) sourceOf(s sentence) (sentence, bool) {
	content := p.content(s)
	if len(content) < minContent {
		return sentence{}, false
	}
	candidates := append([]sentence{p.src.title}, p.src.sentences...)
	best, bestShare := -1, 0.0
	for i, src := range candidates {
		in := make(map[string]bool, len(src.bares))
		for _, w := range src.bares {
			in[w] = true
		}
		n := 0
		for _, w := range content {
			if in[w] {
				n++
			}
		}
		if share := float64(n) / float64(len(content)); share > bestShare {
			best, bestShare = i, share
		}
	}
	if best < 0 || bestShare < minOverlap {
		return sentence{}, false
	}
	return candidates[best], true
}

// droppedCue returns the attribution word of src that governs the part the
// post sentence kept and that the post sentence left out, or "".
func (p *view) droppedCue(s, src sentence) string {
	start, end := keptSpan(s.bares, src.bares)
	if start < 0 {
		return ""
	}
	l := p.lex
	// "Police said [the man was …]": the nearest cue before, with no new
	// clause between it and the kept part.
	for i := start - 1; i >= 0 && i >= start-attributionReach; i-- {
		w := src.words[i]
		if l.attribution[w] {
			return src.tokens[i].text
		}
		if l.clauseStarts[w] && w != "that" {
			break
		}
	}
	// "[Prices], the minister claimed, [will fall]": a cue inside the kept
	// stretch that the post dropped.
	for i := start; i < end; i++ {
		if l.attribution[src.words[i]] {
			return src.tokens[i].text
		}
	}
	// "[…], officials said." unless a new clause comes first ("… and his
	// lawyer said …").
	for i := end; i < len(src.words) && i < end+attributionReach; i++ {
		w := src.words[i]
		if l.clauseStarts[w] {
			break
		}
		if l.attribution[w] {
			return src.tokens[i].text
		}
	}
	return ""
}

// keptSpan locates the post sentence's words in its source sentence: from
// where its first two words stand to where its last two end (one word
// when two do not match). start is -1 when it cannot be placed.
func keptSpan(post, src []string) (start, end int) {
	start, end = -1, -1
	if len(post) == 0 {
		return -1, -1
	}
	n := min(2, len(post))
	for i := 0; i+n <= len(src) && start < 0; i++ {
		if equalWords(src[i:i+n], post[:n]) {
			start = i
		}
	}
	for i := len(src) - n; i >= 0 && end < 0; i-- {
		if equalWords(src[i:i+n], post[len(post)-n:]) {
			end = i + n
		}
	}
	if start < 0 && n == 2 {
		start = index(src, post[0])
	}
	if end < 0 && n == 2 {
		if i := lastIndex(src, post[len(post)-1]); i >= 0 {
			end = i + 1
		}
	}
	if start < 0 || end <= start {
		return -1, -1
	}
	return start, end
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func index(ws []string, w string) int {
	for i, x := range ws {
		if x == w {
			return i
		}
	}
	return -1
}

func lastIndex(ws []string, w string) int {
	for i := len(ws) - 1; i >= 0; i-- {
		if ws[i] == w {
			return i
		}
	}
	return -1
}
