package fit

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"
)

func FuzzFit(f *testing.F) {
	f.Add("Guess who is back?", "Kim heads to Beijing for a parade.", "It could redraw alliances.", "What next?", "https://ex.com/a", "#Kim #China", 60)
	f.Add("日本語のテキスト", "👨‍👩‍👧 family 🇫🇷 flag", "e\u0301 \u0301 combining", "", "https://例え.jp/パス", "#日本", 20)
	f.Add("see example.com and bit.ly/x", "@alice@example.social says hi", "", "", "", "#a #b #c", 10)
	f.Add(strings.Repeat("word ", 100), "", "", "", "https://example.com/"+strings.Repeat("x", 40), "", 280)
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
		for _, r := range []Rules{
			X(), Mastodon(limit, 0), Bluesky(),
			{Network: NetworkX, Limit: limit},
			{Network: NetworkBluesky, Limit: limit, MaxBytes: 2 * limit},
		} {
			post, err := Fit(r, in)
			if err != nil {
				if errors.Is(err, ErrEmpty) {
					continue
				}
				if !errors.Is(err, ErrTooLong) {
					t.Fatalf("%s: unexpected error %v", r.Network, err)
				}
				if l := clean(link); l != "" && r.Fits(l) {
					t.Fatalf("%s limit %d: ErrTooLong although the link alone fits: %v", r.Network, r.Limit, err)
				}
				continue
			}
			checkPost(t, r, in, post)
			for _, h := range post.Hashtags {
				if !strings.Contains(strings.ToValidUTF8(tags, "\uFFFD"), strings.TrimPrefix(h, "#")) {
					t.Fatalf("hashtag %q not from the input %q", h, tags)
				}
			}
		}
	})
}

func FuzzCount(f *testing.F) {
	f.Add("Hi http://test.co and example.com/path?q=1 👨‍👩‍👧‍👦 1⃣ ©️ #tag @a@b.c")
	f.Add("http://あいうえお.com 日本語example.com")
	f.Add("\u202Ahttp://foobar.پاکستان/\u202C e\u0301")
	f.Fuzz(func(t *testing.T, text string) {
		for _, r := range []Rules{X(), Mastodon(0, 0), Bluesky()} {
			n := r.Count(text)
			if n < 0 {
				t.Fatalf("%s: negative count %d", r.Network, n)
			}
			if text != "" && utf8.ValidString(text) && n == 0 {
				t.Fatalf("%s: zero count for %q", r.Network, text)
			}
		}
		st := parseTweet(text, true)
		normalized := norm.NFC.String(text)
		urls := extractURLs(nil, normalized, true)
		if bound := 2*utf16Len(normalized) + XURLLength*len(urls); st.WeightedLength > bound {
			t.Fatalf("weighted length %d over %d for %q", st.WeightedLength, bound, text)
		}
		for _, sp := range extractURLs(nil, text, true) {
			if sp.start < 0 || sp.end > len(text) || sp.start >= sp.end || !utf8.ValidString(text[sp.start:sp.end]) && utf8.ValidString(text) {
				t.Fatalf("bad URL span %+v in %q", sp, text)
			}
		}
	})
}

func FuzzGraphemeCount(f *testing.F) {
	f.Add("a\r\nb e\u0301 🇫🇷🇩🇪 👨‍👩‍👧")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := graphemeCount(s), uniseg.GraphemeClusterCount(s); got != want {
			t.Fatalf("graphemeCount(%q) = %d, uniseg says %d", s, got, want)
		}
	})
}
