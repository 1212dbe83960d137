package faults_test

import (
	"context"
	"errors"
	"fmt"
	stdnet "net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/internal/faultnet"
)

// heapBound is the most the heap may grow while fetching hostile input
// hundreds of megabytes long: the 10 MB cap, doubled by buffer growth,
// with room for the runtime and the race detector.
const heapBound = 96 << 20

// peakHeap runs f and returns how far HeapInuse rose above where it began,
// sampled every few milliseconds while f runs.
func peakHeap(f func()) uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base, peak := ms.HeapInuse, ms.HeapInuse
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	f()
	close(done)
	wg.Wait()
	if peak < base {
		return 0
	}
	return peak - base
}

// TestFetch_HostileBodies fetches bodies far over the cap: each stops at
// the cap with ErrTooLarge, within a deadline, without buffering them.
func TestFetch_HostileBodies(t *testing.T) {
	tests := []struct {
		name string
		body faultnet.Body
		size string
	}{
		{name: "huge body (300 MB streamed, no Content-Length)", body: faultnet.Huge, size: "300 MB"},
		{name: "endless body at full speed", body: faultnet.Endless, size: "endless"},
		{name: "gzip bomb (1 MB inflating to 1 GB)", body: faultnet.GzipBomb, size: "1 GB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := faultnet.NewFeed()
			t.Cleanup(f.Close)
			f.Body = tt.body
			if tt.body == faultnet.GzipBomb {
				_ = f.Client() // build the bomb before measuring
			}
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			var err error
			start := time.Now()
			grew := peakHeap(func() {
				_, err = article.Fetch(ctx, nil, f.FeedURL(), article.FetchOptions{AllowPrivate: true})
			})
			took := time.Since(start)
			if !errors.Is(err, article.ErrTooLarge) || !strings.Contains(err.Error(), f.FeedURL()) {
				t.Fatalf("err = %v; want ErrTooLarge naming the URL", err)
			}
			if grew > heapBound {
				t.Errorf("heap grew %d MB fetching %s; want under %d MB", grew>>20, tt.size, heapBound>>20)
			}
			if ctx.Err() != nil {
				t.Errorf("took %v: stopped by the deadline, not the cap", took)
			}
			t.Logf("%s: %v in %v, heap +%d MB", tt.size, err, took.Round(time.Millisecond), grew>>20)
			report(t, "hostile input", tt.name, 1, "refused at the 10 MB cap (too large), heap growth under 96 MB")
		})
	}
}

// publicIP is a public address used as the first hop: the test client's
// dialer sends every connection to the test server, so the address checks
// see a public host, then the redirect's target.
const publicIP = "93.184.216.34"

// redirectClient returns a client whose every connection goes to srv.
func redirectClient(srv *httptest.Server) (*http.Client, *[]string) {
	var mu sync.Mutex
	dialed := &[]string{}
	addr := strings.TrimPrefix(srv.URL, "http://")
	tr := &http.Transport{DialContext: func(ctx context.Context, network, a string) (stdnet.Conn, error) {
		mu.Lock()
		*dialed = append(*dialed, a)
		mu.Unlock()
		var d stdnet.Dialer
		return d.DialContext(ctx, network, addr)
	}}
	return &http.Client{Transport: tr}, dialed
}

func TestFetch_RedirectTargets(t *testing.T) {
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	port := srv.URL[strings.LastIndexByte(srv.URL, ':')+1:]
	targets := map[string]string{
		"/to-metadata":       "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
		"/to-metadata-v6map": "http://[::ffff:169.254.169.254]/latest/meta-data/",
		"/to-alibaba-meta":   "http://100.100.100.200/latest/meta-data/",
		"/to-loopback":       "http://127.0.0.1:" + port + "/secret",
		"/to-loopback-v6":    "http://[::1]:" + port + "/secret",
		"/to-localhost":      "http://localhost:" + port + "/secret",
		"/to-private":        "http://10.0.0.1/admin",
		"/to-unspecified":    "http://0.0.0.0:" + port + "/secret",
		"/to-javascript":     "javascript:alert(document.cookie)",
		"/to-file":           "file:///etc/passwd",
		"/loop":              "/loop",
	}
	for from, to := range targets {
		mux.HandleFunc(from, func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, to, http.StatusFound) })
	}
	mux.HandleFunc("/secret", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "internal secret") })
	tests := []struct {
		path    string
		wantErr error
	}{
		{"/to-metadata", article.ErrForbiddenAddress},
		{"/to-metadata-v6map", article.ErrForbiddenAddress},
		{"/to-alibaba-meta", article.ErrForbiddenAddress},
		{"/to-loopback", article.ErrForbiddenAddress},
		{"/to-loopback-v6", article.ErrForbiddenAddress},
		{"/to-localhost", article.ErrForbiddenAddress},
		{"/to-private", article.ErrForbiddenAddress},
		{"/to-unspecified", article.ErrForbiddenAddress},
		{"/to-javascript", article.ErrScheme},
		{"/to-file", article.ErrScheme},
		{"/loop", article.ErrTooManyRedirects},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			client, dialed := redirectClient(srv)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			for _, load := range []bool{false, true} {
				var err error
				if load {
					_, err = article.Load(ctx, "http://"+publicIP+tt.path, article.LoadOptions{Client: client})
				} else {
					_, err = article.Fetch(ctx, client, "http://"+publicIP+tt.path, article.FetchOptions{})
				}
				if !errors.Is(err, tt.wantErr) || strings.Contains(err.Error(), "internal secret") {
					t.Fatalf("load %v: err = %v; want %v", load, err, tt.wantErr)
				}
				if ctx.Err() != nil {
					t.Fatal("refused only by the deadline")
				}
			}
			for _, a := range *dialed {
				if !strings.HasPrefix(a, publicIP+":") {
					t.Fatalf("dialed %s: the forbidden target was reached", a)
				}
			}
		})
	}
	report(t, "hostile input", "redirects to metadata (169.254.169.254, ::ffff:169.254.169.254, 100.100.100.200), loopback, localhost, private, 0.0.0.0, javascript:, file:, a redirect loop", len(tests),
		"refused before connecting (address not allowed / unsupported scheme / too many redirects)")
}

