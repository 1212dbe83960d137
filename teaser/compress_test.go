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
		{"connective without comma", "But the council said the fee took into account the club's quick repairs.",
			"The council said the fee took into account the club's quick repairs."},
		{"attribution kept", "The bridge will stay closed for repairs until the end of May, officials said.",
			"The bridge will stay closed for repairs until the end of May, officials said."},
		{"attribution kept before a pronoun", "Mr Smith said he would resign next week after the vote.",
			"Mr Smith said he would resign next week after the vote."},
		{"parenthetical", "The Harbour Water Board (HWB) fined the brewery £6,000.",
			"The Harbour Water Board fined the brewery £6,000."},
		{"quotation closed in the next paragraph", `"She would always mend the nets before going home.`, `"She would always mend the nets before going home."`},
		{"quotation opened in the sentence before", `the end is near," he said.`, `"The end is near," he said.`},
		{"curly quotation left open", "He said: “We will go on.", "He said: “We will go on.”"},
		{"curly quotation opened before", "we will go on,” she said.", "“We will go on,” she said."},
		{"balanced quotations untouched", `He called it "a "big" day" and left.`, `He called it "a "big" day" and left.`},
		{"plain sentence untouched", "Harbour Town won the county cup on Saturday.", "Harbour Town won the county cup on Saturday."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := english.compress(tt.in); got != tt.want {
				t.Errorf("compress(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzCompress checks that compression only ever removes whole words:
// its output is valid UTF-8 and every word of it is a word of the input.
func FuzzCompress(f *testing.F) {
	for _, s := range []string{
		"However, analysts suggest that Kim's visit (his first) could matter, officials said.",
		"Jo Vale, the HWB's head of audits, said – briefly – that it was fine.",
		"“Quote,” he said, which was odd.", ", , ( ) – –", "a", "\xff\xfe", "Ünïcödé, the wörd, wins.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := english.compress(s)
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
		for _, w := range english.words(s) {
			in[fold(s[w.start:w.end])] = true
		}
		for _, w := range english.words(got) {
			if raw := fold(got[w.start:w.end]); !in[raw] {
				t.Fatalf("compress(%q) = %q: word %q is not in the input", s, got, raw)
			}
		}
	})
}

func TestSafeShorten(t *testing.T) {
	tests := []struct {
		name, in, want string
		max            int
	}{
		{"never before a list's last item",
			"A summit of the three leaders could deepen the rift, setting Dunmore, Harbin, and Kells against their neighbours for years to come.",
			"A summit of the three leaders could deepen the rift.", 20},
		{"never where an object clause loses its verb",
			"The ferry strike continued to loom over Dunmore all week, something Mayor Jo Vale, speaking at the Kells pier on Monday, urged both sides to avoid.",
			"The ferry strike continued to loom over Dunmore all week.", 20},
		{"cut at a participle clause",
			"The council approved the new bridge across the river on Monday night, ending a dispute that had lasted for more than ten years.",
			"The council approved the new bridge across the river on Monday night.", 15},
		{"an attribution after the cut keeps the sentence whole",
			"The council approved the new bridge across the river on Monday night, ending a dispute, officials said.",
			"The council approved the new bridge across the river on Monday night, ending a dispute, officials said.", 12},
		{"a limiting clause is never dropped",
			"The pilot's jet crashed into the sea off the coast on Monday morning, but the pilot bailed out safely.",
			"The pilot's jet crashed into the sea off the coast on Monday morning, but the pilot bailed out safely.", 15},
		{"a relative clause before the main verb stays",
			"On Monday it was confirmed that young singer Jo Vale, who tried out for the band, would be touring with Ann Marsh.",
			"On Monday it was confirmed that young singer Jo Vale, who tried out for the band, would be touring with Ann Marsh.", 12},
		{"a relative clause that runs to the end may go",
			"The museum will decide in the summer whether to buy the robot, which is currently on loan from a college.",
			"The museum will decide in the summer whether to buy the robot.", 15},
		{"a participle inside a list is no clause",
			"Officials on Monday charged a harbour pilot with negligence, speeding and forgery after a ferry ran aground off the northern coast.",
			"Officials on Monday charged a harbour pilot with negligence, speeding and forgery after a ferry ran aground off the northern coast.", 12},
		{"an aside before the verb after \"whether\" stays",
			"Councillors are asking whether the mayor's budget, including its cost and its timing, will survive the winter storms.",
			"Councillors are asking whether the mayor's budget, including its cost and its timing, will survive the winter storms.", 12},
		{"a hedged clause may go",
			"Electric ferries in Harbin were more likely to break down than the diesel boats in the first year, possibly because their batteries froze in the hard winter.",
			"Electric ferries in Harbin were more likely to break down than the diesel boats in the first year.", 22},
		{"short enough", "Harbour Town won the county cup on Saturday.", "Harbour Town won the county cup on Saturday.", 15},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := safeShorten(english, tt.in, tt.max); got != tt.want {
				t.Errorf("safeShorten(%q, %d)\n got %q\nwant %q", tt.in, tt.max, got, tt.want)
			}
		})
	}
}

