package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var reviewNow = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

func reviewPost(acct string) Post {
	return Post{ArticleID: "https://e.com/a", Account: acct, Text: "hook " + acct, IdempotencyKey: "key-" + acct, Title: "A"}
}

// propose stores one post for review and returns its id.
func propose(t *testing.T, s *Store, p Post) int64 {
	t.Helper()
	recs, err := s.Propose(context.Background(), reviewNow, []Proposal{{Post: p, Schedule: "morning"}})
	if err != nil {
		t.Fatal(err)
	}
	if recs[0].State != Review || recs[0].ID == 0 || recs[0].Schedule != "morning" {
		t.Fatalf("proposed %+v; want state review, an id, schedule morning", recs[0])
	}
	return recs[0].ID
}

// toState brings a proposed post to st through the public API.
func toState(t *testing.T, s *Store, id int64, st State) {
	t.Helper()
	ctx := context.Background()
	r, err := s.PostByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	claim := func() {
		if _, err := s.Approve(ctx, id); err != nil {
			t.Fatal(err)
		}
		c, err := s.Claim(ctx, ClaimRequest{Post: r.Post, Now: reviewNow})
		if err != nil || c.Outcome != ClaimSend {
			t.Fatalf("claim: %+v, %v", c, err)
		}
	}
	var err2 error
	switch st {
	case Review:
	case Approved:
		_, err2 = s.Approve(ctx, id)
	case Held:
		_, err2 = s.Hold(ctx, id)
	case Skipped:
		_, err2 = s.SkipPost(ctx, id, "not news")
	case Posting:
		claim()
	case Posted:
		claim()
		err2 = s.MarkPosted(ctx, r.ArticleID, r.Account, Receipt{ID: "9"}, "", reviewNow)
	case Failed:
		claim()
		err2 = s.MarkFailed(ctx, r.ArticleID, r.Account, "503", time.Time{}, reviewNow)
	default:
		t.Fatalf("no way to %s", st)
	}
	if err2 != nil {
		t.Fatal(err2)
	}
}

