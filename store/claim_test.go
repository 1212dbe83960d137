package store

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"
)

func TestClaim(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	post := func(acct string) Post {
		return Post{ArticleID: "https://e.com/a", Account: acct, Text: "hook " + acct, IdempotencyKey: "key-" + acct, Title: "A"}
	}
	tests := []struct {
		name    string
		prepare func(t *testing.T, s *Store, p Post)
		want    ClaimOutcome
		attempt int
		manual  bool
	}{
		{"new row", func(*testing.T, *Store, Post) {}, ClaimSend, 1, false},
		{"posted", func(t *testing.T, s *Store, p Post) {
			claimOK(t, s, p, now)
			s.MarkPosted(ctx, p.ArticleID, p.Account, Receipt{ID: "9"}, "", now)
		}, ClaimSkip, 0, false},
		{"skipped", func(t *testing.T, s *Store, p Post) { s.Skip(ctx, p, "seen only", now) }, ClaimSkip, 0, false},
		{"in flight here", func(t *testing.T, s *Store, p Post) { claimOK(t, s, p, now) }, ClaimSkip, 0, false},
		{"crashed owner in this PID namespace", func(t *testing.T, s *Store, p Post) {
			claimOK(t, s, p, now)
			s.setInFlight(p.ArticleID, p.Account, 0, false) // the claim was another process's
			s.DB().Exec("UPDATE posts SET owner = ?", "999999@"+pidSpace+":dead")
			s.alive = func(int) bool { return false }
		}, ClaimResend, 2, false},
		// A process in another PID namespace (a second container on the
		// same volume): its PID means nothing here, its lease decides.
		{"owner in another PID namespace within lease", func(t *testing.T, s *Store, p Post) {
			claimOK(t, s, p, now)
			s.setInFlight(p.ArticleID, p.Account, 0, false)
			s.DB().Exec("UPDATE posts SET owner = '1@0123456789ab:other'")
			s.alive = func(int) bool { return false }
		}, ClaimSkip, 0, false},
		{"owner of an older release within lease", func(t *testing.T, s *Store, p Post) {
			claimOK(t, s, p, now)
			s.setInFlight(p.ArticleID, p.Account, 0, false)
			s.DB().Exec("UPDATE posts SET owner = '999999:old'")
			s.alive = func(int) bool { return false }
		}, ClaimSkip, 0, false},
		{"owner in another PID namespace past lease", func(t *testing.T, s *Store, p Post) {
			claimOK(t, s, p, now.Add(-DefaultLease))
			s.setInFlight(p.ArticleID, p.Account, 0, false)
			s.DB().Exec("UPDATE posts SET owner = '1@0123456789ab:other'")
		}, ClaimResend, 2, false},
		{"own leftover whose outcome never committed", func(t *testing.T, s *Store, p Post) {
			claimOK(t, s, p, now)
			s.setInFlight(p.ArticleID, p.Account, 0, false) // as MarkPosted does even when its commit fails
		}, ClaimResend, 2, false},
		{"live other process within lease", func(t *testing.T, s *Store, p Post) {
			claimOK(t, s, p, now)
			s.setInFlight(p.ArticleID, p.Account, 0, false)
			s.DB().Exec("UPDATE posts SET owner = '1:other'")
			s.alive = func(int) bool { return true }
		}, ClaimSkip, 0, false},
		{"live other process past lease", func(t *testing.T, s *Store, p Post) {
			claimOK(t, s, p, now.Add(-time.Hour))
			s.setInFlight(p.ArticleID, p.Account, 0, false)
			s.DB().Exec("UPDATE posts SET owner = '1:other'")
			s.alive = func(int) bool { return true }
		}, ClaimResend, 2, false},
		{"failed, due", func(t *testing.T, s *Store, p Post) {
			claimOK(t, s, p, now)
			s.MarkFailed(ctx, p.ArticleID, p.Account, "503", now, now)
		}, ClaimResend, 2, false},
		{"failed, not due", func(t *testing.T, s *Store, p Post) {
			claimOK(t, s, p, now)
			s.MarkFailed(ctx, p.ArticleID, p.Account, "503", now.Add(time.Minute), now)
		}, ClaimSkip, 0, false},
		{"failed permanently", func(t *testing.T, s *Store, p Post) {
			claimOK(t, s, p, now)
			s.MarkFailed(ctx, p.ArticleID, p.Account, "401", time.Time{}, now)
		}, ClaimSkip, 0, false},
		{"failed permanently, resent by hand", func(t *testing.T, s *Store, p Post) {
			claimOK(t, s, p, now)
			s.MarkFailed(ctx, p.ArticleID, p.Account, "401", time.Time{}, now)
		}, ClaimResend, 2, true},
		{"failed, not due, resent by hand", func(t *testing.T, s *Store, p Post) {
			claimOK(t, s, p, now)
			s.MarkFailed(ctx, p.ArticleID, p.Account, "503", now.Add(time.Minute), now)
		}, ClaimResend, 2, true},
		{"posted, not resent by hand", func(t *testing.T, s *Store, p Post) {
			claimOK(t, s, p, now)
			s.MarkPosted(ctx, p.ArticleID, p.Account, Receipt{ID: "9"}, "", now)
		}, ClaimSkip, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := setup(t)
			p := post("acct")
			tt.prepare(t, s, p)
			other := p
			other.Text = "a different text"
			c, err := s.Claim(ctx, ClaimRequest{Post: other, Now: now, Manual: tt.manual})
			if err != nil {
				t.Fatal(err)
			}
			if c.Outcome != tt.want {
				t.Fatalf("outcome = %v (%s), want %v", c.Outcome, c.Reason, tt.want)
			}
			if c.Outcome == ClaimResend && (c.Post.Text != p.Text || c.Post.IdempotencyKey != p.IdempotencyKey) {
				t.Fatalf("resend post = %+v, want the stored one", c.Post)
			}
			if c.Outcome != ClaimSkip && c.Attempt != tt.attempt {
				t.Fatalf("attempt = %d, want %d", c.Attempt, tt.attempt)
			}
			if c.Outcome == ClaimSkip && c.Reason == "" {
				t.Fatal("skip without reason")
			}
			r, err := s.Post(ctx, p.ArticleID, p.Account)
			if err != nil {
				t.Fatal(err)
			}
			if c.Outcome != ClaimSkip && (r.State != Posting || r.Owner != s.owner) {
				t.Fatalf("row after claim = %s owned by %q", r.State, r.Owner)
			}
		})
	}
}

