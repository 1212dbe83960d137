package x_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/x"
	"github.com/hookline/hookline/store"
)

// addPosted records n posts of account as posted at times from at on,
// one minute apart, through the store's own claim and record.
func addPosted(t *testing.T, st *store.Store, account string, n int, at time.Time) {
	t.Helper()
	ctx := context.Background()
	reqs := make([]store.ClaimRequest, n)
	outs := make([]store.Outcome, n)
	for i := range n {
		when := at.Add(time.Duration(i) * time.Minute)
		p := store.Post{Account: account, ArticleID: fmt.Sprintf("%s-%d-%d", account, at.Unix(), i), Text: "t", IdempotencyKey: "k"}
		reqs[i] = store.ClaimRequest{Post: p, Now: when}
		outs[i] = store.Outcome{ArticleID: p.ArticleID, Account: account, Posted: true, Receipt: store.Receipt{ID: "1", At: when}}
	}
	if _, err := st.ClaimMany(ctx, reqs); err != nil {
		t.Fatal(err)
	}
	if err := st.Record(ctx, at, outs); err != nil {
		t.Fatal(err)
	}
}

func TestClient_PublishCaps(t *testing.T) {
	today := time.Date(2026, 11, 28, 0, 5, 0, 0, time.UTC)
	tests := []struct {
		name           string
		daily, monthly int
		setup          func(t *testing.T, st *store.Store)
		sent           int    // posts the server gets of 3 tries
		want           string // the refusal
	}{
		{
			name:  "daily cap",
			daily: 17, monthly: 500,
			setup: func(t *testing.T, st *store.Store) {
				addPosted(t, st, "x-main", 16, today)
				addPosted(t, st, "x-main", 5, today.Add(-24*time.Hour)) // yesterday
				addPosted(t, st, "x-other", 30, today)                  // another account
			},
			sent: 1,
			want: "x-main: daily cap of 17 posts reached (resets 2026-11-29 00:00 UTC); raise daily_cap if your plan allows",
		},
		{
			name:  "monthly cap",
			daily: -1, monthly: 20,
			setup: func(t *testing.T, st *store.Store) {
				addPosted(t, st, "x-main", 19, time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC))
				addPosted(t, st, "x-main", 40, time.Date(2026, 10, 30, 8, 0, 0, 0, time.UTC)) // last month
			},
			sent: 1,
			want: "x-main: monthly cap of 20 posts reached (resets 2026-12-01 00:00 UTC); raise monthly_cap if your plan allows",
		},
		{
			name:  "both reached: the monthly one is reported",
			daily: 2, monthly: 2,
			setup: func(t *testing.T, st *store.Store) { addPosted(t, st, "x-main", 2, today) },
			want:  "x-main: monthly cap of 2 posts reached",
		},
		{
			name:  "no caps",
			daily: -1, monthly: -1,
			setup: func(t *testing.T, st *store.Store) { addPosted(t, st, "x-main", 30, today) },
			sent:  3,
		},
		{
			name:  "default caps",
			setup: func(t *testing.T, st *store.Store) { addPosted(t, st, "x-main", 15, today) },
			sent:  2,
			want:  "x-main: daily cap of 17 posts reached",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t)
			st := openStore(t)
			tt.setup(t, st)
			acct := oauth1Account(srv.URL())
			acct.DailyCap, acct.MonthlyCap = tt.daily, tt.monthly
			c := newClient(t, acct, x.Options{Tokens: st})
			var last error
			for i := range 3 {
				_, err := c.Publish(context.Background(), publish.Post{Account: "x-main", ArticleID: fmt.Sprint(i), Text: fmt.Sprint("post ", i)})
				if err != nil {
					last = err
					if !errors.Is(err, publish.ErrQuota) || publish.Retryable(err) {
						t.Errorf("post %d: err = %v, want ErrQuota, not retryable", i, err)
					}
					var ce *x.CapError
					if !errors.As(err, &ce) || !ce.Reset.After(fixedNow) {
						t.Errorf("post %d: err = %v, want a *CapError with a future reset", i, err)
					}
				}
			}
			if srv.posts != tt.sent {
				t.Errorf("server got %d posts, want %d", srv.posts, tt.sent)
			}
			if tt.want == "" && last != nil {
				t.Errorf("err = %v, want none", last)
			}
			if tt.want != "" && (last == nil || len(last.Error()) < len(tt.want) || last.Error()[:len(tt.want)] != tt.want) {
				t.Errorf("err = %v\nwant prefix %q", last, tt.want)
			}
		})
	}
}