// Each action from each state: moved, unchanged, or refused with a
// StateError naming the post; never a row in a state the table lacks.
func TestStore_ReviewTransitions(t *testing.T) {
	ctx := context.Background()
	actions := map[string]func(s *Store, id int64) (Change, error){
		"approve": func(s *Store, id int64) (Change, error) { return s.Approve(ctx, id) },
		"hold":    func(s *Store, id int64) (Change, error) { return s.Hold(ctx, id) },
		"skip":    func(s *Store, id int64) (Change, error) { return s.SkipPost(ctx, id, "by hand") },
		"retry":   func(s *Store, id int64) (Change, error) { return s.Retry(ctx, id) },
		"edit": func(s *Store, id int64) (Change, error) {
			return s.Edit(ctx, id, Post{Text: "edited", Hashtags: []string{"#Edited"}})
		},
	}
	tests := []struct {
		from   State
		action string
		want   State // "" for refused
	}{
		{Review, "approve", Approved},
		{Review, "hold", Held},
		{Review, "skip", Skipped},
		{Review, "retry", ""},
		{Review, "edit", Review},
		{Approved, "approve", Approved},
		{Approved, "hold", Held},
		{Approved, "skip", Skipped},
		{Approved, "edit", Approved},
		{Held, "approve", Approved},
		{Held, "hold", Held},
		{Held, "edit", Held},
		{Held, "skip", Skipped},
		{Posting, "approve", Posting},
		{Posting, "hold", ""},
		{Posting, "skip", ""},
		{Posting, "edit", ""},
		{Posting, "retry", ""},
		{Posted, "approve", Posted},
		{Posted, "hold", ""},
		{Posted, "skip", ""},
		{Posted, "edit", ""},
		{Posted, "retry", ""},
		{Failed, "retry", Failed},
		{Failed, "hold", Held},
		{Failed, "skip", Skipped},
		{Failed, "edit", ""},
		{Failed, "approve", ""},
		{Skipped, "approve", ""},
		{Skipped, "skip", Skipped},
	}
	for _, tt := range tests {
		t.Run(string(tt.from)+"/"+tt.action, func(t *testing.T) {
			s := setup(t)
			id := propose(t, s, reviewPost("box"))
			toState(t, s, id, tt.from)
			ch, err := actions[tt.action](s, id)
			if tt.want == "" {
				var se *StateError
				if !errors.As(err, &se) || !errors.Is(err, ErrState) || !strings.HasPrefix(err.Error(), "post "+FormatID(id)+" is "+string(tt.from)) {
					t.Fatalf("err = %v; want a StateError naming post %d in %s", err, id, tt.from)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			got, err := s.PostByID(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			want := tt.want
			if want == "" {
				want = tt.from
			}
			if got.State != want || ch.Before != tt.from {
				t.Errorf("state %s (before %s); want %s (before %s)", got.State, ch.Before, want, tt.from)
			}
			if tt.action == "edit" && tt.want != "" && (got.Post.Text != "edited" || got.EditedAt.IsZero() || got.IdempotencyKey != "key-box") {
				t.Errorf("after edit: %+v", got)
			}
			if tt.action == "retry" && tt.want != "" && (got.NextAttempt.IsZero() || got.NextAttempt.After(s.Now())) {
				t.Errorf("retry: next attempt %v; want due now", got.NextAttempt)
			}
		})
	}
}

func TestStore_PostByIDNotFound(t *testing.T) {
	s := setup(t)
	for _, f := range []func() error{
		func() error { _, err := s.PostByID(context.Background(), 42); return err },
		func() error { _, err := s.Approve(context.Background(), 42); return err },
		func() error { _, err := s.Edit(context.Background(), 42, Post{Text: "x"}); return err },
		func() error { _, err := s.Retry(context.Background(), 42); return err },
	} {
		err := f()
		if !errors.Is(err, ErrNotFound) || !strings.HasPrefix(err.Error(), "post 42: not found") {
			t.Errorf("err = %v; want one naming post 42", err)
		}
	}
}

func TestParseID(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
	}{{"12", 12}, {"#7", 7}, {" 3 ", 3}, {"x", 0}, {"0", 0}, {"-1", 0}} {
		got, err := ParseID(tt.in)
		if got != tt.want || (err != nil) != (tt.want == 0) {
			t.Errorf("ParseID(%q) = %d, %v", tt.in, got, err)
		}
	}
}

// A proposal for a post that already has a row leaves the row (and a
// person's edit of it) alone.
func TestStore_ProposeKeepsExistingRow(t *testing.T) {
	ctx := context.Background()
	s := setup(t)
	id := propose(t, s, reviewPost("box"))
	if _, err := s.Edit(ctx, id, Post{Text: "mine"}); err != nil {
		t.Fatal(err)
	}
	recs, err := s.Propose(ctx, reviewNow, []Proposal{{Post: reviewPost("box"), Schedule: "evening"}})
	if err != nil {
		t.Fatal(err)
	}
	if recs[0].ID != id || recs[0].Post.Text != "mine" || recs[0].Schedule != "morning" {
		t.Errorf("proposed again: %+v", recs[0])
	}
}

// A post under review or held is not sent by any claim; an approved one
// is, with its stored (edited) text and key, once.
func TestStore_ClaimHonoursReview(t *testing.T) {
	ctx := context.Background()
	s := setup(t)
	p := reviewPost("box")
	id := propose(t, s, p)
	req := ClaimRequest{Post: p, Now: reviewNow, Manual: true}
	if c, err := s.Claim(ctx, req); err != nil || c.Outcome != ClaimSkip || !strings.Contains(c.Reason, "hookline approve "+FormatID(id)) {
		t.Fatalf("claim under review: %+v, %v", c, err)
	}
	if _, err := s.Hold(ctx, id); err != nil {
		t.Fatal(err)
	}
	if c, err := s.Claim(ctx, req); err != nil || c.Outcome != ClaimSkip || !strings.HasPrefix(c.Reason, "held") {
		t.Fatalf("claim held: %+v, %v", c, err)
	}
	if _, err := s.Edit(ctx, id, Post{Text: "edited text"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Approve(ctx, id); err != nil {
		t.Fatal(err)
	}
	c, err := s.Claim(ctx, req)
	if err != nil || c.Outcome != ClaimSend || c.Post.Text != "edited text" || c.Post.IdempotencyKey != "key-box" || c.Attempt != 1 {
		t.Fatalf("claim approved: %+v, %v", c, err)
	}
	if c, err := s.Claim(ctx, req); err != nil || c.Outcome != ClaimSkip {
		t.Fatalf("second claim: %+v, %v", c, err)
	}
}

func TestStore_AutoApprove(t *testing.T) {
	ctx := context.Background()
	s := setup(t)
	props := []Proposal{
		{Post: reviewPost("soon"), Schedule: "m", AutoApproveAt: reviewNow.Add(time.Hour)},
		{Post: reviewPost("later"), Schedule: "m", AutoApproveAt: reviewNow.Add(3 * time.Hour)},
		{Post: reviewPost("held"), Schedule: "m", AutoApproveAt: reviewNow.Add(time.Hour)},
		{Post: reviewPost("never"), Schedule: "m"},
	}
	recs, err := s.Propose(ctx, reviewNow, props)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Hold(ctx, recs[2].ID); err != nil {
		t.Fatal(err)
	}
	n, err := s.AutoApprove(ctx, reviewNow.Add(2*time.Hour))
	if err != nil || n != 1 {
		t.Fatalf("auto-approved %d, %v; want 1", n, err)
	}
	approved, err := s.Approved(ctx, "m")
	if err != nil || len(approved) != 1 || approved[0].Account != "soon" {
		t.Fatalf("approved = %+v, %v", approved, err)
	}
}

// Two people (two processes: two handles on one file) approve the same
// post at the same moment and each then sends it now: one claim sends,
// every other finds it in flight or posted.
func TestStore_ApproveTwiceAtOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "hookline.db")
	var handles []*Store
	for range 4 {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		handles = append(handles, s)
	}
	p := reviewPost("box")
	id := propose(t, handles[0], p)
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		sends int
		errs  []error
	)
	for _, s := range handles {
		for range 2 {
			wg.Go(func() {
				if _, err := s.Approve(ctx, id); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
					return
				}
				c, err := s.Claim(ctx, ClaimRequest{Post: p, Now: reviewNow})
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					errs = append(errs, err)
				}
				if c.Outcome != ClaimSkip {
					sends++
				}
			})
		}
	}
	wg.Wait()
	if len(errs) > 0 || sends != 1 {
		t.Fatalf("%d sends, errors %v; want exactly 1 send and no error", sends, errs)
	}
}

