package keyphrase

import (
	"strings"

	"github.com/hookline/hookline/teaser/internal/lexicon"
)

// lexTable is the tagger's table for one language: the classes its lists
// give words, held for lookups by a hash already computed, and whether the
// English word endings ("-ly", "-ed", "-ous") say anything.
type lexTable struct {
	words   wordTable
	classes []wordClass // word id → its classes
	endings bool
}

// newLexTable holds the classes of m.
func newLexTable(m map[string]wordClass, endings bool) *lexTable {
	t := &lexTable{endings: endings}
	for w, class := range m {
		t.words.add(w, hashWord(w))
		t.classes = append(t.classes, class)
	}
	return t
}

// classOf returns the classes the lists give lower, whose hashWord is h.
func (t *lexTable) classOf(lower string, h uint64) wordClass {
	if id, ok := t.words.lookup(lower, h); ok {
		return t.classes[id]
	}
	return 0
}

// lexClass returns the classes of lower by the lists, else, in English,
// by its ending.
func (t *lexTable) lexClass(lower string, h uint64) wordClass {
	c := t.classOf(lower, h)
	if t.endings && c&(classStop|classVerb|classAdj|classTime|classDemonym) == 0 {
		c |= suffixClass(lower)
	}
	return c
}

// englishLex is the table of english.go.
var englishLex = newLexTable(wordClasses, true)

// sharedLex holds the tables of the other languages that lexicon has:
// their stop words, titles, days, months and demonyms.
var sharedLex = func() map[*lexicon.Table]*lexTable {
	m := map[*lexicon.Table]*lexTable{}
	for _, l := range []*lexicon.Table{lexicon.German, lexicon.French, lexicon.Spanish} {
		classes := map[string]wordClass{}
		add := func(list string, c wordClass) {
			for _, w := range strings.Fields(list) {
				classes[w] |= c
			}
		}
		add(l.Stop, classStop)
		add(l.Titles, classHonorific)
		add(l.Days, classTime)
		add(l.Months, classTime)
		add(l.Demonyms, classDemonym)
		m[l] = newLexTable(classes, false)
	}
	return m
}()

// neutralLex serves a language without a table: no word is classed, so
// candidates come from how the article writes and repeats its words alone.
var neutralLex = &lexTable{}

// lexFor returns the table for a language tag; English for an empty one.
func lexFor(tag string) *lexTable {
	switch l := lexicon.For(tag); {
	case l == lexicon.English:
		return englishLex
	case l != nil:
		return sharedLex[l]
	}
	return neutralLex
}
