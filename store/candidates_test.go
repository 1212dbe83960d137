package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/hookline/hookline/article"
)

func ids(as []*article.Article) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

func TestCandidates(t *testing.T) {
	ctx := context.Background()
	s := setup(t)
	now := s.Now()
	day := 24 * time.Hour
	for _, c := range []struct {
		source   string
		a        *article.Article
		seenOnly bool
	}{
		{"blog", art("https://e.com/old", "Old", now.Add(-10*day), "o"), false},
		{"blog", art("https://e.com/mid", "Mid", now.Add(-2*day), "m"), false},
		{"blog", art("https://e.com/new", "New", now.Add(-time.Hour), "n"), false},
		{"blog", art("https://e.com/seen", "Seen", now, "s"), true},
		{"feed", art("https://f.com/x", "X", now.Add(-3*day), "x"), false},
	} {
		if _, err := s.UpsertArticle(ctx, c.source, c.a, c.seenOnly); err != nil {
			t.Fatal(err)
		}
	}
	// Already posted to "mastodon", not to "x".
	post := Post{ArticleID: "https://e.com/new", Account: "mastodon", IdempotencyKey: "k"}
	if _, err := s.Claim(ctx, ClaimRequest{Post: post, Now: now}); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkPosted(ctx, post.ArticleID, post.Account, Receipt{ID: "1"}, "", now); err != nil {
		t.Fatal(err)
	}
	// Posted by hand (`hookline post`) with no source: a stub row, never a candidate.
	byHand := Post{ArticleID: "https://h.com/by-hand", Account: "mastodon", IdempotencyKey: "h", Title: "By hand"}
	if _, err := s.Claim(ctx, ClaimRequest{Post: byHand, Now: now}); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		q    CandidateQuery
		want []string
	}{
		{"newest first", CandidateQuery{Sources: []string{"blog"}, Account: "x", Limit: 10},
			[]string{"https://e.com/new", "https://e.com/mid", "https://e.com/old"}},
		{"oldest first", CandidateQuery{Sources: []string{"blog"}, Account: "x", Order: OrderOldest, Limit: 2},
			[]string{"https://e.com/old", "https://e.com/mid"}},
		{"posted excluded for that account", CandidateQuery{Sources: []string{"blog"}, Account: "mastodon", Limit: 10},
			[]string{"https://e.com/mid", "https://e.com/old"}},
		{"max age", CandidateQuery{Sources: []string{"blog", "feed"}, Account: "x", MaxAge: 5 * day, Now: now, Limit: 10},
			[]string{"https://e.com/new", "https://e.com/mid", "https://f.com/x"}},
		{"max age at the store's clock", CandidateQuery{Sources: []string{"blog", "feed"}, Account: "x", MaxAge: 5 * day, Limit: 10},
			[]string{"https://e.com/new", "https://e.com/mid", "https://f.com/x"}},
		{"all sources, limit default 1", CandidateQuery{Account: "x"}, []string{"https://e.com/new"}},
		{"all sources, no hand-posted stub", CandidateQuery{Account: "x", Limit: 10},
			[]string{"https://e.com/new", "https://e.com/mid", "https://f.com/x", "https://e.com/old"}},
		{"other source", CandidateQuery{Sources: []string{"feed"}, Account: "x", Limit: 10}, []string{"https://f.com/x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Candidates(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(got), tt.want) {
				t.Fatalf("got %v, want %v", ids(got), tt.want)
			}
		})
	}
	t.Run("random is a permutation", func(t *testing.T) {
		got, err := s.Candidates(ctx, CandidateQuery{Sources: []string{"blog"}, Account: "x", Order: OrderRandom, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		g := ids(got)
		slices.Sort(g)
		if !slices.Equal(g, []string{"https://e.com/mid", "https://e.com/new", "https://e.com/old"}) {
			t.Fatalf("random = %v", g)
		}
	})
	t.Run("bad order", func(t *testing.T) {
		if _, err := s.Candidates(ctx, CandidateQuery{Order: "sideways"}); err == nil {
			t.Fatal("no error")
		}
	})
	t.Run("edited article reposted only when asked", func(t *testing.T) {
		s.UpsertArticle(ctx, "blog", art("https://e.com/new", "New", now.Add(-time.Hour), "n, edited"), false)
		q := CandidateQuery{Sources: []string{"blog"}, Account: "mastodon", Limit: 10}
		got, _ := s.Candidates(ctx, q)
		if slices.Contains(ids(got), "https://e.com/new") {
			t.Fatal("edited article offered again without RepostEdited")
		}
		q.RepostEdited = true
		got, _ = s.Candidates(ctx, q)
		if !slices.Contains(ids(got), "https://e.com/new") {
			t.Fatalf("edited article not offered with RepostEdited: %v", ids(got))
		}
		c, err := s.Claim(ctx, ClaimRequest{Post: post, Now: now, RepostEdited: true})
		if err != nil || c.Outcome != ClaimSend || c.Post.IdempotencyKey == post.IdempotencyKey {
			t.Fatalf("repost claim = %+v, %v; want a send with a new key", c, err)
		}
	})
}

// TestReshareCandidates_storeClock: a query without Now takes the Store's
// clock, as Candidates does, for reshare_after as for embargoes and dates.
func TestReshareCandidates_storeClock(t *testing.T) {
	ctx := context.Background()
	s := setup(t)
	now := s.Now()
	day := 24 * time.Hour
	for _, a := range []*article.Article{
		art("https://e.com/evergreen", "Evergreen", now.Add(-60*day), "e"),
		art("https://e.com/recent", "Recent", now.Add(-60*day), "r"),
	} {
		if _, err := s.UpsertArticle(ctx, "blog", a, false); err != nil {
			t.Fatal(err)
		}
	}
	for id, at := range map[string]time.Time{"https://e.com/evergreen": now.Add(-40 * day), "https://e.com/recent": now.Add(-10 * day)} {
		p := Post{ArticleID: id, Account: "x", IdempotencyKey: id}
		if _, err := s.Claim(ctx, ClaimRequest{Post: p, Now: at}); err != nil {
			t.Fatal(err)
		}
		if err := s.MarkPosted(ctx, id, "x", Receipt{ID: "1"}, "", at); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.ReshareCandidates(ctx, CandidateQuery{Account: "x", Limit: 10}, 30*day)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Article.ID != "https://e.com/evergreen" || got[0].Share != 1 {
		t.Fatalf("re-shares %+v; want the evergreen article, share 1", got)
	}
}
