package teaser

import (
	"iter"
	"strings"
	"unicode/utf8"
)

// This file holds how the closing question names what it asks about: a
// name with the article's own "the".

// mentions yields each sentence's text with the byte offset of each
// place it writes name; nothing for an empty name.
func (d *document) mentions(name string) iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		if name == "" {
			return
		}
		for i := range d.sentences {
			text := d.sentences[i].text
			for off := 0; ; {
				j := strings.Index(text[off:], name)
				if j < 0 {
					break
				}
				if !yield(text, off+j) {
					return
				}
				off += j + len(name)
			}
		}
	}
}

// withThe returns a name as the article writes it in running text: with
// "the" when the article mostly puts "the" before it ("the UK", "the
// Department of Health"), else as it is. Other phrases are returned as
// they are; withArticle gives common nouns their "the".
func (d *document) withThe(name string) string {
	if !hasUpper(name) {
		return name
	}
	with, all := 0, 0
	for text, j := range d.mentions(name) {
		off := j + len(name)
		if before, _ := utf8.DecodeLastRuneInString(text[:j]); j > 0 && isWordRune(before) || !wordEndsAt(text, off) || d.lang.modifierAt(text, off) {
			continue
		}
		all++
		if j >= 4 && strings.EqualFold(text[j-4:j], "the ") {
			with++
		}
	}
	if all > 0 && 2*with > all {
		return "the " + name
	}
	return name
}

// modifierAt reports whether the word after byte end of text is one that
// a name before it qualifies ("the Volkswagen scandal", "the Olympic
// Games"), or a possessive follows the name: such uses say nothing of
// whether the name alone takes "the".
func (l *language) modifierAt(text string, end int) bool {
	rest := text[end:]
	if strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’") {
		return true
	}
	if !strings.HasPrefix(rest, " ") {
		return false
	}
	s, e := nextWord(rest, 0)
	if s != 1 {
		return false
	}
	next := rest[s:e]
	return startsUpper(next) || !l.stop[fold(next)] && !l.attribution[strings.ToLower(next)]
}
