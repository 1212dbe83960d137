package lint

import "strings"

// checkRef reports sentences that open by referring back — a pronoun, "The
// club said", a connective, "To answer that" — with nothing earlier in the
// post to refer to.
func checkRef(p *view) []Finding {
	if p.lex == nil {
		return nil
	}
	var out []Finding
	for i, s := range p.ss {
		if why := p.dangling(i); why != "" {
			out = append(out, Finding{Ref, why + ": " + quote(s.text)})
		}
	}
	return out
}

// dangling says how sentence i of the post refers back to nothing, or ""
// when it does not.
func (p *view) dangling(i int) string {
	l, s, earlier := p.lex, p.ss[i], p.ss[:i]
	if len(s.tokens) == 0 {
		return ""
	}
	low := lowerText(s.text)
	for _, o := range l.answerOpeners {
		if startsWithPhrase(low, o) {
			return "answers a question the post does not ask"
		}
	}
	for _, c := range l.connectives {
		if !startsWithPhrase(low, c) {
			continue
		}
		if strings.HasPrefix(c, "that ") || strings.HasPrefix(c, "the same ") {
			if !p.hasDate(earlier) {
				return "a day with no date before it"
			}
			return ""
		}
		if !hasStatement(earlier) {
			return "a connective with nothing before it"
		}
		return ""
	}
	first := s.tokens[0].bare()
	next := ""
	if len(s.tokens) > 1 {
		next = s.tokens[1].lower
	}
	switch {
	case l.personalPronouns[first]:
		if !p.hasAntecedent(earlier, "") {
			return "a pronoun with no one before it"
		}
	case first == "it" && s.tokens[0].lower != first || first == "it" && (next == "is" || next == "was"):
		// "Guess who …? It's Kim." answers the question; "Have you been
		// following the night train? It …" refers to its subject.
		if !hasStatement(earlier) && !p.asksAbout(earlier) {
			return "a pronoun with nothing before it"
		}
	case (first == "that" || first == "those") && l.isTimeWord(next):
		if !p.hasDate(earlier) {
			return "a day with no date before it"
		}
	case (first == "this" || first == "these") && l.isTimeWord(next):
	case l.thingPronouns[first]:
		if len(earlier) == 0 {
			return "a pronoun with nothing before it"
		}
	case first == "the" && l.anaphoricNouns[next] && (len(s.tokens) == 2 || l.verbLike(s.tokens[2].lower)):
		if !p.hasAntecedent(earlier, next) {
			return `"the ` + next + `" with nothing before it`
		}
	}
	return ""
}

// asksAbout reports whether the last of the sentences is a question with
// a subject: "Guess who …?" or one that ends on a noun phrase.
func (p *view) asksAbout(ss []sentence) bool {
	if len(ss) == 0 || !ss[len(ss)-1].question() {
		return false
	}
	q := ss[len(ss)-1]
	if len(q.words) > 0 && (q.words[0] == "guess" || q.words[0] == "who") {
		return true
	}
	words, ok := p.lex.slot(q)
	return ok && len(words) > 0
}

// startsWithPhrase reports whether lower-case text opens with phrase as
// whole words.
func startsWithPhrase(text, phrase string) bool {
	if !strings.HasPrefix(text, phrase) {
		return false
	}
	rest := text[len(phrase):]
	return rest == "" || strings.HasSuffix(phrase, ":") || strings.HasSuffix(phrase, ",") ||
		strings.ContainsRune(" ,;:", rune(rest[0]))
}

// hasStatement reports whether any of the sentences is not a question.
func hasStatement(ss []sentence) bool {
	for _, s := range ss {
		if !s.question() {
			return true
		}
	}
	return false
}

// hasAntecedent reports whether the sentences name someone or something a
// pronoun or "the <noun>" can refer to: a name, a stakeholder noun, or
// the noun itself.
func (p *view) hasAntecedent(ss []sentence, noun string) bool {
	for _, s := range ss {
		if len(names(p.lex, p.src, s)) > 0 {
			return true
		}
		for _, w := range s.bares {
			if w == noun || noun == "" && p.lex.isStakeholder(w) && !p.lex.function[w] {
				return true
			}
		}
	}
	return false
}

// hasDate reports whether the sentences name a day or a date.
func (p *view) hasDate(ss []sentence) bool {
	for _, s := range ss {
		for _, w := range s.words {
			if p.lex.weekdays[w] || p.lex.months[w] || w == "today" || w == "yesterday" || w == "tomorrow" {
				return true
			}
		}
	}
	return false
}

// verbLike reports whether a lower-case word may be a finite verb.
func (l *lexicon) verbLike(w string) bool {
	switch {
	case l.verbs[w], l.attribution[w]:
		return true
	case len(w) > 3 && strings.HasSuffix(w, "ed") && !l.notVerbsEd[w]:
		return true
	case len(w) > 2 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !l.function[w]:
		return true
	}
	return false
}
