package fit

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// plain counts grapheme clusters with the given limit, so expected texts
// are easy to work out by hand.
func plain(limit int) Rules { return Rules{Network: "plain", Limit: limit} }

var teaser = Input{
	Sentences: []Sentence{
		{Text: "Guess who is back?", Role: Hook},                 // 18
		{Text: "Kim heads to Beijing for a parade.", Role: Fact}, // 34
		{Text: "It could redraw alliances.", Role: Stakes},       // 26
		{Text: "What next?", Role: Question},                     // 10
	},
	Link:     "https://ex.com/a", // 16
	Hashtags: []string{"#Kim", "#China", "#Asia"},
}

func TestFit_DropSteps(t *testing.T) {
	const (
		hook     = "Guess who is back?"
		fact     = "Kim heads to Beijing for a parade."
		stakes   = "It could redraw alliances."
		question = "What next?"
		link     = "\n\nhttps://ex.com/a"
	)
	all := hook + " " + fact + " " + stakes + " " + question + link + "\n#Kim #China #Asia"
	tests := []struct {
		name     string
		limit    int
		want     string
		wantTags []string
	}{
		{"everything fits", len(all), all, []string{"#Kim", "#China", "#Asia"}},
		// One over: Question sentences are the first part Fit drops, and
		// " What next?" is enough.
		{"question dropped", len(all) - 1, hook + " " + fact + " " + stakes + link + "\n#Kim #China #Asia", []string{"#Kim", "#China", "#Asia"}},
		// Still one over without the question, so the stakes, next in the
		// order, go too; the post has lost both, and the second try, the
		// teaser without its stakes, fits with the question.
		{"stakes dropped, question back", len(all) - 12, hook + " " + fact + " " + question + link + "\n#Kim #China #Asia", []string{"#Kim", "#China", "#Asia"}},
		// The question does not fit even without the stakes, and both
		// sentences go before any hashtag.
		{"stakes and question dropped", len(hook+" "+fact+" "+question+link+"\n#Kim #China #Asia") - 1, hook + " " + fact + link + "\n#Kim #China #Asia", []string{"#Kim", "#China", "#Asia"}},
		// No Question or Stakes sentence is left: the hashtags beyond the
		// first go next, the last first.
		{"last hashtag dropped", len(hook+" "+fact+link+"\n#Kim #China #Asia") - 1, hook + " " + fact + link + "\n#Kim #China", []string{"#Kim", "#China"}},
		// " #Asia" is not enough: " #China" goes as well, still before the
		// hook.
		{"hashtags beyond first dropped", len(hook+" "+fact+link+"\n#Kim #China") - 1, hook + " " + fact + link + "\n#Kim", []string{"#Kim"}},
		// Only the first hashtag is left of them: the hook goes before it.
		{"hook dropped", len(hook+" "+fact+link+"\n#Kim") - 1, fact + link + "\n#Kim", []string{"#Kim"}},
		// The fact is the only sentence left and is never dropped whole, so
		// the last hashtag goes.
		{"last hashtag dropped too", len(fact+link+"\n#Kim") - 1, fact + link, nil},
		// Nothing is left to drop but the link, which always stays: the
		// fact is cut at a word boundary.
		{"fact shortened", len(fact+link) - 1, "Kim heads to Beijing for a…" + link, nil},
		// A sentence alone may keep fewer than three words.
		{"fact shortened to one word when alone", len("Kim…" + link), "Kim…" + link, nil},
		// Not even "Kim…" fits: the sentence goes and the link stays.
		{"only the link", len(link) - 2, "https://ex.com/a", nil},
	}
	for _, w := range ways {
		for _, tc := range tests {
			t.Run(w.name+"/"+tc.name, func(t *testing.T) {
				post, err := w.fit(t, plain(tc.limit), teaser)
				if err != nil {
					t.Fatalf("Fit: %v", err)
				}
				if post.Text != tc.want {
					t.Errorf("text =\n%q\nwant\n%q", post.Text, tc.want)
				}
				if !slices.Equal(post.Hashtags, tc.wantTags) {
					t.Errorf("hashtags = %q, want %q", post.Hashtags, tc.wantTags)
				}
				if post.Length != len([]rune(post.Text)) || post.Length > tc.limit || post.Limit != tc.limit {
					t.Errorf("length %d limit %d, want length of text within %d", post.Length, post.Limit, tc.limit)
				}
				if post.Link != "https://ex.com/a" {
					t.Errorf("link = %q", post.Link)
				}
			})
		}
	}
}

