package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/store"
)

// hostileCase is one feed that tries to hurt the poller. Each is polled
// beside a healthy feed, with bounds on time and on bytes allocated (the
// whole process's TotalAlloc, so buffering a huge body cannot hide).
type hostileCase struct {
	name    string
	handler http.Handler
	// timeout, when set, is the fetch timeout (Deps.Timeout).
	timeout time.Duration
	// maxTime and maxAlloc bound the poll.
	maxTime  time.Duration
	maxAlloc uint64
	// check judges the poll's outcome: a clear error, or what was stored.
	check func(t *testing.T, st *store.Store, stats Stats, err error)
}

const mb = 1 << 20

// wantErr checks err wraps target and reads as one line naming the source.
func wantErr(target error) func(*testing.T, *store.Store, Stats, error) {
	return func(t *testing.T, _ *store.Store, _ Stats, err error) {
		t.Helper()
		if !errors.Is(err, target) {
			t.Fatalf("error %v, want %v", err, target)
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "source hostile: ") || strings.Contains(msg, "\n") {
			t.Errorf("error %q: want one line starting with the source's name", msg)
		}
	}
}

func TestFeed_Hostile(t *testing.T) {
	var (
		sent      atomic.Int64 // bytes the streaming handlers wrote
		metadata  atomic.Int32 // requests that reached the "metadata" host
		bomb      = gzipBomb(t, 1<<30)
		itemChunk = []byte(strings.Repeat(`<item><title>Padding</title><link>https://news.example/pad</link><description>`+
			strings.Repeat("x", 400)+`</description></item>`, 128))
	)
	stream := func(endless bool, total int64) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			_, _ = w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>`))
			for n := int64(0); endless || n < total; n += int64(len(itemChunk)) {
				k, err := w.Write(itemChunk)
				sent.Add(int64(k))
				if err != nil {
					return // the client stopped reading
				}
			}
			_, _ = w.Write([]byte(`</channel></rss>`))
		}
	}
	cases := []hostileCase{
		{
			name:    "huge body (300 MB streamed)",
			handler: stream(false, 300*mb),
			maxTime: 20 * time.Second, maxAlloc: 80 * mb,
			check: func(t *testing.T, st *store.Store, stats Stats, err error) {
				wantErr(article.ErrTooLarge)(t, st, stats, err)
				if n := sent.Load(); n > 100*mb {
					t.Errorf("server wrote %d MB before the client stopped; want it to stop near the 10 MB cap", n/mb)
				}
			},
		},
		{
			name: "huge declared length (500 MB)",
			handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Length", fmt.Sprint(500*mb))
				_, _ = w.Write(itemChunk) // then hangs up short
			}),
			maxTime: 10 * time.Second, maxAlloc: 20 * mb,
			check: wantErr(article.ErrTooLarge),
		},
		{
			name:    "endless body",
			handler: stream(true, 0),
			maxTime: 20 * time.Second, maxAlloc: 80 * mb,
			check: wantErr(article.ErrTooLarge),
		},
		{
			name: "endless trickle (a byte at a time, never done)",
			handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/rss+xml")
				rc := http.NewResponseController(w)
				tick := time.NewTicker(10 * time.Millisecond)
				defer tick.Stop()
				for {
					if _, err := w.Write([]byte("<")); err != nil || rc.Flush() != nil {
						return
					}
					select {
					case <-tick.C:
					case <-r.Context().Done():
						return
					}
				}
			}),
			timeout: time.Second,
			maxTime: 10 * time.Second, maxAlloc: 20 * mb,
			check: wantErr(article.ErrTimeout),
		},
		{
			name: "gzip bomb (1 GB of zeros as Content-Encoding: gzip)",
			handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/rss+xml")
				w.Header().Set("Content-Encoding", "gzip")
				_, _ = w.Write(bomb)
			}),
			maxTime: 20 * time.Second, maxAlloc: 80 * mb,
			check: wantErr(article.ErrTooLarge),
		},
		{
			name:    "deeply nested elements (300,000 levels in an item)",
			handler: static("application/rss+xml", deepFeed(300_000, false)),
			maxTime: 30 * time.Second, maxAlloc: 400 * mb,
			check: noPanicValidUTF8,
		},
		{
			name:    "deeply nested HTML in an item's content (100,000 levels)",
			handler: static("application/rss+xml", deepFeed(100_000, true)),
			maxTime: 30 * time.Second, maxAlloc: 400 * mb,
			check: noPanicValidUTF8,
		},
		{
			name:    "invalid UTF-8 declared as UTF-8",
			handler: static("application/rss+xml; charset=utf-8", badUTF8Feed()),
			maxTime: 5 * time.Second, maxAlloc: 20 * mb,
			check: noPanicValidUTF8,
		},
		{
			name:    "unknown encoding declared",
			handler: static("application/rss+xml", []byte(`<?xml version="1.0" encoding="x-hookline-bogus"?>`+rss(items(2))[len(`<?xml version="1.0"?>`):])),
			maxTime: 5 * time.Second, maxAlloc: 20 * mb,
			check: func(t *testing.T, st *store.Store, stats Stats, err error) {
				if err == nil {
					noPanicValidUTF8(t, st, stats, err)
					return
				}
				if !strings.HasPrefix(err.Error(), "source hostile: ") {
					t.Errorf("error %q does not name the source", err)
				}
			},
		},
		{
			name:    "Latin-1 declared in the header",
			handler: static("application/rss+xml; charset=iso-8859-1", []byte("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Caf\xe9</title><item><title>Cr\xe8me br\xfbl\xe9e reopens</title><link>https://news.example/creme</link><description>The caf\xe9 reopens on Monday.</description></item></channel></rss>")),
			maxTime: 5 * time.Second, maxAlloc: 20 * mb,
			check: func(t *testing.T, st *store.Store, stats Stats, err error) {
				noPanicValidUTF8(t, st, stats, err)
				a, aerr := st.Article(context.Background(), "https://news.example/creme")
				if aerr != nil || a.Title != "Crème brûlée reopens" {
					t.Fatalf("article %+v, %v; want the title decoded from Latin-1", a, aerr)
				}
			},
		},
		{
			name:    "5,000 items (cap 1,000)",
			handler: static("application/rss+xml", []byte(rss(manyItems(5000)))),
			maxTime: 60 * time.Second, maxAlloc: 600 * mb,
			check: func(t *testing.T, st *store.Store, stats Stats, err error) {
				if err != nil {
					t.Fatal(err)
				}
				if got := stats.New + stats.Changed + stats.Unchanged + stats.Failed; got > 1000 || stats.New == 0 {
					t.Fatalf("stats %+v: want at most the 1,000-item cap read", stats)
				}
			},
		},
		{
			name:    "file: link as the feed's own address, item without a link",
			handler: static("application/rss+xml", []byte(strings.Replace(rss([]item{{link: "javascript:alert(1)", title: "No link of its own", body: "<p>The ferry runs on batteries now.</p>", date: "2025-05-01T10:00:00Z"}}), "<channel>", `<channel><atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="self" href="file:///etc/shadow"/>`, 1))),
			maxTime: 5 * time.Second, maxAlloc: 20 * mb,
			check: func(t *testing.T, st *store.Store, stats Stats, err error) {
				noPanicValidUTF8(t, st, stats, err)
				for _, a := range stored(t, st) {
					if strings.HasPrefix(a.Source, "file:") {
						t.Errorf("article %q has source %q: a feed's self link must be http(s) to be kept", a.Title, a.Source)
					}
				}
			},
		},
		{
			name:    "javascript:, file:, data: and vbscript: links",
			handler: static("application/rss+xml", hostileLinksFeed()),
			maxTime: 5 * time.Second, maxAlloc: 20 * mb,
			check: func(t *testing.T, st *store.Store, stats Stats, err error) {
				noPanicValidUTF8(t, st, stats, err)
				if stats.New != 5 {
					t.Fatalf("stats %+v, want the 5 items stored (without their links)", stats)
				}
				arts := stored(t, st)
				for _, a := range arts {
					for _, u := range []string{a.URL, a.Source, a.Image} {
						if u != "" && !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
							t.Errorf("article %q keeps the link %q", a.Title, u)
						}
					}
					if text := strings.Join(a.Paragraphs, " "); strings.Contains(text, "alert(") || strings.Contains(text, "javascript:") {
						t.Errorf("article %q keeps script: %q", a.Title, text)
					}
				}
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sent.Store(0)
			srv := httptest.NewServer(tc.handler)
			t.Cleanup(func() {
				srv.CloseClientConnections()
				srv.Close()
			})
			pollHostile(t, tc, config.Source{Name: "hostile", Kind: "feed", URL: srv.URL + "/feed.xml", AllowPrivate: true}, nil)
		})
	}

	// A feed that redirects to the cloud metadata address: the host is
	// checked again at every redirect and the request never leaves. The
	// client dials the test server whatever the address, standing in for
	// DNS; the source does not allow private addresses.
	for _, target := range []string{
		"http://169.254.169.254/latest/meta-data/iam/security-credentials/",
		"http://[::ffff:169.254.169.254]/latest/meta-data/",
		"http://[fd00:ec2::254]/latest/meta-data/",
		"http://127.0.0.1:9/admin",
		"http://10.0.0.1/",
		"file:///etc/passwd",
	} {
		t.Run("redirect to "+target, func(t *testing.T) {
			metadata.Store(0)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Host != "93.184.216.34" {
					metadata.Add(1)
					fmt.Fprint(w, "ami-id\ninstance-id\n")
					return
				}
				http.Redirect(w, r, target, http.StatusFound)
			}))
			t.Cleanup(srv.Close)
			client := &http.Client{Transport: &http.Transport{
				DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
					return (&net.Dialer{}).DialContext(ctx, network, srv.Listener.Addr().String())
				},
			}}
			want := article.ErrForbiddenAddress
			if strings.HasPrefix(target, "file:") {
				want = article.ErrScheme
			}
			tc := hostileCase{maxTime: 5 * time.Second, maxAlloc: 20 * mb, check: wantErr(want)}
			pollHostile(t, tc, config.Source{Name: "hostile", Kind: "feed", URL: "http://93.184.216.34/feed.xml"}, client)
			if n := metadata.Load(); n != 0 {
				t.Fatalf("%d requests reached %s", n, target)
			}
		})
	}
}

// pollHostile polls the hostile source and, at the same time, a healthy
// feed in the same store, and checks the case's bounds and outcome and
// that the healthy feed yielded its items.
func pollHostile(t *testing.T, tc hostileCase, src config.Source, client *http.Client) {
	t.Helper()
	st := openStore(t)
	healthy := &feedServer{}
	healthy.set(rss(items(3)))
	hsrv := httptest.NewServer(healthy)
	t.Cleanup(hsrv.Close)
	good, err := New(config.Source{Name: "healthy", Kind: "feed", URL: hsrv.URL, Backfill: 3, AllowPrivate: true}, Deps{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	bad, err := New(src, Deps{Store: st, Client: client, Timeout: tc.timeout})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), tc.maxTime+10*time.Second)
	defer cancel()

	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	var (
		wg        sync.WaitGroup
		goodStats Stats
		goodErr   error
		stats     Stats
		pollErr   error
		panicked  any
	)
	wg.Add(2)
	go func() {
		defer wg.Done()
		goodStats, goodErr = good.Poll(ctx)
	}()
	go func() {
		defer wg.Done()
		defer func() { panicked = recover() }()
		stats, pollErr = bad.Poll(ctx)
	}()
	wg.Wait()
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)

	if panicked != nil {
		t.Fatalf("poll panicked: %v", panicked)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%s: %v in %v, %d MB allocated, stats %+v", t.Name(), pollErr, elapsed.Round(time.Millisecond), alloc/mb, stats)
	if elapsed > tc.maxTime {
		t.Errorf("poll took %v, bound %v", elapsed, tc.maxTime)
	}
	if alloc > tc.maxAlloc {
		t.Errorf("poll allocated %d MB, bound %d MB", alloc/mb, tc.maxAlloc/mb)
	}
	if goodErr != nil || goodStats.New != 3 {
		t.Errorf("healthy feed beside it: %+v, %v; want its 3 items", goodStats, goodErr)
	}
	tc.check(t, st, stats, pollErr)
}

// manyItems are n items on a host of their own (the healthy feed uses
// items' links).
func manyItems(n int) []item {
	its := items(n)
	for i := range its {
		its[i].link = fmt.Sprintf("https://many.example/post-%d", i+1)
	}
	return its
}

func static(ctype string, body []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		_, _ = w.Write(body)
	})
}

// gzipBomb is a gzip stream that inflates to size bytes of zeros: one
// compressed megabyte of zeros repeated as members read back to back.
func gzipBomb(t *testing.T, size int64) []byte {
	t.Helper()
	var member bytes.Buffer
	zw, err := gzip.NewWriterLevel(&member, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = zw.Write(make([]byte, mb))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for n := int64(0); n < size; n += mb {
		b.Write(member.Bytes())
	}
	return b.Bytes()
}

// deepFeed nests levels elements inside an item: unknown XML elements, or
// HTML divs inside the item's content.
func deepFeed(levels int, html bool) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title>`)
	b.WriteString(`<item><title>Deep item</title><link>https://news.example/deep</link>`)
	if html {
		b.WriteString(`<description><![CDATA[<p>The deep story starts here.</p>`)
		b.WriteString(strings.Repeat("<div>", levels))
		b.WriteString("Deep text.")
		b.WriteString(strings.Repeat("</div>", levels))
		b.WriteString(`]]></description>`)
	} else {
		b.WriteString(`<description>The deep story.</description>`)
		b.WriteString(strings.Repeat("<x>", levels))
		b.WriteString(strings.Repeat("</x>", levels))
	}
	b.WriteString(`</item></channel></rss>`)
	return b.Bytes()
}

