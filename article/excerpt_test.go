package article

import (
	"reflect"
	"testing"
	"unicode/utf8"
)

func TestTrimExcerpt(t *testing.T) {
	tests := []struct {
		name  string
		in    []string
		want  []string
		wantC bool
	}{
		{"whole text kept", []string{"The bridge reopened. Traffic flows."}, []string{"The bridge reopened. Traffic flows."}, false},
		{"cut mid-sentence", []string{"The bridge reopened on Monday. As world powers tighten the"}, []string{"The bridge reopened on Monday."}, true},
		{"ellipsis cut", []string{"The bridge reopened on Monday. As world powers tighten the…"}, []string{"The bridge reopened on Monday."}, true},
		{"three dots", []string{"The bridge reopened on Monday. As world powers tighten the..."}, []string{"The bridge reopened on Monday."}, true},
		{"bracketed ellipsis after a cut", []string{"The bridge reopened on Monday. As world powers tighten the […]"}, []string{"The bridge reopened on Monday."}, true},
		{"bracketed ellipsis after a whole sentence", []string{"The bridge reopened on Monday. […]"}, []string{"The bridge reopened on Monday."}, true},
		{"read more after a cut", []string{"The bridge reopened on Monday. As world powers tighten the… Read more"}, []string{"The bridge reopened on Monday."}, true},
		{"read more with an arrow", []string{"The bridge reopened on Monday. Read more »"}, []string{"The bridge reopened on Monday."}, true},
		{"continue reading paragraph", []string{"The bridge reopened on Monday.", "Continue reading →"}, []string{"The bridge reopened on Monday."}, true},
		{"continue reading with a title", []string{"The bridge reopened on Monday.", "Continue reading “Bridge reopens”"}, []string{"The bridge reopened on Monday."}, true},
		{"more in brackets", []string{"The bridge reopened on Monday. (more…)"}, []string{"The bridge reopened on Monday."}, true},
		{"french", []string{"Le pont a rouvert lundi. Lire la suite"}, []string{"Le pont a rouvert lundi."}, true},
		{"wordpress posted-on line", []string{"The bridge reopened on Monday.", "The post Bridge reopens appeared first on City News."}, []string{"The bridge reopened on Monday."}, true},
		{"only a cut sentence", []string{"As world powers tighten the"}, nil, true},
		{"cut paragraph after a whole one", []string{"The bridge reopened on Monday.", "As world powers tighten the"}, []string{"The bridge reopened on Monday."}, true},
		{"and more is a sentence", []string{"Markets, food and more."}, []string{"Markets, food and more."}, false},
		{"the full story is a sentence", []string{"He told the full story."}, []string{"He told the full story."}, false},
		{"question kept", []string{"Will it open?"}, []string{"Will it open?"}, false},
		{"closing quote kept", []string{"“It is open,” she said. “Come.”"}, []string{"“It is open,” she said. “Come.”"}, false},
		{"empty", nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]string(nil), tt.in...)
			got, cut := TrimExcerpt(tt.in)
			if !reflect.DeepEqual(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Errorf("TrimExcerpt(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if cut != tt.wantC {
				t.Errorf("TrimExcerpt(%q) cut = %v, want %v", tt.in, cut, tt.wantC)
			}
			if !reflect.DeepEqual(in, tt.in) {
				t.Errorf("TrimExcerpt changed its argument: %q", tt.in)
			}
		})
	}
}

// FuzzTrimExcerpt: what TrimExcerpt keeps ends a whole sentence, is valid
// UTF-8 when its input was, and is kept whole by a second pass.
func FuzzTrimExcerpt(f *testing.F) {
	f.Add("The bridge reopened on Monday. As world powers tighten the… Read more", "x")
	f.Add("Le pont a rouvert. Lire la suite »", "Continue reading →")
	f.Add("(more…)", "The post X appeared first on Y.")
	f.Add("A. B [...]", "“Quote.” [...]")
	f.Fuzz(func(t *testing.T, a, b string) {
		got, _ := TrimExcerpt([]string{a, b})
		if len(got) > 0 && !endsWhole(got[len(got)-1]) {
			t.Fatalf("TrimExcerpt(%q, %q) ends %q: not a whole sentence", a, b, got[len(got)-1])
		}
		for _, p := range got {
			if utf8.ValidString(a) && utf8.ValidString(b) && !utf8.ValidString(p) {
				t.Fatalf("invalid UTF-8 out: %q", p)
			}
		}
		again, cut := TrimExcerpt(got)
		if cut || len(again) != len(got) || len(got) > 0 && !reflect.DeepEqual(again, got) {
			t.Fatalf("second pass changed %q to %q", got, again)
		}
	})
}
