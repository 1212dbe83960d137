package teaser

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hookline/hookline/article"
)

// FuzzCompose feeds arbitrary text to Compose: it never panics, and a
// teaser it returns is valid UTF-8 with no character broken on the way, keeps the hook shape and takes its
// names and numbers from the article.
func FuzzCompose(f *testing.F) {
	for _, s := range []string{
		"Harbour Town lifted the county cup on Saturday, beating Northfield Rovers 5-4 on penalties.",
		"Guess who? Kim Jong Un is heading to China! What next?\nNorth Korean leader Kim Jong Un is poised to travel.",
		"Mr. A. B. Smith, 45, said that \"it's over\" (really) – or not – according to officials.",
		"東京で会議が開かれた。Der Bürgermeister sagte, die Brücke bleibe geschlossen.",
		"'s 's, , ( ) ? ? ! 1,000 3.5 #tag @you https://x.y/z",
		"Harbin Yards said on Monday that Dunmore ferry firms could follow suité within weeks.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		lines := strings.Split(text, "\n")
		// The text alone, and its first line as the headline of the rest:
		// the writer reads a headline in its own ways.
		for _, a := range []*article.Article{{Paragraphs: lines}, {Title: lines[0], Paragraphs: lines[1:]}} {
			res, err := Compose(a, Options{})
			if err != nil {
				continue
			}
			if s := res.Teaser.String(); !utf8.ValidString(s) {
				t.Fatalf("teaser of %q is not UTF-8: %q", text, s)
			} else if strings.ContainsRune(s, utf8.RuneError) && !strings.ContainsRune(text, utf8.RuneError) {
				t.Fatalf("teaser of %q has a replacement character: %q", text, s)
			}
			if msg := badShape(res.Teaser); msg != "" {
				t.Fatalf("teaser of %q (headline %q) %s: %q", text, a.Title, msg, res.Teaser)
			}
			if bad := ungrounded(a, res.Teaser); len(bad) > 0 {
				t.Fatalf("teaser of %q (headline %q): not in the article: %v", text, a.Title, bad)
			}
		}
	})
}
