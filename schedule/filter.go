package schedule

import (
	"slices"
	"strings"
	"unicode"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
)

// filterScan is how many candidates a fire reads from the store when the
// schedule has include or exclude filters, to find per_run that pass them.
// Articles that do not pass stay unposted: a filter edited later sees them.
const filterScan = 500

// filtered reports whether c has include or exclude filters.
func filtered(c config.Schedule) bool { return len(c.Include) > 0 || len(c.Exclude) > 0 }

// candidateLimit is how many candidates to ask the store for.
func candidateLimit(c config.Schedule) int {
	if filtered(c) {
		return max(c.PerRun, filterScan)
	}
	return c.PerRun
}

// passFilters keeps the candidates whose article passes c's include and
// exclude filters (see passes), in order.
func passFilters(c config.Schedule, cands []candidate) []candidate {
	if !filtered(c) {
		return cands
	}
	return slices.DeleteFunc(cands, func(cd candidate) bool { return !passes(c, cd.a) })
}

// passes reports whether a's title, hook, text or keywords hold one of
// include's words or phrases (any, when include is empty) and none of
// exclude's. Matching is on whole words, case-insensitive: "rail" matches
// "Rail strike" and not "guardrail"; "night train" matches the two words
// in a row.
func passes(c config.Schedule, a *article.Article) bool {
	words := wordsOf(a.Title + "\n" + a.Hook + "\n" + a.Body() + "\n" + strings.Join(a.Keywords, "\n"))
	has := func(phrase string) bool { return containsRun(words, wordsOf(phrase)) }
	if len(c.Include) > 0 && !slices.ContainsFunc(c.Include, has) {
		return false
	}
	return !slices.ContainsFunc(c.Exclude, has)
}

// wordsOf splits s into lower-case words of letters and digits.
func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

// containsRun reports whether run stands in words, word after word.
func containsRun(words, run []string) bool {
	if len(run) == 0 {
		return false
	}
	for i := 0; i+len(run) <= len(words); i++ {
		if slices.Equal(words[i:i+len(run)], run) {
			return true
		}
	}
	return false
}
