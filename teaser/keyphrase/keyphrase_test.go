package keyphrase

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hookline/hookline/article"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

func texts(ps []Phrase) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Text
	}
	return out
}

func TestExtract(t *testing.T) {
	wedding := &article.Article{
		Title: "Singer Jo Vale weds TV star Ned Tarrant",
		Paragraphs: []string{
			"Irish pop star Jo Vale married Welsh TV actor Ned Tarrant in a civil ceremony in Port Skerry on Thursday.",
			"The Emmy-winning singer and her Welsh sweetheart posed for fans in downtown Port Skerry. Vale's groom tossed a bouquet.",
			"The couple plan a second wedding ceremony in Dunmore, and they have homes in Ireland and Port Skerry.",
		},
	}
	tests := []struct {
		name  string
		a     *article.Article
		n     int
		check func(t *testing.T, got []string)
	}{
		{"names and frequent words lead", wedding, 10, func(t *testing.T, got []string) {
			for _, want := range []string{"Jo Vale", "Ned Tarrant", "Port Skerry", "ceremony"} {
				if !slices.Contains(got, want) {
					t.Errorf("missing %q", want)
				}
			}
		}},
		{"adjectives, demonyms and time words do not rank alone", wedding, 10, func(t *testing.T, got []string) {
			for _, bad := range []string{"Welsh", "Irish", "Thursday", "civil", "Emmy-winning", "second"} {
				if slices.Contains(got, bad) {
					t.Errorf("%q listed: %q", bad, got)
				}
			}
		}},
		{"a name stands for a part that mostly occurs inside it", wedding, 10, func(t *testing.T, got []string) {
			if slices.Contains(got, "Vale") {
				t.Errorf("Vale listed beside Jo Vale: %q", got)
			}
		}},
		{"phrases are noun phrases", &article.Article{
			Title: "Feral dogs count in survey, councillors say",
			Paragraphs: []string{
				"Councillors said on Saturday that counting feral dogs in the survey is impossible. The survey counts feral dogs every ten years.",
				"Farmers criticized repair efforts. Repair efforts were slow, and the survey office said it was impossible to count every feral dog.",
			},
		}, 100, func(t *testing.T, got []string) {
			for _, want := range []string{"feral dogs", "repair efforts", "survey"} {
				if !slices.Contains(got, want) {
					t.Errorf("missing %q: %q", want, got)
				}
			}
			for _, bad := range []string{"feral", "impossible", "Saturday", "criticized repair efforts", "farmers criticized", "councillors said", "survey office said"} {
				if slices.Contains(got, bad) || slices.Contains(got, strings.ToLower(bad)) {
					t.Errorf("%q listed: %q", bad, got)
				}
			}
		}},
		{"a name's fragment gives way to the name", wedding, 30, func(t *testing.T, got []string) {
			if slices.Contains(got, "Port") || slices.Contains(got, "Skerry") {
				t.Errorf("fragment of Port Skerry listed")
			}
		}},
		{"no stop word at a phrase edge, no number, no possessive", wedding, 100, func(t *testing.T, got []string) {
			for _, p := range got {
				ws := strings.Fields(strings.ToLower(p))
				if isStop(ws[0]) || isStop(ws[len(ws)-1]) {
					t.Errorf("%q begins or ends with a stop word", p)
				}
				if !hasLetter(p) {
					t.Errorf("%q has no letter", p)
				}
				if strings.Contains(p, "'s") {
					t.Errorf("%q keeps a possessive", p)
				}
			}
		}},
		{"n limits", wedding, 3, func(t *testing.T, got []string) {
			if len(got) != 3 {
				t.Errorf("got %d phrases, want 3", len(got))
			}
		}},
		{"n <= 0 means 10", wedding, 0, func(t *testing.T, got []string) {
			if len(got) != 10 {
				t.Errorf("got %d phrases, want 10", len(got))
			}
		}},
		{"explicit keywords first, deduplicated", &article.Article{
			Title:      wedding.Title,
			Paragraphs: wedding.Paragraphs,
			Keywords:   []string{"  celebrity   weddings ", "Celebrity Weddings", "", "Vale"},
		}, 4, func(t *testing.T, got []string) {
			if got[0] != "celebrity weddings" || got[1] != "Vale" {
				t.Errorf("keywords not first: %q", got)
			}
			if slices.Contains(got[2:], "Vale") || slices.Contains(got[2:], "vale") {
				t.Errorf("keyword repeated among extracted phrases: %q", got)
			}
		}},
		{"keywords alone fill n", &article.Article{Keywords: []string{"a", "b", "c"}}, 2, func(t *testing.T, got []string) {
			if !slices.Equal(got, []string{"a", "b"}) {
				t.Errorf("got %q", got)
			}
		}},
		{"empty article", &article.Article{}, 10, func(t *testing.T, got []string) {
			if len(got) != 0 {
				t.Errorf("got %q from nothing", got)
			}
		}},
		{"only stop words and numbers", &article.Article{Paragraphs: []string{"It was 2011, and then 42 of them did it."}}, 10, func(t *testing.T, got []string) {
			if len(got) != 0 {
				t.Errorf("got %q", got)
			}
		}},
		{"title words rank above body words", &article.Article{
			Title:      "Volcano erupts",
			Paragraphs: []string{"Lava flowed. Ash fell on villages near the volcano while firefighters waited."},
		}, 2, func(t *testing.T, got []string) {
			if got[0] != "volcano" && got[0] != "Volcano" {
				t.Errorf("got %q, want the volcano first", got)
			}
		}},
		{"non-Latin words", &article.Article{Paragraphs: []string{"Владимир Путин встретился с Ким Чен Ыном. Путин говорил."}}, 5, func(t *testing.T, got []string) {
			if !slices.Contains(got, "Владимир Путин") {
				t.Errorf("got %q, want Владимир Путин", got)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := Extract(tt.a, tt.n)
			for i := 1; i < len(ps); i++ {
				if ps[i].Score > ps[i-1].Score {
					t.Errorf("not best first: %v", ps)
				}
			}
			tt.check(t, texts(ps))
		})
	}
}

func TestExtract_Deterministic(t *testing.T) {
	for _, name := range evalFiles(t)[:30] {
		a := loadText(t, name)
		first := texts(Extract(a, 20))
		for range 5 {
			if got := texts(Extract(a, 20)); !slices.Equal(got, first) {
				t.Fatalf("%s: %q then %q", name, first, got)
			}
		}
	}
}

func TestTokenizer(t *testing.T) {
	var z tokenizer
	z.add("Kim's U.S. trip: re-engage, don’t stop", false)
	var got []string
	for _, tk := range z.toks {
		s := tk.lower
		if tk.brk {
			s = "|" + s
		}
		if tk.stop {
			s += "*"
		}
		got = append(got, s)
	}
	want := []string{"|kim", "|u.s.", "trip", "|re-engage", "|don't*", "stop"}
	if !slices.Equal(got, want) {
		t.Fatalf("tokens %q, want %q", got, want)
	}
}

// TestExtract_Golden pins the keyphrases and hashtags of the shared sample
// article. Run with -update after a deliberate change and review the diff.
func TestExtract_Golden(t *testing.T) {
	a := loadText(t, "../../../shared/articles/kim-jong-un-china-trip.txt")
	ps := Extract(a, 10)
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "%.3f\t%s\n", p.Score, p.Text)
	}
	fmt.Fprintf(&b, "hashtags\t%s\n", strings.Join(Hashtags(texts(ps), 3), " "))
	golden := filepath.Join("testdata", "kim-jong-un-china-trip.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if b.String() != string(want) {
		t.Errorf("keyphrases changed (run with -update if intended):\n got:\n%s\nwant:\n%s", b.String(), want)
	}
	for _, p := range []string{"Kim Jong Un", "China", "Xi Jinping"} {
		if !slices.Contains(texts(ps), p) {
			t.Errorf("top 10 lacks %q: %q", p, texts(ps))
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Kim Jong Un visits China", "North Korea's leader Kim Jong Un arrived in Beijing. Xi Jinping met Kim.")
	f.Add("", "U.S. re-engage don’t … 1,000 ab\xffcd Путин's")
	f.Fuzz(func(t *testing.T, title, body string) {
		a := &article.Article{Title: title, Paragraphs: strings.Split(body, "\n")}
		ps := Extract(a, 5)
		if len(ps) > 5 {
			t.Fatalf("%d phrases, want at most 5", len(ps))
		}
		seen := map[string]bool{}
		for i, p := range ps {
			if p.Text == "" || !utf8.ValidString(p.Text) || !hasLetter(p.Text) {
				t.Fatalf("bad phrase %q", p.Text)
			}
			if seen[strings.ToLower(p.Text)] {
				t.Fatalf("phrase %q twice", p.Text)
			}
			seen[strings.ToLower(p.Text)] = true
			if i > 0 && p.Score > ps[i-1].Score {
				t.Fatalf("not best first: %v", ps)
			}
		}
	})
}

// TestExtract_Concurrent checks that calls sharing pooled scratch memory
// from many goroutines give the same result as one at a time.
func TestExtract_Concurrent(t *testing.T) {
	names := evalFiles(t)[:40]
	want := make([][]string, len(names))
	arts := make([]*article.Article, len(names))
	for i, name := range names {
		arts[i] = loadText(t, name)
		want[i] = texts(Extract(arts[i], 10))
	}
	errs := make(chan error, 8)
	for g := range 8 {
		go func() {
			for k := range 3 * len(arts) {
				i := (k + g*7) % len(arts)
				if got := texts(Extract(arts[i], 10)); !slices.Equal(got, want[i]) {
					errs <- fmt.Errorf("%s: %q, want %q", names[i], got, want[i])
					return
				}
			}
			errs <- nil
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

// TestExtract_hugeN bounds what a caller's n can make Extract allocate:
// the bound lives in the extractor, not only in the CLI flag.
func TestExtract_hugeN(t *testing.T) {
	a := &article.Article{Title: "Bridge reopens", Paragraphs: []string{"The bridge over the river reopened on Monday after repairs."}}
	for _, n := range []int{MaxPhrases + 1, math.MaxInt32, math.MaxInt} {
		if got := Extract(a, n); len(got) == 0 || len(got) > MaxPhrases {
			t.Errorf("Extract(n=%d) gave %d phrases", n, len(got))
		}
	}
}
