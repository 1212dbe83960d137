package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// seedPosts inserts n posted rows over 10 accounts, one a minute from base.
func seedPosts(tb testing.TB, s *Store, n int) time.Time {
	tb.Helper()
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	err := s.tx(context.Background(), "seed", func(tx *sql.Tx) error {
		ins, err := tx.Prepare(`INSERT INTO articles (id, source, hash, title, url, first_seen, updated_at, data) VALUES (?, 'blog', 'h', ?, ?, 0, 0, '{}')`)
		if err != nil {
			return err
		}
		post, err := tx.Prepare(`INSERT INTO posts (article_id, account, state, attempts, idempotency_key, post, receipt_id, url,
			created_at, updated_at, posted_at) VALUES (?, ?, 'posted', 1, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		for i := range n {
			id := fmt.Sprintf("https://e.com/%d", i)
			if _, err := ins.Exec(id, fmt.Sprintf("Article %d", i), id); err != nil {
				return err
			}
			acct := fmt.Sprintf("acct-%d", i%10)
			p, _ := json.Marshal(Post{ArticleID: id, Account: acct, Text: "hook " + id})
			at := base.Add(time.Duration(i) * time.Minute).UnixNano()
			if _, err := post.Exec(id, acct, "k", string(p), fmt.Sprint(i), "https://net/"+fmt.Sprint(i), at, at, at); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return base
}

func TestHistory(t *testing.T) {
	ctx := context.Background()
	s := setup(t)
	base := seedPosts(t, s, 50)
	tests := []struct {
		name      string
		f         HistoryFilter
		wantN     int
		wantFirst string
	}{
		{"default limit", HistoryFilter{}, 20, "https://e.com/49"},
		{"account", HistoryFilter{Account: "acct-3", Limit: 100}, 5, "https://e.com/43"},
		{"limit", HistoryFilter{Limit: 3}, 3, "https://e.com/49"},
		{"unknown account", HistoryFilter{Account: "nobody"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.History(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.wantN {
				t.Fatalf("got %d rows, want %d", len(got), tt.wantN)
			}
			if tt.wantN == 0 {
				return
			}
			if got[0].ArticleID != tt.wantFirst || got[0].Title == "" || got[0].Post.Text == "" {
				t.Fatalf("first = %+v", got[0])
			}
			for i := 1; i < len(got); i++ {
				if got[i].UpdatedAt.After(got[i-1].UpdatedAt) {
					t.Fatal("not newest first")
				}
			}
		})
	}
	if got, _ := s.History(ctx, HistoryFilter{Limit: 1}); !got[0].PostedAt.Equal(base.Add(49 * time.Minute)) {
		t.Fatalf("posted at = %v", got[0].PostedAt)
	}
}

// TestHistory_UsesIndex fails if history would sort the whole table: the
// query plan must walk an index instead of building a temporary B-tree.
func TestHistory_UsesIndex(t *testing.T) {
	s := setup(t)
	seedPosts(t, s, 10)
	for _, q := range []struct{ where, arg string }{{"", ""}, {" WHERE p.account = ?", "acct-1"}} {
		args := []any{}
		if q.arg != "" {
			args = append(args, q.arg)
		}
		rows, err := s.DB().Query("EXPLAIN QUERY PLAN SELECT "+postColumns+postFrom+q.where+" ORDER BY p.updated_at DESC, p.id DESC LIMIT 20", args...)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			rows.Scan(&id, &parent, &unused, &detail)
			plan = append(plan, detail)
		}
		rows.Close()
		joined := strings.Join(plan, "; ")
		if strings.Contains(joined, "TEMP B-TREE") || !strings.Contains(joined, "INDEX posts_by") {
			t.Errorf("plan%s = %s; want an index walk", q.where, joined)
		}
	}
}

// BenchmarkHistory reads the newest 20 posts, and one account's newest 20,
// from 100,000 posts.
func BenchmarkHistory(b *testing.B) {
	s := setup(b)
	seedPosts(b, s, 100_000)
	ctx := context.Background()
	for _, f := range []HistoryFilter{{Limit: 20}, {Account: "acct-7", Limit: 20}, {Limit: 1000}} {
		b.Run(fmt.Sprintf("account=%q,limit=%d", f.Account, f.Limit), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				got, err := s.History(ctx, f)
				if err != nil || len(got) != f.Limit {
					b.Fatalf("got %d, %v", len(got), err)
				}
			}
		})
	}
}
