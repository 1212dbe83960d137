package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

func TestStore_CountPosted(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	day := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	add := func(article, account string, at time.Time, posted bool) {
		t.Helper()
		p := Post{Account: account, ArticleID: article, Text: "t", IdempotencyKey: article + account}
		if _, err := s.Claim(ctx, ClaimRequest{Post: p, Now: at}); err != nil {
			t.Fatal(err)
		}
		if posted {
			err = s.MarkPosted(ctx, article, account, Receipt{ID: "1", At: at}, "", at)
		} else {
			err = s.MarkFailed(ctx, article, account, "boom", time.Time{}, at)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	add("a1", "x-main", day.Add(time.Hour), true)
	add("a2", "x-main", day.Add(2*time.Hour), true)
	add("a3", "x-main", day.Add(-time.Hour), true)   // yesterday
	add("a4", "x-main", day.Add(3*time.Hour), false) // failed
	add("a1", "x-other", day.Add(time.Hour), true)   // another account
	p := Post{Account: "x-main", ArticleID: "a5", Text: "t", IdempotencyKey: "k5"}
	if _, err := s.Claim(ctx, ClaimRequest{Post: p, Now: day.Add(4 * time.Hour)}); err != nil { // in flight
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		account string
		since   time.Time
		want    int
	}{
		{"today", "x-main", day, 2},
		{"since yesterday", "x-main", day.Add(-24 * time.Hour), 3},
		{"from the second post on", "x-main", day.Add(2 * time.Hour), 1},
		{"other account", "x-other", day, 1},
		{"unknown account", "nobody", day, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := s.CountPosted(ctx, tt.account, tt.since)
			if err != nil || n != tt.want {
				t.Errorf("CountPosted = %d, %v; want %d", n, err, tt.want)
			}
		})
	}
}
