package article

import (
	"strings"
	"unicode/utf8"
)

// readMore holds, per language, the links a feed puts after an excerpt
// ("Read more", "Continue reading →"), compared lowercased. Every table is
// tried whatever the article's language: a feed's declared language is
// often missing or wrong, and none of these phrases ends a real sentence.
var readMore = map[string][]string{
	"en": {"read more", "read the full story", "read the full article", "read full article", "read the rest",
		"read the rest of this entry", "continue reading", "keep reading", "full story", "more"},
	"fr": {"lire la suite", "lire plus", "en savoir plus"},
	"de": {"weiterlesen", "mehr lesen", "mehr"},
	"es": {"leer más", "seguir leyendo", "sigue leyendo"},
	"it": {"leggi tutto", "continua a leggere", "leggi di più"},
	"nl": {"lees meer", "lees verder"},
	"pt": {"leia mais", "ler mais", "continuar lendo"},
}

// ellipses are the marks of text cut short, bracketed or not.
var ellipses = []string{"[…]", "[...]", "(…)", "(...)", "…", "..."}

// linkArrows may follow a read-more link.
const linkArrows = "→»>›…:. "

// TrimExcerpt removes from the end of paragraphs what shows they are an
// excerpt, so that no cut sentence is taken for a whole one: a read-more
// link ("Read more", "Continue reading →", "Lire la suite"), WordPress's
// "The post … appeared first on …" line, an ellipsis ("…", "[…]") and the
// sentence it cut, and a last sentence that stops without closing
// punctuation (cut mid-sentence). It returns the paragraphs kept (paras is
// not changed) and whether anything was removed.
func TrimExcerpt(paras []string) ([]string, bool) {
	out := append([]string(nil), paras...)
	cut := false
	for len(out) > 0 {
		last := strings.TrimSpace(out[len(out)-1])
		if isPostedOnLine(last) || isReadMore(last) {
			out, cut = out[:len(out)-1], true
			continue
		}
		trimmed, marked := trimTail(last)
		if !marked && endsWhole(trimmed) {
			out[len(out)-1] = trimmed
			return out, cut
		}
		cut = true
		if marked && endsWhole(trimmed) && !endsWithEllipsis(trimmed) {
			// "A whole sentence. […]": the mark cut what followed.
			out[len(out)-1] = trimmed
			return out, cut
		}
		sents := Sentences(trimmed)
		if len(sents) <= 1 {
			out = out[:len(out)-1]
			continue
		}
		// The sentence before may be cut too ("… 0"): check it again.
		out[len(out)-1] = strings.Join(sents[:len(sents)-1], " ")
	}
	return out, cut
}

// trimTail strips trailing read-more links and ellipses from p; marked
// reports whether it found one.
func trimTail(p string) (string, bool) {
	marked := false
	for {
		q := strings.TrimRight(p, " \t")
		q = strings.TrimRight(q, "→»›")
		q = strings.TrimRight(q, " \t")
		changed := false
		for _, e := range ellipses {
			if strings.HasSuffix(q, e) {
				q, changed = strings.TrimSuffix(q, e), true
				break
			}
		}
		if !changed {
			if rest, ok := cutReadMore(q); ok {
				q, changed = rest, true
			}
		}
		if !changed {
			return strings.TrimSpace(q), marked
		}
		marked = true
		p = q
	}
}

// cutReadMore removes a read-more phrase ending q ("… Read more »",
// "[Continue reading]", "(more…)") when it stands apart from the text
// before it.
func cutReadMore(q string) (string, bool) {
	core := strings.TrimRight(q, ")]→»›…. \t")
	for _, phrases := range readMore {
		for _, ph := range phrases {
			if len(core) < len(ph) || !strings.EqualFold(core[len(core)-len(ph):], ph) {
				continue
			}
			before := strings.TrimRight(core[:len(core)-len(ph)], " \t")
			r, _ := utf8.DecodeLastRuneInString(before)
			// A link stands apart: alone, after a bracket or a dash, or
			// after the sentence or ellipsis it follows. "He told the full
			// story." is a sentence, not a link.
			if before == "" || strings.ContainsRune("([-–—|.!?…:\"”»", r) {
				return strings.TrimRight(before, " \t-–—|(["), true
			}
		}
	}
	return q, false
}

// isReadMore reports whether a whole paragraph is only a read-more link.
func isReadMore(p string) bool {
	if utf8.RuneCountInString(p) > 80 {
		return false
	}
	lower := strings.Trim(strings.ToLower(p), linkArrows+"[]()")
	for _, phrases := range readMore {
		for _, ph := range phrases {
			if lower == ph || strings.HasPrefix(lower, ph+" ") && ph != "more" {
				return true
			}
		}
	}
	return false
}

// isPostedOnLine reports WordPress's "The post X appeared first on Y." line.
func isPostedOnLine(p string) bool {
	return strings.HasPrefix(p, "The post ") && strings.Contains(p, " appeared first on ")
}

// closers are what may follow a sentence's last mark: closing quotes and
// brackets, and spaces.
const closers = "\"'”’)]» "

// endsWhole reports whether s ends a sentence: with ".", "!" or "?"
// (followed by closers), not with an ellipsis.
func endsWhole(s string) bool {
	s = strings.TrimRight(s, closers)
	if s == "" || endsWithEllipsis(s) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?'
}

func endsWithEllipsis(s string) bool {
	s = strings.TrimRight(s, closers)
	return strings.HasSuffix(s, "…") || strings.HasSuffix(s, "...")
}
