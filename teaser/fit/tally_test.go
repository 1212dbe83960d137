package fit

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestSafe(t *testing.T) {
	for _, tc := range []struct {
		name, s string
		want    bool
	}{
		{"ASCII sentence", "Kim heads to Beijing.", true},
		{"curly quotes", "“Kim heads to Beijing,” they say…", true},
		{"emoji at both ends", "🇫🇷 France wins 👨‍👩‍👧", true},
		{"link", "https://example.com/a?b=c", true},
		{"hashtag", "#Kim", true},
		{"one letter", "é", true},
		{"leading combining mark joins the space before", "\u0301abc", false},
		{"leading ZWJ", "\u200Dabc", false},
		{"leading spacing mark", "\u0903abc", false},
		{"trailing prepend joins the space after", "abc\u0600", false},
		{"quote then domain: the post's URL takes the quote", "\"example.com is up", false},
		{"accented domain: the post's URL takes the letter", "ñexample.com is up", false},
		{"accent not a URL", "ñandú runs", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := safe(tc.s); got != tc.want {
				t.Errorf("safe(%q) = %v, want %v", tc.s, got, tc.want)
			}
		})
	}
}

// countRules are the rules the tally's sums are checked with.
var countRules = []Rules{
	X(), Mastodon(0, 0), Bluesky(), {Network: "outbox"}, {Network: "other", URLLength: 10},
}

// FuzzAdditive checks what the tally rests on: safe parts count the same
// joined by each separator as the sum of their counts.
func FuzzAdditive(f *testing.F) {
	f.Add("Kim heads to Beijing.", "https://example.com/x")
	f.Add("see example.com", "#tag")
	f.Add("e\u0301", "\u0301x")
	f.Add("x\u0600", "y")
	f.Add("a", "\"example.com")
	f.Add("@alice@example", ".social hi")
	f.Add("1", "\uFE0F\u20E3")
	f.Add("👍", "\U0001F3FB")
	f.Fuzz(func(t *testing.T, a, b string) {
		a, b = clean(a), clean(b)
		if a == "" || b == "" || !safe(a) || !safe(b) {
			return
		}
		for _, r := range countRules {
			ca, cb := r.Count(a), r.Count(b)
			for _, sep := range []string{" ", "\n\n", "\n"} {
				if got, want := r.Count(a+sep+b), ca+len(sep)+cb; got != want {
					t.Fatalf("%s: %q+%q+%q counts %d, parts sum to %d", r.Network, a, sep, b, got, want)
				}
			}
		}
	})
}

// way is one way fitLayout can count, for tests that run the algorithm
// with each.
type way struct {
	name       string
	newCounter func(Rules) counter
}

var ways = []way{{"tally", newTally}, {"recount", newRecount}}

// fit is Fit counting only this way. It fails the test when the tally
// declines the input, which the tests of the drop order must not give it.
func (w way) fit(t *testing.T, r Rules, in Input) (Post, error) {
	t.Helper()
	post, err := fitWith(r, in, w.newCounter)
	if errors.Is(err, errUncounted) {
		t.Fatalf("the %s cannot count %+v", w.name, in)
	}
	return post, err
}

// FuzzTally checks that the algorithm decides the same counting parts
// once (the tally) as recounting the whole text (the recount), on every
// input the tally counts.
func FuzzTally(f *testing.F) {
	f.Add("Guess who is back?", "Kim heads to Beijing for a parade, they say.", "It could redraw alliances.", "What next?", "https://ex.com/a", "#Kim #China", 60)
	f.Add("“Quoted” hook", "ñexample.com is a site", "\u0301 mark", "x\u0600", "example.com", "#a #b", 30)
	f.Add(strings.Repeat("word ", 100), "", "", "", "https://example.com/"+strings.Repeat("x", 40), "", 280)
	f.Add("日本語のテキスト", "👨‍👩‍👧 family 🇫🇷 flag", "e\u0301 \u0301 combining", "", "https://例え.jp/パス", "#日本", 20)
	f.Add("Guess who is back?", "Kim heads to Beijing for a parade.", "It could redraw alliances.", "What next?", "https://ex.com/a", "#Kim #China #Asia", 75)
	f.Fuzz(func(t *testing.T, hook, fact, stakes, question, link, tags string, limit int) {
		in := Input{
			Sentences: []Sentence{{hook, Hook}, {fact, Fact}, {stakes, Stakes}, {question, Question}},
			Link:      link,
			Hashtags:  strings.Fields(tags),
		}
		limit = limit%600 + 1
		if limit < 0 {
			limit = -limit
		}
		for _, r := range append(countRules, Mastodon(limit, 0), Rules{Network: NetworkX, Limit: limit},
			Rules{Network: NetworkBluesky, Limit: limit, MaxBytes: 2 * limit}) {
			// The algorithm without Fit's second try, which would hide a
			// tally that declines the shorter input.
			got, gotErr := fitInput(r, in, []func(Rules) counter{newTally})
			if errors.Is(gotErr, errUncounted) {
				continue
			}
			want, wantErr := fitInput(r, in, []func(Rules) counter{newRecount})
			if !reflect.DeepEqual(got, want) || (gotErr == nil) != (wantErr == nil) ||
				gotErr != nil && gotErr.Error() != wantErr.Error() {
				t.Fatalf("%+v:\ntally   %+v, %v\nrecount %+v, %v", r, got, gotErr, want, wantErr)
			}
		}
	})
}

// FuzzWeightedLength checks the lean X counter against parseTweet.
func FuzzWeightedLength(f *testing.F) {
	f.Add("Hi http://test.co and example.com/path?q=1 👨‍👩‍👧‍👦 1⃣ ©️ #tag @a@b.c")
	f.Add("http://あいうえお.com 日本語example.com e\u0301 #️⃣ 🇫🇷")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := weightedLength(s), parseTweet(s, true).WeightedLength; got != want {
			t.Fatalf("weightedLength(%q) = %d, parseTweet says %d", s, got, want)
		}
	})
}
