package article

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParse_text(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		wantTitle string
		wantHook  string
		wantParas []string
	}{
		{name: "title and lines", in: "Bridge reopens\nThe bridge reopened.\nCyclists cheered.",
			wantTitle: "Bridge reopens", wantParas: []string{"The bridge reopened.", "Cyclists cheered."}},
		{name: "blank lines and CRLF", in: "Bridge reopens\r\n\r\nThe bridge reopened.\r\n\r\n\r\nCyclists cheered.\r\n",
			wantTitle: "Bridge reopens", wantParas: []string{"The bridge reopened.", "Cyclists cheered."}},
		{name: "no title when first line is a sentence", in: "The bridge reopened on Monday.\nCyclists cheered.",
			wantParas: []string{"The bridge reopened on Monday.", "Cyclists cheered."}},
		{name: "no title for a single line", in: "Bridge reopens",
			wantParas: []string{"Bridge reopens"}},
		{name: "question headline is a title", in: "Is It a Storm? Or a Squall?\nForecasters explain the difference.",
			wantTitle: "Is It a Storm? Or a Squall?", wantParas: []string{"Forecasters explain the difference."}},
		{name: "abbreviation ends a title", in: "A Million Bikes Stolen Each Year in U.K.\nA survey says so.",
			wantTitle: "A Million Bikes Stolen Each Year in U.K.", wantParas: []string{"A survey says so."}},
		{name: "a quotation's full stop ends a sentence, not a title", in: "He said: \"The bridge will not close.\"\nThe mayor spoke on Monday.",
			wantParas: []string{"He said: \"The bridge will not close.\"", "The mayor spoke on Monday."}},
		{name: "quoted headline is a title", in: "Mayor: \"The bridge stays\"\nThe mayor spoke on Monday.",
			wantTitle: "Mayor: \"The bridge stays\"", wantParas: []string{"The mayor spoke on Monday."}},
		{name: "colon line is no title", in: "Things to know:\nThe bridge is open.",
			wantParas: []string{"Things to know:", "The bridge is open."}},
		{name: "long first line is no title", in: strings.Repeat("word ", 40) + "\nNext line.",
			wantParas: []string{strings.TrimSpace(strings.Repeat("word ", 40)), "Next line."}},
		{name: "hook after title", in: "Bridge reopens\nGuess what's back? The old bridge! Cyclists get a lane. Will drivers cope?\nThe old bridge reopened on Monday after a year of repairs.",
			wantTitle: "Bridge reopens", wantHook: "Guess what's back? The old bridge! Cyclists get a lane. Will drivers cope?",
			wantParas: []string{"The old bridge reopened on Monday after a year of repairs."}},
		{name: "question paragraph alone is no hook", in: "Bridge reopens\nWhat happened? The bridge reopened.",
			wantTitle: "Bridge reopens", wantParas: []string{"What happened? The bridge reopened."}},
		{name: "hard-wrapped block joined", in: "Crane unveiled\n\nThe port authority unveiled a new electric cargo crane\non Friday, the first of four that will replace diesel\nmachines by 2028.\n\nResidents welcomed it.",
			wantTitle: "Crane unveiled", wantParas: []string{"The port authority unveiled a new electric cargo crane on Friday, the first of four that will replace diesel machines by 2028.", "Residents welcomed it."}},
		{name: "bullets stripped", in: "Crane facts\n• Lifts 65 tonnes.\n- Runs on solar power.\n* Quiet.",
			wantTitle: "Crane facts", wantParas: []string{"Lifts 65 tonnes.", "Runs on solar power.", "Quiet."}},
		{name: "scraped text repaired", in: "Kole \"\"will do Reed justice\"\"\nHe said \"\"yes\"\"\u00a0 today\u0097 and\u00ad more&rsquo;s &amp; &#8230; AT&T R&D\u200b.",
			wantTitle: "Kole \"will do Reed justice\"", wantParas: []string{"He said \"yes\" today— and more’s & … AT&T R&D."}},
		{name: "separators dropped and accents composed", in: "Cafe\u0301 reopens\n=====\nThe cafe\u0301 reopened.\n* * *\nMore soon.",
			wantTitle: "Café reopens", wantParas: []string{"The café reopened.", "More soon."}},
		{name: "bidi controls dropped", in: "Bridge \u202ereopens\u202c\nThe \u2066bridge\u2069 re\u200eopened\u200f.\u202a\u202b\u202d\u2067\u2068",
			wantTitle: "Bridge reopens", wantParas: []string{"The bridge reopened."}},
		{name: "UTF-8 BOM dropped", in: "\ufeffBridge reopens\nThe bridge reopened.",
			wantTitle: "Bridge reopens", wantParas: []string{"The bridge reopened."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("a.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.wantTitle {
				t.Errorf("Title %q, want %q", a.Title, tt.wantTitle)
			}
			if a.Hook != tt.wantHook {
				t.Errorf("Hook %q, want %q", a.Hook, tt.wantHook)
			}
			if !reflect.DeepEqual(a.Paragraphs, tt.wantParas) {
				t.Errorf("Paragraphs\n%q, want\n%q", a.Paragraphs, tt.wantParas)
			}
			if a.Source != "a.txt" || a.ID != "" {
				t.Errorf("Source %q ID %q", a.Source, a.ID)
			}
		})
	}
}