func claimOK(t *testing.T, s *Store, p Post, now time.Time) {
	t.Helper()
	c, err := s.Claim(context.Background(), ClaimRequest{Post: p, Now: now})
	if err != nil || c.Outcome == ClaimSkip {
		t.Fatalf("claim = %+v, %v", c, err)
	}
}

func TestMarkPosted_UnknownRow(t *testing.T) {
	s := setup(t)
	err := s.MarkPosted(context.Background(), "nope", "x", Receipt{}, "", time.Now())
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
}

func TestDue(t *testing.T) {
	ctx := context.Background()
	s := setup(t)
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	mk := func(acct string) Post {
		return Post{ArticleID: "a", Account: acct, IdempotencyKey: "k" + acct}
	}
	for _, a := range []string{"crashed", "mine", "due", "later", "perm", "done"} {
		claimOK(t, s, mk(a), now)
	}
	s.setInFlight("a", "crashed", 0, false)
	s.DB().Exec("UPDATE posts SET owner = ? WHERE account = 'crashed'", "999999@"+pidSpace+":x")
	s.alive = func(int) bool { return false }
	s.MarkFailed(ctx, "a", "due", "503", now, now)
	s.MarkFailed(ctx, "a", "later", "503", now.Add(time.Hour), now)
	s.MarkFailed(ctx, "a", "perm", "401", time.Time{}, now)
	s.MarkPosted(ctx, "a", "done", Receipt{}, "", now)
	due, err := s.Due(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range due {
		got = append(got, r.Account)
	}
	if len(got) != 2 || got[0] != "crashed" || got[1] != "due" {
		t.Fatalf("due = %v, want [crashed due]", got)
	}
}

// TestStore_HoldLeases: a post in flight longer than the lease stays in
// flight for another process as long as its sender renews the lease, and
// is taken over once the renewals stop.
func TestStore_HoldLeases(t *testing.T) {
	ctx := context.Background()
	s := setup(t)
	clk := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return clk }
	other, err := Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	p := Post{ArticleID: "https://e.com/a", Account: "m", IdempotencyKey: "k"}
	claimOK(t, s, p, clk)
	for range 3 { // three leases long, renewed at each quarter
		clk = clk.Add(DefaultLease / 4)
		if err := s.RenewLeases(ctx); err != nil {
			t.Fatal(err)
		}
		clk = clk.Add(DefaultLease / 2)
		if err := s.RenewLeases(ctx); err != nil {
			t.Fatal(err)
		}
		clk = clk.Add(DefaultLease / 4)
		if c, err := other.Claim(ctx, ClaimRequest{Post: p, Now: clk}); err != nil || c.Outcome != ClaimSkip || c.Reason != "in flight" {
			t.Fatalf("other process at %v: %+v, %v; want skipped, in flight", clk, c, err)
		}
	}
	clk = clk.Add(DefaultLease)
	if c, err := other.Claim(ctx, ClaimRequest{Post: p, Now: clk}); err != nil || c.Outcome != ClaimResend {
		t.Fatalf("other process once the lease ran out: %+v, %v; want resend", c, err)
	}
}

// TestStore_HoldLeasesRenews runs the renewing goroutine: the lease of a
// post in flight moves to the Store's clock while HoldLeases is held.
func TestStore_HoldLeasesRenews(t *testing.T) {
	ctx := context.Background()
	s := setup(t)
	s.Lease = 4 * time.Millisecond // renewed every millisecond
	start := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	p := Post{ArticleID: "https://e.com/a", Account: "m", IdempotencyKey: "k"}
	claimOK(t, s, p, start)
	later := start.Add(time.Hour)
	s.Now = func() time.Time { return later }
	release := s.HoldLeases()
	deadline := time.Now().Add(10 * time.Second)
	for {
		r, err := s.Post(ctx, p.ArticleID, p.Account)
		if err != nil {
			t.Fatal(err)
		}
		if r.ClaimedAt.Equal(later) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("lease not renewed in 10s: claimed_at %v", r.ClaimedAt)
		}
		runtime.Gosched()
	}
	release()
	release() // a second call is harmless
}
