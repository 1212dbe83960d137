package source

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/store"
	"github.com/hookline/hookline/teaser"
)

// pageText is the article behind the excerpt: what a teaser should be
// written from.
const pageText = `<p>The harbour ferry between Northgate and the old town switched to battery power on Monday, the city transport office said, ending forty years of diesel crossings.</p>
<p>The new vessel carries two hundred passengers and charges in eight minutes at each end of the line, according to the operator.</p>
<p>Officials expect the change to cut the service's fuel bill by half and its emissions by nine tenths within the first year.</p>
<p>Residents along the quay had complained for years about noise and fumes from the old engines, which ran from dawn to midnight.</p>`

// excerpt is the item's description: 200 characters cut mid-sentence.
const excerpt = "The harbour ferry between Northgate and the old town switched to battery power on Monday. As world powers tighten the"

// siteServer serves a feed at /feed and article pages at /a/, with ETags
// and 304s; pageStatus makes pages fail.
type siteServer struct {
	mu         sync.Mutex
	feed       string
	pageStatus int
	pageHits   int
	page304    int
}

func (s *siteServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.URL.Path == "/feed" {
		fmt.Fprint(w, s.feed)
		return
	}
	s.pageHits++
	if s.pageStatus != 0 {
		w.WriteHeader(s.pageStatus)
		return
	}
	if r.Header.Get("If-None-Match") == `"p1"` {
		s.page304++
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", `"p1"`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<!doctype html><html lang=en><head><title>Ferry goes electric</title></head><body><nav>Home News</nav><article><h1>Ferry goes electric</h1>%s</article><footer>© City</footer></body></html>", pageText)
}

func (s *siteServer) setFeed(base, description string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.feed = rss([]item{{link: base + "/a/ferry", title: "Ferry goes electric", body: description, date: "2025-05-05T10:00:00Z"}})
}

func (s *siteServer) hits() (int, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pageHits, s.page304
}

