package article

import (
	"strings"
	"unicode/utf8"
)

// textFlags are the repairs made to plain text: entities and CSV-doubled
// quotes both occur in scraped news text.
const textFlags = decodeEntities | undoubleQuotes

// maxTitle is the longest first line, in characters, taken as a title.
const maxTitle = 150

// parseText reads plain text: one paragraph per line, except that blocks of
// hard-wrapped lines between blank lines are joined. A short first line that
// reads as a headline is the title.
func parseText(s string) (*Article, error) {
	a := &Article{}
	lines := splitLines(s)
	first, second := -1, -1
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if first < 0 {
			first = i
			continue
		}
		second = i
		break
	}
	if first >= 0 && second >= 0 {
		t := cleanText(lines[first], textFlags)
		if isTitle(t) {
			a.Title = strings.TrimRight(t, " ")
			lines = lines[first+1:]
		}
	}
	paras := make([]string, 0, len(lines))
	for len(lines) > 0 {
		// One block: lines up to the next blank line.
		n := 0
		for n < len(lines) && strings.TrimSpace(lines[n]) != "" {
			n++
		}
		block := lines[:n]
		lines = lines[n:]
		if len(lines) > 0 {
			lines = lines[1:]
		}
		if len(block) == 0 {
			continue
		}
		if isWrapped(block) {
			paras = appendPara(paras, strings.Join(block, " "))
			continue
		}
		for _, l := range block {
			paras = appendPara(paras, l)
		}
	}
	return a, finishArticle(a, paras)
}

// splitLines splits s at "\n", "\r\n" and "\r" without copying the text.
func splitLines(s string) []string {
	out := make([]string, 0, strings.Count(s, "\n")+1)
	for len(s) > 0 {
		i := strings.IndexAny(s, "\r\n")
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i])
		if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++
		}
		s = s[i+1:]
	}
	return out
}

// appendPara cleans one line or joined block, strips a list bullet and
// appends it when anything is left.
func appendPara(paras []string, s string) []string {
	s = cleanText(s, textFlags)
	for _, b := range []string{"• ", "* ", "- ", "· ", "◦ ", "‣ "} {
		if strings.HasPrefix(s, b) {
			s = s[len(b):]
			break
		}
	}
	if s == "" {
		return paras
	}
	return append(paras, s)
}

// isWrapped reports whether a block of lines is one hard-wrapped paragraph:
// every line but the last is 40 to 100 characters long, and some line ends
// without closing punctuation.
func isWrapped(block []string) bool {
	if len(block) < 2 {
		return false
	}
	open := false
	for _, l := range block[:len(block)-1] {
		l = strings.TrimSpace(l)
		if n := utf8.RuneCountInString(l); n < 40 || n > 100 {
			return false
		}
		if !endsSentence(l) {
			open = true
		}
	}
	return open
}

// endsSentence reports whether s ends with closing punctuation.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, " "))
	return strings.ContainsRune(".!?…:;\"”’'", r)
}

// isTitle reports whether a cleaned first line reads as a headline: at most
// maxTitle characters with a letter, and either no closing punctuation or a
// short question, exclamation or quote of at most two sentences (news
// headlines such as "Rain or Snow? Or Both?"). A final period counts
// only after an abbreviation ("… in U.S.").
func isTitle(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > maxTitle || !hasLetter(s) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case ':', ';', ',':
		return false
	case '.':
		w := s[strings.LastIndexAny(s, " -")+1 : len(s)-1]
		return (strings.Contains(w, ".") || abbreviations[strings.ToLower(w)]) && len(Sentences(s)) == 1
	case '?', '!', '…', '"', '”', '’', '\'':
		if q := strings.TrimRight(s, "\"”’'"); len(q) < len(s) && strings.HasSuffix(q, ".") {
			return false // a quotation's full stop ends a sentence: `He said: "I did not."`
		}
		return countWords(s) <= 25 && len(Sentences(s)) <= 2
	}
	return true
}
