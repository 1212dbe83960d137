package store

import (
	"context"
	"testing"
	"time"

	"github.com/hookline/hookline/article"
)

// A draft is never a candidate; an embargoed article, or one dated in the
// future, not before its time. Releasing the draft is stored though its
// content did not change.
func TestCandidates_draftAndEmbargo(t *testing.T) {
	ctx := context.Background()
	s := setup(t)
	now := s.Now()
	draft := art("https://e.com/draft", "Draft", time.Time{}, "x")
	draft.Draft = true
	embargoed := art("https://e.com/embargo", "Embargo", time.Time{}, "y")
	embargoed.Embargo = now.Add(time.Hour)
	future := art("https://e.com/future", "Future", now.Add(24*time.Hour), "z")
	for _, a := range []*article.Article{draft, embargoed, future} {
		if _, err := s.UpsertArticle(ctx, "blog", a, false); err != nil {
			t.Fatal(err)
		}
	}
	got := func(at time.Time) []string {
		t.Helper()
		as, err := s.Candidates(ctx, CandidateQuery{Account: "box", Now: at, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		return ids(as)
	}
	if c := got(now); len(c) != 0 {
		t.Errorf("candidates now: %v; want none", c)
	}
	if c := got(now.Add(2 * time.Hour)); len(c) != 1 || c[0] != embargoed.ID {
		t.Errorf("after the embargo: %v; want %s", c, embargoed.ID)
	}
	if c := got(now.Add(48 * time.Hour)); len(c) != 2 {
		t.Errorf("after the date: %v; want two", c)
	}
	draft.Draft = false
	if _, err := s.UpsertArticle(ctx, "blog", draft, false); err != nil {
		t.Fatal(err)
	}
	if c := got(now); len(c) != 1 || c[0] != draft.ID {
		t.Errorf("released draft: %v; want %s", c, draft.ID)
	}
}
