package schedule

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/deliver"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/store"
)

func benchArticle(i int) *article.Article {
	a := &article.Article{Title: fmt.Sprintf("Ferry %d goes electric", i), URL: fmt.Sprintf("https://news.example/ferry-%d", i),
		Paragraphs: []string{fmt.Sprintf("The harbour ferry number %d runs on batteries now, the city said on Monday.", i),
			"It carries two hundred people across the bay every hour."}}
	a.Finish()
	return a
}

// BenchmarkFire100Accounts is one fire posting one article to 100
// accounts on an httptest network, concurrently and exactly once.
func BenchmarkFire100Accounts(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "state.db"), store.Options{Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	c := &config.Config{State: "x", Timezone: "UTC", Sources: []config.Source{{Name: "s", Kind: "folder", Path: b.TempDir()}},
		Schedules: []config.Schedule{{Name: "s", Cron: "@hourly"}}}
	for i := range 100 {
		c.Networks = append(c.Networks, config.Account{Name: fmt.Sprintf("acct-%d", i), Kind: "outbox"})
	}
	c.WithDefaults()
	d := &Daemon{Store: st, Log: slog.New(slog.DiscardHandler),
		Open: func(context.Context, config.Account) (publish.Publisher, error) { return httpPub{srv.URL}, nil }}
	p, err := d.build(ctx, c, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		if _, err := st.UpsertArticle(ctx, "s", benchArticle(i), false); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep := d.fire(ctx, p, p.jobs[0], time.Now())
		if rep.Posted() != 100 {
			b.Fatalf("posted %d of 100: %v %v", rep.Posted(), rep.Errors, rep.Results[0].Err)
		}
	}
}

// BenchmarkStartToReady is the time from Run to Ready with 10,000
// articles and posts of history in the state file.
func BenchmarkStartToReady(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "state.db")
	st, err := store.Open(ctx, path, store.Options{Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	db := st.DB()
	tx, _ := db.BeginTx(ctx, nil)
	now := time.Now().UnixNano()
	for i := range 10000 {
		a := benchArticle(i)
		if _, err := tx.ExecContext(ctx, `INSERT INTO articles (id, source, hash, title, url, first_seen, updated_at, seen_only, data)
			VALUES (?, 's', ?, ?, ?, ?, ?, 0, '{}')`, a.ID, a.Hash, a.Title, a.URL, now, now); err != nil {
			b.Fatal(err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO posts (article_id, account, state, idempotency_key, article_hash, post, created_at, updated_at)
			VALUES (?, 'box', 'posted', ?, ?, '{}', ?, ?)`, a.ID, fmt.Sprint("k", i), a.Hash, now, now); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	st.Close()
	c := &config.Config{State: path, Timezone: "UTC", Networks: []config.Account{{Name: "box", Kind: "outbox"}},
		Schedules: []config.Schedule{{Name: "s", Cron: "@hourly", CatchUp: "once"}}}
	c.WithDefaults()
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		st, err := store.Open(ctx, path, store.Options{Log: slog.New(slog.DiscardHandler)})
		if err != nil {
			b.Fatal(err)
		}
		runCtx, cancel := context.WithCancel(ctx)
		ready := make(chan struct{})
		d := &Daemon{Store: st, Log: slog.New(slog.DiscardHandler), Metrics: NewMetrics(),
			Open:     func(context.Context, config.Account) (publish.Publisher, error) { return &fakePub{now: time.Now}, nil },
			OnResume: func([]deliver.Result) { close(ready) }}
		done := make(chan error, 1)
		go func() { done <- d.Run(runCtx, c) }()
		<-ready // the first resume pass starts after the first fire times are computed
		if !d.Ready() {
			b.Fatal("not ready")
		}
		b.ReportMetric(float64(time.Since(start).Microseconds())/1000, "ms-to-ready")
		cancel()
		<-done
		st.Close()
	}
}