func TestParse_badInput(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		in      []byte
		wantErr error
		wantMsg string
	}{
		{name: "empty", file: "a.txt", in: nil, wantErr: ErrEmpty, wantMsg: "a.txt: empty input"},
		{name: "white space", file: "a.md", in: []byte("\n \t\r\n"), wantErr: ErrEmpty},
		{name: "NUL", file: "a.txt", in: []byte("abc\x00def"), wantErr: ErrBinary, wantMsg: "a.txt: binary data, not text (NUL byte at offset 3)"},
		{name: "NUL in HTML", file: "a.html", in: []byte("<p>abc\x00</p>"), wantErr: ErrBinary},
		{name: "Latin-1 text", file: "notes.txt", in: []byte("Bridge\nCaf\xe9"), wantErr: ErrNotUTF8, wantMsg: "notes.txt: not UTF-8 text (invalid byte at offset 10); save it as UTF-8"},
		{name: "Latin-1 Markdown", file: "notes.md", in: []byte("# Caf\xe9"), wantErr: ErrNotUTF8},
		{name: "digits only", file: "a.txt", in: []byte("12345\n---\n"), wantErr: ErrNoText, wantMsg: "a.txt: no sentences found"},
		{name: "Markdown heading only", file: "a.md", in: []byte("# Title\n\n```\ncode\n```\n"), wantErr: ErrNoText},
		{name: "HTML without text", file: "a.html", in: []byte("<html><body><script>var a;</script></body></html>"), wantErr: ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(tt.file, tt.in)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if a != nil {
				t.Error("article returned with an error")
			}
			if msg := err.Error(); !strings.Contains(msg, tt.wantMsg) || !strings.HasPrefix(msg, tt.file+": ") || strings.Contains(msg, "\n") {
				t.Errorf("error %q, want one line naming %s containing %q", msg, tt.file, tt.wantMsg)
			}
		})
	}
}

