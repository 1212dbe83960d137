package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hookline/hookline/article"
)

// setup opens a fresh state file in a temporary folder with a fixed clock.
func setup(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "hookline.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { s.Close() })
	return s
}

func art(url, title string, published time.Time, body ...string) *article.Article {
	a := &article.Article{URL: url, Title: title, Published: published, Paragraphs: body}
	a.Finish()
	return a
}

func TestOpen_MigratesFromEmptyAndReopens(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "state.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := s.Version(ctx); err != nil || v != SchemaVersion || v < 1 {
		t.Fatalf("version = %d, %v; want %d", v, err, SchemaVersion)
	}
	var mode string
	if err := s.DB().QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk, sync int
	s.DB().QueryRow("PRAGMA foreign_keys").Scan(&fk)
	s.DB().QueryRow("PRAGMA synchronous").Scan(&sync)
	if fk != 1 || sync != 2 {
		t.Fatalf("foreign_keys = %d, synchronous = %d; want 1, 2 (FULL)", fk, sync)
	}
	if _, err := s.UpsertArticle(ctx, "blog", art("https://e.com/a", "A", time.Time{}, "x"), false); err != nil {
		t.Fatal(err)
	}
	if err := s.SetToken(ctx, "bsky", "refresh-1"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode = %v, want 0600", fi.Mode().Perm())
	}

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if s.Warning != "" {
		t.Fatalf("unexpected warning %q", s.Warning)
	}
	if v, _ := s.Version(ctx); v != SchemaVersion {
		t.Fatalf("version after reopen = %d", v)
	}
	if a, err := s.Article(ctx, "https://e.com/a"); err != nil || a.Title != "A" {
		t.Fatalf("article after reopen = %+v, %v", a, err)
	}
	if tok, err := s.Token(ctx, "bsky"); err != nil || tok != "refresh-1" {
		t.Fatalf("token after reopen = %q, %v", tok, err)
	}
}

func TestOpen_Errors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	readable := filepath.Join(dir, "readable.db")
	if err := os.WriteFile(readable, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(readable, 0o644)
	s, err := Open(ctx, readable, Options{Init: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s.Warning, "chmod 600") {
		t.Errorf("warning = %q, want a chmod 600 hint", s.Warning)
	}
	s.Close()

	garbage := filepath.Join(dir, "garbage.db")
	os.WriteFile(garbage, []byte(strings.Repeat("not a database ", 100)), 0o600)
	if _, err := Open(ctx, garbage); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), garbage) {
		t.Errorf("garbage: err = %v, want ErrCorrupt naming the file", err)
	}

	newer := filepath.Join(dir, "newer.db")
	s, err = Open(ctx, newer)
	if err != nil {
		t.Fatal(err)
	}
	s.DB().Exec("PRAGMA user_version = 999")
	s.Close()
	if _, err := Open(ctx, newer); err == nil || !strings.Contains(err.Error(), "upgrade hookline") {
		t.Errorf("newer schema: err = %v, want an upgrade hint", err)
	}

	missing := filepath.Join(dir, "no", "such", "folder", "h.db")
	if _, err := Open(ctx, missing); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing folder: err = %v", err)
	}
}

func TestUpsertArticle(t *testing.T) {
	ctx := context.Background()
	s := setup(t)
	a := art("https://e.com/1", "One", time.Time{}, "body")
	edited := art("https://e.com/1", "One", time.Time{}, "body, edited")
	tests := []struct {
		name     string
		a        *article.Article
		seenOnly bool
		want     UpsertResult
	}{
		{"new", a, true, New},
		{"same again", a, false, Unchanged},
		{"edited", edited, false, Changed},
		{"edited again, same", edited, false, Unchanged},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.UpsertArticle(ctx, "blog", tt.a, tt.seenOnly)
			if err != nil || got != tt.want {
				t.Fatalf("UpsertArticle = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
	got, err := s.Article(ctx, a.ID)
	if err != nil || got.Hash != edited.Hash || got.Paragraphs[0] != "body, edited" {
		t.Fatalf("stored = %+v, %v", got, err)
	}
	var seenOnly int
	s.DB().QueryRow("SELECT seen_only FROM articles WHERE id = ?", a.ID).Scan(&seenOnly)
	if seenOnly != 1 {
		t.Fatal("seen_only lost by an edit")
	}
	if _, err := s.Article(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing article: %v", err)
	}
	if _, err := s.UpsertArticle(ctx, "blog", &article.Article{Title: "unfinished"}, false); err == nil {
		t.Fatal("unfinished article accepted")
	}
}

func TestKeyValues(t *testing.T) {
	ctx := context.Background()
	s := setup(t)
	if e, lm, err := s.FeedState(ctx, "feed"); e != "" || lm != "" || err != nil {
		t.Fatalf("unpolled feed = %q %q %v", e, lm, err)
	}
	s.SetFeedState(ctx, "feed", `"v1"`, "Mon, 01 Jan 2024 00:00:00 GMT")
	first, _ := s.FirstPolled(ctx, "feed")
	s.Now = func() time.Time { return first.Add(time.Hour) }
	s.SetFeedState(ctx, "feed", `"v2"`, "Tue, 02 Jan 2024 00:00:00 GMT")
	e, lm, err := s.FeedState(ctx, "feed")
	if e != `"v2"` || lm != "Tue, 02 Jan 2024 00:00:00 GMT" || err != nil {
		t.Fatalf("feed state = %q %q %v", e, lm, err)
	}
	if again, _ := s.FirstPolled(ctx, "feed"); !again.Equal(first) || first.IsZero() {
		t.Fatalf("first polled moved: %v → %v", first, again)
	}
	if lr, err := s.LastRun(ctx, "hourly"); !lr.IsZero() || err != nil {
		t.Fatalf("never run = %v %v", lr, err)
	}
	when := time.Date(2025, 1, 2, 3, 4, 5, 6, time.UTC)
	s.SetLastRun(ctx, "hourly", when)
	if lr, _ := s.LastRun(ctx, "hourly"); !lr.Equal(when) {
		t.Fatalf("last run = %v, want %v", lr, when)
	}
	s.SetToken(ctx, "x", "a")
	s.SetToken(ctx, "x", "b")
	if tok, _ := s.Token(ctx, "x"); tok != "b" {
		t.Fatalf("token = %q", tok)
	}
}
