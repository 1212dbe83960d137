package fit

import (
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

func TestRules_Count(t *testing.T) {
	long := "https://example.com/" + strings.Repeat("a", 100)
	tests := []struct {
		name  string
		rules Rules
		text  string
		want  int
	}{
		{"x ascii", X(), "hello world", 11},
		{"x empty", X(), "", 0},
		{"x cjk doubles", X(), "日本語", 6},
		{"x curly quote is light", X(), "it’s", 4},
		{"x url is 23", X(), "read " + long, 5 + 23},
		{"x bare domain is a url", X(), "see example.com now", 4 + 23 + 4},
		{"x bare short cctld domain stays text", X(), "bit.ly", 6},
		{"x bare short cctld domain with path is a url", X(), "bit.ly/abc", 23},
		{"x t.co bare is a url", X(), "t.co", 23},
		{"x unknown tld stays text", X(), "node.jsx", 8},
		{"x sentence end is not a domain", X(), "It ended. Then", 14},
		{"x url after preceding dot is not bare", X(), "a.example.com", 23},
		{"x url trailing period not counted", X(), "https://a.com/x.", 24},
		{"x balanced parens in path", X(), "https://en.wikipedia.org/wiki/Foo_(bar) ok", 23 + 3},
		{"x query ending", X(), "https://a.com/?q=1! ok", 23 + 4},
		{"x keycap", X(), "1️⃣", 2},
		{"x flag", X(), "🇫🇷", 2},
		{"x copyright alone is text", X(), "©", 1},
		{"x copyright with vs16 is emoji", X(), "©️", 2},
		{"x zwj family", X(), "👨‍👩‍👧", 2},
		{"x skin tone", X(), "👍🏽", 2},
		{"x text presentation", X(), "☺︎", 4},
		{"x nfc", X(), "Cafe\u0301", 4},
		{"mastodon graphemes", Mastodon(0, 0), "naïve 👨‍👩‍👧", 7},
		{"mastodon url fixed", Mastodon(0, 0), "read " + long, 5 + 23},
		{"mastodon own url length", Mastodon(0, 30), "read " + long, 5 + 30},
		{"mastodon bare domain is text", Mastodon(0, 0), "example.com", 11},
		{"mastodon remote mention local part", Mastodon(0, 0), "hi @alice@example.social!", 10},
		{"mastodon local mention", Mastodon(0, 0), "hi @alice", 9},
		{"mastodon mention in url ignored", Mastodon(0, 0), "https://mastodon.social/@alice@x.y", 23},
		{"mastodon email is not a mention", Mastodon(0, 0), "bob@example.com", 15},
		{"bluesky graphemes", Bluesky(), "naïve 👨‍👩‍👧", 7},
		{"bluesky url as written", Bluesky(), "https://a.co/xyz", 16},
		{"plain with url length", Rules{URLLength: 10}, "go https://a.co/xyz", 13},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.rules.Count(tc.text); got != tc.want {
				t.Errorf("Count(%q) = %d, want %d", tc.text, got, tc.want)
			}
		})
	}
}

func TestExtractURLs(t *testing.T) {
	tests := []struct {
		name, text      string
		withoutProtocol bool
		want            []string
	}{
		{"scheme", "go to https://example.com/a?b=c.", false, []string{"https://example.com/a?b=c"}},
		{"uppercase", "HTTPS://www.ExaMPLE.COM/index.html", false, []string{"HTTPS://www.ExaMPLE.COM/index.html"}},
		{"port", "http://example.com:8080/login", false, []string{"http://example.com:8080/login"}},
		{"no bare without option", "example.com", false, nil},
		{"bare", "example.com and www.foo.co.jp/x", true, []string{"example.com", "www.foo.co.jp/x"}},
		{"bare after dash skipped", "-example.com", true, nil},
		{"bare inside cjk", "日本語example.com", true, []string{"example.com"}},
		{"tco slug only", "https://t.co/abc123/more", false, []string{"https://t.co/abc123"}},
		{"invalid label length", "http://" + strings.Repeat("a", 64) + ".com", false, nil},
		{"max label length", "http://" + strings.Repeat("a", 63) + ".com", false, []string{"http://" + strings.Repeat("a", 63) + ".com"}},
		{"domain leading dash", "http://www.-domain4352.com/", false, nil},
		{"unicode domain", "http://☃.net/", false, []string{"http://☃.net/"}},
		{"idn tld", "http://foobar.پاکستان/", false, []string{"http://foobar.پاکستان/"}},
		{"email", "bob@example.com", true, nil},
		{"hashtag", "#example.com", true, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, sp := range extractURLs(nil, tc.text, tc.withoutProtocol) {
				got = append(got, tc.text[sp.start:sp.end])
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("extractURLs(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestPunycode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"bücher", "bcher-kva"},
		{"☃", "n3h"},
		{"пример", "e1afmkfd"},
		{"例え", "r8jz45g"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := appendPunycode(nil, tc.in)
			if !ok || string(got) != tc.want {
				t.Errorf("punycode(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
			}
		})
	}
}

func TestRules_Fits(t *testing.T) {
	r := Rules{Limit: 5, MaxBytes: 8}
	tests := []struct {
		text string
		want bool
	}{
		{"abcde", true},
		{"abcdef", false},
		{"ééé", true},
		{"éééé", true},
		{"ééééé", false}, // 10 bytes
		{"a\xffb", false},
	}
	for _, tc := range tests {
		if got := r.Fits(tc.text); got != tc.want {
			t.Errorf("Fits(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestGraphemeCount(t *testing.T) {
	for _, s := range []string{
		"", "a", "ab\r\nc", "e\u0301x", "a\u200d👩", "🇫🇷🇩🇪🇮", "👨‍👩‍👧 x", "x\U0001F3FDy",
		"ก\u0e33", "\u0915\u094d\u0937", "a\u0308\u0301b", "\r\n\r\n", "a\xffb", "日本語 text 😀",
	} {
		if got, want := graphemeCount(s), uniseg.GraphemeClusterCount(s); got != want {
			t.Errorf("graphemeCount(%q) = %d, uniseg says %d", s, got, want)
		}
	}
}
