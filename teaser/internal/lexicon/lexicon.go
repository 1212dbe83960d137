// Package lexicon holds the word lists that the teaser writer and the
// keyphrase extractor both read, one table per language, so that neither
// package writes a list the other already has. Each package builds its own
// lookups from them; lists only one package needs stay in that package's
// own language table.
package lexicon

import "strings"

// Table is one language's shared lists: lowercased words separated by
// white space.
type Table struct {
	// Days and Months are the calendar's names.
	Days, Months string
	// Demonyms are nationalities and peoples ("Chinese"): they qualify a
	// noun and are neither a topic nor a name.
	Demonyms string
	// Stop words are function words that carry no topic. English has none
	// here: the writer and the extractor each keep a list tuned to their
	// own use.
	Stop string
	// Titles are honorifics and offices written before a name ("Frau",
	// "président"). English has none here, for the same reason as Stop.
	Titles string
}

// For returns the table of a language tag ("en", "de-AT", "fr_CA"), nil
// for a language without one. An empty tag is taken as English.
func For(tag string) *Table {
	switch Base(tag) {
	case "", "en", "eng":
		return English
	case "de", "deu", "ger":
		return German
	case "fr", "fra", "fre":
		return French
	case "es", "spa":
		return Spanish
	}
	return nil
}

// Base returns the language of a tag without its region or script,
// lowercased: "en" for "en-GB".
func Base(tag string) string {
	base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
	base, _, _ = strings.Cut(base, "_")
	return base
}
