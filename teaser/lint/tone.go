package lint

import "strings"

// toneThreshold is the topic weight that makes a story grave: one strong
// word ("killed") or two weaker ones ("court", "charged").
const toneThreshold = 2

// checkTone reports a playful template or an exclamation in a post about
// death, violence, abuse, a disaster with casualties or a court case. The
// topic is read from the post, the headline and the article's lead,
// each topic word counted once.
func checkTone(p *view) []Finding {
	if p.lex == nil {
		return nil
	}
	weight, topic := 0, ""
	counted := map[string]bool{} // each word once: "charged … charged" is one hint
	count := func(words []string) {
		for _, w := range words {
			if n := p.lex.toneTopics[w]; n > 0 && !counted[w] {
				counted[w] = true
				weight += n
				if topic == "" || n > p.lex.toneTopics[topic] {
					topic = w
				}
			}
		}
	}
	for _, s := range p.ss {
		count(s.words)
	}
	count(p.src.lead)
	if weight < toneThreshold {
		return nil
	}
	for _, s := range p.ss {
		low := lowerText(s.text)
		for _, t := range p.lex.playful {
			if strings.Contains(low, t) {
				return []Finding{{Tone, quote(t) + " on a story of " + quote(topic) + ": " + quote(s.text)}}
			}
		}
	}
	return nil
}