// textCase is an input, a limit in grapheme clusters and the post text
// worked out by hand.
type textCase struct {
	name  string
	in    Input
	limit int
	want  string
}

// fitEachWay runs every case with each way of counting.
func fitEachWay(t *testing.T, tests []textCase) {
	t.Helper()
	for _, w := range ways {
		for _, tc := range tests {
			t.Run(w.name+"/"+tc.name, func(t *testing.T) {
				post, err := w.fit(t, plain(tc.limit), tc.in)
				if err != nil {
					t.Fatalf("Fit: %v", err)
				}
				if post.Text != tc.want {
					t.Errorf("text = %q, want %q", post.Text, tc.want)
				}
			})
		}
	}
}

// TestFit_DropsLastFirst fits teasers with two sentences of a role: the
// later one goes first.
func TestFit_DropsLastFirst(t *testing.T) {
	const fact = "Kim heads to Beijing."
	fitEachWay(t, []textCase{
		// One over: the later question goes, the earlier one stays.
		{"questions", Input{Sentences: []Sentence{{fact, Fact}, {"Why now?", Question}, {"What next?", Question}}},
			len(fact+" Why now? What next?") - 1, fact + " Why now?"},
		// Both hooks are before the fact, but the later is dropped first.
		{"hooks", Input{Sentences: []Sentence{{"Guess who?", Hook}, {"Big news.", Hook}, {fact, Fact}}},
			len("Guess who? Big news. "+fact) - 1, "Guess who? " + fact},
		// The earlier stakes go only when the later ones were not enough.
		{"stakes, both", Input{Sentences: []Sentence{{fact, Fact}, {"It matters.", Stakes}, {"Allies watch.", Stakes}}},
			len(fact+" It matters.") - 1, fact},
	})
}

func TestFit_DanglingFragment(t *testing.T) {
	in := Input{Sentences: []Sentence{
		{Text: "Kim goes to Beijing.", Role: Fact},
		{Text: "Analysts expect talks on trade and security.", Role: Fact},
	}}
	fitEachWay(t, []textCase{
		{"three words kept", in, len("Kim goes to Beijing. Analysts expect talks…"), "Kim goes to Beijing. Analysts expect talks…"},
		{"two words would dangle", in, len("Kim goes to Beijing. Analysts expect…"), "Kim goes to Beijing."},
		{"last sentence shortened after drop", in, len("Kim goes to…"), "Kim goes to…"},
	})
}

func TestFit_ShortenTrimsPunctuation(t *testing.T) {
	in := Input{Sentences: []Sentence{{Text: "First, second; third — fourth fifth sixth", Role: Fact}}}
	fitEachWay(t, []textCase{
		{"trailing comma and dash", in, len("First, second; third —"), "First, second; third…"},
	})
}

