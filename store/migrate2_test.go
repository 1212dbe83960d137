package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/hookline/hookline/article"
)

// v1Article is an article row as schema 1 stored it: the id was the URL as
// written, or "sha256:" and a content hash that left the hook out.
type v1Article struct {
	source   string
	seenOnly bool
	// post is the state of its post to account box; empty for none.
	post string
	// stub is set for the row `hookline post` made: no source, no hash.
	stub bool
	a    article.Article
}

func (r *v1Article) finishV1() {
	h := sha256.New()
	h.Write([]byte(r.a.Title))
	h.Write([]byte{0})
	for _, p := range r.a.Paragraphs {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	r.a.Hash = hex.EncodeToString(h.Sum(nil))
	r.a.ID = r.a.URL
	if r.a.ID == "" {
		r.a.ID = "sha256:" + r.a.Hash
	}
}

// writeV1 creates a state file at schema 1 holding rows and their posts
// to account box as the previous release wrote them.
func writeV1(t *testing.T, path string, rows []*v1Article) {
	t.Helper()
	writeSchema(t, path, 1, func(tx *sql.Tx) {
		at := time.Date(2025, 2, 1, 9, 0, 0, 0, time.UTC).UnixNano()
		for i, r := range rows {
			r.finishV1()
			a := r.a
			data, _ := json.Marshal(articleV2{ID: a.ID, Source: a.Source, URL: a.URL, Title: a.Title, Hook: a.Hook, Paragraphs: a.Paragraphs,
				Keywords: a.Keywords, Image: a.Image, Lang: a.Lang, Published: a.Published, Hash: a.Hash})
			hash := r.a.Hash
			if r.stub {
				data, _ = json.Marshal(articleV2{ID: r.a.ID, Title: r.a.Title})
				hash = ""
			}
			if _, err := tx.Exec(`INSERT INTO articles (id, source, hash, title, url, first_seen, updated_at, seen_only, data)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.a.ID, r.source, hash, r.a.Title, r.a.URL, at, at+int64(i), r.seenOnly, string(data)); err != nil {
				t.Fatal(err)
			}
			if r.post == "" {
				continue
			}
			p := postV2{Account: "box", ArticleID: r.a.ID, Text: r.a.Title, IdempotencyKey: "hl-" + r.a.Hash[:8]}
			post, _ := json.Marshal(p)
			if _, err := tx.Exec(`INSERT INTO posts (article_id, account, state, attempts, idempotency_key, article_hash, post, owner,
			claimed_at, created_at, updated_at, posted_at) VALUES (?, 'box', ?, 1, ?, ?, ?, '1:gone', ?, ?, ?, ?)`,
				r.a.ID, r.post, p.IdempotencyKey, hash, string(post), at, at, at, at); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := tx.Exec(`INSERT INTO feed_state (source, etag, last_modified, first_polled, updated_at) VALUES ('notes', '"v3"', '', ?, ?)`, at, at); err != nil {
			t.Fatal(err)
		}
	})
}

// A state file of the previous release keeps working: after the upgrade,
// the sources bring the same articles under their new ids, and nothing
// posted before is posted again — nor a feed's back catalogue.
func TestOpen_MigratesV1IDsWithoutReposting(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "hookline.db")
	txt := &v1Article{source: "articles", post: "posted", a: article.Article{Source: "articles/kim.txt", Title: "Kim goes by train",
		Hook: "Guess who is travelling by train again?", Paragraphs: []string{"Kim Jong Un crossed into China by armoured train."}}}
	link := &v1Article{source: "blog", post: "posting", a: article.Article{URL: "http://www.news.example/ferry/?utm_source=rss", Title: "Ferry",
		Paragraphs: []string{"The ferry runs on batteries."}}}
	variant := &v1Article{source: "blog", a: article.Article{URL: "https://news.example/ferry", Title: "Ferry",
		Paragraphs: []string{"The ferry runs on batteries now."}}}
	backlog := &v1Article{source: "notes", seenOnly: true, a: article.Article{Title: "Old note", Paragraphs: []string{"An old note from the back catalogue."}}}
	byHand := &v1Article{stub: true, post: "posted", a: article.Article{Title: "Night train", Paragraphs: []string{"The night train returns."}}}
	writeV1(t, path, []*v1Article{txt, link, variant, backlog, byHand})

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Version(ctx); v != SchemaVersion {
		t.Fatalf("version %d, want %d", v, SchemaVersion)
	}
	var etag string
	if err := s.DB().QueryRow("SELECT etag FROM feed_state WHERE source = 'notes'").Scan(&etag); err != nil || etag != "" {
		t.Errorf("feed etag %q, %v; want it forgotten so the feed is read in full", etag, err)
	}

	// Until a source brings them again, old content-hash rows are no
	// candidates.
	if got, err := s.Candidates(ctx, CandidateQuery{Account: "other", Limit: 10}); err != nil || !slices.Equal(ids(got), []string{"https://news.example/ferry"}) {
		t.Errorf("candidates before the sources are read: %q, %v", ids(got), err)
	}

	// The sources read the same articles again, as the new release ids them.
	again := func(r *v1Article, id string) *article.Article {
		a := r.a
		a.ID, a.Hash, a.URL = id, "", r.a.URL
		a.Finish()
		return &a
	}
	for _, c := range []struct {
		source string
		a      *article.Article
		want   UpsertResult
	}{
		{"articles", again(txt, "folder:articles:kim.txt"), Unchanged},
		{"blog", again(variant, ""), Unchanged},
		{"notes", again(backlog, "feed:notes:note-1"), Unchanged},
		{"articles", again(byHand, "folder:articles:train.txt"), Unchanged},
	} {
		got, err := s.UpsertArticle(ctx, c.source, c.a, false)
		if err != nil || got != c.want {
			t.Errorf("upsert %s: %v, %v; want %v", c.a.ID, got, err, c.want)
		}
	}
	// The ferry's two links met on one id; the newer version kept it, and
	// the older one's post moved to it.
	if a, err := s.Article(ctx, "https://news.example/ferry"); err != nil || a.Paragraphs[0] != variant.a.Paragraphs[0] {
		t.Errorf("canonical ferry: %+v, %v", a, err)
	}
	for _, acct := range []string{"box", "other"} {
		got, err := s.Candidates(ctx, CandidateQuery{Account: acct, Limit: 10, RepostEdited: acct == "box"})
		if err != nil {
			t.Fatal(err)
		}
		want := []string(nil)
		if acct == "other" {
			want = []string{"folder:articles:kim.txt", "folder:articles:train.txt", "https://news.example/ferry"}
		}
		if !slices.Equal(ids(got), want) {
			t.Errorf("candidates for %s: %q, want %q", acct, ids(got), want)
		}
	}
	// Posted before: a claim under the new id is skipped, and the post left
	// posting by a crash is resent under the new id with its old key.
	c, err := s.Claim(ctx, ClaimRequest{Post: Post{Account: "box", ArticleID: "folder:articles:kim.txt", IdempotencyKey: "new-key"}, Now: time.Now()})
	if err != nil || c.Outcome != ClaimSkip {
		t.Errorf("claim of the posted .txt article: %+v, %v; want skipped", c, err)
	}
	rec, err := s.Post(ctx, "https://news.example/ferry", "box")
	if err != nil || rec.State != Posting || rec.Post.ArticleID != "https://news.example/ferry" || rec.IdempotencyKey != "hl-"+link.a.Hash[:8] {
		t.Errorf("ferry's posting row: %+v, %v", rec, err)
	}
	var n int
	if err := s.DB().QueryRow("PRAGMA foreign_key_check").Scan(&n); err != sql.ErrNoRows {
		t.Errorf("foreign key check: %v", err)
	}
}
