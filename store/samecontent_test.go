package store

import (
	"context"
	"slices"
	"testing"

	"github.com/hookline/hookline/article"
)

// A story posted by hand from a file outside every source, then copied into
// a folder source, is not posted again to that account; other accounts
// still get it from the folder.
func TestCandidates_sameContentPostedUnderOtherID(t *testing.T) {
	ctx := context.Background()
	s := setup(t)
	byHand := &article.Article{ID: "file:///home/ed/kim.txt", Title: "Kim goes by train", Paragraphs: []string{"Kim crossed into China by train."}}
	byHand.Finish()
	if _, err := s.UpsertArticle(ctx, "", byHand, false); err != nil {
		t.Fatal(err)
	}
	p := Post{ArticleID: byHand.ID, Account: "box", IdempotencyKey: "k1"}
	if _, err := s.Claim(ctx, ClaimRequest{Post: p, Now: s.Now()}); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkPosted(ctx, p.ArticleID, p.Account, Receipt{ID: "1"}, "", s.Now()); err != nil {
		t.Fatal(err)
	}
	copied := *byHand
	copied.ID = "folder:articles:copy.txt"
	if _, err := s.UpsertArticle(ctx, "articles", &copied, false); err != nil {
		t.Fatal(err)
	}
	for acct, want := range map[string][]string{"box": nil, "other": {"folder:articles:copy.txt"}} {
		for _, repost := range []bool{false, true} {
			got, err := s.Candidates(ctx, CandidateQuery{Account: acct, Limit: 10, RepostEdited: repost})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(got), want) {
				t.Errorf("%s (repost_edited %v): %q, want %q", acct, repost, ids(got), want)
			}
		}
	}
}

// An article posted by hand and later found by a source, unchanged, joins
// that source, so the schedules post it to the other accounts.
func TestUpsertArticle_handPostJoinsSource(t *testing.T) {
	ctx := context.Background()
	s := setup(t)
	a := art("https://e.com/a", "A", s.Now(), "Body.")
	if _, err := s.UpsertArticle(ctx, "", a, false); err != nil {
		t.Fatal(err)
	}
	if got, err := s.UpsertArticle(ctx, "blog", a, false); err != nil || got != Unchanged {
		t.Fatalf("found by the source: %v, %v; want unchanged", got, err)
	}
	got, err := s.Candidates(ctx, CandidateQuery{Sources: []string{"blog"}, Account: "x", Limit: 10})
	if err != nil || !slices.Equal(ids(got), []string{"https://e.com/a"}) {
		t.Fatalf("candidates %q, %v", ids(got), err)
	}
}