// TestFit_Recount fits inputs the tally cannot count on its own: Fit lays
// them out with the recount, by the same steps.
func TestFit_Recount(t *testing.T) {
	const mark = "\u0301" // a combining acute: it joins the space before it
	tests := []textCase{
		// The mark starts the question, so the tally declines the input;
		// the question is still the first part to go, before the hashtag.
		{"question dropped", Input{Sentences: []Sentence{{"Kim heads to Beijing.", Fact}, {mark + "What next?", Question}}, Hashtags: []string{"#Kim"}},
			len("Kim heads to Beijing.\n#Kim"), "Kim heads to Beijing.\n#Kim"},
		// The hook goes before the last hashtag.
		{"hook dropped", Input{Sentences: []Sentence{{mark + "Guess who?", Hook}, {"Kim heads to Beijing.", Fact}}, Hashtags: []string{"#Kim"}},
			len("Kim heads to Beijing.\n#Kim"), "Kim heads to Beijing.\n#Kim"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := fitWith(plain(tc.limit), tc.in, newTally); !errors.Is(err, errUncounted) {
				t.Fatalf("the tally counted the input: %v", err)
			}
			post, err := Fit(plain(tc.limit), tc.in)
			if err != nil {
				t.Fatalf("Fit: %v", err)
			}
			if post.Text != tc.want {
				t.Errorf("text = %q, want %q", post.Text, tc.want)
			}
		})
	}
}

func TestFit_Errors(t *testing.T) {
	tests := []struct {
		name string
		r    Rules
		in   Input
		want error
	}{
		{"empty", X(), Input{}, ErrEmpty},
		{"blank", X(), Input{Sentences: []Sentence{{Text: "  "}}, Hashtags: []string{" "}}, ErrEmpty},
		{"link too long", plain(10), Input{Sentences: []Sentence{{Text: "a b c"}}, Link: "https://example.com/long"}, ErrTooLong},
		{"word too long", plain(3), Input{Sentences: []Sentence{{Text: "abcdef"}}}, ErrTooLong},
		{"bytes", Rules{MaxBytes: 4}, Input{Link: "https://x.co"}, ErrTooLong},
	}
	for _, w := range ways {
		for _, tc := range tests {
			t.Run(w.name+"/"+tc.name, func(t *testing.T) {
				_, err := w.fit(t, tc.r, tc.in)
				if !errors.Is(err, tc.want) {
					t.Errorf("err = %v, want %v", err, tc.want)
				}
			})
		}
	}
}

func TestFit_Networks(t *testing.T) {
	long := Input{
		Sentences: slices.Repeat([]Sentence{{Text: "Beijing hosts a parade for the eightieth anniversary of the war’s end.", Role: Fact}}, 8),
		Link:      "https://news.example.com/world/asia/2025/09/kim-jong-un-china-trip?ref=feed",
		Hashtags:  []string{"#KimJongUn", "#China"},
	}
	emoji := Input{
		Sentences: []Sentence{{Text: strings.Repeat("🇰🇵👨‍👩‍👧 ", 200), Role: Fact}},
		Link:      "https://example.com/x",
	}
	tests := []struct {
		name string
		r    Rules
		in   Input
	}{
		{"x", X(), long},
		{"mastodon", Mastodon(0, 0), long},
		{"mastodon small", Mastodon(200, 23), long},
		{"bluesky", Bluesky(), long},
		{"x emoji", X(), emoji},
		{"bluesky emoji", Bluesky(), emoji},
		{"bluesky bytes", Rules{Network: NetworkBluesky, Limit: 300, MaxBytes: 400}, emoji},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			post, err := Fit(tc.r, tc.in)
			if err != nil {
				t.Fatalf("Fit: %v", err)
			}
			checkPost(t, tc.r, tc.in, post)
			if post.Length < tc.r.Limit*2/3 && (tc.r.MaxBytes == 0 || len(post.Text) < tc.r.MaxBytes*2/3) {
				t.Errorf("length %d of %d: fitted far too short:\n%s", post.Length, tc.r.Limit, post.Text)
			}
		})
	}
}

