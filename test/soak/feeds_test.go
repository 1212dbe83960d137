package soak_test

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// feeds serves n RSS feeds at /feed/<i>.xml, each revealing its items one
// by one over span (item k appears at k×span/perFeed after start), with
// ETag and 304 answers like a real feed server.
type feeds struct {
	n, perFeed int
	start      time.Time
	span       time.Duration
}

// link is the URL (and so the article id) of item k of feed f.
func link(f, k int) string { return fmt.Sprintf("https://soak.example/f%02d/story-%02d", f, k) }

// visible is how many items of a feed are out at time now.
func (fs *feeds) visible(now time.Time) int {
	if fs.span <= 0 {
		return fs.perFeed
	}
	step := fs.span / time.Duration(fs.perFeed)
	return min(fs.perFeed, int(now.Sub(fs.start)/step)+1)
}

func (fs *feeds) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutPrefix(r.URL.Path, "/feed/")
	name, ok2 := strings.CutSuffix(name, ".xml")
	f, err := strconv.Atoi(name)
	if !ok || !ok2 || err != nil || f < 0 || f >= fs.n {
		http.NotFound(w, r)
		return
	}
	n := fs.visible(time.Now())
	etag := fmt.Sprintf(`"f%d-%d"`, f, n)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Soak feed %d</title><link>https://soak.example/f%02d/</link><language>en</language>`, f, f)
	for k := n - 1; k >= 0; k-- {
		pub := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(f*fs.perFeed+k) * time.Minute)
		fmt.Fprintf(&b, `<item><title>Harbour ferry %d of line %d runs on batteries</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate>`,
			k, f, link(f, k), link(f, k), pub.Format(time.RFC1123Z))
		fmt.Fprintf(&b, `<category>ferries</category><description><![CDATA[<p>The harbour ferry number %d of line %d runs on batteries now, the city said on Monday.</p><p>It carries two hundred people across the bay every hour, and the old diesel boat goes to a museum.</p>]]></description></item>`, k, f)
	}
	b.WriteString(`</channel></rss>`)
	_, _ = w.Write([]byte(b.String()))
}
