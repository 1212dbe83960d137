package faults_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/internal/faultnet"
	"github.com/hookline/hookline/source"
	"github.com/hookline/hookline/store"
)

// TestFeed_HostileFeeds polls hostile feeds beside a good one: each hostile
// poll ends in a clear error or a bounded result, and the good feed's
// articles are stored all the same.
func TestFeed_HostileFeeds(t *testing.T) {
	many := make([]faultnet.FeedItem, 5000)
	for i := range many {
		many[i] = faultnet.FeedItem{Title: fmt.Sprintf("Item %d reopens", i), Link: fmt.Sprintf("https://news.example/%d", i),
			Description: "The bridge reopened to traffic on Monday.", Published: t0.Add(-time.Duration(i) * time.Minute)}
	}
	badLinks := []faultnet.FeedItem{
		{Title: "Script link", Link: "javascript:alert(1)", Description: "The bridge reopened."},
		{Title: "File link", Link: "file:///etc/passwd", Description: "The bridge reopened."},
		{Title: "Good link", Link: "https://news.example/good", Description: "The bridge reopened."},
	}
	tests := []struct {
		name    string
		setup   func(f *faultnet.Feed)
		wantErr error  // errors.Is
		wantMsg string // in the error, when no sentinel fits
		check   func(t *testing.T, st source.Stats, f *faultnet.Feed)
	}{
		{name: "300 MB feed", setup: func(f *faultnet.Feed) { f.Body = faultnet.Huge }, wantErr: article.ErrTooLarge},
		{name: "endless feed", setup: func(f *faultnet.Feed) { f.Body = faultnet.Endless }, wantErr: article.ErrTooLarge},
		{name: "gzip bomb feed", setup: func(f *faultnet.Feed) { f.Body = faultnet.GzipBomb }, wantErr: article.ErrTooLarge},
		{name: "hanging feed", setup: func(f *faultnet.Feed) { f.Set(faultnet.Hang, 0) }, wantErr: article.ErrTimeout},
		{name: "feed answering 1 byte/s", setup: func(f *faultnet.Feed) { f.Set(faultnet.Slow, 0) }, wantErr: article.ErrTimeout},
		{name: "feed resetting the connection", setup: func(f *faultnet.Feed) { f.Set(faultnet.Reset, 0) }, wantErr: article.ErrUnreachable},
		{name: "feed answering 503", setup: func(f *faultnet.Feed) { f.Set(faultnet.Status503, 0) }, wantMsg: "503"},
		{name: "feed that is not XML", setup: func(f *faultnet.Feed) { f.Set(faultnet.Malformed, 0) }, wantMsg: "feed"},
		{
			name: "feed with invalid UTF-8", setup: func(f *faultnet.Feed) { f.Body = faultnet.BadEncoding },
			check: func(t *testing.T, st source.Stats, _ *faultnet.Feed) {
				if st.New+st.SeenOnly == 0 {
					t.Errorf("stored nothing from a feed with one bad byte: %+v", st)
				}
			},
		},
		{name: "feed nested 100,000 deep", setup: func(f *faultnet.Feed) { f.Body = faultnet.Deep }},
		{
			name: "feed with 5,000 items", setup: func(f *faultnet.Feed) { f.Items = many },
			check: func(t *testing.T, st source.Stats, _ *faultnet.Feed) {
				if n := st.New + st.SeenOnly; n == 0 || n > 1000 {
					t.Errorf("stored %d items; want some, at most the 1000-item cap", n)
				}
			},
		},
		{
			name: "feed with javascript: and file: links", setup: func(f *faultnet.Feed) { f.Items = badLinks },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openStore(t)
			hostile := faultnet.NewFeed()
			t.Cleanup(hostile.Close)
			tt.setup(hostile)
			good := faultnet.NewFeed(faultnet.FeedItem{Title: "Bridge reopens", Link: "https://news.example/bridge",
				Description: "The old bridge reopened to traffic on Monday after two years of repairs.", Published: t0})
			t.Cleanup(good.Close)
			deps := source.Deps{Store: st, Timeout: 10 * time.Second, Log: quiet()}
			if errors.Is(tt.wantErr, article.ErrTimeout) {
				deps.Timeout = 500 * time.Millisecond // the hang and the dribble end here
			}
			// A backstop, not a speed check: the hangs end at deps.Timeout;
			// storing 1,000 items (an fsync each) takes 9 s under -race
			// alone and longer beside the rest of the suite on two cores.
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			var stats source.Stats
			var err error
			grew := peakHeap(func() {
				stats, err = source.NewFeed(config.Source{Name: "hostile", Kind: "feed", URL: hostile.FeedURL(), AllowPrivate: true, Backfill: 1 << 20}, deps).Poll(ctx)
			})
			switch {
			case tt.wantErr != nil && !errors.Is(err, tt.wantErr):
				t.Fatalf("err = %v; want %v", err, tt.wantErr)
			case tt.wantMsg != "" && (err == nil || !strings.Contains(err.Error(), tt.wantMsg)):
				t.Fatalf("err = %v; want it to say %q", err, tt.wantMsg)
			case err != nil && (!strings.Contains(err.Error(), "source hostile") || strings.Contains(err.Error(), "\n")):
				t.Fatalf("err = %q; want one line naming the source", err)
			case tt.wantErr == nil && tt.wantMsg == "" && err != nil:
				t.Fatalf("err = %v; want the feed read", err)
			}
			if grew > heapBound {
				t.Errorf("heap grew %d MB; want under %d MB", grew>>20, heapBound>>20)
			}
			if ctx.Err() != nil {
				t.Fatal("stopped by the test's deadline, not by Hookline's")
			}
			if tt.check != nil {
				tt.check(t, stats, hostile)
			}
			checkStoredLinks(t, st)
			// The good feed is unaffected.
			gs, gerr := source.NewFeed(config.Source{Name: "good", Kind: "feed", URL: good.FeedURL(), AllowPrivate: true, Backfill: 10}, deps).Poll(ctx)
			if gerr != nil || gs.New != 1 {
				t.Fatalf("good feed after the hostile one: %+v, %v", gs, gerr)
			}
			outcome := "read within bounds"
			if err != nil {
				outcome = "one-line error: " + strings.TrimPrefix(errKind(err), "source hostile: ")
			}
			t.Logf("%s: %s (stats %+v, heap +%d MB)", tt.name, outcome, stats, grew>>20)
		})
	}
	report(t, "hostile input", "feeds: 300 MB, endless, gzip bomb, hanging, 1 byte/s, reset, 503, not XML, invalid UTF-8, 100,000-deep nesting, 5,000 items, javascript:/file: links — each polled beside a good feed", len(tests),
		"clear one-line error or bounded read (≤1000 items, only http(s) links stored); heap growth under 96 MB; the good feed still read")
}

// errKind shortens err to its kind for the log.
func errKind(err error) string {
	for _, s := range []error{article.ErrTooLarge, article.ErrTimeout, article.ErrUnreachable} {
		if errors.Is(err, s) {
			return s.Error()
		}
	}
	return err.Error()
}

// checkStoredLinks fails when a stored article has a link that is not
// http(s), or a title that is not valid UTF-8.
func checkStoredLinks(t *testing.T, st *store.Store) {
	t.Helper()
	rows, err := st.DB().Query("SELECT id, url, title FROM articles")
	must(t, err)
	defer rows.Close()
	for rows.Next() {
		var id, u, title string
		must(t, rows.Scan(&id, &u, &title))
		a, err := st.Article(context.Background(), id)
		must(t, err)
		for _, link := range []string{u, a.URL, a.Image} {
			if link != "" && !strings.HasPrefix(link, "http://") && !strings.HasPrefix(link, "https://") {
				t.Errorf("article %s stored with link %q", id, link)
			}
		}
		if !utf8.ValidString(title) || !utf8.ValidString(a.Title) {
			t.Errorf("article %s stored with invalid UTF-8 title %q", id, title)
		}
	}
	must(t, rows.Err())
}
