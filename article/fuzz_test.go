package article

import (
	"os"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes to the text, Markdown and HTML readers:
// they must not panic, and what they return must be valid UTF-8 with no
// empty paragraph.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/untitled.txt", "testdata/wrapped.txt", "testdata/markdown-front-matter.md", "testdata/latin1.html"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(0), data)
		f.Add(uint8(1), data)
		f.Add(uint8(2), data)
	}
	f.Add(uint8(1), []byte("---\ntitle: [\n---\n# x"))
	f.Add(uint8(0), []byte("Title?\n\nIs it? Yes! Really?\nBody.\n&#0; &amp &#x110000; \"\"\"\x85"))
	f.Add(uint8(2), []byte("<html><body><p>a<br>b</p><script>x</script></body></html>"))
	names := []string{"a.txt", "a.md", "a.html", "noext"}
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		a, err := Parse(names[int(kind)%len(names)], data)
		if err != nil {
			if a != nil {
				t.Fatal("article returned with an error")
			}
			return
		}
		check := func(what, s string) {
			if !utf8.ValidString(s) {
				t.Fatalf("%s is not valid UTF-8: %q", what, s)
			}
		}
		check("title", a.Title)
		check("hook", a.Hook)
		check("url", a.URL)
		check("image", a.Image)
		for _, p := range a.Paragraphs {
			check("paragraph", p)
			if p == "" {
				t.Fatal("empty paragraph")
			}
		}
		for _, k := range a.Keywords {
			check("keyword", k)
		}
		if a.Hash == "" || a.Hash != a.ContentHash() || a.ID != CanonicalURL(a.URL) {
			t.Fatal("Finish was not called")
		}
	})
}
