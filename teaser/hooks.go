package teaser

import (
	"strings"
)

// Variants is how many hook and closing wordings Options.Variant picks from.
const Variants = 4

// templateWords are the words hook and closing patterns add; everything
// else in a teaser comes from the article.
var templateWords = setOf(`guess who's who has was will it's why is everyone talking about what's next
	for heard the latest on what does this mean where leave happens do you make of it what just happened`)

// hookFor writes the opening question for variant v (0-based) about the
// article's subject (a name) or, failing one, its topic (a keyphrase).
func hookFor(v int, subject, topic string) string {
	about := subject
	if about == "" {
		about = topic
	}
	if about == "" {
		return "Guess what just happened?"
	}
	switch v % 3 {
	case 0:
		return "Why is everyone talking about " + about + "?"
	case 1:
		return "What's next for " + about + "?"
	default:
		return "Heard the latest on " + about + "?"
	}
}

// closingFor writes the closing question for variant v (0-based) about a
// noun phrase from the article.
func closingFor(v int, about string) string {
	if about == "" {
		if v%2 == 0 {
			return "What happens next?"
		}
		return "What do you make of it?"
	}
	switch v % 3 {
	case 0:
		return "What does this mean for " + about + "?"
	case 1:
		return "Where does this leave " + about + "?"
	default:
		return "What happens next for " + about + "?"
	}
}

// guessWho splits a fact whose subject ends in a name into the model's
// reveal: "Guess who's poised to …?" and "It's North Korean leader Kim
// Jong Un, embarking on …". ok is false when the sentence does not open
// with such a subject and a short first clause.
func (d *document) guessWho(fact string) (hook, reveal string, ok bool) {
	fs := sentence{text: fact, words: words(fact)}
	names := d.names(&fs)
	if len(names) == 0 || len(fs.words) < 5 {
		return "", "", false
	}
	// The subject is everything before the verb that follows a name run;
	// it must be short and end with that name.
	verb, lead := -1, ""
	for _, nm := range names {
		i := 0
		for i < len(fs.words) && fs.words[i].start < nm.end {
			i++
		}
		if i == 0 || i > 8 || i >= len(fs.words)-1 {
			break
		}
		if strings.TrimSpace(fact[nm.end:fs.words[i].start]) != "" {
			continue
		}
		v := fs.words[i]
		lv := strings.ToLower(fact[v.start:v.end])
		switch {
		case lv == "is":
			lead = "Guess who's "
		case lv == "has" || lv == "was" || lv == "will" || lv == "had":
			lead = "Guess who " + lv + " "
		case !v.upper && !v.stop && !isNumber(lv) && (strings.HasSuffix(lv, "ed") || strings.HasSuffix(lv, "s") && !strings.HasSuffix(lv, "ss")):
			lead = "Guess who " + fact[v.start:v.end] + " "
		default:
			continue
		}
		verb = i
		break
	}
	if verb < 0 {
		return "", "", false
	}
	subject := strings.TrimRight(fact[:fs.words[verb].start], " ")
	if strings.ContainsAny(subject, ",;:\"“") || strings.HasSuffix(subject, "'s") || strings.HasSuffix(subject, "’s") || !nounPhrase(subject) {
		return "", "", false
	}
	verb++
	rest := fact[fs.words[verb].start:]
	// The hook keeps the predicate up to its first clause boundary; the
	// reveal keeps what follows. A comma anywhere else (a list, an aside)
	// would be cut mid-phrase, so the pattern does not apply.
	cut := len(rest)
	rw := words(rest)
	for k := 1; k < len(rw); k++ {
		gap := rest[rw[k-1].end:rw[k].start]
		if !strings.ContainsAny(gap, ",;–—") {
			continue
		}
		w := strings.ToLower(rest[rw[k].start:rw[k].end])
		if !strings.ContainsAny(gap, ";–—") && !clauseOpeners[w] && !strings.HasSuffix(w, "ing") {
			return "", "", false
		}
		cut = rw[k-1].end
		break
	}
	clause := strings.TrimRight(rest[:cut], ".!? ")
	cw := words(clause)
	if len(cw) < 2 || len(cw) > 14 || cw[len(cw)-1].stop || strings.ContainsAny(clause, "\"“”") {
		return "", "", false
	}
	if sw := words(subject); len(sw) > 1 && d.lower[sw[0].norm] {
		subject = strings.ToLower(subject[:sw[0].end]) + subject[sw[0].end:]
	}
	reveal = "It's " + subject
	// Only a participle or "with" phrase describes the subject; other
	// clauses hang on the predicate the hook took away.
	if tail := strings.TrimLeft(rest[cut:], ",;–—- "); tail != "" {
		first, _, _ := strings.Cut(tail, " ")
		if strings.HasSuffix(first, "ing") || first == "with" {
			reveal += ", " + strings.TrimRight(tail, ".!? ")
			reveal = shorten(tidy(reveal), maxFactWords)
		}
	}
	return lead + clause + "?", tidy(reveal), true
}

// nounPhrase reports whether subject reads as a noun phrase: besides its
// names, only an opening article and lower-case words that do not look
// like verbs or adverbs ("North Korean leader Kim Jong Un", "the Olympus Trust").
func nounPhrase(subject string) bool {
	for i, w := range words(subject) {
		if w.upper || isNumber(w.norm) || i == 0 && (w.norm == "the" || w.norm == "a") {
			continue
		}
		low := strings.ToLower(subject[w.start:w.end])
		if w.stop || strings.HasSuffix(low, "s") || strings.HasSuffix(low, "ed") || strings.HasSuffix(low, "ly") {
			return false
		}
	}
	return true
}
