package article

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func BenchmarkParse_text(b *testing.B) {
	data, err := os.ReadFile("testdata/untitled.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("untitled.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParse_html(b *testing.B) {
	data := []byte(bigPage(100 << 10))
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("page.html", data); err != nil {
			b.Fatal(err)
		}
	}
}

// bigPage builds a news page of about size bytes: head metadata, a
// navigation bar, an article of many paragraphs, a sidebar and a footer.
func bigPage(size int) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>City budget passes after long debate | Example Times</title>
<link rel="canonical" href="https://times.example.com/city/budget"><meta property="og:image" content="/img/hall.jpg">
<meta name="keywords" content="budget, city council"><meta property="article:published_time" content="2026-01-05T10:00:00Z"></head><body>
<header><nav><ul>`)
	for i := range 30 {
		fmt.Fprintf(&b, `<li><a href="/section/%d">Section %d</a></li>`, i, i)
	}
	b.WriteString(`</ul></nav></header><main><article><h1>City budget passes after long debate</h1>`)
	for i := 0; b.Len() < size*8/10; i++ {
		fmt.Fprintf(&b, `<p>Paragraph %d: the council voted on the <a href="/x/%d">budget line</a> for roads, schools and parks, and members argued about <em>how much</em> to spend on repairs before the winter, according to the minutes published on Tuesday.</p>`+"\n", i, i)
	}
	b.WriteString(`</article></main><aside class="sidebar"><h2>Most read</h2><ul>`)
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `<li><a href="/story/%d">Other story number %d</a></li>`, i, i)
	}
	b.WriteString(`</ul></aside><footer>© Example Times</footer></body></html>`)
	return b.String()
}
