package teaser

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCompress(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"leading connective", "However, this gathering also intensifies concerns about polarization.",
			"This gathering also intensifies concerns about polarization."},
		{"connective without comma", "But the regulator said the fine took into account the bank's speedy action.",
			"The fine took into account the bank's speedy action."},
		{"attribution prefix with that", "Analysts suggest that Kim's participation aims to break North Korea's long-standing isolation.",
			"Kim's participation aims to break North Korea's long-standing isolation."},
		{"attribution kept before a pronoun", "Mr Smith said he would resign next week after the vote.",
			"Mr Smith said he would resign next week after the vote."},
		{"trailing attribution", "The bridge will stay closed for repairs until the end of May, officials said.",
			"The bridge will stay closed for repairs until the end of May."},
		{"according to", "Prices rose by 4% in the year to March, according to the Office for National Statistics.",
			"Prices rose by 4% in the year to March."},
		{"parenthetical", "The Securities and Futures Commission (SFC) fined the bank HK$6m.",
			"The Securities and Futures Commission fined the bank HK$6m."},
		{"appositive", "Mark Steward, the SFC's head of enforcement, welcomed the swift action by the bank.",
			"Mark Steward welcomed the swift action by the bank."},
		{"age appositive", "Shirlina Tsang, 35, was sentenced to 50 months in prison for fraud.",
			"Shirlina Tsang was sentenced to 50 months in prison for fraud."},
		{"list is not an appositive", "The talks pitted the United States, South Korea, and Japan against their neighbours.",
			"The talks pitted the United States, South Korea, and Japan against their neighbours."},
		{"non-restrictive relative", "The plan, which was first proposed in 2019, has finally been approved by the council.",
			"The plan has finally been approved by the council."},
		{"dash aside", "The firm – founded by two students in a garage – now employs 400 people across Europe.",
			"The firm now employs 400 people across Europe."},
		{"aside ending in a short appositive", "Mr Smith, who lived in Bishop Auckland with his wife Kezi and daughter Tilly, four, joined Durham Police in 2004.",
			"Mr Smith joined Durham Police in 2004."},
		{"quotation closed in the next paragraph", `"He would always put others before himself.`, `"He would always put others before himself."`},
		{"quotation opened in the sentence before", `the end is near," he said.`, `"The end is near," he said.`},
		{"curly quotation left open", "He said: “We will go on.", "He said: “We will go on.”"},
		{"curly quotation opened before", "we will go on,” she said.", "“We will go on,” she said."},
		{"balanced quotations untouched", `He called it "a "big" day" and left.`, `He called it "a "big" day" and left.`},
		{"plain sentence untouched", "Harbour Town won the county cup on Saturday.", "Harbour Town won the county cup on Saturday."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := compress(tt.in); got != tt.want {
				t.Errorf("compress(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestShorten(t *testing.T) {
	long := "North Korean leader Kim Jong Un is poised to make a significant entry onto the multilateral diplomatic stage, embarking on a rare and closely watched trip to China that could reshape geopolitical alignments in East Asia."
	tests := []struct {
		name string
		in   string
		max  int
		want string
	}{
		{"short enough", "Harbour Town won the cup.", 10, "Harbour Town won the cup."},
		{"cut before a participle", long, 20, "North Korean leader Kim Jong Un is poised to make a significant entry onto the multilateral diplomatic stage."},
		{"no boundary keeps all", "One two three four five six seven eight nine ten eleven twelve.", 5, "One two three four five six seven eight nine ten eleven twelve."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shorten(tt.in, tt.max); got != tt.want {
				t.Errorf("shorten(%q, %d)\n got %q\nwant %q", tt.in, tt.max, got, tt.want)
			}
		})
	}
}

// FuzzCompress checks that compression only ever removes whole words:
// its output is valid UTF-8 and every word of it is a word of the input.
func FuzzCompress(f *testing.F) {
	for _, s := range []string{
		"However, analysts suggest that Kim's visit (his first) could matter, officials said.",
		"Mark Steward, the SFC's head of enforcement, said – briefly – that it was fine.",
		"“Quote,” he said, which was odd.", ", , ( ) – –", "a", "\xff\xfe", "Ünïcödé, the wörd, wins.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := compress(s)
		if !utf8.ValidString(s) {
			return
		}
		if !utf8.ValidString(got) {
			t.Fatalf("compress(%q) = %q: not UTF-8", s, got)
		}
		// Case is compared folded both ways: compress capitalises the first
		// letter, and some letters (ᲄ → Т → т) do not lower-case back.
		fold := func(w string) string { return strings.ToLower(strings.ToUpper(w)) }
		in := map[string]bool{}
		for _, w := range words(s) {
			in[fold(s[w.start:w.end])] = true
		}
		for _, w := range words(got) {
			if raw := fold(got[w.start:w.end]); !in[raw] {
				t.Fatalf("compress(%q) = %q: word %q is not in the input", s, got, raw)
			}
		}
	})
}