func TestParse_utf16(t *testing.T) {
	// "Hi\nYo." in UTF-16LE with a byte order mark.
	in := []byte{0xFF, 0xFE, 'H', 0, 'i', 0, '\n', 0, 'Y', 0, 'o', 0, '.', 0}
	a, err := Parse("a.txt", in)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Hi" || !reflect.DeepEqual(a.Paragraphs, []string{"Yo."}) {
		t.Errorf("got %q %q", a.Title, a.Paragraphs)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, data string
		want       Format
	}{
		{"a.md", "", Markdown},
		{"a.MARKDOWN", "", Markdown},
		{"a.htm", "", HTML},
		{"a.txt", "<html>", Text},
		{"-", "---\ntitle: x\n---\n", Markdown},
		{"-", "\ufeff  <!DOCTYPE HTML><p>x", HTML},
		{"page", "<html lang=en>", HTML},
		{"-", "Just text <b>", Text},
	}
	for _, tt := range tests {
		t.Run(tt.name+" "+tt.want.String(), func(t *testing.T) {
			if got := Sniff(tt.name, []byte(tt.data)); got != tt.want {
				t.Errorf("Sniff(%q, %q) = %v, want %v", tt.name, tt.data, got, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One. Two! Three? Four", []string{"One.", "Two!", "Three?", "Four"}},
		{"Mr. Smith met Sen. Jones in the U.S. on Monday. They talked.", []string{"Mr. Smith met Sen. Jones in the U.S. on Monday.", "They talked."}},
		{"Guests are Sens. Jo Vale, D-Ariz., and Rev. Tom Reed of Kells. They talked.", []string{"Guests are Sens. Jo Vale, D-Ariz., and Rev. Tom Reed of Kells.", "They talked."}},
		{`He said "Stop." Then he left.`, []string{`He said "Stop."`, "Then he left."}},
		{"Prices rose 2.5 percent. J. K. Rowling agreed.", []string{"Prices rose 2.5 percent.", "J. K. Rowling agreed."}},
		{"lowercase. after", []string{"lowercase. after"}},
		{"KELLS, S.D. (AP) — Brig. Gen. Jo Vale took command at K.I. Reed Base. She spoke.", []string{"KELLS, S.D. (AP) — Brig. Gen. Jo Vale took command at K.I. Reed Base.", "She spoke."}},
		{"The ship sailed from N.Y. and docked in Kells. It was late.", []string{"The ship sailed from N.Y. and docked in Kells.", "It was late."}},
		{"Wait… What?", []string{"Wait…", "What?"}},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Sentences(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParse_styleModel(t *testing.T) {
	data, err := os.ReadFile("../../shared/articles/kim-jong-un-china-trip.txt")
	if err != nil {
		t.Fatalf("shared articles not laid out (../shared beside the checkout): %v", err)
	}
	a, err := Parse("kim-jong-un-china-trip.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Hook, "Guess who’s making a rare diplomatic appearance?") || !strings.HasSuffix(a.Hook, "What does this mean for global politics?") {
		t.Errorf("Hook = %q", a.Hook)
	}
	if a.Title != "" || len(a.Paragraphs) != 8 || !strings.HasPrefix(a.Paragraphs[0], "North Korean leader") {
		t.Errorf("Title %q, %d paragraphs, first %.40q", a.Title, len(a.Paragraphs), a.Paragraphs[0])
	}
}

// TestParse_kpcrowd reads the 450 evaluation articles: every one parses, the
// title on the first line is found in nearly all, no paragraph is taken for
// a hook, and no scraping debris is left.
func TestParse_kpcrowd(t *testing.T) {
	files, _ := filepath.Glob("../../shared/eval/kpcrowd-dev/*.txt")
	if len(files) == 0 {
		t.Fatal("shared eval data not laid out (../shared/eval beside the checkout)")
	}
	titles := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Parse(filepath.Base(f), data)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if a.Title != "" {
			titles++
		}
		if a.Hook != "" {
			t.Errorf("%s: paragraph taken for a hook: %.80q", f, a.Hook)
		}
		for _, p := range append([]string{a.Title}, a.Paragraphs...) {
			if strings.Contains(p, `""`) || strings.Contains(p, "  ") || strings.ContainsAny(p, "\u0097\u0095\u00a0\u00ad\t\n") ||
				strings.Contains(p, "&rsquo;") || strings.Contains(p, "&#") || !utf8.ValidString(p) {
				t.Errorf("%s: debris left in %.120q", f, p)
			}
		}
	}
	if min := len(files) * 99 / 100; titles < min {
		t.Errorf("found %d titles in %d files, want at least %d", titles, len(files), min)
	}
}
