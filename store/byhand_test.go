package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// TestClaim_ByHand: a failed post a person retried is claimed as sent by
// hand, whichever process claims it (the daemon's resume pass here, not a
// manual request); a post the daemon resends on its own is not, nor a
// crash-left one a hand post claims again.
func TestClaim_ByHand(t *testing.T) {
	ctx := context.Background()
	s := setup(t)
	id := propose(t, s, reviewPost("box"))
	toState(t, s, id, Failed)
	r, err := s.PostByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	later := reviewNow.Add(time.Hour)
	if err := s.MarkFailed(ctx, r.ArticleID, r.Account, "503", reviewNow, reviewNow); err != nil {
		t.Fatal(err)
	}
	c, err := s.Claim(ctx, ClaimRequest{Post: r.Post, Now: later})
	if err != nil || c.Outcome != ClaimResend || c.ByHand {
		t.Fatalf("daemon's own resend: %+v, %v; want a resend not by hand", c, err)
	}
	if err := s.MarkFailed(ctx, r.ArticleID, r.Account, "not confirmed", time.Time{}, later); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Retry(ctx, id); err != nil {
		t.Fatal(err)
	}
	c, err = s.Claim(ctx, ClaimRequest{Post: r.Post, Now: later})
	if err != nil || c.Outcome != ClaimResend || !c.ByHand {
		t.Fatalf("resend after hookline retry: %+v, %v; want by hand", c, err)
	}
	// Failed again, a hand post of it is by hand too.
	if err := s.MarkFailed(ctx, r.ArticleID, r.Account, "not confirmed", time.Time{}, later); err != nil {
		t.Fatal(err)
	}
	c, err = s.Claim(ctx, ClaimRequest{Post: r.Post, Now: later, Manual: true})
	if err != nil || c.Outcome != ClaimResend || !c.ByHand {
		t.Fatalf("hand post of a failed post: %+v, %v; want by hand", c, err)
	}
}

// TestOpen_addsLearnedColumns: a state file whose instance_limits predates
// the version column gets it at open, keeping its rows.
func TestOpen_addsLearnedColumns(t *testing.T) {
	ctx := context.Background()
	path := oldState(t,
		"DROP TABLE instance_limits",
		"CREATE TABLE instance_limits (server TEXT PRIMARY KEY, max_chars INTEGER NOT NULL, url_length INTEGER NOT NULL, learned_at INTEGER NOT NULL) STRICT",
		"INSERT INTO instance_limits VALUES ('https://m.example', 1000, 23, 1)")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("open a file without the version column: %v", err)
	}
	defer s.Close()
	if max, _, version, _, ok, err := s.InstanceLimits(ctx, "https://m.example"); err != nil || !ok || max != 1000 || version != "" {
		t.Fatalf("kept row: %d, %q, %v, %v", max, version, ok, err)
	}
	at := time.Unix(100, 0)
	if err := s.SetInstanceLimits(ctx, "https://m.example", 1000, 23, "0.17.3", at); err != nil {
		t.Fatal(err)
	}
	if _, _, version, got, _, err := s.InstanceLimits(ctx, "https://m.example"); err != nil || version != "0.17.3" || !got.Equal(at) {
		t.Fatalf("version %q at %v, %v; want 0.17.3 at %v", version, got, err, at)
	}
}

// A file written before a learned table or column existed is read by the
// read-only commands (history, queue, sources) after it is brought up to
// date once, rather than failing on the table it lacks.
func TestOpenReadOnly_addsLearnedTables(t *testing.T) {
	ctx := context.Background()
	path := oldState(t, "DROP TABLE source_stats", "ALTER TABLE instance_limits DROP COLUMN version")
	s, err := Open(ctx, path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("open read-only a file without source_stats: %v", err)
	}
	defer s.Close()
	if st, err := s.Stats(ctx, "inbox"); err != nil || st.Pending != 0 {
		t.Fatalf("stats %+v, %v", st, err)
	}
	if _, _, _, _, ok, err := s.InstanceLimits(ctx, "https://m.example"); err != nil || ok {
		t.Fatalf("limits: %v, %v", ok, err)
	}
}

// TestPostRecord_Editable: the page offers an edit exactly where Edit
// accepts one.
func TestPostRecord_Editable(t *testing.T) {
	for _, st := range []State{Review, Approved, Held, Pending, Posting, Posted, Failed, Skipped} {
		for _, attempts := range []int{0, 1} {
			r := PostRecord{State: st, Attempts: attempts}
			want := attempts == 0 && (st == Review || st == Approved || st == Held)
			if got := r.Editable(); got != want {
				t.Errorf("state %s, %d attempts: Editable() = %v, want %v", st, attempts, got, want)
			}
		}
	}
}

// oldState makes a state file, closes it and runs SQL statements on it,
// leaving it as an older release would have; it returns its path.
func oldState(t *testing.T, stmts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hookline.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	return path
}
