package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// A schema-3 file opens at schema 4 with every post as it was, under its
// id (the short id people type); the rebuilt table takes the new states
// and a re-share beside the first post.
func TestMigrate4_KeepsPostsAndIDs(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "hookline.db")
	at := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	post := `{"account":"box","article_id":"a","text":"Hook.","link":"","hashtags":null,"lang":"","title":"T","description":"","image":"","idempotency_key":"k"}`
	writeSchema(t, path, 3, func(tx *sql.Tx) {
		if _, err := tx.Exec(`INSERT INTO articles (id, source, hash, first_seen, updated_at, data) VALUES ('a', 'blog', 'h', ?, ?, '{"id":"a"}')`,
			at.UnixNano(), at.UnixNano()); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(`INSERT INTO posts (id, article_id, account, state, attempts, idempotency_key, article_hash, post, owner,
			claimed_at, created_at, updated_at) VALUES (17, 'a', 'box', 'posting', 1, 'k', 'h', ?, '2147483647:gone', ?, ?, ?)`,
			post, at.UnixNano(), at.UnixNano(), at.UnixNano()); err != nil {
			t.Fatal(err)
		}
	})
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Version(ctx); v != 4 {
		t.Fatalf("version %d; want 4", v)
	}
	r, err := s.PostByID(ctx, 17)
	if err != nil {
		t.Fatal(err)
	}
	if r.ArticleID != "a" || r.Account != "box" || r.State != Posting || r.Attempts != 1 || r.IdempotencyKey != "k" ||
		r.Post.Text != "Hook." || r.Share != 0 || r.ReshareOf != 0 || !r.ClaimedAt.Equal(at) {
		t.Errorf("post after migrating: %+v", r)
	}
	// A re-share is a row of its own, pointing at the first.
	p := r.Post
	p.Share, p.IdempotencyKey, p.Text = 1, "k2", "Hook again."
	recs, err := s.Propose(ctx, at, []Proposal{{Post: p}})
	if err != nil {
		t.Fatal(err)
	}
	if recs[0].ReshareOf != 17 || recs[0].Share != 1 || recs[0].State != Review {
		t.Errorf("re-share: %+v", recs[0])
	}
	var draft int
	if err := s.DB().QueryRow("SELECT draft FROM articles WHERE id = 'a'").Scan(&draft); err != nil || draft != 0 {
		t.Errorf("draft = %d, %v; want 0 for an old article", draft, err)
	}
}
