package teaser

import "strings"

// attributionVerbs introduce reported speech or opinion.
var attributionVerbs = setOf(`said says say suggest suggests suggested believe believes believed argue argues
	argued warn warns warned note notes noted claim claims claimed report reports reported think thinks thought
	insist insists insisted stress stresses stressed explain explains explained add adds added told tell tells
	confirmed confirm confirms announced announce announces reveal reveals revealed estimate estimates estimated
	predict predicts predicted fear fears feared hope hopes hoped acknowledged admitted admit admits wrote
	according`)

var pronouns = setOf(`he she they it we i you his her their its this these those there`)

// dropAttributionPrefix turns "Analysts suggest that Kim's visit …" into
// "Kim's visit …" and "Police said the man …" into "The man …". It keeps
// the attribution when what follows opens with a pronoun, which would lose
// its referent.
func dropAttributionPrefix(s string) string {
	// The checks below look at the first 15 words at most.
	var buf [16]word
	ws := spans(buf[:0], s, len(buf))
	var lbuf [32]byte
	for k := 0; k < len(ws) && k <= 8; k++ {
		if strings.ContainsAny(s[:ws[k].start], ",:;\"“") {
			return s
		}
		if k == 0 || !attributionVerbs[string(lowerInto(lbuf[:0], s[ws[k].start:ws[k].end]))] {
			continue
		}
		for j := k + 1; j < len(ws) && j <= k+5; j++ {
			w := strings.ToLower(s[ws[j].start:ws[j].end])
			if w == "that" && j+1 < len(ws) && !pronouns[strings.ToLower(s[ws[j+1].start:ws[j+1].end])] {
				return s[ws[j+1].start:]
			}
			if strings.ContainsAny(s[ws[j-1].end:ws[j].start], ",;:") {
				break
			}
		}
		low := strings.ToLower(s[ws[k].start:ws[k].end])
		if (low == "said" || low == "says" || low == "say") && k <= 4 && k+4 < len(ws) {
			next := strings.ToLower(s[ws[k+1].start:ws[k+1].end])
			if !pronouns[next] && next != "that" && !strings.ContainsAny(s[ws[k].end:ws[k+1].start], ",:\"“") {
				return s[ws[k+1].start:]
			}
		}
		return s
	}
	return s
}

// dropTrailingAttribution removes ", officials said." and ", according to
// the BBC." from the end of a sentence.
func dropTrailingAttribution(s string) string {
	c := strings.LastIndex(s, ", ")
	if c < 0 {
		return s
	}
	tail := s[c+2:]
	var buf [15]word // enough to tell whether the tail has more than 14 words
	ws := spans(buf[:0], tail, len(buf))
	if len(ws) == 0 || len(ws) > 14 || strings.ContainsAny(tail, "\"“”") {
		return s
	}
	for _, w := range ws {
		lw := strings.ToLower(tail[w.start:w.end])
		if lw == "that" {
			return s
		}
		if attributionVerbs[lw] {
			if wordCount(s[:c]) < 6 {
				return s
			}
			return s[:c] + "."
		}
	}
	return s
}
