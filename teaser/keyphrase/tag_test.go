package keyphrase

import (
	"strings"
	"testing"
)

func TestTagTokens(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // one tag letter a word: N noun, P proper, A adjective, V verb, R adverb, T time, D demonym, F function, 0 number
	}{
		{"participle after a noun is a verb", "The tanker spilled heavy oil", "FNVAN"},
		{"participle after a determiner qualifies", "The injured man was arrested", "FANFV"},
		{"gerund after a determiner is a noun", "Police said the meeting ended", "NFFNV"},
		{"participle before a determiner is a verb", "Soldiers were killing the rebels", "NFVFN"},
		{"noun after a pronoun or modal is a verb", "They plan visits and will visit Rome", "FVNFFVP"},
		{"adjective ending a phrase after a determiner is a noun", "The official said it was illegal", "FNFFFA"},
		{"time words and demonyms", "Chinese officials met on Saturday", "DNVFT"},
		{"adverbs and numbers", "It quickly sent 20 ships", "FRV0N"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var z tokenizer
			z.reset(8)
			z.add(tt.text, false)
			tagTokens(z.toks)
			var b strings.Builder
			for _, tk := range z.toks {
				b.WriteByte("NPAVRTDF0"[tk.tag])
			}
			if got := b.String(); got != tt.want {
				t.Errorf("%q: tags %s, want %s", tt.text, got, tt.want)
			}
		})
	}
}