func TestDropCaptions(t *testing.T) {
	for in, want := range map[string]string{
		"Reed scored in the last minute to seal the win, then, at right, shook hands with Dana Kole.": "Reed scored in the last minute to seal the win, then shook hands with Dana Kole.",
		"Ann Vale (pictured) said the park would be ready.":                                           "Ann Vale said the park would be ready.",
		"Ann Vale, pictured, and Tom Reed (left) met on Monday.":                                      "Ann Vale and Tom Reed met on Monday.",
		"Ferry sales rose by a third in March, the Dunmore figures show Click to enlarge.":            "Ferry sales rose by a third in March, the Dunmore figures show.",
		"The team turned left, then right, at the bridge.":                                            "The team turned left, then right, at the bridge.",
	} {
		if got := english.dropCaptions(in); got != want {
			t.Errorf("dropCaptions(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

func TestDropAside(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"a list inside the aside",
			"The rules will require cafes with ten or more branches, along with bakeries, kiosks and snack bars, to show the price of water.",
			"The rules will require cafes with ten or more branches to show the price of water."},
		{"one item",
			"The rules will require every cafe in the county, as well as its kiosks, to show the price of water on each menu.",
			"The rules will require every cafe in the county to show the price of water on each menu."},
		{"an aside that does not close stays",
			"The rules will apply to every cafe in the county, along with its kiosks.",
			"The rules will apply to every cafe in the county, along with its kiosks."},
		{"a comma that ends a clause stays",
			"The rules will require every cafe to show prices, along with kiosks, Harbour Council said on Monday.",
			"The rules will require every cafe to show prices, along with kiosks, Harbour Council said on Monday."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := english.dropAside(tc.in); got != tc.want {
				t.Errorf("dropAside(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestDropLeadingConnective: a sentence opening on a word or phrase that
// links it to the one before ("However,", "Either way,") loses it.
func TestDropLeadingConnective(t *testing.T) {
	for in, want := range map[string]string{
		"However, the pool will close on Monday.":           "the pool will close on Monday.",
		"Either way, red jeans are everywhere this spring.": "red jeans are everywhere this spring.",
		"In any case, the council will vote in May.":        "the council will vote in May.",
		"Either the council or the mayor will decide.":      "Either the council or the mayor will decide.",
	} {
		if got := english.dropLeadingConnective(in); got != want {
			t.Errorf("dropLeadingConnective(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTidy_wireDash: the wire's " _ " dash is a dash, and its "_" bullet
// goes.
func TestTidy_wireDash(t *testing.T) {
	for in, want := range map[string]string{
		"The ferry stays in port _ at least for now.":          "The ferry stays in port — at least for now.",
		"_Ferries can sail in any month, but rarely in March.": "Ferries can sail in any month, but rarely in March.",
		"The file is called ferry_times_2011 on the site.":     "The file is called ferry_times_2011 on the site.",
	} {
		if got := tidy(in); got != want {
			t.Errorf("tidy(%q) = %q, want %q", in, got, want)
		}
	}
}