// TestLoad_HostileDocuments loads pages that are malformed rather than big.
func TestLoad_HostileDocuments(t *testing.T) {
	pages := map[string]struct{ ctype, body string }{
		"/bad-utf8":   {"text/html; charset=utf-8", "<html><head><title>Caf\xe9 \xff reopens</title></head><body><article><p>Cr\xe8me \xc3\x28 br\xfbl\xe9e is back on the menu of the caf\xe9 today.</p><p>Prices rose by a third since the spring.</p></article></body></html>"},
		"/bad-label":  {"text/html; charset=x-no-such-charset", "<html><head><title>Label</title></head><body><p>The bridge reopened to traffic on Monday morning after repairs.</p></body></html>"},
		"/utf16":      {"text/html; charset=utf-16le", utf16le("<html><head><title>Sixteen</title></head><body><p>The bridge reopened to traffic on Monday morning after repairs.</p></body></html>")},
		"/deep":       {"text/html", "<html><head><title>Deep</title></head><body>" + strings.Repeat("<div>", 100000) + "<p>The bridge reopened on Monday.</p>" + strings.Repeat("</div>", 100000) + "</body></html>"},
		"/js-links":   {"text/html", `<html><head><title>Links</title><link rel="canonical" href="javascript:alert(1)"><meta property="og:image" content="file:///etc/passwd"></head><body><p>The bridge reopened to traffic on Monday morning after repairs.</p></body></html>`},
		"/plain-bin":  {"text/plain", "The bridge\x00\x01\x02 reopened."},
		"/md-bad":     {"text/markdown", "---\ntitle: [unclosed\n---\nThe bridge reopened on Monday."},
		"/empty-html": {"text/html", "<html><body></body></html>"},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", p.ctype)
		fmt.Fprint(w, p.body)
	}))
	t.Cleanup(srv.Close)
	tests := []struct {
		path    string
		wantErr error // nil: loads, with valid UTF-8 and only http(s) links
	}{
		{"/bad-utf8", nil},
		{"/bad-label", nil},
		{"/utf16", nil},
		{"/deep", errAny}, // the HTML parser stops at 512 open elements
		{"/js-links", nil},
		{"/plain-bin", article.ErrBinary},
		{"/md-bad", article.ErrFrontMatter},
		{"/empty-html", article.ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			u := srv.URL + tt.path
			a, err := article.Load(ctx, u, article.LoadOptions{Fetch: article.FetchOptions{AllowPrivate: true}})
			if tt.wantErr != nil {
				if err == nil || (tt.wantErr != errAny && !errors.Is(err, tt.wantErr)) || !strings.Contains(err.Error(), u) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("err = %v; want one line naming %s and %v", err, u, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			for _, s := range append([]string{a.Title, a.URL, a.Image, a.Hook}, a.Paragraphs...) {
				if !utf8.ValidString(s) {
					t.Errorf("invalid UTF-8 out: %q", s)
				}
			}
			for _, link := range []string{a.URL, a.Image} {
				if link != "" && !strings.HasPrefix(link, "http://") && !strings.HasPrefix(link, "https://") {
					t.Errorf("non-http link kept: %q", link)
				}
			}
			if ctx.Err() != nil {
				t.Error("hit the deadline")
			}
		})
	}
	report(t, "hostile input", "pages with invalid UTF-8, an unknown or UTF-16 charset, 100,000 nested elements, javascript:/file: links, binary text, broken front matter, no text", len(tests),
		"parsed to valid UTF-8 with only http(s) links, or a one-line error naming the URL")
	for _, arg := range []string{"javascript:alert(1)", "file:///etc/passwd"} {
		if _, err := article.Load(context.Background(), arg, article.LoadOptions{}); err == nil || !strings.Contains(err.Error(), arg) {
			t.Errorf("Load(%q) = %v; want a refusal naming it", arg, err)
		}
	}
}

// errAny accepts any error that is one line naming the input.
var errAny = errors.New("any error")

func utf16le(s string) string {
	b := []byte{0xff, 0xfe}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}