// TestFit_StyleHook fits the style model's 313-character teaser (the first
// paragraph of the shared Kim Jong Un article) on X.
func TestFit_StyleHook(t *testing.T) {
	hook := firstLine(t, filepath.Join("..", "..", "..", "shared", "articles", "kim-jong-un-china-trip.txt"))
	if n := len([]rune(hook)); n != 313 {
		t.Fatalf("hook has %d characters, want 313", n)
	}
	link := "https://news.example.com/kim-jong-un-china-trip"
	tags := []string{"#KimJongUn", "#China", "#Geopolitics"}

	t.Run("one hook sentence", func(t *testing.T) {
		in := Input{Sentences: []Sentence{{Text: hook, Role: Hook}}, Link: link, Hashtags: tags}
		post, err := Fit(X(), in)
		if err != nil {
			t.Fatal(err)
		}
		checkPost(t, X(), in, post)
		if !strings.HasPrefix(post.Text, "Guess who’s making a rare diplomatic appearance? Kim Jong Un") || !strings.Contains(post.Text, "…\n\n"+link) {
			t.Errorf("want the hook shortened before the link, got:\n%s", post.Text)
		}
		if len(post.Hashtags) != 0 {
			t.Errorf("hashtags %q kept although the hook had to be shortened", post.Hashtags)
		}
	})
	t.Run("four role sentences", func(t *testing.T) {
		parts := strings.SplitAfter(hook, "? ")
		rest := strings.SplitAfter(parts[1], "! ")
		third := strings.SplitAfter(rest[1], "alliances. ")
		in := Input{Sentences: []Sentence{
			{Text: parts[0], Role: Hook}, {Text: rest[0], Role: Fact},
			{Text: third[0], Role: Stakes}, {Text: third[1], Role: Question},
		}, Link: link, Hashtags: tags}
		post, err := Fit(X(), in)
		if err != nil {
			t.Fatal(err)
		}
		checkPost(t, X(), in, post)
		if strings.Contains(post.Text, "power play") || !strings.HasSuffix(strings.Split(post.Text, "\n")[0], "What does this mean for global politics?") {
			t.Errorf("the stakes should go and the closing question come back:\n%s", post.Text)
		}
		if !strings.Contains(post.Text, "Kim Jong Un is heading to China") || !strings.HasPrefix(post.Text, "Guess who") {
			t.Errorf("hook and fact should stay:\n%s", post.Text)
		}
	})
}

func firstLine(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open article: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	if !sc.Scan() {
		t.Fatalf("%s: empty", path)
	}
	return sc.Text()
}

func TestFacets(t *testing.T) {
	text := "Rust #Rustacean is #Rust\n\nhttps://ex.com/#Rust\n#Rust #Go"
	got := Facets(text, "https://ex.com/#Rust", []string{"#Rust", "#Go", "#Missing"})
	want := []Facet{
		{Start: 26, End: 46, Kind: FacetLink, Value: "https://ex.com/#Rust"},
		{Start: 47, End: 52, Kind: FacetTag, Value: "Rust"},
		{Start: 53, End: 56, Kind: FacetTag, Value: "Go"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Facets =\n%+v\nwant\n%+v", got, want)
	}
	for _, f := range got {
		if seg := text[f.Start:f.End]; strings.TrimPrefix(seg, "#") != f.Value {
			t.Errorf("facet %+v covers %q", f, seg)
		}
	}
}

func TestAddUTM(t *testing.T) {
	tests := []struct {
		name, link, source, medium, campaign, want string
	}{
		{"plain", "https://ex.com/a", "hookline", "social", "launch", "https://ex.com/a?utm_source=hookline&utm_medium=social&utm_campaign=launch"},
		{"keeps query and fragment", "https://ex.com/a?id=7#top", "x", "", "", "https://ex.com/a?id=7&utm_source=x#top"},
		{"keeps existing utm", "https://ex.com/?utm_source=mail", "x", "social", "", "https://ex.com/?utm_source=mail&utm_medium=social"},
		{"escapes", "https://ex.com/", "a b&c", "", "", "https://ex.com/?utm_source=a+b%26c"},
		{"no source", "https://ex.com/", "", "social", "c", "https://ex.com/"},
		{"unparsable", "http://[::1", "x", "", "", "http://[::1"},
		{"relative", "/a/b", "x", "", "", "/a/b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := AddUTM(tc.link, tc.source, tc.medium, tc.campaign); got != tc.want {
				t.Errorf("AddUTM = %q, want %q", got, tc.want)
			}
		})
	}
}