func badUTF8Feed() []byte {
	return []byte("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Caf\xe9 \xff\xfe</title>" +
		"<item><title>Cr\xe8me br\xfbl\xe9e \xc3\x28 reopens</title><link>https://news.example/creme</link>" +
		"<description>Stray \x80\x81 bytes and an overlong \xc0\xaf slash.</description></item>" +
		"<item><title>Second story</title><link>https://news.example/second\xff</link><description>Text \xed\xa0\x80 surrogate.</description></item>" +
		"</channel></rss>")
}

func hostileLinksFeed() []byte {
	links := []string{"javascript:alert(1)", "file:///etc/passwd", "data:text/html,<script>alert(1)</script>",
		"vbscript:msgbox(1)", "JaVaScRiPt:alert(document.cookie)"}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Links</title><link>javascript:alert(0)</link>`)
	for i, l := range links {
		fmt.Fprintf(&b, `<item><title>Story %d about the harbour ferry</title><link>%s</link>`, i, escapeXML(l))
		fmt.Fprintf(&b, `<enclosure url="%s" type="image/png" length="1"/><media:thumbnail url="%s"/>`, escapeXML(l), escapeXML(l))
		fmt.Fprintf(&b, `<description><![CDATA[<p>The ferry story number %d runs <a href="%s">here</a>.</p><script>alert(%d)</script><img src="%s">]]></description></item>`, i, l, i, l)
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

var escapeXML = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace

// noPanicValidUTF8 accepts a clear error or stored articles whose text is
// valid UTF-8 and whose links are http(s).
func noPanicValidUTF8(t *testing.T, st *store.Store, _ Stats, err error) {
	t.Helper()
	if err != nil {
		if !strings.HasPrefix(err.Error(), "source hostile: ") {
			t.Errorf("error %q does not name the source", err)
		}
		return
	}
	for _, a := range stored(t, st) {
		fields := append([]string{a.Title, a.URL, a.Image, a.Hook, a.Lang}, a.Paragraphs...)
		fields = append(fields, a.Keywords...)
		for _, f := range fields {
			if !utf8.ValidString(f) {
				t.Errorf("article %q holds invalid UTF-8: %q", a.ID, f)
			}
		}
	}
}

// stored returns the hostile source's articles.
func stored(t *testing.T, st *store.Store) []*article.Article {
	t.Helper()
	ids := articleIDs(t, st, "hostile")
	var out []*article.Article
	for _, id := range ids {
		a, err := st.Article(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}