// An edit racing a claim (a person editing while the schedule fires): the
// edit lands before the claim and its text is sent, or it is refused
// because the post is being sent. Never an edit accepted and not sent.
func TestStore_EditDuringClaim(t *testing.T) {
	ctx := context.Background()
	for i := range 20 {
		s := setup(t)
		p := reviewPost("box")
		id := propose(t, s, p)
		if _, err := s.Approve(ctx, id); err != nil {
			t.Fatal(err)
		}
		var (
			wg      sync.WaitGroup
			c       Claim
			cerr    error
			editErr error
		)
		wg.Go(func() { c, cerr = s.Claim(ctx, ClaimRequest{Post: p, Now: reviewNow}) })
		wg.Go(func() { _, editErr = s.Edit(ctx, id, Post{Text: "edited"}) })
		wg.Wait()
		if cerr != nil || c.Outcome != ClaimSend {
			t.Fatalf("run %d: claim %+v, %v", i, c, cerr)
		}
		switch {
		case editErr == nil && c.Post.Text != "edited":
			t.Fatalf("run %d: edit accepted but %q sent", i, c.Post.Text)
		case editErr != nil && (!errors.Is(editErr, ErrState) || c.Post.Text != p.Text):
			t.Fatalf("run %d: edit %v, sent %q", i, editErr, c.Post.Text)
		}
	}
}

// Hold after the claim is refused: the post is already on its way and
// goes out once.
func TestStore_HoldAfterClaim(t *testing.T) {
	ctx := context.Background()
	s := setup(t)
	p := reviewPost("box")
	id := propose(t, s, p)
	toState(t, s, id, Posting)
	_, err := s.Hold(ctx, id)
	if !errors.Is(err, ErrState) || !strings.Contains(err.Error(), "being sent now") {
		t.Fatalf("hold: %v; want refused, being sent", err)
	}
	if err := s.MarkPosted(ctx, p.ArticleID, p.Account, Receipt{ID: "1"}, "", reviewNow); err != nil {
		t.Fatal(err)
	}
	if r, _ := s.PostByID(ctx, id); r.State != Posted {
		t.Fatalf("state %s; want posted", r.State)
	}
}
