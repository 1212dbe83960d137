package source

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/mmcdole/gofeed"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/store"
)

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "state.db"), store.Options{Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

type item struct {
	link, title, body, date string
	cats                    []string
}

func items(n int) []item {
	var out []item
	for i := 1; i <= n; i++ {
		out = append(out, item{link: fmt.Sprintf("https://blog.example/post-%d", i), title: fmt.Sprintf("Post number %d", i),
			body: fmt.Sprintf("<p>The harbour ferry number %d runs on batteries now, the city said.</p><p>It carries two hundred people.</p>", i),
			date: fmt.Sprintf("2025-05-%02dT10:00:00Z", i), cats: []string{"ferries", "Harbour City"}})
	}
	return out
}

func rss(its []item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title><link>https://blog.example/</link><language>en</language>`)
	for _, it := range its {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><pubDate>%s</pubDate>", it.title, it.link, rfc1123(it.date))
		for _, c := range it.cats {
			fmt.Fprintf(&b, "<category>%s</category>", c)
		}
		fmt.Fprintf(&b, "<description><![CDATA[%s]]></description></item>", it.body)
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

func atom(its []item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><id>urn:blog</id><updated>2025-05-10T00:00:00Z</updated>`)
	for _, it := range its {
		fmt.Fprintf(&b, `<entry><title>%s</title><link href="%s"/><id>%s</id><updated>%s</updated><published>%s</published>`, it.title, it.link, it.link, it.date, it.date)
		for _, c := range it.cats {
			fmt.Fprintf(&b, `<category term="%s"/>`, c)
		}
		fmt.Fprintf(&b, `<content type="html"><![CDATA[%s]]></content></entry>`, it.body)
	}
	b.WriteString("</feed>")
	return b.String()
}

func jsonFeed(its []item) string {
	var parts []string
	for _, it := range its {
		tags := `"` + strings.Join(it.cats, `","`) + `"`
		parts = append(parts, fmt.Sprintf(`{"id":%q,"url":%q,"title":%q,"content_html":%q,"date_published":%q,"tags":[%s]}`,
			it.link, it.link, it.title, it.body, it.date, tags))
	}
	return `{"version":"https://jsonfeed.org/version/1.1","title":"Blog","items":[` + strings.Join(parts, ",") + `]}`
}

func rfc1123(iso string) string {
	return strings.Replace(iso[:10], "2025-05-", "", 1) + " May 2025 10:00:00 GMT"
}

// feedServer serves body with an ETag and Last-Modified, answering 304 to
// a matching conditional request.
type feedServer struct {
	mu       sync.Mutex
	body     string
	version  int
	requests []http.Header
}

func (f *feedServer) set(body string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.body = body
	f.version++
}

func (f *feedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = append(f.requests, r.Header.Clone())
	etag := fmt.Sprintf(`"v%d"`, f.version)
	lm := fmt.Sprintf("Mon, 0%d Jun 2025 10:00:00 GMT", f.version)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", lm)
	fmt.Fprint(w, f.body)
}

func newFeed(t *testing.T, st *store.Store, url string, backfill int) *Feed {
	t.Helper()
	src, err := New(config.Source{Name: "blog", Kind: "feed", URL: url, Backfill: backfill, AllowPrivate: true}, Deps{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	return src.(recorded).Source.(*Feed)
}

func candidates(t *testing.T, st *store.Store) []string {
	t.Helper()
	arts, err := st.Candidates(context.Background(), store.CandidateQuery{Sources: []string{"blog"}, Account: "acct", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	return ids
}

func TestFeed_Formats(t *testing.T) {
	for _, tt := range []struct {
		name string
		doc  func([]item) string
	}{{"rss", rss}, {"atom", atom}, {"json", jsonFeed}} {
		t.Run(tt.name, func(t *testing.T) {
			st := openStore(t)
			fs := &feedServer{}
			fs.set(tt.doc(items(3)))
			srv := httptest.NewServer(fs)
			defer srv.Close()
			f := newFeed(t, st, srv.URL, 1)

			stats, err := f.Poll(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			// First poll: 3 new, only the newest (backfill 1) postable.
			if stats.New != 3 || stats.SeenOnly != 2 {
				t.Fatalf("first poll %+v", stats)
			}
			if got := candidates(t, st); !slices.Equal(got, []string{"https://blog.example/post-3"}) {
				t.Fatalf("postable after first poll: %v", got)
			}
			a, err := st.Article(context.Background(), "https://blog.example/post-3")
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(a.Keywords[:2], []string{"ferries", "Harbour City"}) {
				t.Errorf("keywords %v, want the categories first", a.Keywords)
			}
			if a.Title != "Post number 3" || len(a.Paragraphs) == 0 || !strings.Contains(a.Paragraphs[0], "ferry number 3") {
				t.Errorf("article %+v", a)
			}
			if a.Published.IsZero() {
				t.Error("no published time")
			}

			// Unchanged: conditional GET gives 304.
			stats, err = f.Poll(context.Background())
			if err != nil || !stats.NotModified {
				t.Fatalf("second poll %+v, %v", stats, err)
			}
			if h := fs.requests[1]; h.Get("If-None-Match") != `"v1"` || h.Get("If-Modified-Since") == "" {
				t.Errorf("second request not conditional: %v", h)
			}

			// Reordered, one edited, one new: the new one is postable, the
			// reorder changes nothing, the edit is stored (not a new article).
			its := items(4)
			its[0].body = "<p>The harbour ferry number 1 was delayed by a storm, the city said.</p>"
			slices.Reverse(its)
			fs.set(tt.doc(its))
			stats, err = f.Poll(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if stats.New != 1 || stats.SeenOnly != 0 || stats.Changed != 1 || stats.Unchanged != 2 {
				t.Fatalf("third poll %+v", stats)
			}
			if got := candidates(t, st); !slices.Equal(got, []string{"https://blog.example/post-4", "https://blog.example/post-3"}) {
				t.Fatalf("postable after third poll: %v", got)
			}
		})
	}
}

func TestFeed_Errors(t *testing.T) {
	st := openStore(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/500":
			http.Error(w, "boom", 500)
		default:
			fmt.Fprint(w, "this is not a feed")
		}
	}))
	defer srv.Close()
	for _, path := range []string{"/500", "/garbage"} {
		f := newFeed(t, st, srv.URL+path, 0)
		if _, err := f.Poll(context.Background()); err == nil || !strings.Contains(err.Error(), "blog") {
			t.Errorf("%s: error %v should name the source", path, err)
		}
		// A failed first poll stays the first poll.
		if first, _ := st.FirstPolled(context.Background(), "blog"); !first.IsZero() {
			t.Errorf("%s: first poll recorded after a failure", path)
		}
	}
}

func TestItemArticle_HostileLinks(t *testing.T) {
	st := openStore(t)
	fs := &feedServer{}
	fs.set(rss([]item{{link: "javascript:alert(1)", title: "Bad link", body: "<p>Some text about the harbour ferry.</p><script>x()</script>", date: "2025-05-01T10:00:00Z"}}))
	srv := httptest.NewServer(fs)
	defer srv.Close()
	f := newFeed(t, st, srv.URL, 5)
	if _, err := f.Poll(context.Background()); err != nil {
		t.Fatal(err)
	}
	arts, _ := st.Candidates(context.Background(), store.CandidateQuery{Sources: []string{"blog"}, Account: "a", Limit: 5})
	if len(arts) != 1 || arts[0].URL != "" || strings.Contains(strings.Join(arts[0].Paragraphs, " "), "x()") {
		t.Fatalf("hostile item stored as %+v", arts)
	}
}

func TestItemArticle_BidiControls(t *testing.T) {
	feed := &gofeed.Feed{Title: "blog"}
	it := &gofeed.Item{Title: "Ferry \u202eelectric\u202c \u2066news\u2069", Link: "https://example.org/a",
		Description: "The \u200eharbour\u200f ferry now runs \u202bon batteries\u202c."}
	a, err := ItemArticle("blog", feed, it)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Ferry electric news" {
		t.Errorf("Title %q", a.Title)
	}
	if got := strings.Join(a.Paragraphs, "|"); got != "The harbour ferry now runs on batteries." {
		t.Errorf("Paragraphs %q", got)
	}
}
