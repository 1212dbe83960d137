package keyphrase

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestAppendASCIILower(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte("AZaz@[`{\x00\x7f\x80\xc3\x89\xffMq ")
	for n := range 40 {
		for range 50 {
			b := make([]byte, n)
			for i := range b {
				if r.IntN(2) == 0 {
					b[i] = byte(r.IntN(256))
				} else {
					b[i] = alphabet[r.IntN(len(alphabet))]
				}
			}
			want := make([]byte, n)
			for i, c := range b {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				want[i] = c
			}
			prefix := []byte("Ab")
			got := appendASCIILower(slices.Clone(prefix), string(b))
			if string(got) != "Ab"+string(want) {
				t.Fatalf("appendASCIILower(%q) = %q, want %q", b, got[2:], want)
			}
			if got := asciiLower(string(b)); got != string(want) {
				t.Fatalf("asciiLower(%q) = %q, want %q", b, got, want)
			}
		}
	}
}

func TestWordTable(t *testing.T) {
	var wt wordTable
	for round := range 2 {
		wt.reset()
		var words []string
		for i := range 5000 {
			w := fmt.Sprintf("w%d-%d", i, round)
			if _, ok := wt.lookup(w, hashWord(w)); ok {
				t.Fatalf("round %d: %q found before it was added", round, w)
			}
			if id := wt.add(w, hashWord(w)); id != int32(i) {
				t.Fatalf("round %d: add(%q) = %d, want %d", round, w, id, i)
			}
			words = append(words, w)
		}
		for i, w := range words {
			if id, ok := wt.lookup(w, hashWord(w)); !ok || id != int32(i) {
				t.Fatalf("round %d: lookup(%q) = %d, %v; want %d", round, w, id, ok, i)
			}
		}
		if _, ok := wt.lookup("w1-9", hashWord("w1-9")); ok {
			t.Fatalf("round %d: a word never added was found", round)
		}
	}
}

func TestClassOf(t *testing.T) {
	for w, want := range wordClasses {
		if got := englishLex.classOf(w, hashWord(w)); got != want {
			t.Fatalf("classOf(%q) = %d, want %d", w, got, want)
		}
	}
	if got := englishLex.classOf("volcano", hashWord("volcano")); got != 0 {
		t.Fatalf("classOf(volcano) = %d, want 0", got)
	}
}

// TestExtract_WideKeys checks that articles with too many distinct words
// to pack their runs' word ids rank exactly as the others.
func TestExtract_WideKeys(t *testing.T) {
	names := evalFiles(t)[:60]
	want := make([][]Phrase, len(names))
	for i, name := range names {
		want[i] = Extract(loadText(t, name), 30)
	}
	saved := maxPackedWords
	t.Cleanup(func() { maxPackedWords = saved })
	maxPackedWords = 0
	for i, name := range names {
		if got := Extract(loadText(t, name), 30); !slices.Equal(got, want[i]) {
			t.Fatalf("%s: %v, want %v", name, got, want[i])
		}
	}
}

// TestSuffixPrior checks the ending lookup against a plain scan.
func TestSuffixPrior(t *testing.T) {
	for _, word := range strings.Fields("nation mission payment city quickly kindness racism friendship distance presence apple cat dog plays fly") {
		want := 0.0
		switch {
		case strings.HasSuffix(word, "ly"):
			want = w.Adverb
		case slices.ContainsFunc(nounEndings[:], func(e string) bool { return strings.HasSuffix(word, e) }):
			want = w.Noun
		}
		if len(word) < 5 {
			want = 0
		}
		if got := suffixPrior(word); got != want {
			t.Errorf("suffixPrior(%q) = %v, want %v", word, got, want)
		}
	}
}

func TestSameLetters(t *testing.T) {
	tests := []struct {
		a, b []string
		want bool
	}{
		{[]string{"north", "korea"}, []string{"northkorea"}, true},
		{[]string{"no", "rthkor", "ea"}, []string{"north", "korea"}, true},
		{[]string{"north", "korea"}, []string{"north", "korean"}, false},
		{[]string{"north", "korean"}, []string{"north", "korea"}, false},
		{[]string{"", "a"}, []string{"a", ""}, true},
		{nil, []string{""}, true},
		{nil, []string{"a"}, false},
		{[]string{"ab"}, []string{"ba"}, false},
	}
	for _, tt := range tests {
		want := strings.Join(tt.a, "") == strings.Join(tt.b, "")
		if want != tt.want {
			t.Fatalf("bad case %q %q", tt.a, tt.b)
		}
		if got := sameLetters(tt.a, tt.b); got != want {
			t.Errorf("sameLetters(%q, %q) = %v, want %v", tt.a, tt.b, got, want)
		}
	}
}
