package faultnet

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"html"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Body is what a Feed serves when no fault strikes.
type Body int

// The bodies.
const (
	// RSS is a well-formed RSS 2.0 document of the feed's Items.
	RSS Body = iota
	// Huge is a well-formed RSS document padded to HugeBytes, streamed
	// without Content-Length.
	Huge
	// Endless streams RSS items for as long as the client reads.
	Endless
	// GzipBomb is a small gzip stream (Content-Encoding: gzip) that
	// inflates to BombBytes of padding.
	GzipBomb
	// BadEncoding declares charset=utf-8 but holds Latin-1 and stray bytes.
	BadEncoding
	// Deep nests elements DeepLevels deep.
	Deep
)

// FeedItem is one item of an RSS feed.
type FeedItem struct {
	Title, Link, Description string
	Published                time.Time
}

// Feed is a fake feed server answering GET /feed.xml; faults from Set apply
// to every GET of the feed.
type Feed struct {
	*Server
	// Items are the RSS items served.
	Items []FeedItem
	// Body picks the document served.
	Body Body
	// HugeBytes sizes Huge (default 300 MB); BombBytes sizes GzipBomb's
	// inflated padding (default 1 GB); DeepLevels sizes Deep (default 100000).
	HugeBytes, BombBytes int64
	DeepLevels           int

	mu      sync.Mutex
	bombGz  []byte
	bombLen int64
}

// NewFeed starts a fake feed server; the feed is at URL + "/feed.xml".
func NewFeed(items ...FeedItem) *Feed {
	f := &Feed{Items: items}
	f.Server = newServer(http.HandlerFunc(f.serve))
	return f
}

// FeedURL is the feed's address.
func (f *Feed) FeedURL() string { return f.URL + "/feed.xml" }

var feedProto = proto{
	errBody: func(code int) []byte {
		return []byte(fmt.Sprintf("<html><body><h1>%d %s</h1></body></html>", code, http.StatusText(code)))
	},
	rateHeaders: func(h http.Header, reset time.Time) { h.Set("Retry-After", "900") },
}

func (f *Feed) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/feed.xml" {
		http.NotFound(w, r)
		return
	}
	switch f.Body {
	case Huge, Endless:
		f.take()
		f.stream(w, r)
	case GzipBomb:
		f.take()
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		_, _ = w.Write(f.bomb())
	default:
		f.serveCreate(w, r, feedProto, f.document)
	}
}

func (f *Feed) document() reply {
	var b bytes.Buffer
	switch f.Body {
	case BadEncoding:
		b.WriteString(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Caf` + "\xe9 \xff\xfe" + `</title>`)
		b.WriteString("<item><title>Cr\xe8me br\xfbl\xe9e \xc3\x28 reopens</title><link>https://news.example/creme</link><description>Stray \x80\x81 bytes.</description></item>")
		b.WriteString(`</channel></rss>`)
	case Deep:
		n := f.DeepLevels
		if n <= 0 {
			n = 100000
		}
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title><item><title>Deep</title><description>`)
		b.WriteString(strings.Repeat("<div>", n))
		b.WriteString(strings.Repeat("</div>", n))
		b.WriteString(`</description></item></channel></rss>`)
	default:
		b.WriteString(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Fault feed</title><link>https://news.example/</link>`)
		for _, it := range f.Items {
			fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><guid>%s</guid><description>%s</description>",
				html.EscapeString(it.Title), html.EscapeString(it.Link), html.EscapeString(it.Link), html.EscapeString(it.Description))
			if !it.Published.IsZero() {
				fmt.Fprintf(&b, "<pubDate>%s</pubDate>", it.Published.UTC().Format(time.RFC1123Z))
			}
			b.WriteString("</item>")
		}
		b.WriteString(`</channel></rss>`)
	}
	return reply{code: 200, body: b.Bytes(), ctype: "application/rss+xml; charset=utf-8"}
}

// stream sends a Huge or Endless document in 64 KB writes.
func (f *Feed) stream(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	_, _ = w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>`))
	item := []byte(strings.Repeat(`<item><title>Padding</title><link>https://news.example/pad</link><description>`+strings.Repeat("x", 400)+`</description></item>`, 128))
	limit := f.HugeBytes
	if limit <= 0 {
		limit = 300 << 20
	}
	for sent := int64(0); f.Body == Endless || sent < limit; sent += int64(len(item)) {
		if r.Context().Err() != nil {
			return
		}
		if _, err := w.Write(item); err != nil {
			return
		}
	}
	_, _ = w.Write([]byte(`</channel></rss>`))
}

// bomb returns the gzip bomb, built once.
func (f *Feed) bomb() []byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	size := f.BombBytes
	if size <= 0 {
		size = 1 << 30
	}
	if f.bombGz != nil && f.bombLen == size {
		return f.bombGz
	}
	// A gzip stream may hold many members, read back to back: one member
	// of 1 MB of padding, compressed once, repeated.
	var member bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&member, gzip.BestCompression)
	_, _ = zw.Write(bytes.Repeat([]byte("A"), 1<<20))
	_ = zw.Close()
	var b bytes.Buffer
	zw, _ = gzip.NewWriterLevel(&b, gzip.BestCompression)
	_, _ = zw.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Bomb</title><description>`))
	_ = zw.Close()
	for n := int64(0); n < size; n += 1 << 20 {
		b.Write(member.Bytes())
	}
	f.bombGz, f.bombLen = b.Bytes(), size
	return f.bombGz
}
