package article

import "testing"

func TestFixMojibake(t *testing.T) {
	for in, want := range map[string]string{
		"A fund of Â£2.75m was set up.":                 "A fund of £2.75m was set up.",
		"He didnâ€™t say â€œnoâ€¦":                      "He didn’t say “no…",
		"CafÃ© owners met in ZÃ¼rich.":                  "Café owners met in Zürich.",
		"Prices rose 5â€“7%.":                           "Prices rose 5–7%.",
		"Â and Ã alone stay, as does Ã©t at the end: Ã": "Â and Ã alone stay, as does ét at the end: Ã",
		"São Paulo and Ångström are fine as written.":   "São Paulo and Ångström are fine as written.",
	} {
		if got := fixMojibake(in); got != want {
			t.Errorf("fixMojibake(%q) = %q, want %q", in, got, want)
		}
	}
	if got := cleanText("A fund of Â£2.75m.", 0); got != "A fund of £2.75m." {
		t.Errorf("cleanText repairs no mojibake: %q", got)
	}
}

func FuzzFixMojibake(f *testing.F) {
	f.Add("Â£1 didnâ€™t CafÃ©")
	f.Fuzz(func(t *testing.T, s string) {
		out := fixMojibake(s)
		if len(out) > len(s) {
			t.Fatalf("fixMojibake(%q) = %q: longer than its input", s, out)
		}
	})
}
