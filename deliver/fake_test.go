package deliver

import (
	"context"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/store"
)

// fakePub is an in-memory network: it answers with err (or a receipt) and
// records every post it was sent.
type fakePub struct {
	mu    sync.Mutex
	sent  []publish.Post
	err   func(n int) error // error for the n-th call (from 1); nil means accept
	entry chan struct{}     // when set, signalled on entry to Publish
	hold  chan struct{}     // when set, Publish waits for it to close
}

var _ publish.Publisher = (*fakePub)(nil)

func (f *fakePub) Publish(ctx context.Context, p publish.Post) (publish.Receipt, error) {
	f.mu.Lock()
	f.sent = append(f.sent, p)
	n := len(f.sent)
	f.mu.Unlock()
	if f.entry != nil {
		f.entry <- struct{}{}
	}
	if f.hold != nil {
		select {
		case <-f.hold:
		case <-ctx.Done():
			return publish.Receipt{}, ctx.Err()
		}
	}
	if f.err != nil {
		if err := f.err(n); err != nil {
			return publish.Receipt{}, err
		}
	}
	return publish.Receipt{ID: p.IdempotencyKey, URL: "https://net.example/" + p.Account}, nil
}

func (f *fakePub) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.sent)
}

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

var t0 = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// setup opens a state file and a Deliverer with a fixed clock and jitter 0.5.
func setup(t testing.TB) (*Deliverer, *clock) {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "hookline.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c := &clock{t: t0}
	return &Deliverer{Store: st, Now: c.Now, Rand: func() float64 { return 0.5 }, Log: discardLogger()}, c
}

func post(id, account string) publish.Post {
	return publish.Post{ArticleID: id, Account: account, Text: "Hook for " + id, Link: id, Title: "Title " + id}
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