// A post the deliverer records after it returns is not counted twice.
func TestClient_PublishCapsRecorded(t *testing.T) {
	srv := newServer(t)
	st := openStore(t)
	today := time.Date(2026, 11, 28, 1, 0, 0, 0, time.UTC)
	addPosted(t, st, "x-main", 15, today)
	acct := oauth1Account(srv.URL())
	acct.DailyCap = 17
	c := newClient(t, acct, x.Options{Tokens: st})
	ctx := context.Background()
	for i := range 3 {
		p := publish.Post{Account: "x-main", ArticleID: fmt.Sprint("rec-", i), Text: fmt.Sprint("post ", i), IdempotencyKey: fmt.Sprint("k", i)}
		claimed := store.Post{Account: p.Account, ArticleID: p.ArticleID, Text: p.Text, IdempotencyKey: p.IdempotencyKey}
		if _, err := st.Claim(ctx, store.ClaimRequest{Post: claimed, Now: fixedNow}); err != nil {
			t.Fatal(err)
		}
		r, err := c.Publish(ctx, p)
		if i < 2 && err != nil {
			t.Fatalf("post %d: %v", i, err)
		}
		if i == 2 {
			if !errors.Is(err, publish.ErrQuota) {
				t.Fatalf("post 3: err = %v, want ErrQuota", err)
			}
			break
		}
		if err := st.MarkPosted(ctx, p.ArticleID, p.Account, store.Receipt{ID: r.ID, URL: r.URL, At: r.At}, "", fixedNow); err != nil {
			t.Fatal(err)
		}
	}
	if srv.posts != 2 {
		t.Errorf("server got %d posts, want 2", srv.posts)
	}
}

// Concurrent posts cannot both take the last slot.
func TestClient_PublishCapsConcurrent(t *testing.T) {
	srv := newServer(t)
	st := openStore(t)
	addPosted(t, st, "x-main", 15, time.Date(2026, 11, 28, 1, 0, 0, 0, time.UTC))
	acct := oauth1Account(srv.URL())
	acct.DailyCap = 17
	c := newClient(t, acct, x.Options{Tokens: st})
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		refused int
	)
	for i := range 6 {
		wg.Go(func() {
			_, err := c.Publish(context.Background(), publish.Post{Account: "x-main", ArticleID: fmt.Sprint(i), Text: fmt.Sprint("post ", i)})
			if errors.Is(err, publish.ErrQuota) {
				mu.Lock()
				refused++
				mu.Unlock()
			} else if err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if srv.posts != 2 || refused != 4 {
		t.Errorf("sent %d, refused %d; want 2 and 4", srv.posts, refused)
	}
}

// The count of this Client's own posts ends with the day.
func TestClient_PublishCapsNextDay(t *testing.T) {
	srv := newServer(t)
	clk := &testClock{now: fixedNow}
	acct := oauth1Account(srv.URL())
	acct.DailyCap = 1
	c := newClient(t, acct, x.Options{Now: clk.Now}) // no store: own posts only
	ctx := context.Background()
	if _, err := c.Publish(ctx, publish.Post{Account: "x-main", ArticleID: "1", Text: "one"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Publish(ctx, publish.Post{Account: "x-main", ArticleID: "2", Text: "two"}); !errors.Is(err, publish.ErrQuota) {
		t.Fatalf("second post: err = %v, want ErrQuota", err)
	}
	clk.Add(9 * time.Hour) // 2026-11-29 00:04 UTC
	if _, err := c.Publish(ctx, publish.Post{Account: "x-main", ArticleID: "2", Text: "two"}); err != nil {
		t.Fatalf("next day: %v", err)
	}
}