// setupSite returns a feed source named blog on a new site server, with its
// store and a buffer of its logs.
func setupSite(t *testing.T, fetch string, backfill int) (*siteServer, string, Source, *store.Store, *bytes.Buffer) {
	t.Helper()
	site := &siteServer{}
	srv := httptest.NewServer(site)
	t.Cleanup(srv.Close)
	st := openStore(t)
	var logs bytes.Buffer
	src, err := New(config.Source{Name: "blog", Kind: config.SourceFeed, URL: srv.URL + "/feed", Backfill: backfill, AllowPrivate: true, FetchArticle: fetch},
		Deps{Store: st, Log: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return site, srv.URL, src, st, &logs
}

func storedFerry(t *testing.T, st *store.Store, base string) *article.Article {
	t.Helper()
	a, err := st.Article(context.Background(), article.CanonicalURL(base+"/a/ferry"))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func poll(t *testing.T, src Source) Stats {
	t.Helper()
	st, err := src.Poll(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestFeed_excerptFetchesPage(t *testing.T) {
	site, base, src, st, _ := setupSite(t, "", 1)
	site.setFeed(base, excerpt)
	poll(t, src)
	a := storedFerry(t, st, base)
	if hits, _ := site.hits(); hits != 1 {
		t.Fatalf("page fetched %d times, want 1", hits)
	}
	if len(a.Paragraphs) < 4 || !strings.Contains(a.Body(), "two hundred passengers") {
		t.Fatalf("body not read from the page: %q", a.Paragraphs)
	}
	if a.Title != "Ferry goes electric" || a.URL != base+"/a/ferry" {
		t.Errorf("title %q, url %q: want the item's", a.Title, a.URL)
	}
	res, err := teaser.Compose(a, teaser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tz := res.Teaser.String(); strings.Contains(tz, "tighten the") || !strings.Contains(pageText, strings.TrimSuffix(res.Teaser.Sentences[0].Text, ".")) {
		t.Errorf("teaser %q not written from the page", tz)
	}
	// A poll of the same feed does not fetch the page again.
	poll(t, src)
	if hits, _ := site.hits(); hits != 1 {
		t.Errorf("page fetched %d times after a second poll, want 1", hits)
	}
}

func TestFeed_pageFailureFallsBackLoggedOnce(t *testing.T) {
	site, base, src, st, logs := setupSite(t, "", 1)
	site.pageStatus = http.StatusServiceUnavailable
	site.setFeed(base, excerpt+" […]")
	poll(t, src)
	// The feed changes (another item's edit) and the item is read again:
	// its page is not fetched again before retryFailedPage, and once it is
	// tried again, the failure is not logged again.
	site.setFeed(base, excerpt+" Read more")
	poll(t, src)
	poll(t, src)
	if n := strings.Count(logs.String(), "article page not read"); n != 1 {
		t.Errorf("failure logged %d times, want once:\n%s", n, logs)
	}
	a := storedFerry(t, st, base)
	want := []string{"The harbour ferry between Northgate and the old town switched to battery power on Monday."}
	if strings.Join(a.Paragraphs, "|") != strings.Join(want, "|") {
		t.Errorf("fallback %q, want the summary without its cut %q", a.Paragraphs, want)
	}
}

func TestFeed_pageNotModified(t *testing.T) {
	site, base, src, st, _ := setupSite(t, "", 1)
	site.setFeed(base, excerpt)
	poll(t, src)
	// The item's summary changes: the page is asked again, conditionally.
	site.setFeed(base, excerpt+" new")
	poll(t, src)
	hits, n304 := site.hits()
	if hits != 2 || n304 != 1 {
		t.Fatalf("page requests %d (304s %d), want 2 with one 304", hits, n304)
	}
	if a := storedFerry(t, st, base); !strings.Contains(a.Body(), "two hundred passengers") {
		t.Errorf("after a 304 the body is %q, want the cached page's", a.Paragraphs)
	}
}

func TestFeed_fetchNever(t *testing.T) {
	site, base, src, st, _ := setupSite(t, config.FetchNever, 1)
	site.setFeed(base, excerpt)
	poll(t, src)
	if hits, _ := site.hits(); hits != 0 {
		t.Errorf("fetch_article: never fetched the page %d times", hits)
	}
	if a := storedFerry(t, st, base); strings.Contains(a.Body(), "tighten") {
		t.Errorf("excerpt tail kept: %q", a.Paragraphs)
	}
}

func TestFeed_excerptTails(t *testing.T) {
	tests := []struct{ name, description, cut string }{
		{"bracketed ellipsis", "The ferry switched to battery power on Monday after forty years. As world powers tighten the [&#8230;]", "tighten"},
		{"read more", "The ferry switched to battery power on Monday after forty years. As world powers tighten the… <a href=\"/a/ferry\">Read more</a>", "tighten"},
		{"mid-sentence", "The ferry switched to battery power on Monday after forty years. As world powers tighten the", "tighten"},
		{"continue reading", "<p>The ferry switched to battery power on Monday after forty years. As world powers tighten the</p><p><a href=\"/a/ferry\">Continue reading →</a></p>", "Continue"},
		{"only a cut sentence: the title leads", "As world powers tighten the", "tighten"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site, base, src, st, _ := setupSite(t, config.FetchNever, 1)
			site.setFeed(base, tt.description)
			poll(t, src)
			a := storedFerry(t, st, base)
			if strings.Contains(a.Body(), tt.cut) {
				t.Errorf("body %q keeps the excerpt's tail", a.Paragraphs)
			}
			res, err := teaser.Compose(a, teaser.Options{})
			if err != nil {
				t.Fatalf("no teaser: %v", err)
			}
			if tz := res.Teaser.String(); strings.Contains(tz, tt.cut) || strings.Contains(tz, "…") {
				t.Errorf("teaser %q posts the excerpt's cut", tz)
			}
		})
	}
}

func TestFeed_legacyItemUnchanged(t *testing.T) {
	site, base, src, st, _ := setupSite(t, "", 1)
	site.setFeed(base, excerpt)
	// As an older build stored it: the item's text as it was.
	old := &article.Article{Title: "Ferry goes electric", URL: base + "/a/ferry", Source: base + "/a/ferry", Paragraphs: []string{excerpt}}
	old.Finish()
	if _, err := st.UpsertArticle(context.Background(), "blog", old, false); err != nil {
		t.Fatal(err)
	}
	if err := st.SetFeedState(context.Background(), "blog", "", ""); err != nil {
		t.Fatal(err)
	}
	got := poll(t, src)
	if got.Changed != 0 {
		t.Errorf("an article stored by an older build changed: %+v", got)
	}
	if hits, _ := site.hits(); hits != 0 {
		t.Errorf("page of an article stored by an older build fetched %d times", hits)
	}
}

func TestFeed_backfillRaised(t *testing.T) {
	ctx := context.Background()
	site := &feedServer{}
	srv := httptest.NewServer(site)
	defer srv.Close()
	st := openStore(t)
	var logs bytes.Buffer
	open := func(backfill int) Source {
		src, err := New(config.Source{Name: "blog", Kind: config.SourceFeed, URL: srv.URL, Backfill: backfill, AllowPrivate: true, FetchArticle: config.FetchNever},
			Deps{Store: st, Log: slog.New(slog.NewTextHandler(&logs, nil))})
		if err != nil {
			t.Fatal(err)
		}
		return src
	}
	site.set(rss(items(6)))
	poll(t, open(0))
	if !strings.Contains(logs.String(), "marked seen") || !strings.Contains(logs.String(), "hookline sources backfill blog N") {
		t.Errorf("first poll does not explain itself:\n%s", logs.String())
	}
	if got := candidates(t, st); len(got) != 0 {
		t.Fatalf("postable after a first poll with backfill 0: %v", got)
	}
	poll(t, open(2))
	if got := candidates(t, st); len(got) != 2 || !strings.HasSuffix(got[0], "post-6") || !strings.HasSuffix(got[1], "post-5") {
		t.Fatalf("after raising backfill to 2: %v, want the newest two", got)
	}
	poll(t, open(2)) // the same backfill again releases nothing more
	if got := candidates(t, st); len(got) != 2 {
		t.Fatalf("backfill applied twice: %v", got)
	}
	poll(t, open(3))
	if got := candidates(t, st); len(got) != 3 || !strings.HasSuffix(got[2], "post-4") {
		t.Fatalf("after raising backfill to 3: %v", got)
	}
	stats, err := st.Stats(ctx, "blog")
	if err != nil {
		t.Fatal(err)
	}
	if stats.Seen != 3 || stats.Pending != 3 || stats.LastPoll.IsZero() {
		t.Errorf("stats %+v, want 3 seen, 3 pending, a last poll", stats)
	}
}
